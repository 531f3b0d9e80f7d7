import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import { createJobQueues } from '@latchkey/jobs'
import { freePort, startPostgresServer, startRedisServer, startStack } from '@latchkey/testkit'
import type { QuirkyProvider, Stack } from '@latchkey/testkit'

// Issue 13.1 and 13.5: PostgreSQL or Redis going away never takes the API or the worker down;
// requests answer 503 quickly and heal by themselves, and jobs wait instead of failing.

const API = fileURLToPath(new URL('../dist/server.js', import.meta.url))
const WORKER = fileURLToPath(new URL('../../worker/dist/server.js', import.meta.url))
const ADMIN = 'admin-token-for-outage-tests-0123456789'
const API_KEY = 'ak_live_OUTAGE0123456789'

interface Launched {
  readonly child: ChildProcess
  readonly output: () => string
}

function launch(t: Test, entry: string, env: Record<string, string>): Launched {
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  t.teardown(
    () =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : (child.once('exit', () => resolve()), child.kill('SIGTERM'))
      )
  )
  return { child, output: () => output }
}

/** A launched process ended: waiting longer cannot help. */
class Exited extends Error {}

async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check().catch((error: unknown) => {
      if (error instanceof Exited) throw error
      return undefined
    })
    if (value !== undefined && value !== false) return value
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** A request that must answer, never hang: aborted (and so failing the test) after 20 s. */
async function request(
  url: string,
  init: RequestInit = {}
): Promise<{
  status: number
  body: { error?: { code: string; message: string } } & Record<string, unknown>
  retryAfter: string | null
}> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(20_000) })
  return {
    status: response.status,
    body: (await response.json()) as never,
    retryAfter: response.headers.get('retry-after')
  }
}

/**
 * A test stack with the quirky provider, and the API (and optionally a worker) on its
 * PostgreSQL or `databaseUrl` and its Redis or `redisUrl`, a tenant, and an API-key connection
 * to the quirky provider.
 */
async function startSystem(
  t: Test,
  options: { databaseUrl?: string; redisUrl?: string; worker?: boolean } = {}
): Promise<{
  stack: Stack & { readonly quirkyProvider: QuirkyProvider }
  base: string
  headers: Record<string, string>
  tenantId: string
  connectionId: string
  api: Launched
  worker: Launched | undefined
}> {
  const stack = await startStack(t, {
    databaseUrl: options.databaseUrl,
    quirkyProvider: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  const quirky = stack.quirkyProvider
  quirky.addApiKey(API_KEY)
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  const env = {
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: options.redisUrl ?? stack.redisUrl,
    LATCHKEY_ENCRYPTION_KEYS: stack.encryptionKeys,
    LATCHKEY_ADMIN_TOKEN: ADMIN,
    LATCHKEY_QUEUE_PREFIX: stack.prefix,
    LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
    PUBLIC_URL: base,
    LOG_LEVEL: 'warn'
  }
  const api = launch(t, API, { ...env, PORT: String(port) })
  await eventually(async () => {
    if (api.child.exitCode !== null) throw new Exited(`the API exited (${api.child.exitCode}): ${api.output()}`)
    return (await fetch(`${base}/readyz`)).ok
  }, 90_000).catch((error: unknown) => {
    throw new Error(`the API did not become ready: ${String(error)}; it said: ${api.output()}`)
  })
  const worker =
    options.worker === true ? launch(t, WORKER, { ...env, SWEEP_INTERVAL_SECONDS: '1', LOG_LEVEL: 'info' }) : undefined
  if (worker !== undefined) {
    await eventually(async () => {
      if (worker.child.exitCode !== null)
        throw new Exited(`the worker exited (${worker.child.exitCode}): ${worker.output()}`)
      return worker.output().includes('Latchkey worker ready')
    }, 90_000)
  }
  const tenant = (
    await request(`${base}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Outages' })
    })
  ).body as { id: string; apiKey: string }
  const headers = { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' }
  const connector = {
    key: 'keyed',
    name: 'Keyed',
    version: '1.0.0',
    auth: { kind: 'apiKey', template: 'Token {{apiKey}}' },
    http: { baseUrl: quirky.apiBaseUrl }
  }
  t.equal(
    (await request(`${base}/v1/connectors`, { method: 'POST', headers, body: JSON.stringify(connector) })).status,
    201
  )
  const created = await request(`${base}/v1/connections`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ connector: 'keyed', credentials: { apiKey: API_KEY } })
  })
  t.equal(created.status, 201)
  return { stack, base, headers, tenantId: tenant.id, connectionId: String(created.body.id), api, worker }
}

t.test(
  'PostgreSQL stopped and started again: 503s that name it, no process dies, a queued job waits and then runs',
  async (t) => {
    const postgres = await startPostgresServer()
    t.teardown(() => postgres.close())
    const { stack, base, headers, tenantId, connectionId, api, worker } = await startSystem(t, {
      databaseUrl: postgres.url,
      worker: true
    })
    const quirky = stack.quirkyProvider
    t.equal((await request(`${base}/v1/connections/${connectionId}`, { headers })).status, 200)

    await postgres.stop('immediate')
    const down = await request(`${base}/v1/connections/${connectionId}`, { headers })
    t.equal(down.status, 503)
    t.equal(down.body.error?.code, 'unavailable')
    t.match(down.body.error?.message, /PostgreSQL/)
    t.equal(down.retryAfter, '5')
    const ready = await request(`${base}/readyz`)
    t.equal(ready.status, 503)
    t.match(ready.body, { ok: false, postgres: /^down/, redis: 'ok' }, '/readyz says which dependency is down')
    const call = await request(`${base}/v1/connections/${connectionId}/http`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'GET', url: '/me' })
    })
    t.equal(call.status, 503, 'an authenticated call too')

    // A job queued while the database is down waits for it instead of spending its attempts.
    const queues = createJobQueues({ connection: stack.redis, prefix: stack.prefix })
    stack.defer(() => queues.close(), 'close the queues')
    const apiCallsBefore = quirky.counters.apiCalls
    const jobId = await queues.enqueueHttp({ tenantId, connectionId, method: 'GET', url: '/me' })
    await new Promise((resolve) => setTimeout(resolve, 3_000))
    t.not(await queues.http.getJobState(jobId), 'failed', 'the job did not fail while PostgreSQL was down')

    await postgres.start()
    const healed = await eventually(async () => {
      const answer = await request(`${base}/v1/connections/${connectionId}`, { headers })
      return answer.status === 200 ? answer : undefined
    })
    t.equal(healed.body.id, connectionId, 'the API heals by itself')
    t.equal((await request(`${base}/readyz`)).status, 200)
    await eventually(async () => (await queues.http.getJobState(jobId)) === 'completed', 60_000).catch(
      async (error: unknown) => {
        t.comment(`job state: ${await queues.http.getJobState(jobId)}; worker said: ${worker?.output() ?? ''}`)
        throw error
      }
    )
    const job = await queues.http.getJob(jobId)
    t.match(job?.returnvalue, { status: 200 }, 'the job ran once PostgreSQL was back')
    t.equal(job?.attemptsMade, 1, 'the outage spent none of its attempts: it succeeded on its first counted attempt')
    t.ok(quirky.counters.apiCalls > apiCallsBefore)
    t.equal(api.child.exitCode, null, 'the API is still running')
    t.equal(worker?.child.exitCode, null, 'the worker is still running')
    t.notMatch(
      api.output() + (worker?.output() ?? ''),
      /Emitted 'error' event|Unhandled|uncaught|"level":(50|60)/i,
      'no unhandled error and no error-level log line in either process'
    )
  }
)

t.test(
  'Redis stopped: requests that need it answer 503 at once instead of hanging; the API heals when it is back',
  async (t) => {
    const redisServer = await startRedisServer()
    t.teardown(() => redisServer.close())
    // The API's Redis is the one that stops; the stack's own connection stays on the shared one.
    const { base, headers, connectionId, api } = await startSystem(t, { redisUrl: redisServer.url })
    await redisServer.stop('kill')
    const ready = await request(`${base}/readyz`)
    t.equal(ready.status, 503)
    t.match(ready.body, { ok: false, postgres: 'ok', redis: /^down/ })
    const queued = await request(`${base}/v1/connections/${connectionId}/http`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'GET', url: '/me', mode: 'async' })
    })
    t.equal(queued.status, 503, 'an async call cannot be queued: 503, not a hang')
    t.equal(queued.body.error?.code, 'unavailable')
    t.match(queued.body.error?.message, /Redis/)

    await redisServer.start()
    await eventually(async () => (await fetch(`${base}/readyz`)).ok)
    const after = await request(`${base}/v1/connections/${connectionId}/http`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ method: 'GET', url: '/me', mode: 'async' })
    })
    t.equal(after.status, 202, 'healed: the call is queued')
    await redisServer.stop('kill')
    const disconnected = await request(`${base}/v1/connections/${connectionId}/disconnect`, { method: 'POST', headers })
    t.equal(disconnected.status, 200, 'a disconnect without Redis still takes effect (PostgreSQL is the truth)')
    t.equal(disconnected.body.status, 'disconnected')
    t.equal(api.child.exitCode, null, 'the API is still running')
  }
)
