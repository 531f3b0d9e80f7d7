import { UnrecoverableError } from 'bullmq'
import { isRetryable } from '@latchkey/runtime'

/**
 * The one place that maps errors to queue behaviour: not retryable → `UnrecoverableError`
 * (no more attempts); otherwise rethrown, so attempts and exponential backoff apply.
 */
export function toQueueError(error: unknown): Error {
  if (isRetryable(error)) return error instanceof Error ? error : new Error(String(error))
  return new UnrecoverableError(error instanceof Error ? error.message : String(error))
}
