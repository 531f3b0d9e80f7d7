import { randomUUID } from 'node:crypto'
import t from 'tap'
import type { Test } from 'tap'
import { sql } from 'kysely'
import { OAuthError } from '@latchkey/oauth-client'
import { testConnector } from '@latchkey/testkit'
import { MAX_ANSWER_BYTES, RuntimeError, isRetryable } from '../../src/index.js'
import { connectThrough, eventKinds, followRedirect, rejection, startRuntime } from '../helpers.js'

async function setUp(t: Test) {
  const setup = await startRuntime(t, {
    connectors: (s) => [
      testConnector(s.quirkyProvider),
      testConnector(s.quirkyProvider, { revokeUrl: undefined }, 'norevoke')
    ],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const { runtime, tenantId, stack } = setup
  await runtime.connectors.createCustom(tenantId, testConnector(stack.quirkyProvider, {}, 'custom'))
  for (const key of ['test', 'norevoke', 'custom'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  const connected = async (connector = 'test'): Promise<string> => {
    const { id } = await runtime.connections.create(tenantId, { connector })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
    return id
  }
  /** Disconnects and returns the revocation job the disconnect queued. */
  const disconnected = async (connector = 'test') => {
    const connectionId = await connected(connector)
    await runtime.connections.disconnect(tenantId, connectionId)
    const queued = (await runtime.connections.events(tenantId, connectionId, 1))[0]
    const revocationId = (queued?.detail as { revocationId?: string }).revocationId
    if (revocationId === undefined) throw new Error('no revocation was queued')
    return { revocationId, tenantId, connectionId }
  }
  return { ...setup, quirky: stack.quirkyProvider, connected, disconnected }
}

t.test('refresh jobs refresh what is due or forced, and skip what changed meanwhile', async (t) => {
  const { runtime, store, quirky, tenantId, connected } = await setUp(t)
  const id = await connected()
  const job = { tenantId, connectionId: id }

  t.equal(await runtime.jobs.refresh({ ...job, reason: 'due' }), 'skipped', 'not due yet')
  await store.db
    .updateTable('credentials')
    .set({ refresh_due_at: new Date(Date.now() - 1000) })
    .execute()
  const before = (await store.credentials.get(id))?.version
  t.equal(await runtime.jobs.refresh({ ...job, reason: 'due' }), 'done')
  t.ok(((await store.credentials.get(id))?.version ?? 0) > (before ?? 0), 'a new version')
  t.equal(await runtime.jobs.refresh({ ...job, reason: 'forced' }), 'done')
  t.equal(await runtime.jobs.refresh({ ...job, reason: 'auth_failure' }), 'done')
  t.same(quirky.counters.tokenRequests, { authorization_code: 1, refresh_token: 3 })
  t.same((await eventKinds(runtime, tenantId, id)).slice(0, 3), [
    'token.refreshed',
    'token.refreshed',
    'token.refreshed'
  ])

  const never = await runtime.connections.create(tenantId, { connector: 'test' })
  t.equal(await runtime.jobs.refresh({ tenantId, connectionId: never.id, reason: 'forced' }), 'skipped', 'no tokens')
  await runtime.connections.disconnect(tenantId, id)
  t.equal(await runtime.jobs.refresh({ ...job, reason: 'forced' }), 'skipped', 'disconnected meanwhile')
  t.equal(quirky.counters.tokenRequests.refresh_token, 3)
})

t.test('revoke jobs revoke at the provider, refresh token first, even after the connection is deleted', async (t) => {
  const { runtime, store, quirky, tenantId, disconnected } = await setUp(t)
  const job = await disconnected()
  t.equal(await runtime.jobs.revoke(job), 'done')
  t.same(
    quirky.counters.revocationLog.map((r) => r.token),
    ['refresh', 'access']
  )
  t.match(await store.revocations.get(job.revocationId), { status: 'done', tokenSet: undefined, context: {} })
  t.equal((await runtime.connections.events(tenantId, job.connectionId, 1))[0]?.kind, 'revocation.done')
  t.equal(await runtime.jobs.revoke(job), 'skipped', 'done once')
  t.equal(await runtime.jobs.revoke({ ...job, revocationId: randomUUID() }), 'skipped', 'unknown')

  const deleted = await disconnected()
  await store.connections.delete(tenantId, deleted.connectionId)
  t.equal(await runtime.jobs.revoke(deleted), 'done', 'from the snapshot taken at disconnect')
  t.equal(quirky.counters.revocations, 4)
  t.equal((await store.revocations.get(deleted.revocationId))?.status, 'done')
})

t.test('a failed revocation is retried when it can be, and given up when not', async (t) => {
  const { runtime, store, quirky, tenantId, disconnected } = await setUp(t)
  const job = await disconnected()
  quirky.setModes({ revokeFailNext: 1 })
  const retryable = await rejection(runtime.jobs.revoke(job))
  t.ok(retryable instanceof OAuthError && retryable.retryable, 'a 503 is retried')
  t.ok(isRetryable(retryable))
  t.match(await store.revocations.get(job.revocationId), { status: 'pending', attempts: 1, last_error: /./ })
  t.match((await runtime.connections.events(tenantId, job.connectionId, 1))[0], {
    kind: 'revocation.failed',
    level: 'warn',
    message: /^Revocation failed, will retry: /
  })
  t.equal(await runtime.jobs.revoke(job), 'done', 'and the retry revokes')

  const refused = await disconnected()
  quirky.setModes({ revokeClientAuth: 'client_secret_post' })
  const final = await rejection(runtime.jobs.revoke(refused))
  t.ok(final instanceof OAuthError && !final.retryable, 'a refused client is final')
  t.notOk(isRetryable(final))
  t.match(await store.revocations.get(refused.revocationId), { status: 'failed', tokenSet: undefined })
  t.same((await eventKinds(runtime, tenantId, refused.connectionId)).slice(0, 2), [
    'revocation.failed',
    'revocation.gave_up'
  ])
  t.match((await runtime.connections.events(tenantId, refused.connectionId, 2))[1], {
    message: /^Gave up revoking the tokens at the provider: .*They were deleted here/
  })
  // Giving up twice changes nothing.
  await runtime.jobs.giveUpRevocation(refused, 'again')
  t.equal(
    (await runtime.connections.events(tenantId, refused.connectionId, 10)).filter(
      (e) => e.kind === 'revocation.gave_up'
    ).length,
    1
  )

  // A worker giving up after its last attempt, for a connection deleted since: recorded, nothing logged.
  quirky.setModes({ revokeClientAuth: undefined })
  const exhausted = await disconnected()
  await store.connections.delete(tenantId, exhausted.connectionId)
  await runtime.jobs.giveUpRevocation(exhausted, 'too many tries.')
  t.match(await store.revocations.get(exhausted.revocationId), { status: 'failed', last_error: 'too many tries.' })
})

t.test('a revocation without a revoke URL, or whose connector is gone, finishes without a request', async (t) => {
  const { runtime, store, quirky, tenantId, connected, disconnected } = await setUp(t)
  // A revocation row for a connector without a revoke URL (as a connector edit since the disconnect leaves it).
  const id = await connected('norevoke')
  const taken = await store.credentials.take(id)
  if (taken === undefined) throw new Error('no tokens')
  const revocationId = await store.revocations.create(tenantId, id, taken.tokenSetEnc, { connectorKey: 'norevoke' })
  t.equal(await runtime.jobs.revoke({ revocationId, tenantId, connectionId: id }), 'not_supported')
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'revocation.not_supported',
    message: 'The provider offers no token revocation'
  })
  t.equal((await store.revocations.get(revocationId))?.status, 'done')

  const orphan = await disconnected('custom')
  await store.db.deleteFrom('custom_connectors').execute()
  runtime.catalog.forget(tenantId, 'custom')
  t.equal(await runtime.jobs.revoke(orphan), 'skipped')
  t.match(await store.revocations.get(orphan.revocationId), {
    status: 'failed',
    last_error: 'the connector no longer exists'
  })
  t.equal(quirky.counters.revocations, 0)
})

t.test('the sweep queues due refreshes, spread, and old pending revocations, and drops old sessions', async (t) => {
  const { runtime, store, queues, tenantId, connected, disconnected } = await setUp(t)
  const due = await connected()
  const notDue = await connected()
  const expiresAt = new Date(Date.now() + 20_000)
  await store.db
    .updateTable('credentials')
    .set({ refresh_due_at: new Date(Date.now() - 1000), expires_at: expiresAt })
    .where('connection_id', '=', due)
    .execute()
  const revocation = await disconnected()
  const fresh = await disconnected()
  await store.db
    .updateTable('revocations')
    .set({ created_at: sql<Date>`now() - interval '1 minute'` })
    .where('id', '=', revocation.revocationId)
    .execute()
  await store.sessions.create({
    tenantId,
    token: 'lkcs_old',
    externalId: 'c',
    connectors: null,
    expiresAt: new Date(Date.now() - 2 * 86_400_000)
  })
  await store.sessions.create({
    tenantId,
    token: 'lkcs_recent',
    externalId: 'c',
    connectors: null,
    expiresAt: new Date(Date.now() - 3_600_000)
  })
  await queues.revoke.obliterate({ force: true })

  t.same(await runtime.jobs.sweep(100, () => 1), {
    refreshes: 1,
    revocations: 1,
    webhooks: 0,
    abandoned: 0,
    supersededClients: 0
  })
  const refreshes = await queues.refresh.getJobs(['waiting', 'delayed'])
  t.same(
    refreshes.map((j) => j.data),
    [{ connectionId: due, tenantId, reason: 'due' }]
  )
  const delay = refreshes[0]?.opts.delay ?? 0
  t.ok(delay > 5_000 && delay <= 10_000, `spread within half the remaining life (${delay} ms)`)
  t.same(
    (await queues.revoke.getJobs(['waiting', 'delayed'])).map((j) => j.id),
    [`revoke-${revocation.revocationId}`],
    'only revocations pending for a while'
  )
  t.notOk(fresh.revocationId === revocation.revocationId)
  const sessions = await store.db.selectFrom('connect_sessions').select('token_hash').execute()
  t.equal(sessions.length, 1, 'the one expired for over a day is gone')
  t.notOk(refreshes.some((j) => j.data.connectionId === notDue))

  t.same(
    await runtime.jobs.sweep(100, () => 0),
    { refreshes: 1, revocations: 1, webhooks: 0, abandoned: 0, supersededClients: 0 },
    'running again is harmless'
  )
  t.equal((await queues.refresh.getJobs(['waiting', 'delayed'])).length, 1, 'deduplicated')
})

t.test('the sweep deletes attempts never connected once untouched for a day; nothing else', async (t) => {
  const { runtime, store, tenantId, connected } = await setUp(t)
  const abandoned = (await runtime.connections.create(tenantId, { connector: 'test' })).id
  const denied = (await runtime.connections.create(tenantId, { connector: 'test' })).id
  // A denied consent leaves the attempt configured, with the reason.
  await store.connections.update(tenantId, denied, { statusReason: 'The customer declined access.' })
  const recent = (await runtime.connections.create(tenantId, { connector: 'test' })).id
  const live = await connected()
  const ended = await connected()
  await runtime.connections.disconnect(tenantId, ended)
  const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
  await store.db
    .updateTable('connections')
    .set({ updated_at: twoDaysAgo })
    .where('id', 'in', [abandoned, denied, live, ended])
    .execute()
  t.same(await runtime.jobs.sweep(), { refreshes: 0, revocations: 0, webhooks: 0, abandoned: 2, supersededClients: 0 })
  t.equal(await store.connections.get(tenantId, abandoned), undefined, 'the abandoned attempt is gone')
  t.equal(await store.connections.get(tenantId, denied), undefined, 'so is the denied one')
  t.same(await store.events.list(tenantId, denied, 10), [], 'with its log')
  t.ok(await store.connections.get(tenantId, recent), 'an attempt of the last day stays')
  t.equal((await store.connections.get(tenantId, live))?.status, 'connected', 'a connection stays, however old')
  t.equal(
    (await store.connections.get(tenantId, ended))?.status,
    'disconnected',
    'a disconnected one keeps its history'
  )
})

t.test('abandonedConnectionHours 0 keeps abandoned attempts', async (t) => {
  const { runtime, store, tenantId } = await startRuntime(t, {
    connectors: (s) => [testConnector(s.quirkyProvider)],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } },
    config: { abandonedConnectionHours: 0 }
  })
  await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
  const id = (await runtime.connections.create(tenantId, { connector: 'test' })).id
  await store.db
    .updateTable('connections')
    .set({ updated_at: new Date(0) })
    .where('id', '=', id)
    .execute()
  t.match(await runtime.jobs.sweep(), { abandoned: 0, supersededClients: 0 })
  t.ok(await store.connections.get(tenantId, id))
})

t.test('http jobs run the call and read the answer, within the size cap', async (t) => {
  const { runtime, tenantId, connected } = await setUp(t)
  const id = await connected()
  t.match(
    await runtime.jobs.call({
      tenantId,
      connectionId: id,
      method: 'POST',
      url: '/items',
      body: 'hello',
      query: { a: 'b' }
    }),
    {
      status: 200,
      headers: { 'content-type': /json/ },
      body: { method: 'POST', path: '/api/items', query: { a: 'b' }, body: 'hello' }
    }
  )
  const chunks = Math.ceil(MAX_ANSWER_BYTES / (64 * 1024)) + 1
  t.match(
    await rejection(runtime.jobs.call({ tenantId, connectionId: id, method: 'GET', url: `/large?chunks=${chunks}` })),
    { code: 'answer_too_large' }
  )
  t.match(
    await runtime.jobs.call({ tenantId, connectionId: id, method: 'GET', url: '/large?chunks=1' }),
    { status: 200, body: /^x+$/ },
    'text that is not JSON stays text'
  )
})

t.test('isRetryable follows the error’s own word, and retries the unknown', async (t) => {
  t.ok(isRetryable(new RuntimeError('provider_timeout', 'slow')))
  t.notOk(isRetryable(new RuntimeError('provider_refused', 'no')))
  t.ok(isRetryable(new RuntimeError('provider_refused', 'no', undefined, { retryable: true })))
  t.ok(isRetryable(new OAuthError('server_error', { endpoint: 'revoke' })))
  t.notOk(isRetryable(new OAuthError('invalid_client', { endpoint: 'revoke' })))
  t.ok(isRetryable(new Error('a database blip')))
})

t.test(
  "a token exchange's session is ended at its logout URL on disconnect; without one it is left to expire",
  async (t) => {
    const session = (server: { url: string; apiBaseUrl: string }, key: string, logout: boolean) => ({
      key,
      name: key,
      version: '1.0.0',
      auth: {
        kind: 'tokenExchange' as const,
        fields: [
          { key: 'username', label: 'Username', secret: false },
          { key: 'password', label: 'Password' }
        ],
        request: {
          url: `${server.url}/login`,
          body: { 'credentials.name': '{{credentials.username}}', 'credentials.password': '{{credentials.password}}' }
        },
        response: { tokenPath: 'credentials.token', lifetimeSeconds: 14_400 },
        ...(logout ? { logout: { url: `${server.url}/logout` } } : {})
      },
      http: { baseUrl: server.apiBaseUrl }
    })
    const { runtime, stack, tenantId } = await startRuntime(t, {
      connectors: (s) => [
        session(s.quirkyProvider, 'reports', true),
        session(s.quirkyProvider, 'reports-plain', false)
      ],
      stack: {
        quirkyProvider: {
          clientId: 'app',
          clientSecret: 'secret',
          modes: {
            login: {
              expects: [
                { in: 'body', name: 'credentials.name', value: 'ada' },
                { in: 'body', name: 'credentials.password', value: 'pw' }
              ],
              answer: (token: string) => ({ credentials: { token } }),
              ttlSeconds: 3600
            }
          }
        }
      }
    })
    const quirky = stack.quirkyProvider
    const connected = async (connector: string) => {
      const { id } = await runtime.connections.create(tenantId, {
        connector,
        credentials: { username: 'ada', password: 'pw' }
      })
      const { accessToken } = await runtime.connections.token(tenantId, id)
      return { id, accessToken }
    }
    const asks = (token: string) =>
      fetch(`${quirky.apiBaseUrl}/me`, { headers: { authorization: `Bearer ${token}` } }).then((r) => r.status)

    const { id, accessToken } = await connected('reports')
    t.equal(await asks(accessToken), 200, 'signed in')
    await runtime.connections.disconnect(tenantId, id)
    const queued = (await runtime.connections.events(tenantId, id, 1))[0]
    t.match(queued, { kind: 'revocation.queued' })
    const revocationId = (queued?.detail as { revocationId: string }).revocationId
    t.equal(await runtime.jobs.revoke({ revocationId, tenantId, connectionId: id }), 'done')
    t.equal(quirky.counters.logouts, 1, 'the session was ended at the logout URL')
    t.equal(await asks(accessToken), 401, 'the session token no longer works')
    t.match((await runtime.connections.events(tenantId, id, 1))[0], { kind: 'revocation.done' })

    const plain = await connected('reports-plain')
    await runtime.connections.disconnect(tenantId, plain.id)
    t.match((await runtime.connections.events(tenantId, plain.id, 1))[0], {
      kind: 'revocation.not_supported',
      message: /deleted here/
    })
    t.equal(quirky.counters.logouts, 1, 'nothing to call')
    t.equal(await asks(plain.accessToken), 200, 'left to expire')
  }
)
