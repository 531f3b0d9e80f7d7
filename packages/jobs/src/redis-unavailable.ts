/**
 * What ioredis says when a command cannot be sent or answered: the offline queue is off
 * (fail fast), the connection closed, retries ran out, the command timed out; and what
 * Redis answers when it is out of memory, loading its data or read-only.
 */
const MESSAGES = [
  /enableOfflineQueue options is false/,
  /^Connection is closed/,
  /^Reached the max retries per request limit/,
  /^Command timed out/,
  /^OOM command not allowed/,
  /^LOADING /,
  /^READONLY /,
  /^MASTERDOWN /,
  /^CLUSTERDOWN /,
  /^TRYAGAIN /,
  /^Failed to refresh slots cache/,
  /^None of startup nodes is available/
]

/**
 * Whether an error thrown by a Redis command (directly or through BullMQ) means Redis is
 * unreachable or cannot take writes right now, so the caller should answer "try again"
 * (503) rather than fail. A bare socket error (ECONNREFUSED) is not taken as Redis' own:
 * ioredis reports its outages with the messages above, and PostgreSQL's look the same.
 */
export function isRedisUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false
  if (error.name === 'MaxRetriesPerRequestError') return true
  if (MESSAGES.some((pattern) => pattern.test(error.message))) return true
  return isRedisUnavailable(error.cause, depth + 1)
}
