/** What replaces a redacted value in a log line. */
export const LOG_CENSOR = '[redacted]'

/**
 * Fields never logged as they are, by pino's redaction paths: credentials in headers and
 * cookies, and any object's secrets (client secrets, tokens, API keys, passwords, typed-in
 * credentials, signing secrets). The API and the worker log with the same list.
 */
export const LOG_REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.clientSecret',
  '*.accessToken',
  '*.refreshToken',
  '*.apiKey',
  '*.password',
  '*.credentials',
  '*.secret',
  '*.secrets'
]

/**
 * Path segments that are secrets: the one-time start link's token (`/oauth/start/<token>`).
 * Connect-session tokens never sit in a path (a URL fragment, then a header), nor do API
 * keys; ids in other paths are not secrets.
 */
const SECRET_SEGMENTS = /(\/oauth\/start\/)[^/?#\s]+/g

/** A request path as logged: no query string, secret segments redacted. */
export function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '').replace(SECRET_SEGMENTS, `$1${LOG_CENSOR}`)
}

/** Fastify's "Route GET:/x?y not found" line names the raw URL, query and all. */
const NOT_FOUND = /^Route ([A-Z]+):(\S*) not found$/

/** A message as logged: the same redaction for any URL it quotes. */
export function loggedMessage(message: string): string {
  const notFound = NOT_FOUND.exec(message)
  if (notFound !== null) return `Route ${notFound[1] ?? ''}:${loggedPath(notFound[2] ?? '')} not found`
  return message.replace(SECRET_SEGMENTS, `$1${LOG_CENSOR}`)
}

/**
 * The pino options both services share (pino's own shape, kept structural here so the
 * runtime needs no logger): the level, the redaction paths, and every string argument
 * passed through {@link loggedMessage}.
 */
export function redactedLogOptions(level: string): {
  level: string
  redact: { paths: string[]; censor: string }
  hooks: { logMethod(this: unknown, args: unknown[], method: (...args: unknown[]) => void): void }
} {
  return {
    level,
    redact: { paths: [...LOG_REDACT_PATHS], censor: LOG_CENSOR },
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? loggedMessage(arg) : arg))
        )
      }
    }
  }
}
