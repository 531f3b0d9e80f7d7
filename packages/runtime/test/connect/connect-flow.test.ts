import t from 'tap'
import { testConnector } from '@latchkey/testkit'
import { bindingCookieName } from '../../src/index.js'
import {
  PUBLIC_URL,
  REDIRECT_URI,
  connectThrough,
  eventKinds,
  followRedirect,
  rejection,
  startRuntime,
  startTokenOf,
  started
} from '../helpers.js'

const quirkyStack = {
  quirkyProvider: { clientId: 'app', clientSecret: 'secret' }
} as const

t.test('authorize, start, approve, callback with the real authorization server: connected', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.authorizationServer, { issuer: s.authorizationServer.issuer }, 'sandbox')],
    stack: {
      authorizationServer: {
        clients: [{ clientId: 'sandbox-app', clientSecret: 'sandbox-secret', redirectUris: [REDIRECT_URI] }]
      }
    }
  })
  const server = stack.authorizationServer
  await runtime.connectors.setApp(tenantId, 'sandbox', { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'sandbox', externalId: 'customer-42' })

  const { authorizeUrl, expiresAt } = await runtime.connect.authorize(tenantId, id)
  t.match(authorizeUrl, new RegExp(`^${PUBLIC_URL}/oauth/start/[A-Za-z0-9_-]{43}$`))
  t.ok(Date.parse(expiresAt) - Date.now() > 590_000, 'the attempt lasts ten minutes')
  const attempt = await store.attempts.findByStartToken(startTokenOf(authorizeUrl))
  t.equal(attempt?.connection_id, id)

  const start = started(await runtime.connect.start(startTokenOf(authorizeUrl)))
  const provider = new URL(start.redirectTo)
  t.equal(provider.origin, server.issuer)
  t.equal(provider.searchParams.get('redirect_uri'), REDIRECT_URI)
  t.equal(provider.searchParams.get('code_challenge_method'), 'S256')
  t.equal(provider.searchParams.get('scope'), 'read')
  t.match(start.cookie, { name: bindingCookieName(attempt?.id ?? ''), path: '/oauth/callback' })
  t.ok(start.cookie.maxAgeSeconds > 590 && start.cookie.maxAgeSeconds <= 600)
  t.match(await runtime.connect.start(startTokenOf(authorizeUrl)), { ok: false, code: 'already_started' })

  const callback = await server.approve(start.redirectTo)
  const cookies = { [start.cookie.name]: start.cookie.value }
  const outcome = await runtime.connect.callback(callback.searchParams, cookies)
  t.same(outcome, { ok: true, connectionId: id, connectorName: 'Sandbox' })
  t.match(await runtime.connections.get(tenantId, id), {
    status: 'connected',
    statusReason: null,
    scopes: { requested: ['read'], granted: ['read'] }
  })
  const stored = await store.credentials.get(id)
  t.type(stored?.tokenSet.refreshToken, 'string', 'the refresh token is kept')
  const token = await runtime.connections.token(tenantId, id)
  const me = await fetch(server.apiUrl, { headers: { authorization: `Bearer ${token.accessToken}` } })
  t.same(await me.json(), { sub: 'alice', scope: 'read', clientId: 'sandbox-app' }, 'the token the server issued')
  t.same(await eventKinds(runtime, tenantId, id), ['connection.connected', 'connect.started', 'connection.created'])

  // The same response again, as a query object this time: refused before any token request.
  const replay = await runtime.connect.callback(Object.fromEntries(callback.searchParams), cookies)
  t.match(replay, { ok: false, code: 'replayed' })
  t.same(server.counters.tokenRequests, { authorization_code: 1 }, 'the code was exchanged once')
  const row = await store.db.selectFrom('connect_attempts').select(['outcome', 'consumed_at']).executeTakeFirst()
  t.equal(row?.outcome, 'connected')
  t.ok(row?.consumed_at instanceof Date)
})

t.test(
  'callbacks that cannot be matched to one attempt in its browser are refused before any token request',
  async (t) => {
    const { runtime, store, stack, tenantId } = await startRuntime(t, {
      connectors: (s) => [testConnector(s.quirkyProvider)],
      stack: quirkyStack
    })
    const quirky = stack.quirkyProvider
    await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
    const { id } = await runtime.connections.create(tenantId, { connector: 'test' })

    t.match(await rejection(runtime.connect.authorize(tenantId, id, { returnTo: 'https://evil.example/' })), {
      code: 'invalid_request',
      message: /returnTo must be a path/
    })
    t.match(await rejection(runtime.connect.authorize(tenantId, '00000000-0000-4000-8000-000000000000')), {
      code: 'not_found'
    })
    t.match(await runtime.connect.start('no-such-token'), { ok: false, code: 'unknown_attempt' })

    const { authorizeUrl } = await runtime.connect.authorize(tenantId, id, { returnTo: '/connect/' })
    const start = started(await runtime.connect.start(startTokenOf(authorizeUrl)))
    const callback = await followRedirect(start.redirectTo)
    const state = callback.searchParams.get('state') ?? ''
    const code = callback.searchParams.get('code') ?? ''

    t.match(await runtime.connect.callback({ code }, {}), { ok: false, code: 'missing_state' })
    t.match(await runtime.connect.callback({ code, state: '' }, {}), { ok: false, code: 'missing_state' })
    t.match(
      await runtime.connect.callback(
        new URLSearchParams([
          ['code', code],
          ['state', state],
          ['state', state]
        ]),
        {}
      ),
      {
        ok: false,
        code: 'duplicate_parameter'
      }
    )
    t.match(await runtime.connect.callback({ code, state: 'forged' }, {}), { ok: false, code: 'unknown_state' })
    const foreign = await runtime.connect.callback(callback.searchParams, { [start.cookie.name]: 'another-browser' })
    t.match(
      foreign,
      { ok: false, code: 'foreign_browser', returnTo: '/connect/' },
      'a refusal still goes back to the wizard'
    )
    t.match(await runtime.connect.callback(callback.searchParams, {}), { ok: false, code: 'foreign_browser' })
    t.same(quirky.counters.tokenRequests, {}, 'no token request for any of them')
    t.equal((await runtime.connections.get(tenantId, id)).status, 'configured')

    // The attempt was not spent by the refusals: its own browser completes it.
    const outcome = await runtime.connect.callback(callback.searchParams, { [start.cookie.name]: start.cookie.value })
    t.same(outcome, { ok: true, connectionId: id, connectorName: 'Test', returnTo: '/connect/' })
    t.same(quirky.counters.tokenRequests, { authorization_code: 1 })
    const attempt = await store.attempts.findByState(state)
    t.equal(attempt?.return_to, '/connect/')
  }
)

t.test('expired links and attempts are refused, by the injected clock', async (t) => {
  let clock = Date.now()
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.quirkyProvider)],
    config: { now: () => clock, attemptTtlSeconds: 60 },
    stack: quirkyStack
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'test' })

  const first = await runtime.connect.authorize(tenantId, id)
  t.equal(Date.parse(first.expiresAt), clock + 60_000)
  clock += 60_000
  t.match(await runtime.connect.start(startTokenOf(first.authorizeUrl)), { ok: false, code: 'expired' })

  const second = await runtime.connect.authorize(tenantId, id)
  const start = started(await runtime.connect.start(startTokenOf(second.authorizeUrl)))
  const callback = await followRedirect(start.redirectTo)
  clock += 61_000
  t.match(await runtime.connect.callback(callback.searchParams, { [start.cookie.name]: start.cookie.value }), {
    ok: false,
    code: 'expired'
  })
  const attempt = await store.attempts.findByState(callback.searchParams.get('state') ?? '')
  t.equal(attempt?.outcome, 'expired')
  t.same(stack.quirkyProvider.counters.tokenRequests, {})
})

t.test('a denial, a refused exchange and a foreign issuer record why and store no credentials', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [
      testConnector(s.quirkyProvider),
      testConnector(s.quirkyProvider, { issuer: s.quirkyProvider.issuer, callbackParams: ['realmId'] }, 'issuing')
    ],
    stack: quirkyStack
  })
  const quirky = stack.quirkyProvider
  for (const key of ['test', 'issuing'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  const connect = async (connector: string) => {
    const { id } = await runtime.connections.create(tenantId, { connector })
    return { id, ...(await connectThrough(runtime, tenantId, id, followRedirect)) }
  }

  quirky.setModes({ deny: true, denyDescription: 'Nope, not today' })
  const denied = await connect('test')
  t.match(denied.outcome, {
    ok: false,
    code: 'access_denied',
    title: 'Access was not granted',
    description: 'Nope, not today',
    connectionId: denied.id
  })
  const deniedView = await runtime.connections.get(tenantId, denied.id)
  t.equal(deniedView.status, 'configured')
  t.ok(deniedView.statusReason, 'the hint is on the connection')
  t.same((await eventKinds(runtime, tenantId, denied.id)).slice(0, 2), ['connect.failed', 'connect.started'])
  t.equal(await store.credentials.get(denied.id), undefined)

  quirky.setModes({ deny: false, failNext: 1, failStatus: 404 })
  const failed = await connect('test')
  t.match(failed.outcome, {
    ok: false,
    code: 'token_endpoint_not_found',
    title: 'The provider’s token URL did not work',
    connectionId: failed.id
  })
  t.equal(await store.credentials.get(failed.id), undefined)
  t.same(quirky.counters.tokenRequests, { authorization_code: 1 })

  quirky.setModes({ issuer: 'https://evil.example' })
  const mixedUp = await connect('issuing')
  t.match(mixedUp.outcome, {
    ok: false,
    code: 'issuer_mismatch',
    title: 'This sign-in response came from the wrong provider'
  })
  t.same(quirky.counters.tokenRequests, { authorization_code: 1 }, 'stopped before the exchange')

  // The connector's issuer answering as itself, with a callback param kept on the connection.
  quirky.setModes({ issuer: true, callbackParams: { realmId: '4620816365' } })
  const kept = await connect('issuing')
  t.match(kept.outcome, { ok: true })
  t.match(await store.connections.get(tenantId, kept.id), { status: 'connected', metadata: { realmId: '4620816365' } })
})

t.test('an API origin from the token answer outside the trusted hosts is refused', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [
      {
        ...testConnector(s.quirkyProvider, { tokenResponse: { keepFields: ['instance_url'] } }),
        http: { baseUrl: '{{metadata.instance_url}}/v1', originHosts: ['*.my.salesforce.com'] }
      }
    ],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret', modes: { instanceUrl: true } } }
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'test' })
  const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
  t.match(outcome, {
    ok: false,
    code: 'untrusted_origin',
    title: 'The provider named an API host this connector does not trust',
    hint: /127\.0\.0\.1/,
    connectionId: id
  })
  t.equal(await store.credentials.get(id), undefined, 'nothing stored')
  t.equal((await runtime.connections.get(tenantId, id)).status, 'configured')
  t.equal(stack.quirkyProvider.counters.apiCalls, 0, 'nothing sent there')
})

t.test('authorize fails early: no browser step, no app, no PKCE the connector can use', async (t) => {
  const { runtime, tenantId, stack, sibling } = await startRuntime(t, {
    connectors: (s) => [
      testConnector(s.quirkyProvider),
      {
        key: 'keyed',
        name: 'Keyed',
        version: '1.0.0',
        auth: { kind: 'apiKey' },
        http: { baseUrl: s.quirkyProvider.apiBaseUrl }
      },
      // URLs left to the issuer's metadata, which says what PKCE it offers.
      testConnector(
        s.quirkyProvider,
        { issuer: s.quirkyProvider.issuer, authorizeUrl: undefined, tokenUrl: undefined, revokeUrl: undefined },
        'discovered'
      )
    ],
    stack: quirkyStack
  })
  const quirky = stack.quirkyProvider
  const keyed = await runtime.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: 'k' } })
  t.match(await rejection(runtime.connect.authorize(tenantId, keyed.id)), { code: 'scheme_mismatch' })

  const noApp = await runtime.connections.create(tenantId, { connector: 'test' })
  t.match(await rejection(runtime.connect.authorize(tenantId, noApp.id)), { code: 'app_not_configured' })

  await runtime.connectors.setApp(tenantId, 'discovered', { clientId: 'app', clientSecret: 'secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'discovered' })
  // Offered S256 while the attempt is made; the metadata changes before the link is opened (another process reads it).
  quirky.setModes({ metadataCodeChallengeMethods: ['S256'] })
  const { authorizeUrl } = await runtime.connect.authorize(tenantId, id)
  quirky.setModes({ metadataCodeChallengeMethods: ['plain'] })
  const other = await sibling()
  t.match(await other.connect.start(startTokenOf(authorizeUrl)), {
    ok: false,
    code: 'pkce_not_supported',
    title: 'The provider does not offer the PKCE this connector requires'
  })
  t.same((await eventKinds(runtime, tenantId, id)).slice(0, 1), ['connect.failed'])
  t.equal(quirky.counters.authorizations, 0, 'the browser was never sent there')

  const later = await sibling()
  t.match(await rejection(later.connect.authorize(tenantId, id)), {
    code: 'provider_incompatible',
    details: { oauthError: 'pkce_not_supported' }
  })
})

t.test('an issuer that promises iss on every response gets one, or the attempt stops', async (t) => {
  const { runtime, tenantId, stack } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.quirkyProvider, { issuer: s.quirkyProvider.issuer, tokenUrl: undefined })],
    stack: {
      quirkyProvider: { clientId: 'app', clientSecret: 'secret', modes: { metadataIssParameterSupported: true } }
    }
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'test' })
  const missing = await connectThrough(runtime, tenantId, id, followRedirect)
  t.match(missing.outcome, { ok: false, code: 'issuer_missing', title: 'This sign-in response cannot be trusted' })
  stack.quirkyProvider.setModes({ issuer: true })
  const present = await connectThrough(runtime, tenantId, id, followRedirect)
  t.match(present.outcome, { ok: true })
  t.same(stack.quirkyProvider.counters.tokenRequests, { authorization_code: 1 })
})

t.test('what changed between start and callback: a deleted connector, an app gone', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.quirkyProvider)],
    stack: quirkyStack
  })
  await runtime.connectors.createCustom(tenantId, testConnector(stack.quirkyProvider, {}, 'custom'))
  for (const key of ['test', 'custom'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  const begin = async (connector: string) => {
    const { id } = await runtime.connections.create(tenantId, { connector })
    const { authorizeUrl } = await runtime.connect.authorize(tenantId, id)
    const start = started(await runtime.connect.start(startTokenOf(authorizeUrl)))
    const callback = await followRedirect(start.redirectTo)
    return { id, callback, cookies: { [start.cookie.name]: start.cookie.value } }
  }
  const removeCustom = async () => {
    await store.db.deleteFrom('custom_connectors').execute()
    runtime.catalog.forget(tenantId, 'custom')
  }

  const orphan = await begin('test')
  await store.db.deleteFrom('connector_apps').where('connector_key', '=', 'test').execute()
  t.match(await runtime.connect.callback(orphan.callback.searchParams, orphan.cookies), {
    ok: false,
    code: 'app_not_configured',
    connectionId: orphan.id
  })
  t.equal(
    (await store.attempts.findByState(orphan.callback.searchParams.get('state') ?? ''))?.outcome,
    'app_not_configured'
  )
  t.same((await eventKinds(runtime, tenantId, orphan.id)).slice(0, 1), ['connect.failed'])

  const { id: waiting } = await runtime.connections.create(tenantId, { connector: 'custom' })
  const link = await runtime.connect.authorize(tenantId, waiting)
  const dropped = await begin('custom')
  await removeCustom()
  t.match(await runtime.connect.callback(dropped.callback.searchParams, dropped.cookies), {
    ok: false,
    code: 'unknown_attempt',
    title: 'This connection no longer exists'
  })
  t.equal(
    (await store.attempts.findByState(dropped.callback.searchParams.get('state') ?? ''))?.outcome,
    'connection_deleted'
  )
  t.match(await runtime.connect.start(startTokenOf(link.authorizeUrl)), {
    ok: false,
    code: 'unknown_attempt',
    title: 'This connection no longer exists'
  })
  t.same(stack.quirkyProvider.counters.tokenRequests, {}, 'no exchange for any of them')

  // A deleted connection takes its attempts with it: its link is simply unknown.
  const gone = await runtime.connections.create(tenantId, { connector: 'test' })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const { authorizeUrl } = await runtime.connect.authorize(tenantId, gone.id)
  await runtime.connections.delete(tenantId, gone.id)
  t.match(await runtime.connect.start(startTokenOf(authorizeUrl)), {
    ok: false,
    code: 'unknown_attempt',
    title: 'This connect link is not valid'
  })
})

t.test('a provider that reads token requests from the query string (ClickUp): connected, then refreshed', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => [
      testConnector(s.quirkyProvider, { tokenRequestFormat: 'query', clientAuthMethod: 'client_secret_post' })
    ],
    stack: {
      quirkyProvider: {
        clientId: 'app',
        clientSecret: 'secret',
        modes: { queryTokenRequests: true, clientAuth: 'client_secret_post' }
      }
    }
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'test' })
  const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
  t.match(outcome, { ok: true, connectionId: id })
  const first = (await store.credentials.get(id))?.tokenSet.accessToken
  t.equal(await runtime.jobs.refresh({ tenantId, connectionId: id, reason: 'forced' }), 'done')
  t.not((await store.credentials.get(id))?.tokenSet.accessToken, first, 'a new token')
  t.same(stack.quirkyProvider.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })
})
