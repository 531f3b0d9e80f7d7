import { UnrecoverableError } from 'bullmq'
import { RuntimeError, isRetryable, outageOf } from '@latchkey/runtime'

/** How long the queue pauses while PostgreSQL is down, before a job is tried again. */
export const OUTAGE_PAUSE_MS = 5_000

/** What the queue should do with a job that threw. */
export type QueueBehaviour =
  /** PostgreSQL is down: pause the queue and put the job back, spending no attempt. */
  | { readonly kind: 'pause'; readonly ms: number }
  /** Come back later without spending an attempt (a provider host's refresh slots are all taken, or the worker stopped the call as it shut down). */
  | { readonly kind: 'delay'; readonly ms: number }
  /** Fail the attempt: `UnrecoverableError` when trying again cannot help, else retried with backoff. */
  | { readonly kind: 'fail'; readonly error: Error }

/**
 * The one place that maps errors to queue behaviour: a database outage pauses the queue
 * (the job waits, nothing is lost, no attempt is spent); a throttled refresh is delayed;
 * not retryable → `UnrecoverableError` (no more attempts); otherwise rethrown, so attempts
 * and exponential backoff apply.
 */
export function queueBehaviour(error: unknown): QueueBehaviour {
  if (outageOf(error) === 'postgres') return { kind: 'pause', ms: OUTAGE_PAUSE_MS }
  // Stopped by this worker's shutdown: back to the queue for another worker, no attempt spent.
  if (error instanceof RuntimeError && error.code === 'aborted') return { kind: 'delay', ms: 1_000 }
  if (error instanceof RuntimeError && error.code === 'throttled') {
    const retryAfterMs = (error.details as { retryAfterMs?: unknown } | undefined)?.retryAfterMs
    return { kind: 'delay', ms: typeof retryAfterMs === 'number' ? retryAfterMs : 1_000 }
  }
  return { kind: 'fail', error: toQueueError(error) }
}

/** Not retryable → `UnrecoverableError`; otherwise the error itself, so attempts and backoff apply. */
export function toQueueError(error: unknown): Error {
  if (isRetryable(error)) return error instanceof Error ? error : new Error(String(error))
  return new UnrecoverableError(error instanceof Error ? error.message : String(error))
}
