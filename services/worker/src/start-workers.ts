import { DelayedError, Queue, Worker } from 'bullmq'
import type { Job } from 'bullmq'
import type { RedisClient } from '@latchkey/jobs'
import type { Logger } from 'pino'
import { QUEUE_NAMES, REVOKE_ATTEMPTS } from '@latchkey/jobs'
import type { HttpJob, HttpJobResult, RefreshJob, RevokeJob, WebhookJob } from '@latchkey/jobs'
import type { DeliveryResult, Runtime } from '@latchkey/runtime'
import { queueBehaviour } from './job-errors.js'

/** Options of {@link startWorkers}. */
export interface WorkerOptions {
  readonly runtime: Runtime
  /** A connection for BullMQ workers (`maxRetriesPerRequest: null`). */
  readonly connection: RedisClient
  readonly prefix: string
  readonly concurrency: number
  readonly sweepIntervalMs: number
  readonly logger: Logger
  /** Lock of an active job; a worker that dies loses it and the job runs again. @defaultValue `30000` */
  readonly lockDurationMs?: number
  /**
   * On close, queued calls still waiting for their provider after this long are aborted and
   * go back to the queue (they run again). Refreshes are never aborted: a provider may have
   * rotated the refresh token already, and that answer must be saved. @defaultValue `10000`
   */
  readonly shutdownGraceMs?: number
  /**
   * How much longer, after the grace, close waits for the workers before it closes their
   * Redis connections under them (a Redis that went away, a job stuck past every timeout),
   * so a shutdown always ends. @defaultValue `10000`
   */
  readonly forceCloseMs?: number
  /** How often the job schedulers are checked and re-created if Redis lost them. @defaultValue `30000` */
  readonly schedulerCheckMs?: number
}

/** The running workers. */
export interface RunningWorkers {
  readonly workers: readonly Worker[]
  /** Finishes in-flight jobs (or hands them back), then stops. */
  close(): Promise<void>
}

/** Runs a job's work and applies the queue behaviour its error calls for (`job-errors.ts`). */
async function run<T>(
  queue: Pick<Queue, 'rateLimit'>,
  job: Job,
  token: string | undefined,
  work: () => Promise<T>
): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const behaviour = queueBehaviour(error)
    if (behaviour.kind === 'pause') {
      await queue.rateLimit(behaviour.ms)
      throw Worker.RateLimitError()
    }
    if (behaviour.kind === 'delay') {
      await job.moveToDelayed(Date.now() + behaviour.ms, token)
      throw new DelayedError()
    }
    throw behaviour.error
  }
}

/**
 * Starts the refresh, revoke, http, webhook and sweep workers, and the job scheduler that runs the
 * sweep every `sweepIntervalMs`. A job that runs twice (stalled and re-run) does no harm:
 * refresh re-checks under its lock, revocation checks the row's status.
 */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const { runtime, connection, prefix, concurrency, logger } = options
  const common = {
    connection,
    prefix,
    lockDuration: options.lockDurationMs ?? 30_000,
    stalledInterval: Math.min(30_000, options.lockDurationMs ?? 30_000)
  }
  const { queues } = runtime
  const sweepQueue = new Queue(QUEUE_NAMES.sweep, { connection, prefix })
  const refresh = new Worker<RefreshJob>(
    QUEUE_NAMES.refresh,
    (job, token) => run(queues.refresh, job, token, () => runtime.jobs.refresh(job.data)),
    { ...common, concurrency }
  )
  const revoke = new Worker<RevokeJob>(
    QUEUE_NAMES.revoke,
    (job, token) => run(queues.revoke, job, token, () => runtime.jobs.revoke(job.data)),
    { ...common, concurrency }
  )
  const http = new Worker<HttpJob, HttpJobResult>(
    QUEUE_NAMES.http,
    (job, token, signal) => run(queues.http, job, token, () => runtime.jobs.call(job.data, signal)),
    { ...common, concurrency }
  )
  // A webhook attempt records itself and queues its own retry; a worker lost mid-attempt leaves the job stalled, run again.
  const webhook = new Worker<WebhookJob, DeliveryResult>(
    QUEUE_NAMES.webhook,
    (job, token, signal) => run(queues.webhook, job, token, () => runtime.webhookSender.deliver(job.data, signal)),
    { ...common, concurrency }
  )
  const sweep = new Worker(QUEUE_NAMES.sweep, (job, token) => run(sweepQueue, job, token, () => runtime.jobs.sweep()), {
    ...common,
    concurrency: 1
  })

  revoke.on('failed', (job: Job<RevokeJob> | undefined, error) => {
    if (job === undefined) return
    const final = job.attemptsMade >= (job.opts.attempts ?? REVOKE_ATTEMPTS) || error.name === 'UnrecoverableError'
    if (final)
      void runtime.jobs
        .giveUpRevocation(job.data, error.message)
        .catch((e: unknown) => logger.error({ err: e }, 'recording a revocation give-up failed'))
  })
  for (const worker of [refresh, revoke, http, webhook, sweep]) {
    worker.on('failed', (job, error) =>
      logger.warn(
        { queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message },
        'job failed'
      )
    )
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'))
  }
  // At debug level, what each job did, by ids and outcome only: a job's data and result (an
  // http job's is the provider's answer) never reach a log.
  for (const worker of [refresh, revoke, http, sweep])
    worker.on('completed', (job: Job) => logger.debug({ queue: worker.name, jobId: job.id }, 'job completed'))
  webhook.on('completed', (job, outcome) =>
    logger.debug(
      { queue: webhook.name, jobId: job.id, deliveryId: job.data.deliveryId, attempt: job.data.attempt, outcome },
      'webhook attempt done'
    )
  )

  // The sweep's scheduler lives in Redis: PostgreSQL is the truth, so when Redis comes back
  // empty (restarted without its data) the scheduler is put back, on reconnect and by a periodic check.
  const upsertSweep = () =>
    sweepQueue.upsertJobScheduler(
      'sweep',
      { every: options.sweepIntervalMs },
      { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } }
    )
  await upsertSweep()
  const ensureSchedulers = async (): Promise<void> => {
    try {
      if ((await sweepQueue.getJobScheduler('sweep')) !== undefined) return
      await upsertSweep()
      logger.warn(
        { queue: QUEUE_NAMES.sweep },
        'the sweep scheduler was missing from Redis (Redis lost its data?): re-created it'
      )
    } catch (error) {
      logger.warn({ err: error }, 'checking the job schedulers failed; will check again')
    }
  }
  const onReady = (): void => void ensureSchedulers()
  connection.on('ready', onReady)
  const check = setInterval(onReady, options.schedulerCheckMs ?? 30_000)
  check.unref()

  return {
    workers: [refresh, revoke, http, webhook, sweep],
    async close() {
      clearInterval(check)
      connection.off('ready', onReady)
      // Calls are safe to run again; a refresh in flight finishes (its answer may hold the only valid refresh token).
      const grace = setTimeout(() => {
        http.cancelAllJobs('the worker is shutting down')
        webhook.cancelAllJobs('the worker is shutting down')
      }, options.shutdownGraceMs ?? 10_000)
      const workers = [refresh, revoke, http, webhook, sweep]
      const closing = Promise.all(workers.map((worker) => worker.close()))
      try {
        const bound = (options.shutdownGraceMs ?? 10_000) + (options.forceCloseMs ?? 10_000)
        if (!(await settlesWithin(closing, bound))) {
          logger.warn(
            { queues: workers.map((worker) => worker.name) },
            'the workers did not stop in time (Redis gone, or a job stuck): closing their connections under them'
          )
          await Promise.allSettled(workers.map((worker) => worker.disconnect()))
          await settlesWithin(closing, options.forceCloseMs ?? 10_000)
        }
      } finally {
        clearTimeout(grace)
      }
      if (!(await settlesWithin(sweepQueue.close(), options.forceCloseMs ?? 10_000))) await sweepQueue.disconnect()
    }
  }
}

/** Whether a promise settles (either way) within `ms`; its failure is the caller's to have logged. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms)
  })
  try {
    return await Promise.race([
      promise.then(
        () => true,
        () => true
      ),
      timeout
    ])
  } finally {
    clearTimeout(timer)
  }
}
