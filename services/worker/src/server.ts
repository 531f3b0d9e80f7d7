import { pino } from 'pino'
import type { LoggerOptions } from 'pino'
import { assertRedisNoEviction, createJobQueues, openRedis } from '@latchkey/jobs'
import {
  ConfigError,
  RuntimeMetrics,
  createRuntime,
  databaseOptionsOf,
  redactedLogOptions,
  redisTargetOf,
  runtimeConfigOf
} from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { CATALOG } from '@latchkey/catalog'
import { readWorkerConfig } from './config.js'
import { startWorkers } from './start-workers.js'
import { startStatusServer } from './status-server.js'

/** The worker process: configuration, connections, workers, and a graceful stop on SIGTERM. */
async function main(): Promise<void> {
  const config = readWorkerConfig(process.env)
  // Redacted like the API's: the same paths, the same message filter.
  const logger = pino({ ...(redactedLogOptions(config.LOG_LEVEL) as LoggerOptions), name: 'latchkey-worker' })
  // BullMQ workers wait for Redis through an outage (maxRetriesPerRequest: null) and carry on when it is back.
  const redis = openRedis(redisTargetOf(config), { maxRetriesPerRequest: null })
  redis.on('error', (error: Error) => logger.warn({ err: error.message }, 'Redis connection error; reconnecting'))
  await assertRedisNoEviction(redis)
  const store = await openStore({
    connectionString: config.DATABASE_URL,
    encryptionKeys: config.LATCHKEY_ENCRYPTION_KEYS,
    applicationName: 'latchkey-worker',
    ...databaseOptionsOf(config),
    onIdleError: (error) =>
      logger.warn({ err: error.message }, 'a PostgreSQL connection broke; jobs wait until it is back')
  })
  const queues = createJobQueues({ connection: redis, prefix: config.LATCHKEY_QUEUE_PREFIX })
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: CATALOG,
    config: {
      ...runtimeConfigOf(config, config.PUBLIC_URL),
      refreshConcurrencyPerHost: config.REFRESH_CONCURRENCY_PER_HOST,
      refreshSpreadSeconds: config.REFRESH_SPREAD_SECONDS,
      abandonedConnectionHours: config.ABANDONED_CONNECTION_HOURS
    },
    metrics: new RuntimeMetrics()
  })
  await runtime.start()
  const workers = await startWorkers({
    runtime,
    connection: redis,
    prefix: config.LATCHKEY_QUEUE_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    sweepIntervalMs: config.SWEEP_INTERVAL_SECONDS * 1000,
    logger,
    lockDurationMs: config.WORKER_LOCK_DURATION_MS,
    schedulerCheckMs: config.SCHEDULER_CHECK_SECONDS * 1000
  })
  const status =
    config.WORKER_HTTP_PORT === undefined
      ? undefined
      : await startStatusServer({ runtime, redis, host: config.WORKER_HTTP_HOST, port: config.WORKER_HTTP_PORT })
  logger.info(
    {
      concurrency: config.WORKER_CONCURRENCY,
      sweepIntervalSeconds: config.SWEEP_INTERVAL_SECONDS,
      ...(status === undefined ? {} : { statusUrl: status.url })
    },
    'Latchkey worker ready'
  )

  let stopping = false
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping: finishing in-flight jobs')
    await status?.close()
    await workers.close()
    await runtime.close()
    await queues.close()
    await store.close()
    redis.disconnect()
  }
  process.once('SIGTERM', () => void stop('SIGTERM'))
  process.once('SIGINT', () => void stop('SIGINT'))
}

main().catch((error: unknown) => {
  const named =
    error instanceof ConfigError ||
    (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_'))
  process.stderr.write(
    `latchkey-worker: ${named ? (error as Error).message : ((error as Error).stack ?? String(error))}\n`
  )
  process.exit(1)
})
