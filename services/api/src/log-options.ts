import type { FastifyServerOptions } from 'fastify'
import { loggedPath, redactedLogOptions } from '@latchkey/runtime'

/**
 * Logger settings: request lines carry the path only (never a query string, where OAuth
 * codes, states and error texts travel) with the start link's token redacted
 * (`/oauth/start/[redacted]`), and credentials in headers are redacted.
 */
export function logOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  const shared = redactedLogOptions(level)
  return {
    ...shared,
    ...(stream === undefined ? {} : { stream }),
    hooks: shared.hooks as NonNullable<Exclude<FastifyServerOptions['logger'], boolean | undefined>>['hooks'],
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
