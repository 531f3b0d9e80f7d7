import type { Redis } from 'ioredis'
import { pino } from 'pino'
import type { Test } from 'tap'
import type { OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import type { Runtime, RuntimeConfig, RuntimeMetrics } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { startStack, testConnector } from '@latchkey/testkit'
import type { QuirkyModes, QuirkyProvider, Stack } from '@latchkey/testkit'
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
  /** Registers a cleanup that runs before the harness's own (see `Stack.defer`). */
  readonly defer: Stack['defer']
  /** Connects a new connection through the real connect flow; returns its id. */
  connect(): Promise<string>
  /** Revokes the connection's refresh token at the provider (as a customer removing the app would): its next refresh is refused. */
  revokeRefreshTokenAtProvider(connectionId: string): Promise<void>
}

/**
 * The test stack with the quirky provider, and a runtime and workers on it; `redisUrl` and
 * `databaseUrl` let a test use a Redis or a database of its own.
 */
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
    metrics?: RuntimeMetrics
  } = {}
): Promise<WorkerHarness> {
  const stack = await startStack(t, {
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    quirkyProvider: { clientId: 'quirky-app', clientSecret: 'quirky-secret', modes: options.modes }
  })
  const { redis, prefix, encryptionKeys, quirkyProvider: quirky } = stack
  const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys })
  stack.defer(() => store.close(), 'close the store')
  const queues = createJobQueues({ connection: redis, prefix })
  stack.defer(() => queues.close(), 'close the queues')
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
    },
    ...(options.metrics === undefined ? {} : { metrics: options.metrics })
  })
  await runtime.start()
  stack.defer(() => runtime.close(), 'close the runtime')
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
  stack.defer(() => workers.close(), 'close the workers')
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
    databaseUrl: stack.databaseUrl,
    encryptionKeys,
    defer: stack.defer,
    async revokeRefreshTokenAtProvider(connectionId) {
      const credential = await runtime.store.credentials.get(connectionId)
      const answer = await fetch(quirky.revokeUrl, {
        method: 'POST',
        body: new URLSearchParams({
          token: String(credential?.tokenSet.refreshToken),
          client_id: 'quirky-app',
          client_secret: 'quirky-secret'
        })
      })
      if (!answer.ok) throw new Error(`revoking at the provider: ${answer.status}`)
    },
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
