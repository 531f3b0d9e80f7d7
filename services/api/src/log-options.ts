import type { FastifyServerOptions } from 'fastify'

const CENSOR = '[redacted]'

/**
 * Path segments that are secrets: the one-time start link's token (`/oauth/start/<token>`).
 * Connect-session tokens never sit in a path (a URL fragment, then a header), nor do API
 * keys; ids in other paths are not secrets.
 */
const SECRET_SEGMENTS = /(\/oauth\/start\/)[^/?#\s]+/g

/** A request path as logged: no query string, secret segments redacted. */
function loggedPath(url: string): string {
  return (url.split('?')[0] ?? '').replace(SECRET_SEGMENTS, `$1${CENSOR}`)
}

/** Fastify's "Route GET:/x?y not found" line names the raw URL, query and all. */
const NOT_FOUND = /^Route ([A-Z]+):(\S*) not found$/

/** A message as logged: the same redaction for any URL it quotes. */
function loggedMessage(message: string): string {
  const notFound = NOT_FOUND.exec(message)
  if (notFound !== null) return `Route ${notFound[1] ?? ''}:${loggedPath(notFound[2] ?? '')} not found`
  return message.replace(SECRET_SEGMENTS, `$1${CENSOR}`)
}

/**
 * Logger settings: request lines carry the path only (never a query string, where OAuth
 * codes, states and error texts travel) with the start link's token redacted
 * (`/oauth/start/[redacted]`), and credentials in headers are redacted.
 */
export function logOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    hooks: {
      logMethod(args, method) {
        method.apply(
          this,
          args.map((arg) => (typeof arg === 'string' ? loggedMessage(arg) : arg)) as Parameters<typeof method>
        )
      }
    },
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.clientSecret',
        '*.accessToken',
        '*.refreshToken',
        '*.apiKey',
        '*.password',
        '*.credentials'
      ],
      censor: CENSOR
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({
        id: request.id,
        method: request.method,
        path: loggedPath(request.url)
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode })
    }
  }
}

/**
 * Schema validation settings: report every failing field at once, and refuse unknown fields
 * rather than silently dropping them.
 */
export const AJV_OPTIONS: NonNullable<FastifyServerOptions['ajv']> = {
  customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true }
}
