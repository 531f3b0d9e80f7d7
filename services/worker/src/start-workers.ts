import { Queue, Worker } from 'bullmq'
import type { Job } from 'bullmq'
import type { Redis } from 'ioredis'
import type { Logger } from 'pino'
import { QUEUE_NAMES, REVOKE_ATTEMPTS } from '@latchkey/jobs'
import type { HttpJob, HttpJobResult, RefreshJob, RevokeJob } from '@latchkey/jobs'
import type { Runtime } from '@latchkey/runtime'
import { toQueueError } from './job-errors.js'

/** Options of {@link startWorkers}. */
export interface WorkerOptions {
  readonly runtime: Runtime
  /** A connection for BullMQ workers (`maxRetriesPerRequest: null`). */
  readonly connection: Redis
  readonly prefix: string
  readonly concurrency: number
  readonly sweepIntervalMs: number
  readonly logger: Logger
  /** Lock of an active job; a worker that dies loses it and the job runs again. @defaultValue `30000` */
  readonly lockDurationMs?: number
}

/** The running workers. */
export interface RunningWorkers {
  readonly workers: readonly Worker[]
  /** Finishes in-flight jobs (or hands them back), then stops. */
  close(): Promise<void>
}

async function run<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    throw toQueueError(error)
  }
}

/**
 * Starts the refresh, revoke, http and sweep workers, and the job scheduler that runs the
 * sweep every `sweepIntervalMs`. A job that runs twice (stalled and re-run) does no harm:
 * refresh re-checks under its lock, revocation checks the row's status.
 */
export async function startWorkers(options: WorkerOptions): Promise<RunningWorkers> {
  const { runtime, connection, prefix, concurrency, logger } = options
  const common = { connection, prefix, lockDuration: options.lockDurationMs ?? 30_000, stalledInterval: Math.min(30_000, options.lockDurationMs ?? 30_000) }
  const refresh = new Worker<RefreshJob>(QUEUE_NAMES.refresh, (job) => run(() => runtime.jobs.refresh(job.data)), { ...common, concurrency })
  const revoke = new Worker<RevokeJob>(QUEUE_NAMES.revoke, (job) => run(() => runtime.jobs.revoke(job.data)), { ...common, concurrency })
  const http = new Worker<HttpJob, HttpJobResult>(QUEUE_NAMES.http, (job) => run(() => runtime.jobs.call(job.data)), { ...common, concurrency })
  const sweep = new Worker(QUEUE_NAMES.sweep, () => run(() => runtime.jobs.sweep()), { ...common, concurrency: 1 })

  revoke.on('failed', (job: Job<RevokeJob> | undefined, error) => {
    if (job === undefined) return
    const final = job.attemptsMade >= (job.opts.attempts ?? REVOKE_ATTEMPTS) || error.name === 'UnrecoverableError'
    if (final) void runtime.jobs.giveUpRevocation(job.data, error.message).catch((e: unknown) => logger.error({ err: e }, 'recording a revocation give-up failed'))
  })
  for (const worker of [refresh, revoke, http, sweep]) {
    worker.on('failed', (job, error) => logger.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, error: error.message }, 'job failed'))
    worker.on('error', (error) => logger.error({ queue: worker.name, err: error }, 'worker error'))
  }

  const sweepQueue = new Queue(QUEUE_NAMES.sweep, { connection, prefix })
  await sweepQueue.upsertJobScheduler('sweep', { every: options.sweepIntervalMs }, { name: 'sweep', opts: { removeOnComplete: true, removeOnFail: 100 } })

  return {
    workers: [refresh, revoke, http, sweep],
    async close() {
      await Promise.all([refresh.close(), revoke.close(), http.close(), sweep.close()])
      await sweepQueue.close()
    }
  }
}
