import { Queue } from 'bullmq'
import { Cluster } from 'ioredis'
import { keyPrefixOf } from './redis-client.js'
import type { RedisClient } from './redis-client.js'
import { DEFAULT_PREFIX, QUEUE_NAMES } from './queue-names.js'
import type { HttpJob, HttpJobResult, RefreshJob, RevokeJob, WebhookJob } from './payloads.js'

/** Options of {@link createJobQueues}. */
export interface JobQueuesOptions {
  /** A shared ioredis connection: one server or a cluster. */
  readonly connection: RedisClient
  /** @defaultValue {@link DEFAULT_PREFIX} */
  readonly prefix?: string
}

/** The producer side of every queue. */
export interface JobQueues {
  /** BullMQ's key prefix, hash-tagged (`{latchkey}`) so each queue's keys share a cluster slot. */
  readonly prefix: string
  /** The prefix of Latchkey's other keys and channels ({@link keyPrefixOf}): spread over a cluster. */
  readonly keyPrefix: string
  readonly revoke: Queue<RevokeJob>
  readonly refresh: Queue<RefreshJob>
  readonly http: Queue<HttpJob, HttpJobResult>
  readonly webhook: Queue<WebhookJob>
  /**
   * Queues one attempt of a webhook delivery, `delayMs` from now; one job per delivery and
   * attempt however often it is asked (the sweep may ask again for one Redis lost).
   */
  enqueueWebhook(job: WebhookJob, options?: { readonly delayMs?: number }): Promise<string>
  /** Queues an authenticated call; returns the job id to poll. */
  enqueueHttp(job: HttpJob): Promise<string>
  /** Queues a revocation; one job per revocation row however often it is asked. */
  enqueueRevocation(job: RevokeJob): Promise<string>
  /**
   * Queues a refresh; deduplicated per connection while one is waiting. `delayMs` holds it
   * back (the sweep spreads a burst of due refreshes).
   */
  enqueueRefresh(job: RefreshJob, options?: { readonly delayMs?: number }): Promise<string>
  close(): Promise<void>
}

/** Retries of a revocation: exponential from 2 s, up to 8 tries (about 4 minutes). */
export const REVOKE_ATTEMPTS = 8

/** Creates the producers. */
/** A queue prefix BullMQ cannot use on a Redis Cluster. */
export class QueuePrefixError extends Error {
  override readonly name = 'QueuePrefixError'
  readonly code = 'ERR_QUEUE_PREFIX' as const
}

/**
 * Creates the producers.
 * @throws {QueuePrefixError} on a cluster, for a prefix without a hash tag (`{…}`): BullMQ's
 *   scripts touch several keys of a queue at once, which a cluster allows only in one slot.
 * @see https://docs.bullmq.io/bull/patterns/redis-cluster
 */
export function createJobQueues(options: JobQueuesOptions): JobQueues {
  const prefix = options.prefix ?? DEFAULT_PREFIX
  if (options.connection instanceof Cluster && !/\{[^{}]+\}/.test(prefix))
    throw new QueuePrefixError(
      `LATCHKEY_QUEUE_PREFIX "${prefix}" has no hash tag; on a Redis Cluster it must have one, such as {${prefix}}`
    )
  const revoke = new Queue<RevokeJob>(QUEUE_NAMES.revoke, { connection: options.connection, prefix })
  const refresh = new Queue<RefreshJob>(QUEUE_NAMES.refresh, { connection: options.connection, prefix })
  const http = new Queue<HttpJob, HttpJobResult>(QUEUE_NAMES.http, { connection: options.connection, prefix })
  const webhook = new Queue<WebhookJob>(QUEUE_NAMES.webhook, { connection: options.connection, prefix })
  return {
    prefix,
    keyPrefix: keyPrefixOf(prefix),
    revoke,
    refresh,
    http,
    webhook,
    async enqueueWebhook(job, options) {
      const jobId = `webhook-${job.deliveryId}-${job.attempt}`
      const added = await webhook.add('webhook', job, {
        jobId,
        ...(options?.delayMs !== undefined && options.delayMs > 0 ? { delay: Math.round(options.delayMs) } : {}),
        // Retries are the delivery's own schedule (a new job per attempt); this covers a worker lost mid-attempt.
        attempts: 3,
        backoff: { type: 'exponential', delay: 5000 },
        removeOnComplete: { age: 3600 },
        // Gone when it fails, so the sweep can queue the still-pending delivery again.
        removeOnFail: true
      })
      return added.id ?? jobId
    },
    async enqueueHttp(job) {
      const added = await http.add('http', job, {
        attempts: 3,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: { age: 3600 },
        removeOnFail: { age: 24 * 3600 }
      })
      if (added.id === undefined) throw new Error('BullMQ gave the job no id')
      return added.id
    },
    async enqueueRevocation(job) {
      const added = await revoke.add('revoke', job, {
        jobId: `revoke-${job.revocationId}`,
        attempts: REVOKE_ATTEMPTS,
        backoff: { type: 'exponential', delay: 2000 },
        removeOnComplete: { age: 24 * 3600 },
        removeOnFail: { age: 7 * 24 * 3600 }
      })
      return added.id ?? `revoke-${job.revocationId}`
    },
    async enqueueRefresh(job, options) {
      const added = await refresh.add('refresh', job, {
        deduplication: { id: `refresh-${job.connectionId}` },
        ...(options?.delayMs !== undefined && options.delayMs > 0 ? { delay: Math.round(options.delayMs) } : {}),
        attempts: 6,
        backoff: { type: 'exponential', delay: 1000 },
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 }
      })
      return added.id ?? `refresh-${job.connectionId}`
    },
    async close() {
      await Promise.all([revoke.close(), refresh.close(), http.close(), webhook.close()])
    }
  }
}
