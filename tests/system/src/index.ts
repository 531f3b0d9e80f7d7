import fastify from 'fastify'
import { pino } from 'pino'
import { CATALOG, latchkeyApp, serverOptions } from '@latchkey/api'
import { createJobQueues } from '@latchkey/jobs'
import type { JobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import type { Runtime, RuntimeConfig } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import type { Store } from '@latchkey/store'
import { freePort, startStack } from '@latchkey/testkit'
import type { Teardowns } from '@latchkey/testkit'
import { startWorkers } from '@latchkey/worker'

export type { Teardowns } from '@latchkey/testkit'

/** An answer of the API: its status and parsed JSON body (`undefined` when empty). */
export interface ApiAnswer<T> {
  readonly status: number
  readonly body: T
  readonly headers: Headers
}

/** The whole system on loopback, all real: PostgreSQL, Redis + BullMQ workers and the API. */
export interface System {
  /** The API's public URL (`http://127.0.0.1:<port>`); its callback is `${url}/oauth/callback/`. */
  readonly url: string
  readonly runtime: Runtime
  readonly store: Store
  readonly queues: JobQueues
  /** A tenant created at start. */
  readonly tenant: { id: string; apiKey: string }
  /** Calls the API with the tenant's key. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are matched loosely by the tests
  api<T = any>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>>
}

export interface SystemOptions {
  /** Log level of the API and workers. @defaultValue `'warn'` */
  readonly logLevel?: string
  /** Receives every API log line (for tests that check what is logged). */
  readonly logLines?: string[]
  /** Runtime settings beside the defaults (webhook retry schedule, caches...). */
  readonly config?: Partial<RuntimeConfig>
}

const ADMIN_TOKEN = 'admin-token-for-system-tests-0123456789'

/**
 * Starts the API on a free loopback port and the BullMQ workers in this process on a test
 * stack (`startStack`: its own database and Redis key prefix), and creates a tenant.
 * Everything stops at teardown, in one cleanup.
 */
export async function startSystem(t: Teardowns, options: SystemOptions = {}): Promise<System> {
  const level = options.logLevel ?? 'warn'
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const stack = await startStack(t)
  const { redis, prefix } = stack
  const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: stack.encryptionKeys })
  stack.defer(() => store.close(), 'close the store')
  const queues = createJobQueues({ connection: redis, prefix })
  stack.defer(async () => {
    await Promise.all([
      queues.revoke.obliterate({ force: true }),
      queues.refresh.obliterate({ force: true }),
      queues.webhook.obliterate({ force: true })
    ])
    await queues.close()
  }, 'close the queues')
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: CATALOG,
    config: { publicUrl: url, allowPrivateNetwork: true, ...options.config }
  })
  await runtime.start()
  stack.defer(() => runtime.close(), 'close the runtime')
  const logLines = options.logLines
  const app = fastify(
    serverOptions(level, logLines === undefined ? undefined : { write: (line: string) => void logLines.push(line) })
  )
  await app.register(latchkeyApp, { runtime, redis, adminToken: ADMIN_TOKEN })
  await app.listen({ host: '127.0.0.1', port })
  stack.defer(() => app.close(), 'close the API')
  const workers = await startWorkers({
    runtime,
    connection: redis,
    prefix,
    concurrency: 2,
    sweepIntervalMs: 60_000,
    logger: pino({ level })
  })
  stack.defer(() => workers.close(), 'close the workers')

  const created = await fetch(`${url}/v1/tenants`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Acme' })
  })
  if (created.status !== 201) throw new Error(`creating the tenant: ${created.status} ${await created.text()}`)
  const tenant = (await created.json()) as { id: string; apiKey: string }
  const api: System['api'] = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${tenant.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' })
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return {
      status: response.status,
      body: (text === '' ? undefined : JSON.parse(text)) as never,
      headers: response.headers
    }
  }
  return { url, runtime, store, queues, tenant, api }
}
