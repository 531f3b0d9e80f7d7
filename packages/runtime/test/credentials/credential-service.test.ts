import t from 'tap'
import type { Test } from 'tap'
import { testConnector } from '@latchkey/testkit'
import type { QuirkyProvider } from '@latchkey/testkit'
import { keyPrefixOf } from '@latchkey/jobs'
import { HostLimiter, encodeTokenSet } from '../../src/index.js'
import { connectThrough, eventKinds, followRedirect, rejection, startRuntime } from '../helpers.js'

const connectors = (quirky: QuirkyProvider) => [
  testConnector(quirky),
  {
    key: 'machine',
    name: 'Machine',
    version: '1.0.0',
    auth: {
      kind: 'oauth2' as const,
      grant: 'client_credentials' as const,
      tokenUrl: quirky.tokenUrl,
      scopes: { read: 'Read' },
      defaultScopes: ['read']
    },
    http: { baseUrl: quirky.apiBaseUrl }
  },
  {
    key: 'keyed',
    name: 'Keyed',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const },
    http: { baseUrl: quirky.apiBaseUrl }
  }
]

async function setUp(t: Test, modes: Partial<QuirkyProvider['modes']> = {}) {
  const setup = await startRuntime(t, {
    connectors: (s) => connectors(s.quirkyProvider),
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret', modes } }
  })
  const { runtime, tenantId } = setup
  for (const key of ['test', 'machine'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  const connected = async (): Promise<string> => {
    const { id } = await runtime.connections.create(tenantId, { connector: 'test' })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
    return id
  }
  return { ...setup, quirky: setup.stack.quirkyProvider, connected }
}

t.test('client credentials: fetched on first use in single flight, kept, fetched again near expiry', async (t) => {
  const { runtime, store, quirky, tenantId, sibling } = await setUp(t, { accessTokenTtlSeconds: 20, delayMs: 200 })
  const other = await sibling()
  const { id } = await runtime.connections.create(tenantId, { connector: 'machine' })
  t.equal(await store.credentials.get(id), undefined, 'nothing fetched at create')

  const tokens = await Promise.all([
    runtime.connections.token(tenantId, id),
    runtime.connections.token(tenantId, id),
    other.connections.token(tenantId, id)
  ])
  t.equal(quirky.counters.tokenRequests.client_credentials, 1, 'one request for two processes')
  t.equal(new Set(tokens.map((token) => token.accessToken)).size, 1, 'everyone got the same token')
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'token.fetched',
    message: 'Token fetched (client credentials)',
    detail: { reason: 'first_use', rotated: false }
  })

  // Twenty seconds of life is under the thirty a caller needs: fetched again, once.
  const again = await Promise.all([runtime.connections.token(tenantId, id), other.connections.token(tenantId, id)])
  t.equal(quirky.counters.tokenRequests.client_credentials, 2)
  t.equal(again[0].accessToken, again[1].accessToken)
  t.not(again[0].accessToken, tokens[0]?.accessToken)
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    message: 'Token fetched again (client credentials)'
  })
})

t.test('a token valid long enough comes from memory; a refresh in one process reaches the other', async (t) => {
  const { runtime, quirky, tenantId, connected, sibling } = await setUp(t)
  const other = await sibling()
  const id = await connected()
  const first = await other.connections.token(tenantId, id)
  t.equal(other.credentials.cachedTokens, 1)
  t.same(await other.connections.token(tenantId, id), first, 'served from memory')
  await runtime.connections.refresh(tenantId, id)
  for (let i = 0; i < 100 && other.credentials.cachedTokens > 0; i++) await new Promise((r) => setTimeout(r, 10))
  t.equal(other.credentials.cachedTokens, 0, 'dropped on the change feed')
  t.notSame((await other.connections.token(tenantId, id)).accessToken, first.accessToken)
  t.equal(quirky.counters.tokenRequests.refresh_token, 1)
})

t.test('concurrent refreshes in two processes make one request; its failure reaches both', async (t) => {
  const { runtime, store, quirky, tenantId, connected, sibling } = await setUp(t, { delayMs: 300 })
  const other = await sibling()
  const id = await connected()
  const connection = { id, tenant_id: tenantId }
  const version = (await store.credentials.get(id))?.version
  const [a, b] = await Promise.all([
    runtime.credentials.refresh(connection, version, 'forced'),
    other.credentials.refresh(connection, version, 'forced')
  ])
  t.equal(quirky.counters.tokenRequests.refresh_token, 1)
  t.equal(a.tokens.accessToken, b.tokens.accessToken)
  t.equal(a.version, b.version)

  // A refresh token the provider no longer knows: refused for good, red, no longer swept.
  const stored = await store.credentials.get(id)
  await store.credentials.put(tenantId, id, {
    tokenSet: { ...(stored?.tokenSet ?? {}), refreshToken: 'qrt_unknown' },
    expiresAt: new Date(Date.now() + 60_000),
    refreshDueAt: new Date(Date.now() + 30_000)
  })
  const failures = await Promise.allSettled([
    runtime.credentials.refresh(connection, undefined, 'forced'),
    other.credentials.refresh(connection, undefined, 'forced')
  ])
  t.equal(quirky.counters.tokenRequests.refresh_token, 2, 'one refused request')
  for (const failure of failures)
    t.match(failure, {
      status: 'rejected',
      reason: { code: 'provider_refused', details: { oauthError: 'invalid_grant' } }
    })
  const red = await runtime.connections.get(tenantId, id)
  t.equal(red.status, 'error')
  t.ok(red.statusReason)
  t.equal((await store.credentials.withConnection(tenantId, id))?.credential?.refreshDueAt, null, 'no longer swept')
  t.same((await eventKinds(runtime, tenantId, id)).slice(0, 1), ['connection.refresh_failed'])
})

t.test('a retryable failure leaves the connection as it is; a fresh token turns a red one green', async (t) => {
  const { runtime, store, quirky, tenantId, connected } = await setUp(t)
  const id = await connected()
  quirky.setModes({ failNext: 1, failStatus: 503, retryAfterSeconds: 5 })
  const error = await rejection(runtime.connections.refresh(tenantId, id))
  t.match(error, { code: 'provider_unreachable', retryable: true })
  t.equal((await runtime.connections.get(tenantId, id)).status, 'connected')
  t.match((await runtime.connections.events(tenantId, id, 1))[0], { kind: 'refresh.retryable_failure', level: 'warn' })

  await store.connections.update(tenantId, id, { status: 'error', statusReason: 'refused earlier' })
  await runtime.connections.refresh(tenantId, id)
  t.match(await runtime.connections.get(tenantId, id), { status: 'connected', statusReason: null })
})

t.test('what cannot be refreshed says why', async (t) => {
  const { runtime, store, tenantId, connected } = await setUp(t)
  const key = await runtime.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: 'k' } })
  t.match(await rejection(runtime.connections.refresh(tenantId, key.id)), { code: 'scheme_mismatch' })

  const never = await runtime.connections.create(tenantId, { connector: 'test' })
  t.match(await rejection(runtime.connections.token(tenantId, never.id)), {
    code: 'not_connected',
    message: 'the connection has no tokens: connect it first'
  })
  t.match(await rejection(runtime.connections.refresh(tenantId, never.id)), { code: 'not_connected' })

  const id = await connected()
  const stored = await store.credentials.get(id)
  await store.credentials.put(tenantId, id, {
    tokenSet: encodeTokenSet({
      accessToken: stored?.tokenSet.accessToken as string,
      tokenType: 'Bearer',
      expiresAt: new Date(Date.now() + 5_000),
      refreshToken: undefined,
      scopes: undefined,
      idToken: undefined,
      kept: {}
    }),
    expiresAt: new Date(Date.now() + 5_000),
    refreshDueAt: null
  })
  t.match(await rejection(runtime.connections.refresh(tenantId, id)), {
    code: 'needs_reconnect',
    message: /gave no refresh token/
  })
  t.match(
    await runtime.connections.token(tenantId, id),
    { accessToken: stored?.tokenSet.accessToken },
    'the token as it is, to its end'
  )
  t.match(await rejection(runtime.connections.token(tenantId, '00000000-0000-4000-8000-000000000000')), {
    code: 'not_found'
  })
})

t.test('background refreshes share each provider host’s slots; other refreshes never wait', async (t) => {
  const { store, stack, quirky, tenantId, connected, sibling } = await setUp(t)
  const capped = await sibling({ refreshConcurrencyPerHost: 1 })
  const id = await connected()
  const limiter = new HostLimiter({
    redis: stack.redis,
    prefix: `${keyPrefixOf(stack.prefix)}:refresh`,
    perHost: 1,
    slotTtlMs: 60_000
  })
  const held = await limiter.tryAcquire(new URL(quirky.tokenUrl).host)
  if (held === undefined) throw new Error('no slot')
  await store.db
    .updateTable('credentials')
    .set({ refresh_due_at: new Date(Date.now() - 1000) })
    .execute()

  const throttled = await rejection(capped.jobs.refresh({ tenantId, connectionId: id, reason: 'due' }))
  t.match(throttled, { code: 'throttled', retryable: true, message: new RegExp(new URL(quirky.tokenUrl).host) })
  const retryAfterMs = (throttled as { details: { retryAfterMs: number } }).details.retryAfterMs
  t.ok(retryAfterMs >= 1000 && retryAfterMs < 2000)
  t.equal(quirky.counters.tokenRequests.refresh_token, undefined, 'nothing sent')
  t.equal(
    await capped.jobs.refresh({ tenantId, connectionId: id, reason: 'forced' }),
    'done',
    'a forced one goes ahead'
  )

  await held.release()
  await store.db
    .updateTable('credentials')
    .set({ refresh_due_at: new Date(Date.now() - 1000) })
    .execute()
  t.equal(await capped.jobs.refresh({ tenantId, connectionId: id, reason: 'due' }), 'done')
  t.equal(quirky.counters.tokenRequests.refresh_token, 2)
  t.ok(await limiter.tryAcquire(new URL(quirky.tokenUrl).host), 'the slot was given back')
})

t.test('client credentials: the scopes the answer grants are the connection’s granted scopes', async (t) => {
  const { runtime, tenantId, quirky } = await setUp(t, { clientCredentialsScope: 'read reports' })
  const { id } = await runtime.connections.create(tenantId, { connector: 'machine' })
  t.same((await runtime.connections.get(tenantId, id)).scopes.granted, [], 'nothing granted before a token')
  await runtime.connections.token(tenantId, id)
  t.same((await runtime.connections.get(tenantId, id)).scopes.granted, ['read', 'reports'], 'as the provider said')
  // Fetched again, narrower: the record follows.
  quirky.setModes({ clientCredentialsScope: 'read' })
  await runtime.connections.refresh(tenantId, id)
  t.same((await runtime.connections.get(tenantId, id)).scopes.granted, ['read'], 'narrowed with the new token')
})
