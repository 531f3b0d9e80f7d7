import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import { serviceUrls } from '@latchkey/testkit'
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
