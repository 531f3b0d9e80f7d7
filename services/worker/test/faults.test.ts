import t from 'tap'
import { createRuntime } from '@latchkey/runtime'
import { startRedisServer } from '@latchkey/testkit'
import { eventually, startWorkerHarness } from './helpers.js'

const past = () => new Date(Date.now() - 1000)

t.test(
  'a refresh slower than the lock TTL: the lock is renewed, the refresh token is spent once, the connection stays connected',
  async (t) => {
    // Issue 13.3: a 2 s lock and a token endpoint answering in 5 s, two processes forcing a refresh 300 ms apart.
    const h = await startWorkerHarness(t, { modes: { rotateRefreshTokens: true }, config: { refreshLockTtlMs: 2_000 } })
    await h.workers.close()
    const id = await h.connect()
    const other = createRuntime({
      store: h.runtime.store,
      queues: h.runtime.queues,
      redis: h.redis,
      connectors: [],
      config: { publicUrl: 'http://127.0.0.1:4999', allowPrivateNetwork: true, refreshLockTtlMs: 2_000 }
    })
    await other.start()
    h.defer(() => other.close(), 'close the other runtime')
    h.quirky.setModes({ delayMs: 5_000 })
    const before = h.quirky.counters.tokenRequests.refresh_token ?? 0
    const first = h.runtime.connections.refresh(h.tenantId, id)
    await new Promise((resolve) => setTimeout(resolve, 300))
    const second = other.connections.refresh(h.tenantId, id)
    await Promise.all([first, second])
    t.equal(
      (h.quirky.counters.tokenRequests.refresh_token ?? 0) - before,
      1,
      'one refresh request: the second process waited for the first'
    )
    const connection = await h.runtime.store.connections.get(h.tenantId, id)
    t.equal(connection?.status, 'connected')
    const stored = await h.runtime.store.credentials.get(id)
    t.equal(
      stored?.tokenSet.refreshToken,
      h.quirky.issuedRefreshTokens.at(-1),
      'the stored refresh token is the last one issued'
    )
    h.quirky.setModes({ delayMs: 0 })
    const call = await h.runtime.http.call(h.tenantId, id, { method: 'GET', url: '/me' })
    t.equal(call.status, 200, 'the tokens work')
  }
)

t.test(
  'Redis restarted empty: the worker re-creates the sweep scheduler and due tokens are refreshed again',
  async (t) => {
    const server = await startRedisServer()
    t.teardown(() => server.close())
    const h = await startWorkerHarness(t, { redisUrl: server.url, sweepIntervalMs: 500, schedulerCheckMs: 1_000 })
    const id = await h.connect()
    const store = h.runtime.store
    await server.stop('kill')
    await server.start({ empty: true })
    t.equal(await h.runtime.queues.refresh.count(), 0, 'Redis came back with nothing')
    await store.db.updateTable('credentials').set({ refresh_due_at: past() }).where('connection_id', '=', id).execute()
    const refreshed = await eventually(async () => {
      const credential = await store.credentials.get(id)
      return credential !== undefined && credential.version > 1 ? credential : undefined
    }, 30_000)
    t.ok(
      refreshed.refreshDueAt !== null && refreshed.refreshDueAt.getTime() > Date.now(),
      'refreshed by the re-created sweep, rescheduled'
    )
    t.equal(h.quirky.counters.tokenRequests.refresh_token, 1)
  }
)

t.test('revoked or given-up token sets are purged; the row and the event stay', async (t) => {
  const h = await startWorkerHarness(t)
  const store = h.runtime.store
  // Disconnects a new connection and waits for its revocation to end as `status`.
  const disconnectUntil = async (status: 'done' | 'failed') => {
    const id = await h.connect()
    await h.runtime.connections.disconnect(h.tenantId, id)
    const row = await eventually(async () => {
      const found = await store.db
        .selectFrom('revocations')
        .selectAll()
        .where('connection_id', '=', id)
        .executeTakeFirst()
      return found?.status === status ? found : undefined
    }, 30_000)
    return { id, row }
  }
  const { id: revoked, row: done } = await disconnectUntil('done')
  t.equal(done.token_set_enc, null, 'the revoked tokens are gone')
  t.equal(done.context_enc, null, 'the snapshot is gone')
  // The row is finished first (which claims the outcome), then the event is logged: wait for it.
  const logged = (id: string, kind: string) =>
    eventually(
      async () => ((await store.events.list(h.tenantId, id, 10)).some((e) => e.kind === kind) ? true : undefined),
      30_000
    )
  t.ok(await logged(revoked, 'revocation.done'), 'the audit event stays')

  // The revoke endpoint now insists on JSON: the form body is refused (400 invalid_request), which retrying cannot fix.
  h.quirky.setModes({ revokeFormat: 'json' })
  const { id: refused, row: failed } = await disconnectUntil('failed')
  t.equal(failed.token_set_enc, null, 'given up: the tokens are purged too')
  t.ok(await logged(refused, 'revocation.gave_up'), 'the give-up is logged')
  t.equal(
    await h.runtime.jobs.revoke({ revocationId: failed.id, tenantId: h.tenantId, connectionId: refused }),
    'skipped',
    'a finished revocation is never tried again'
  )
})

t.test('the sweep spreads a burst of due refreshes, never past half a token’s remaining life', async (t) => {
  const h = await startWorkerHarness(t, { config: { refreshSpreadSeconds: 20 } })
  await h.workers.close()
  const ids = [await h.connect(), await h.connect(), await h.connect(), await h.connect()]
  const store = h.runtime.store
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).execute()
  // One token has 10 s left: its spread window is 5 s, not 20.
  await store.db
    .updateTable('credentials')
    .set({ expires_at: new Date(Date.now() + 10_000) })
    .where('connection_id', '=', ids[0] ?? '')
    .execute()
  const draws = [0.1, 0.5, 0.9, 0.99]
  let i = 0
  t.same(await h.runtime.jobs.sweep(5_000, () => draws[i++] ?? 0), {
    refreshes: 4,
    revocations: 0,
    webhooks: 0,
    abandoned: 0,
    supersededClients: 0
  })
  const jobs = await h.runtime.queues.refresh.getJobs(['delayed', 'waiting'])
  t.equal(jobs.length, 4)
  const delays = new Map(jobs.map((job) => [job.data.connectionId, job.opts.delay ?? 0]))
  const short = delays.get(ids[0] ?? '') ?? -1
  t.ok(short > 0 && short <= 5_000, `the short-lived token waits at most half its remaining life (${short} ms)`)
  const others = ids.slice(1).map((id) => delays.get(id) ?? -1)
  t.ok(
    others.every((delay) => delay > 0 && delay <= 20_000),
    'the others within the spread window'
  )
  t.equal(new Set(others).size, 3, 'each at its own time')
})

t.test('background refreshes are capped per provider host; the rest come back later and all get done', async (t) => {
  const h = await startWorkerHarness(t, { config: { refreshConcurrencyPerHost: 2 } })
  const ids = await Promise.all(Array.from({ length: 8 }, () => h.connect()))
  const store = h.runtime.store
  h.quirky.setModes({ delayMs: 300 })
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).execute()
  await h.runtime.jobs.sweep()
  await eventually(async () => {
    const credentials = await Promise.all(ids.map((id) => store.credentials.get(id)))
    return credentials.every((c) => c !== undefined && c.version > 1)
  }, 60_000)
  t.equal(h.quirky.counters.tokenRequests.refresh_token, 8, 'every due token refreshed once')
  t.ok(
    h.quirky.counters.maxConcurrentTokenRequests <= 2,
    `at most 2 at once against the provider (saw ${h.quirky.counters.maxConcurrentTokenRequests})`
  )
  const failed = await h.runtime.queues.refresh.getJobs(['failed'])
  t.equal(failed.length, 0, 'held back, never failed')
})

t.test(
  'Redis full at disconnect: the disconnect stands, the log says the revocation waits, the sweep queues it later',
  async (t) => {
    const server = await startRedisServer()
    t.teardown(() => server.close())
    const h = await startWorkerHarness(t, { redisUrl: server.url })
    await h.workers.close()
    const id = await h.connect()
    const store = h.runtime.store
    await server.command('CONFIG', 'SET', 'maxmemory', '1')
    const view = await h.runtime.connections.disconnect(h.tenantId, id)
    t.equal(view.status, 'disconnected', 'the disconnect took effect although Redis refused the job')
    t.equal(await store.credentials.get(id), undefined, 'the tokens are deleted')
    const events = await store.events.list(h.tenantId, id, 5)
    t.match(events[0], { kind: 'revocation.deferred', level: 'warn', message: /recorded.*sweep/ })
    const pending = await store.db
      .selectFrom('revocations')
      .selectAll()
      .where('connection_id', '=', id)
      .executeTakeFirstOrThrow()
    t.equal(pending.status, 'pending')
    await server.command('CONFIG', 'SET', 'maxmemory', '0')
    // The sweep takes revocations older than 30 s: age this one.
    await store.db
      .updateTable('revocations')
      .set({ created_at: new Date(Date.now() - 60_000) })
      .execute()
    t.same(await h.runtime.jobs.sweep(), {
      refreshes: 0,
      revocations: 1,
      webhooks: 0,
      abandoned: 0,
      supersededClients: 0
    })
    t.equal(await h.runtime.queues.revoke.count(), 1, 'queued once Redis had room again')
  }
)
