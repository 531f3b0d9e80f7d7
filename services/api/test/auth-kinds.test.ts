import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import type { Test } from 'tap'
import { startAuthorizationServer, startQuirkyProvider } from '@latchkey/testkit'
import type { QuirkyProvider } from '@latchkey/testkit'
import { startHarness } from './harness.js'
import type { Harness } from './harness.js'

const SECRET = 'quirky-secret'
const API_KEY = 'ak_live_CANARY0123456789'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are matched loosely
type Answer = { status: number; body: any }

async function setup(t: Test): Promise<{
  h: Harness
  quirky: QuirkyProvider
  apiKey: string
  post: (url: string, body?: unknown) => Promise<Answer>
  get: (url: string) => Promise<Answer>
}> {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: SECRET })
  t.teardown(() => quirky.close())
  const { apiKey } = await h.createTenant()
  const post = async (url: string, body?: unknown) => {
    const response = await h.call('POST', url, { apiKey, body: body ?? {} })
    return { status: response.statusCode, body: response.json() }
  }
  const get = async (url: string) => {
    const response = await h.call('GET', url, { apiKey })
    return { status: response.statusCode, body: response.json() }
  }
  return { h, quirky, apiKey, post, get }
}

function connector(
  quirky: QuirkyProvider,
  key: string,
  auth: unknown,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  return {
    key,
    name: key,
    version: '1.0.0',
    auth,
    http: { baseUrl: quirky.apiBaseUrl },
    verification: { path: '/me', identity: { user: 'account.login', team: 'account.team.name' } },
    ...extra
  }
}

t.test(
  'API key: typed in once, stored encrypted, sent as the template says; verified with its identity; a refused key turns red',
  async (t) => {
    const { h, quirky, post, get } = await setup(t)
    quirky.addApiKey(API_KEY)
    t.equal(
      (
        await post(
          '/v1/connectors',
          connector(quirky, 'keyed', {
            kind: 'apiKey',
            template: 'Token {{apiKey}}',
            pattern: 'ak_(live|test)_[A-Za-z0-9]+',
            helpText: 'Settings → API keys'
          })
        )
      ).status,
      201
    )
    const summary = await get('/v1/connectors/keyed')
    t.match(summary.body.schemes, [
      {
        key: 'api_key',
        kind: 'apiKey',
        redirect: false,
        inputs: [{ key: 'apiKey', label: 'API key', type: 'password', required: true }]
      }
    ])
    t.match(summary.body.verification, { path: '/me' })
    t.same([...summary.body.verification.identity].sort(), ['team', 'user'])

    const bad = await post('/v1/connections', { connector: 'keyed', credentials: { apiKey: 'sk_nope' } })
    t.equal(bad.status, 400)
    t.match(bad.body.error.details, [
      { path: 'body.credentials.apiKey', message: 'is not a valid api key (Settings → API keys)' }
    ])
    t.notMatch(JSON.stringify(bad.body), /sk_nope/, 'the key is never echoed')
    const missing = await post('/v1/connections', { connector: 'keyed' })
    t.match(missing.body.error.details, [{ path: 'body.credentials.apiKey', message: 'is required: the API key' }])
    t.equal((await h.store.db.selectFrom('connections').select('id').execute()).length, 0, 'nothing half-written')

    const created = await post('/v1/connections', {
      connector: 'keyed',
      externalId: 'c1',
      credentials: { apiKey: API_KEY }
    })
    t.equal(created.status, 201)
    t.match(
      created.body,
      { status: 'connected', health: 'green', scheme: null, account: { user: 'quirky-user', team: 'Quirky Team' } },
      'verified right after connecting'
    )
    t.ok(created.body.verifiedAt)
    t.equal(quirky.counters.lastApiAuth, 'api_key')
    const stored = await h.store.db.selectFrom('credentials').select('token_set_enc').executeTakeFirstOrThrow()
    t.notMatch(stored.token_set_enc, /CANARY/, 'encrypted at rest')
    const call = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/items' })
    t.match(call.body, { status: 200, body: { ok: true, path: '/api/items' } })
    t.equal((await post(`/v1/connections/${created.body.id}/refresh`)).status, 409, 'an API key cannot be refreshed')

    // The customer revokes the key at the provider: the next call is refused and the connection turns red.
    quirky.setModes({ apiRefusesAll: true })
    const refused = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/items' })
    t.equal(refused.body.status, 401)
    const red = await get(`/v1/connections/${created.body.id}`)
    t.match(red.body, {
      status: 'error',
      health: 'red',
      statusReason:
        /the provider refused the api key \(HTTP 401\): save a new one \(it may have been revoked or rotated\)/
    })
    const verify = await post(`/v1/connections/${created.body.id}/verify`)
    t.match(verify.body, { ok: false, reason: /save a new one/ })
    const logs = h.logs.join('\n') + JSON.stringify((await get(`/v1/connections/${created.body.id}/events`)).body)
    t.notMatch(logs, /CANARY/, 'the key is in no log and no event')
    const disconnected = await post(`/v1/connections/${created.body.id}/disconnect`)
    t.equal(disconnected.body.status, 'disconnected')
    t.equal(
      (await h.store.db.selectFrom('credentials').select('connection_id').execute()).length,
      0,
      'the key is deleted'
    )
  }
)

t.test('basic auth, and a connector offering several schemes that the customer picks from', async (t) => {
  const { quirky, post, get } = await setup(t)
  quirky.addBasicUser('AC123', 'auth-token-CANARY')
  quirky.addApiKey(API_KEY)
  const schemes = [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: quirky.authorizeUrl,
      tokenUrl: quirky.tokenUrl,
      scopes: { read: 'Read' }
    },
    { kind: 'apiKey', in: 'query', name: 'api_key', label: 'Personal API key' },
    { kind: 'basic', usernameLabel: 'Account SID', passwordLabel: 'Auth token' }
  ]
  t.equal((await post('/v1/connectors', connector(quirky, 'multi', schemes))).status, 201)
  t.match((await get('/v1/connectors/multi')).body.schemes, [
    { key: 'oauth2', redirect: true },
    { key: 'api_key', label: 'Personal API key' },
    {
      key: 'basic',
      inputs: [
        { key: 'username', label: 'Account SID' },
        { key: 'password', label: 'Auth token', required: true }
      ]
    }
  ])
  const unknown = await post('/v1/connections', { connector: 'multi', scheme: 'saml' })
  t.match(unknown.body.error.details, [{ path: 'body.scheme', message: 'must be "oauth2" or "api_key" or "basic"' }])
  const wrongFields = await post('/v1/connections', {
    connector: 'multi',
    scheme: 'basic',
    credentials: { apiKey: 'x', username: 'a:b' },
    scopes: ['read']
  })
  t.same(wrongFields.body.error.details.map((d: { path: string }) => d.path).sort(), [
    'body.credentials.apiKey',
    'body.credentials.password',
    'body.credentials.username',
    'body.scopes'
  ])

  const basic = await post('/v1/connections', {
    connector: 'multi',
    scheme: 'basic',
    credentials: { username: 'AC123', password: 'auth-token-CANARY' }
  })
  t.match(basic.body, { scheme: 'basic', status: 'connected', account: { user: 'quirky-user' } })
  t.equal(quirky.counters.lastApiAuth, 'basic')
  const viaQuery = await post('/v1/connections', {
    connector: 'multi',
    scheme: 'api_key',
    credentials: { apiKey: API_KEY }
  })
  t.match(viaQuery.body, { scheme: 'api_key', health: 'green' })
  t.equal(quirky.counters.lastApiAuth, 'query')
  const oauth = await post('/v1/connections', { connector: 'multi', scheme: 'oauth2', credentials: { apiKey: 'x' } })
  t.match(oauth.body.error.details, [{ path: 'body.credentials', message: /not used by the "OAuth 2.0" scheme/ }])
  const browser = await post('/v1/connections', { connector: 'multi' })
  t.match(browser.body, { scheme: null, status: 'configured' }, 'no scheme named: the first, which needs the browser')
  t.equal(
    (await post(`/v1/connections/${viaQuery.body.id}/authorize`)).status,
    409,
    'API key connections have no browser step'
  )
  const token = await get(`/v1/connections/${basic.body.id}/token`)
  t.match(
    token.body,
    { tokenType: 'Basic', accessToken: Buffer.from('AC123:auth-token-CANARY').toString('base64') },
    'the one endpoint that hands credentials out'
  )
})

t.test(
  'client credentials: fetched on first use, cached, fetched again on expiry and on a 200 that says "invalid_auth", in single flight',
  async (t) => {
    const { h, quirky, apiKey, post } = await setup(t)
    const auth = {
      kind: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: quirky.tokenUrl,
      scopes: { read: 'Read' },
      defaultScopes: ['read'],
      clientAuthMethod: 'client_secret_post'
    }
    const http = {
      baseUrl: quirky.apiBaseUrl,
      authFailures: [{ path: 'error', equals: ['invalid_auth', 'token_revoked'] }],
      rateLimit: { resetHeader: 'x-ratelimit-reset', statuses: [403] }
    }
    t.equal(
      (await post('/v1/connectors', { key: 'machine', name: 'Machine', version: '1.0.0', auth, http })).status,
      201
    )
    const created = await post('/v1/connections', { connector: 'machine' })
    t.match(created.body, { status: 'connected', scopes: { requested: ['read'] } })
    const id = created.body.id as string
    const noApp = await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/x' })
    t.match(noApp.body.error, { code: 'app_not_configured', message: /OAuth app for "machine" is not set/ })
    t.equal(
      (
        await h.call('PUT', '/v1/connectors/machine/app', {
          apiKey,
          body: { clientId: 'quirky-app', clientSecret: SECRET }
        })
      ).statusCode,
      200
    )
    t.same(quirky.counters.tokenRequests, {}, 'nothing fetched before first use')

    const calls = await Promise.all(
      Array.from({ length: 5 }, () => post(`/v1/connections/${id}/http`, { method: 'GET', url: '/x' }))
    )
    t.same(
      calls.map((c) => c.body.status),
      [200, 200, 200, 200, 200]
    )
    t.same(quirky.counters.tokenRequests, { client_credentials: 1 }, 'five first calls, one token request')
    t.equal(calls[0]?.body.body.scope, 'read')

    // Expired at the provider, answered Slack-style: 200 {"ok":false,"error":"invalid_auth"}.
    quirky.setModes({ apiAuthErrorStyle: 'slack' })
    quirky.expireAccessTokens()
    const again = await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/x' })
    t.match(
      again.body,
      { status: 200, body: { ok: true } },
      'the 200 failure was seen, a token fetched again, the call retried'
    )
    t.same(quirky.counters.tokenRequests, { client_credentials: 2 })

    // Rate limited with a reset timestamp (GitHub's 403 + x-ratelimit-reset), no Retry-After.
    quirky.setModes({ apiFailNext: 1, apiFailStatus: 403, rateLimitReset: true })
    const before = quirky.counters.apiCalls
    const limited = await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/x' })
    t.equal(limited.body.status, 200, 'waited for the reset, then retried')
    t.equal(quirky.counters.apiCalls - before, 2)

    const events = (await h.call('GET', `/v1/connections/${id}/events`, { apiKey })).json() as {
      events: { kind: string; message: string }[]
    }
    t.match(
      events.events.filter((e) => e.kind === 'token.fetched').map((e) => e.message),
      ['Token fetched again (client credentials)', 'Token fetched (client credentials)']
    )
    t.notMatch(h.logs.join('\n'), new RegExp(SECRET))

    // Wrong secret: invalid_client turns it red with words a person can act on.
    t.equal(
      (
        await h.call('PUT', '/v1/connectors/machine/app', {
          apiKey,
          body: { clientId: 'quirky-app', clientSecret: 'wrong' }
        })
      ).statusCode,
      200
    )
    quirky.expireAccessTokens()
    const refused = await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/x' })
    t.match(refused.body.error, { message: /client ID and client secret/ })
  }
)

t.test('discovery: a connector naming only its issuer; a metadata issuer that differs is refused', async (t) => {
  const { h, quirky, apiKey, post } = await setup(t)
  const auth = { kind: 'oauth2', grant: 'client_credentials', issuer: quirky.issuer, scopes: { read: 'Read' } }
  t.equal(
    (
      await post('/v1/connectors', {
        key: 'found',
        name: 'Found',
        version: '1.0.0',
        auth,
        http: { baseUrl: quirky.apiBaseUrl }
      })
    ).status,
    201
  )
  t.equal(
    (
      await h.call('PUT', '/v1/connectors/found/app', {
        apiKey,
        body: { clientId: 'quirky-app', clientSecret: SECRET }
      })
    ).statusCode,
    200
  )
  const created = await post('/v1/connections', { connector: 'found', scopes: ['read'] })
  const call = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/x' })
  t.equal(call.body.status, 200)
  t.same(quirky.counters.tokenRequests, { client_credentials: 1 })

  quirky.setModes({ metadataIssuer: 'https://impostor.example' })
  const other = await h.createTenant('Other')
  t.equal(
    (
      await h.call('POST', '/v1/connectors', {
        apiKey: other.apiKey,
        body: {
          key: 'found',
          name: 'Found',
          version: '1.0.0',
          auth: { ...auth, issuer: `${quirky.issuer}/` },
          http: { baseUrl: quirky.apiBaseUrl }
        }
      })
    ).statusCode,
    201
  )
  t.equal(
    (
      await h.call('PUT', '/v1/connectors/found/app', {
        apiKey: other.apiKey,
        body: { clientId: 'quirky-app', clientSecret: SECRET }
      })
    ).statusCode,
    200
  )
  const second = (
    await h.call('POST', '/v1/connections', { apiKey: other.apiKey, body: { connector: 'found' } })
  ).json() as { id: string }
  const refused = (
    await h.call('POST', `/v1/connections/${second.id}/http`, {
      apiKey: other.apiKey,
      body: { method: 'GET', url: '/x' }
    })
  ).json() as { error: { code: string; message: string } }
  t.match(refused.error, { code: 'provider_incompatible', message: /metadata names another issuer/ })
})

t.test(
  'a connector without an OAuth client takes an app holding only a base URL override (a mock server, a regional host)',
  async (t) => {
    const { quirky, post, get, h, apiKey } = await setup(t)
    quirky.addApiKey(API_KEY)
    const definition = connector(
      quirky,
      'keyed',
      { kind: 'apiKey' },
      { http: { baseUrl: 'https://api.keyed.example/v1' } }
    )
    t.equal((await post('/v1/connectors', definition)).status, 201)
    const put = (body: unknown) => h.call('PUT', '/v1/connectors/keyed/app', { apiKey, body })
    const refused = await put({
      clientId: 'x',
      clientSecret: 'secret-CANARY',
      scopes: ['read'],
      overrides: { tokenUrl: quirky.tokenUrl, baseUrl: quirky.apiBaseUrl }
    })
    t.equal(refused.statusCode, 400)
    t.same(
      refused.json().error.details.map((d: { path: string }) => d.path),
      ['body.clientId', 'body.clientSecret', 'body.scopes', 'body.overrides.tokenUrl']
    )
    t.notMatch(refused.body, /CANARY/)
    t.equal(
      (await h.store.db.selectFrom('connector_apps').select('connector_key').execute()).length,
      0,
      'nothing written'
    )

    t.equal((await put({ overrides: { baseUrl: quirky.apiBaseUrl } })).statusCode, 200)
    t.match((await get('/v1/connectors/keyed/app')).body, {
      clientId: null,
      scopes: null,
      overrides: { baseUrl: quirky.apiBaseUrl }
    })
    t.equal((await get('/v1/connectors/keyed')).body.appConfigured, false, 'overrides alone are not an OAuth app')
    const created = await post('/v1/connections', { connector: 'keyed', credentials: { apiKey: API_KEY } })
    t.match(
      created.body,
      { status: 'connected', account: { user: 'quirky-user' } },
      'verified at the overridden base URL'
    )
    const call = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/items' })
    t.match(call.body, { status: 200, body: { path: '/api/items' } })
  }
)

t.test('an API URL that needs the account: refused with a hint until the verification request finds it', async (t) => {
  const { quirky, post } = await setup(t)
  quirky.addApiKey(API_KEY)
  const definition = {
    key: 'sited',
    name: 'Sited',
    version: '1.0.0',
    auth: { kind: 'apiKey' },
    http: { baseUrl: `${quirky.apiBaseUrl}/ex/{{account.site}}` },
    verification: { from: 'origin', path: '/sites', identity: { site: 'sites.0.key' } }
  }
  t.equal((await post('/v1/connectors', definition)).status, 201)
  const created = await post('/v1/connections', { connector: 'sited', credentials: { apiKey: API_KEY } })
  t.match(
    created.body,
    { status: 'connected', account: null },
    'the verification request found nothing (404 at the origin)'
  )
  const early = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/items' })
  t.equal(early.status, 409)
  t.match(
    early.body.error.message,
    /the API URL cannot be built yet: \{\{account.site\}\} has no value: the verification request finds it \(POST \/v1\/connections\/:id\/verify\)/
  )
  quirky.setApiAnswer('/sites', { sites: [{ key: 'acme-eu' }] })
  t.match((await post(`/v1/connections/${created.body.id}/verify`)).body, { ok: true, account: { site: 'acme-eu' } })
  const call = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/items' })
  t.match(call.body, { status: 200, body: { path: '/api/ex/acme-eu/items' } }, 'the site is in the URL now')
})

t.test(
  'a rotated API key replaces the old one on the same connection; refused input changes nothing; OAuth connections reconnect instead',
  async (t) => {
    const { h, quirky, post, get, apiKey } = await setup(t)
    const put = async (url: string, body: unknown) => {
      const response = await h.call('PUT', url, { apiKey, body })
      return { status: response.statusCode, body: response.json() }
    }
    quirky.addApiKey(API_KEY)
    t.equal(
      (
        await post(
          '/v1/connectors',
          connector(quirky, 'keyed', { kind: 'apiKey', pattern: 'ak_(live|test)_[A-Za-z0-9]+' })
        )
      ).status,
      201
    )
    const created = await post('/v1/connections', { connector: 'keyed', credentials: { apiKey: API_KEY } })
    const id = created.body.id as string
    quirky.setModes({ apiRefusesAll: true })
    await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/items' })
    t.match(
      (await get(`/v1/connections/${id}`)).body,
      { status: 'error', health: 'red' },
      'the old key was revoked at the provider'
    )
    quirky.setModes({ apiRefusesAll: false })

    const stored = await h.store.db
      .selectFrom('credentials')
      .select(['token_set_enc', 'version'])
      .executeTakeFirstOrThrow()
    const bad = await put(`/v1/connections/${id}/credentials`, { credentials: { apiKey: 'nope-CANARY' } })
    t.equal(bad.status, 400)
    t.match(bad.body.error.details, [{ path: 'body.credentials.apiKey', message: /is not a valid api key/ }])
    t.notMatch(JSON.stringify(bad.body), /CANARY/)
    t.same(
      await h.store.db.selectFrom('credentials').select(['token_set_enc', 'version']).executeTakeFirstOrThrow(),
      stored,
      'nothing written'
    )
    t.equal(
      (await put(`/v1/connections/${id}/credentials`, { credentials: { apiKey: 'ak_live_x', extra: 1 } })).status,
      400,
      'unknown fields are refused'
    )

    const rotated = 'ak_live_ROTATED0123456789'
    quirky.addApiKey(rotated)
    const replaced = await put(`/v1/connections/${id}/credentials`, { credentials: { apiKey: rotated } })
    t.equal(replaced.status, 200)
    t.match(
      replaced.body,
      { id, status: 'connected', statusReason: null, account: { user: 'quirky-user' } },
      'the same connection, verified with the new key'
    )
    t.notMatch(JSON.stringify(replaced.body), /ROTATED/, 'never echoed')
    const call = await post(`/v1/connections/${id}/http`, { method: 'GET', url: '/items' })
    t.equal(call.body.status, 200)
    t.equal((await get(`/v1/connections/${id}/token`)).body.accessToken, rotated, 'the new key is the one used')
    t.match(
      (await get(`/v1/connections/${id}/events?limit=3`)).body.events.map((e: { kind: string }) => e.kind),
      ['connection.verified', 'connection.credentials_replaced']
    )
    t.notMatch(h.logs.join('\n'), /ROTATED|CANARY/, 'in no log')

    const oauthConnector = {
      key: 'oauthy',
      name: 'OAuthy',
      version: '1.0.0',
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: quirky.authorizeUrl,
        tokenUrl: quirky.tokenUrl
      }
    }
    t.equal((await post('/v1/connectors', oauthConnector)).status, 201)
    t.equal(
      (await put('/v1/connectors/oauthy/app', { clientId: 'quirky-app', clientSecret: 'quirky-secret' })).status,
      200
    )
    const oauth = await post('/v1/connections', { connector: 'oauthy' })
    const refused = await put(`/v1/connections/${oauth.body.id}/credentials`, { credentials: { apiKey: rotated } })
    t.equal(refused.status, 409)
    t.match(refused.body.error.message, /gets its tokens from the provider: connect again instead/)
    t.equal(
      (
        await put('/v1/connections/00000000-0000-4000-8000-000000000000/credentials', {
          credentials: { apiKey: rotated }
        })
      ).status,
      404
    )
  }
)

t.test(
  'private_key_jwt through the API (an EC key, ES256): the app keeps a private key as its secret (encrypted, never echoed) and calls get a token signed for',
  async (t) => {
    const { h, post, apiKey } = await setup(t)
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
    const server = await startAuthorizationServer({
      clients: [
        {
          clientId: 'signed-app',
          redirectUris: ['http://127.0.0.1:1/unused/'],
          tokenEndpointAuthMethod: 'private_key_jwt',
          jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig', alg: 'ES256' }] },
          tokenEndpointAuthSigningAlg: 'ES256',
          grantTypes: ['client_credentials']
        }
      ]
    })
    t.teardown(() => server.close())
    const definition = {
      key: 'signed',
      name: 'Signed',
      version: '1.0.0',
      auth: {
        kind: 'oauth2',
        grant: 'client_credentials',
        tokenUrl: server.tokenUrl,
        clientAuthMethod: 'private_key_jwt',
        scopes: { read: 'Read' },
        defaultScopes: ['read']
      },
      http: { baseUrl: server.apiBaseUrl }
    }
    t.equal((await post('/v1/connectors', definition)).status, 201)
    // Pasted into the console's one-line secret field: the PEM arrives without its line breaks.
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString().trim().replace(/\n/g, '')
    const app = await h.call('PUT', '/v1/connectors/signed/app', {
      apiKey,
      body: { clientId: 'signed-app', clientSecret: pem }
    })
    t.equal(app.statusCode, 200)
    t.notMatch(app.body, /PRIVATE KEY/, 'the key is not echoed')
    const stored = await h.store.db.selectFrom('connector_apps').select('client_secret_enc').executeTakeFirstOrThrow()
    t.notMatch(String(stored.client_secret_enc), /PRIVATE KEY|MIG/, 'encrypted at rest')
    const created = await post('/v1/connections', { connector: 'signed' })
    const call = await post(`/v1/connections/${created.body.id}/http`, { method: 'GET', url: '/me' })
    t.match(
      call.body,
      { status: 200, body: { clientId: 'signed-app', scope: 'read' } },
      'the server accepted the signed client assertion (ES256)'
    )
    t.same(server.counters.tokenRequests, { client_credentials: 1 })
    t.notMatch(h.logs.join('\n'), /PRIVATE KEY/, 'in no log')
  }
)
