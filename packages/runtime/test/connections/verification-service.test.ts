import t from 'tap'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { QuirkyProvider } from '@latchkey/testkit'
import { eventKinds, rejection, startRuntime } from '../helpers.js'

const UNKNOWN = '00000000-0000-4000-8000-000000000000'

const connectors = (quirky: QuirkyProvider): ConnectorDefinitionJson[] => [
  {
    key: 'verified',
    name: 'Verified',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
    http: { baseUrl: quirky.apiBaseUrl },
    verification: {
      path: '/me',
      identity: { login: 'account.login', team: 'account.team.name', id: 'account.id', gone: 'nope', whole: 'account' }
    }
  },
  {
    key: 'viewer',
    name: 'Viewer',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
    http: { baseUrl: `${quirky.apiBaseUrl}/v2` },
    verification: {
      method: 'POST' as const,
      path: '/graphql',
      body: '{"query":"{viewer{login}}"}',
      identity: { size: 'bodyLength', path: 'path' }
    }
  },
  {
    key: 'sited',
    name: 'Sited',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
    http: { baseUrl: `${quirky.apiBaseUrl}/ex/{{account.site}}` },
    verification: { from: 'origin' as const, path: '/accessible-resources', identity: { site: '0.id' } }
  },
  {
    key: 'silent',
    name: 'Silent',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
    http: { baseUrl: quirky.apiBaseUrl }
  }
]

t.test('connecting runs the connector’s “who am I” request and keeps the identity it declares', async (t) => {
  const { runtime, store, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => connectors(s.quirkyProvider),
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const quirky = stack.quirkyProvider
  quirky.addApiKey('k-good')

  const { id } = await runtime.connections.create(tenantId, {
    connector: 'verified',
    credentials: { apiKey: 'k-good' }
  })
  const row = await store.connections.get(tenantId, id)
  t.same(
    row?.account,
    { login: 'quirky-user', team: 'Quirky Team', id: 42 },
    'plain values only, missing ones left out'
  )
  t.ok(row?.verified_at instanceof Date)
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'connection.verified',
    message: 'Verified as quirky-user, Quirky Team, 42',
    detail: { status: 200 }
  })
  t.equal(quirky.counters.apiCalls, 1)

  // On demand: the provider's text kept short and storable.
  quirky.setApiAnswer('/api/me', { account: { login: `a\u0000b${'x'.repeat(300)}`, id: true } })
  const again = await runtime.verification.verify(tenantId, id)
  t.equal(again.ok, true)
  t.equal((again.account?.login as string).length, 256)
  t.match(again.account, { login: /^a\uFFFDbx+$/, id: true })
  t.same((await store.connections.get(tenantId, id))?.account, again.account)

  const viewer = await runtime.connections.create(tenantId, { connector: 'viewer', credentials: { apiKey: 'k-good' } })
  t.same(
    (await store.connections.get(tenantId, viewer.id))?.account,
    {
      size: '{"query":"{viewer{login}}"}'.length,
      path: '/api/v2/graphql'
    },
    'a POST with its JSON body, below the base URL'
  )

  quirky.setApiAnswer('/accessible-resources', [{ id: 'site-7' }])
  const sited = await runtime.connections.create(tenantId, { connector: 'sited', credentials: { apiKey: 'k-good' } })
  t.same((await store.connections.get(tenantId, sited.id))?.account, { site: 'site-7' }, 'asked at the origin')
  t.match(await runtime.verification.verify(tenantId, sited.id), { ok: true, account: { site: 'site-7' } })

  const silent = await runtime.connections.create(tenantId, { connector: 'silent', credentials: { apiKey: 'k-good' } })
  t.equal((await store.connections.get(tenantId, silent.id))?.verified_at, null, 'nothing declared, nothing run')
  t.match(await rejection(runtime.verification.verify(tenantId, silent.id)), {
    code: 'not_declared',
    message: 'the connector "silent" declares no verification request'
  })
  t.match(await rejection(runtime.verification.verify(tenantId, UNKNOWN)), { code: 'not_found' })
  await runtime.verification.afterConnect({ ref: { tenantId, connectionId: UNKNOWN }, messages: [] })
})

t.test('a refused or failed verification says why, on the connection and in its log', async (t) => {
  const { runtime, stack, tenantId } = await startRuntime(t, {
    connectors: (s) => connectors(s.quirkyProvider),
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const quirky = stack.quirkyProvider
  quirky.addApiKey('k-good')

  const refused = await runtime.connections.create(tenantId, {
    connector: 'verified',
    credentials: { apiKey: 'k-revoked' }
  })
  const view = await runtime.connections.get(tenantId, refused.id)
  t.equal(view.status, 'error', 'the helper turned it red')
  t.match(view.statusReason, /^Verification failed: the provider refused the api key \(HTTP 401\)/)
  t.same((await eventKinds(runtime, tenantId, refused.id)).slice(0, 2), [
    'connection.verification_failed',
    'connection.auth_failed'
  ])

  const { id } = await runtime.connections.create(tenantId, {
    connector: 'verified',
    credentials: { apiKey: 'k-good' }
  })
  quirky.setModes({ apiFailNext: 1, apiFailStatus: 404 })
  t.same(await runtime.verification.verify(tenantId, id), {
    ok: false,
    status: 404,
    account: null,
    reason: 'the provider answered HTTP 404 to /me'
  })
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'connection.verification_failed',
    level: 'warn',
    detail: { status: 404 }
  })
  t.equal((await runtime.connections.get(tenantId, id)).status, 'connected', 'a failed verification is no auth failure')

  // The call itself cannot be made: the failure is the helper's reason.
  await runtime.connections.disconnect(tenantId, id)
  t.match(await runtime.verification.verify(tenantId, id), {
    ok: false,
    status: null,
    reason: /disconnected/
  })
})
