import fastify from 'fastify'
import { assertRedisNoEviction, createJobQueues, openRedis } from '@latchkey/jobs'
import {
  ConfigError,
  RuntimeMetrics,
  createRuntime,
  databaseOptionsOf,
  redisTargetOf,
  runtimeConfigOf
} from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { latchkeyApp } from './app.js'
import { CATALOG } from '@latchkey/catalog'
import { readConfig } from './config.js'
import { serverOptions, trustProxyOf } from './server-options.js'
import { API_REDIS_OPTIONS } from './redis-options.js'

/** The API process: configuration, connections, the app, listen, and a clean stop on signals. */
async function main(): Promise<void> {
  const config = readConfig(process.env)
  // Requests fail fast while Redis is down (503) instead of queueing commands until it is back.
  const redis = openRedis(redisTargetOf(config), { ...API_REDIS_OPTIONS, lazyConnect: true })
  await redis.connect()
  await assertRedisNoEviction(redis)
  const app = fastify(serverOptions(config.LOG_LEVEL, undefined, trustProxyOf(config.TRUST_PROXY)))
  redis.on('error', (error: Error) => app.log.warn({ err: error.message }, 'Redis connection error; reconnecting'))
  const store = await openStore({
    connectionString: config.DATABASE_URL,
    encryptionKeys: config.LATCHKEY_ENCRYPTION_KEYS,
    applicationName: 'latchkey-api',
    ...databaseOptionsOf(config),
    onIdleError: (error) =>
      app.log.warn({ err: error.message }, 'a PostgreSQL connection broke; requests answer 503 until it is back')
  })
  const queues = createJobQueues({ connection: redis, prefix: config.LATCHKEY_QUEUE_PREFIX })
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: CATALOG,
    config: runtimeConfigOf(config, config.PUBLIC_URL),
    metrics: new RuntimeMetrics()
  })
  await runtime.start()
  await app.register(latchkeyApp, {
    runtime,
    redis,
    adminToken: config.LATCHKEY_ADMIN_TOKEN,
    metricsToken: config.LATCHKEY_METRICS_TOKEN,
    rateLimits: {
      perMinute: config.LATCHKEY_RATE_LIMIT_PER_MINUTE,
      callsPerMinute: config.LATCHKEY_CALL_RATE_LIMIT_PER_MINUTE
    }
  })
  await app.listen({ port: config.PORT, host: config.HOST })
  app.log.info(
    { publicUrl: config.PUBLIC_URL, redirectUri: `${config.PUBLIC_URL}/oauth/callback/` },
    'Latchkey API ready'
  )

  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    app.log.info({ signal }, 'stopping')
    await app.close()
    await runtime.close()
    await queues.close()
    await store.close()
    redis.disconnect()
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  // Configuration and key errors (every package's errors carry an `ERR_` code) are written for people; anything else keeps its stack.
  const named =
    error instanceof ConfigError ||
    (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_'))
  process.stderr.write(
    `latchkey-api: ${named ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`
  )
  process.exit(1)
})
