import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import { Webhook } from 'standardwebhooks'
import { serviceUrls, startWebhookReceiver } from '@latchkey/testkit'
import { eventually, startWorkerHarness } from './helpers.js'

const WORKER = fileURLToPath(new URL('../dist/server.js', import.meta.url))

function launch(t: Test, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [WORKER], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'pipe']
  })
  child.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[worker] ${chunk.toString()}`))
  t.teardown(
    () =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : (child.once('exit', () => resolve()), child.kill('SIGKILL'))
      )
  )
  return child
}

t.test(
  'a worker killed with SIGKILL while refreshing: the job runs again and the connection keeps working',
  async (t) => {
    // The in-test workers are stopped: only the spawned worker processes take jobs.
    const h = await startWorkerHarness(t, { modes: { delayMs: 1500 } })
    await h.workers.close()
    const id = await h.connect()
    const store = h.runtime.store
    const env = {
      REDIS_URL: serviceUrls().redisUrl,
      LATCHKEY_QUEUE_PREFIX: h.prefix,
      LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
      SWEEP_INTERVAL_SECONDS: '3600',
      WORKER_LOCK_DURATION_MS: '2000',
      LATCHKEY_REFRESH_LOCK_TTL_MS: '3000',
      LOG_LEVEL: 'silent'
    }
    const database = h.databaseUrl
    const keys = h.encryptionKeys
    const first = launch(t, { ...env, DATABASE_URL: database, LATCHKEY_ENCRYPTION_KEYS: keys })
    await store.db
      .updateTable('credentials')
      .set({ refresh_due_at: new Date(Date.now() - 1000) })
      .execute()
    await h.runtime.jobs.sweep()
    // The provider has received the refresh request and is answering slowly: kill the worker now.
    await eventually(async () => (h.quirky.counters.tokenRequests.refresh_token ?? 0) >= 1)
    first.kill('SIGKILL')
    await new Promise((resolve) => first.once('exit', resolve))
    t.equal((await store.credentials.get(id))?.version, 1, 'the killed worker saved nothing')

    launch(t, { ...env, DATABASE_URL: database, LATCHKEY_ENCRYPTION_KEYS: keys })
    const refreshed = await eventually(async () => {
      const credential = await store.credentials.get(id)
      return credential !== undefined && credential.version > 1 ? credential : undefined
    }, 30_000)
    t.ok(refreshed.refreshDueAt !== null && refreshed.refreshDueAt.getTime() > Date.now())
    t.equal((await store.connections.get(h.tenantId, id))?.status, 'connected')
    t.equal(h.quirky.counters.tokenRequests.refresh_token, 2, 'the stalled job ran again')
    const response = await fetch(`${h.quirky.apiBaseUrl}/me`, {
      headers: { authorization: `Bearer ${String(refreshed.tokenSet.accessToken)}` }
    })
    t.equal(response.status, 200, 'the connection keeps working')
  }
)

t.test('a worker killed with SIGKILL mid-delivery: the webhook is delivered by the next worker', async (t) => {
  const h = await startWorkerHarness(t)
  await h.workers.close()
  const hooks = await startWebhookReceiver()
  t.teardown(() => hooks.close())
  // The first request is received and never answered: the worker is killed while it waits.
  hooks.answer((request) => (request.n === 1 ? { status: 200, hang: true } : { status: 204 }))
  const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
  const env = {
    REDIS_URL: serviceUrls().redisUrl,
    LATCHKEY_QUEUE_PREFIX: h.prefix,
    LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
    SWEEP_INTERVAL_SECONDS: '3600',
    WORKER_LOCK_DURATION_MS: '2000',
    LOG_LEVEL: 'silent',
    DATABASE_URL: h.databaseUrl,
    LATCHKEY_ENCRYPTION_KEYS: h.encryptionKeys
  }
  const first = launch(t, env)
  const test = await h.runtime.webhooks.test(h.tenantId, endpoint.id)
  await hooks.waitFor(1, undefined, 30_000)
  first.kill('SIGKILL')
  await new Promise((resolve) => first.once('exit', resolve))
  const pending = await h.runtime.webhooks.delivery(h.tenantId, endpoint.id, test.id)
  t.equal(pending.status, 'pending', 'the killed worker recorded nothing')
  t.equal(pending.attempts, 0)

  launch(t, env)
  const [, second] = await hooks.waitFor(2, undefined, 30_000)
  t.equal(second?.headers['webhook-id'], test.messageId, 'the same message, sent again')
  t.ok(new Webhook(endpoint.secret).verify(second?.body ?? '', second?.headers ?? {}), 'signed')
  const delivered = await eventually(async () => {
    const d = await h.runtime.webhooks.delivery(h.tenantId, endpoint.id, test.id)
    return d.status === 'succeeded' ? d : undefined
  }, 30_000)
  t.equal(delivered.attempts, 1, 'one recorded attempt: the lost one never finished')
})
