import { startRedisServer } from '@latchkey/testkit'
import t from 'tap'
import { eventually, startWorkerHarness } from './helpers.js'

const past = () => new Date(Date.now() - 1000)

t.test('the sweep finds due credentials and the worker refreshes them; no expiry, no sweep', async (t) => {
  const h = await startWorkerHarness(t, { sweepIntervalMs: 500 })
  const due = await h.connect()
  const store = h.runtime.store
  const before = await store.credentials.get(due)
  t.ok(before?.refreshDueAt, 'a token with an expiry and a refresh token has a due time')
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).where('connection_id', '=', due).execute()
  const after = await eventually(async () => {
    const credential = await store.credentials.get(due)
    return credential !== undefined && credential.version > (before?.version ?? 1) ? credential : undefined
  })
  t.ok(after.refreshDueAt !== null && after.refreshDueAt.getTime() > Date.now(), 'rescheduled in the future')
  t.equal(h.quirky.counters.tokenRequests.refresh_token, 1)

  h.quirky.setModes({ expiresIn: 'absent' })
  const forever = await h.connect()
  t.equal(
    (await store.credentials.get(forever))?.refreshDueAt,
    null,
    'no expiry: not swept, refreshed on an auth failure only'
  )
  t.same(await h.runtime.jobs.sweep(), {
    refreshes: 0,
    revocations: 0,
    webhooks: 0,
    abandoned: 0,
    supersededClients: 0
  })
})

t.test('invalid_grant: red with a reason and an event, no more retries', async (t) => {
  const h = await startWorkerHarness(t)
  const id = await h.connect()
  const store = h.runtime.store
  await h.revokeRefreshTokenAtProvider(id)
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).execute()
  await h.runtime.jobs.sweep()
  const connection = await eventually(async () => {
    const c = await store.connections.get(h.tenantId, id)
    return c?.status === 'error' ? c : undefined
  })
  t.match(connection.status_reason, /must connect again/)
  const failed = await eventually(async () => (await h.runtime.queues.refresh.getJobs(['failed']))[0])
  t.equal(failed.attemptsMade, 1, 'not retried')
  t.equal(h.quirky.counters.tokenRequests.refresh_token, 1)
  const events = await store.events.list(h.tenantId, id, 5)
  t.ok(events.some((e) => e.kind === 'connection.refresh_failed'))
  t.equal((await store.credentials.get(id))?.refreshDueAt, null, 'no longer swept')
})

t.test('5xx for a while: retried with backoff, never red, refreshed once it recovers', async (t) => {
  const h = await startWorkerHarness(t)
  const id = await h.connect()
  const store = h.runtime.store
  h.quirky.setModes({ failNext: 2, failStatus: 503 })
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).execute()
  await h.runtime.jobs.sweep()
  await eventually(async () => ((await store.credentials.get(id))?.version ?? 0) > 1, 30_000)
  t.equal(h.quirky.counters.tokenRequests.refresh_token, 3, 'two failures, then success')
  t.equal((await store.connections.get(h.tenantId, id))?.status, 'connected')
  const kinds = (await store.events.list(h.tenantId, id, 10)).map((e) => e.kind)
  t.ok(kinds.includes('refresh.retryable_failure'))
  t.ok(kinds.includes('token.refreshed'))
})

t.test('revocation retried through 503s; nothing refreshes a disconnected connection', async (t) => {
  const h = await startWorkerHarness(t)
  const id = await h.connect()
  const store = h.runtime.store
  const credential = await store.credentials.get(id)
  h.quirky.setModes({ revokeFailNext: 2 })
  await h.runtime.connections.disconnect(h.tenantId, id)
  const done = await eventually(async () => {
    const row = await store.db.selectFrom('revocations').selectAll().executeTakeFirst()
    return row?.status === 'done' ? row : undefined
  }, 30_000)
  t.equal(done.attempts, 3, 'two 503s, then done')
  t.equal(h.quirky.counters.revocations, 4, 'two failures, then the refresh token and the access token')
  const kinds = (await store.events.list(h.tenantId, id, 10)).map((e) => e.kind)
  t.ok(kinds.includes('revocation.done'))
  t.ok(kinds.includes('revocation.failed'))
  const refreshed = await fetch(h.quirky.tokenUrl, {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: String(credential?.tokenSet.refreshToken),
      client_id: 'quirky-app',
      client_secret: 'quirky-secret'
    })
  })
  t.equal(refreshed.status, 400, 'revoked at the provider')

  const baseline = h.quirky.counters.tokenRequests.refresh_token ?? 0
  await h.runtime.queues.enqueueRefresh({ connectionId: id, tenantId: h.tenantId, reason: 'forced' })
  await eventually(
    async () =>
      (await h.runtime.queues.refresh.getJobs(['completed'])).length > 0 ||
      (await h.runtime.queues.refresh.count()) === 0
  )
  t.equal(h.quirky.counters.tokenRequests.refresh_token ?? 0, baseline, 'nothing refreshed the disconnected connection')
  t.same(await h.runtime.jobs.sweep(), {
    refreshes: 0,
    revocations: 0,
    webhooks: 0,
    abandoned: 0,
    supersededClients: 0
  })
})

t.test('Redis loses everything: the next sweep puts every due refresh back', async (t) => {
  const server = await startRedisServer()
  t.teardown(() => server.close())
  const h = await startWorkerHarness(t, { redisUrl: server.url })
  const ids = [await h.connect(), await h.connect(), await h.connect()]
  const store = h.runtime.store
  await h.workers.close()
  await store.db.updateTable('credentials').set({ refresh_due_at: past() }).execute()
  await h.runtime.jobs.sweep()
  t.equal(await h.runtime.queues.refresh.count(), 3)
  await h.redis.flushall()
  t.equal(await h.runtime.queues.refresh.count(), 0, 'Redis lost every job')
  t.same(
    await h.runtime.jobs.sweep(),
    { refreshes: 3, revocations: 0, webhooks: 0, abandoned: 0, supersededClients: 0 },
    'PostgreSQL still knows what is due'
  )
  t.equal(await h.runtime.queues.refresh.count(), 3)
  t.ok(ids.length === 3)
})

t.test('queued HTTP calls run on the worker and keep their answer', async (t) => {
  const h = await startWorkerHarness(t)
  const id = await h.connect()
  const jobId = await h.runtime.queues.enqueueHttp({
    tenantId: h.tenantId,
    connectionId: id,
    method: 'GET',
    url: '/reports/1',
    query: { full: 'yes' }
  })
  // The state first, then the job: a job read before it completed keeps a null returnvalue.
  const job = await eventually(async () =>
    (await h.runtime.queues.http.getJobState(jobId)) === 'completed' ? h.runtime.queues.http.getJob(jobId) : undefined
  )
  t.match(job.returnvalue, { status: 200, body: { ok: true, path: '/api/reports/1', query: { full: 'yes' } } })
  t.equal(h.quirky.counters.apiCalls, 1)
})

t.test('a deleted connection’s tokens are still revoked, from the snapshot taken at disconnect', async (t) => {
  const h = await startWorkerHarness(t)
  const id = await h.connect()
  const store = h.runtime.store
  const credential = await store.credentials.get(id)
  await h.runtime.connections.delete(h.tenantId, id)
  t.equal(await store.connections.get(h.tenantId, id), undefined, 'the connection is gone')
  const done = await eventually(async () => {
    const row = await store.db.selectFrom('revocations').selectAll().executeTakeFirst()
    return row?.status === 'done' ? row : undefined
  }, 30_000)
  t.equal(done.connection_id, id)
  t.notMatch(JSON.stringify(done), /quirky-secret|qrt_/, 'the snapshot and tokens are stored encrypted')
  const refreshed = await fetch(h.quirky.tokenUrl, {
    method: 'POST',
    headers: { accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: String(credential?.tokenSet.refreshToken),
      client_id: 'quirky-app',
      client_secret: 'quirky-secret'
    })
  })
  t.equal(refreshed.status, 400, 'revoked at the provider')
})
