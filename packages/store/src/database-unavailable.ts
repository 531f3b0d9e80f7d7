/**
 * SQLSTATE classes and codes that mean "the server is not there right now", not "the
 * query is wrong": connection exceptions (08), shutdown and start-up (57P01-57P03), too
 * many connections (53300).
 * @see https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300'])

/** Socket-level codes of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN'
])

/** Messages `pg` and its pool use when the connection went away (they carry no code). */
const MESSAGES = [
  /^Connection terminated/,
  /connection error and is not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/
]

/**
 * Whether an error thrown by a query means PostgreSQL is unreachable (stopped, restarting,
 * full), so the caller should answer "try again" (503, a delayed job) rather than fail.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!(error instanceof Error) || depth > 4) return false
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || SOCKET_CODES.has(code)))
    return true
  if (MESSAGES.some((pattern) => pattern.test(error.message))) return true
  if (error instanceof AggregateError && error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1)))
    return true
  return isDatabaseUnavailable(error.cause, depth + 1)
}
