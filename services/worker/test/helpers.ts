import { Redis } from 'ioredis'
import { pino } from 'pino'
import type { Test } from 'tap'
import type { OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import type { Runtime, RuntimeConfig } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import {
  createTestDatabase,
  serviceUrls,
  startQuirkyProvider,
  testConnector,
  testEncryptionKeys,
  testRedisPrefix
} from '@latchkey/testkit'
import type { QuirkyModes, QuirkyProvider } from '@latchkey/testkit'
import { startWorkers } from '../src/index.js'
import type { RunningWorkers } from '../src/index.js'

export interface WorkerHarness {
  readonly runtime: Runtime
  readonly quirky: QuirkyProvider
  readonly redis: Redis
  readonly prefix: string
  readonly workers: RunningWorkers
  readonly tenantId: string
  readonly databaseUrl: string
  readonly encryptionKeys: string
  /** Connects a new connection through the real connect flow; returns its id. */
  connect(): Promise<string>
}

/** A runtime, workers and a quirky provider; `redisUrl` lets a test use a Redis of its own. */
export async function startWorkerHarness(
  t: Test,
  options: {
    modes?: Partial<QuirkyModes>
    auth?: Partial<OAuth2AuthorizationCodeAuth>
    redisUrl?: string
    databaseUrl?: string
    sweepIntervalMs?: number
    schedulerCheckMs?: number
    config?: Partial<RuntimeConfig>
  } = {}
): Promise<WorkerHarness> {
  const database =
    options.databaseUrl === undefined
      ? await createTestDatabase()
      : { url: options.databaseUrl, drop: async () => undefined }
  t.teardown(() => database.drop())
  const redis = new Redis(options.redisUrl ?? serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  t.teardown(() => redis.disconnect())
  const encryptionKeys = testEncryptionKeys()
  const store = await openStore({ connectionString: database.url, encryptionKeys })
  t.teardown(() => store.close())
  const prefix = testRedisPrefix()
  const queues = createJobQueues({ connection: redis, prefix })
  t.teardown(() => queues.close())
  const quirky = await startQuirkyProvider({
    clientId: 'quirky-app',
    clientSecret: 'quirky-secret',
    modes: options.modes
  })
  t.teardown(() => quirky.close())
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: [],
    config: {
      publicUrl: 'http://127.0.0.1:4999',
      allowPrivateNetwork: true,
      refreshSpreadSeconds: 0,
      ...options.config
    }
  })
  await runtime.start()
  t.teardown(() => runtime.close())
  const workers = await startWorkers({
    runtime,
    connection: redis,
    prefix,
    concurrency: 4,
    sweepIntervalMs: options.sweepIntervalMs ?? 60_000,
    logger: pino({ level: 'silent' }),
    lockDurationMs: 5_000,
    schedulerCheckMs: options.schedulerCheckMs
  })
  t.teardown(() => workers.close())
  const { tenant } = await store.tenants.create('Workers')
  await runtime.connectors.createCustom(tenant.id, testConnector(quirky, options.auth, 'quirky'))
  await runtime.connectors.setApp(tenant.id, 'quirky', { clientId: 'quirky-app', clientSecret: 'quirky-secret' })
  return {
    runtime,
    quirky,
    redis,
    prefix,
    workers,
    tenantId: tenant.id,
    databaseUrl: database.url,
    encryptionKeys,
    async connect() {
      const connection = await runtime.connections.create(tenant.id, { connector: 'quirky' })
      const { authorizeUrl } = await runtime.connect.authorize(tenant.id, connection.id)
      const started = await runtime.connect.start(new URL(authorizeUrl).pathname.split('/').pop() ?? '')
      if (!('redirectTo' in started)) throw new Error(`start failed: ${JSON.stringify(started)}`)
      const location = (await fetch(started.redirectTo, { redirect: 'manual' })).headers.get('location') ?? ''
      const outcome = await runtime.connect.callback(Object.fromEntries(new URL(location).searchParams), {
        [started.cookie.name]: started.cookie.value
      })
      if (!outcome.ok) throw new Error(`callback failed: ${JSON.stringify(outcome)}`)
      return connection.id
    }
  }
}

/** Waits until `check` holds, or fails after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs
  for (;;) {
    const value = await check()
    if (value !== undefined && value !== false) return value
    if (Date.now() > until) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
