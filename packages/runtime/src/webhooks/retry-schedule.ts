import { parseReset } from '../calls/retry-policy.js'

/**
 * The waits before each retry of a delivery, after the first attempt: the Standard Webhooks
 * reference schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), about 28 hours in all.
 * @see https://github.com/standard-webhooks/standard-webhooks/blob/main/spec/standard-webhooks.md#deliverability-and-reliability
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000
]

/** What one attempt's answer (or its absence) means for the delivery. */
export type AttemptVerdict =
  | { readonly kind: 'delivered' }
  /** Try again: a timeout, a network error, a 5xx, a 408 or a 429. */
  | { readonly kind: 'retry'; readonly retryAfterMs: number | undefined }
  /** Trying again cannot help: any other 4xx (or 3xx: redirects are not followed). */
  | { readonly kind: 'give_up' }

/**
 * Judges an attempt: 2xx delivered; 408, 429 and 5xx (or no answer, `status` undefined)
 * retried, with the answer's `Retry-After` (seconds or an HTTP-date) when it has one; every
 * other status is final.
 */
export function judgeAttempt(status: number | undefined, retryAfter: string | undefined, now: number): AttemptVerdict {
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' }
  if (status === undefined || status === 408 || status === 429 || status >= 500) {
    const retryAfterMs = retryAfter === undefined ? undefined : parseReset(retryAfter, 'auto', now)
    return { kind: 'retry', retryAfterMs }
  }
  return { kind: 'give_up' }
}

/** The longest `Retry-After` honoured: a day, about the whole retry window. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000

/**
 * The wait before the next attempt after `attemptsMade` attempts, or `undefined` when the
 * schedule is spent. A `Retry-After` longer than the scheduled wait is honoured, up to
 * {@link MAX_RETRY_AFTER_MS}; a shorter one never hurries the schedule.
 */
export function nextDelayMs(
  attemptsMade: number,
  schedule: readonly number[],
  retryAfterMs: number | undefined
): number | undefined {
  const scheduled = schedule[attemptsMade - 1]
  if (scheduled === undefined) return undefined
  return retryAfterMs === undefined ? scheduled : Math.max(scheduled, Math.min(retryAfterMs, MAX_RETRY_AFTER_MS))
}
