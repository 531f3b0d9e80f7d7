import type { FastifyServerOptions } from 'fastify'

/**
 * Logger settings: request lines carry the path only (never a query string, where OAuth
 * codes, states and error texts travel), and credentials in headers are redacted.
 */
export function logOptions(level: string, stream?: { write(line: string): void }): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream === undefined ? {} : { stream }),
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]', '*.clientSecret', '*.accessToken', '*.refreshToken', '*.apiKey', '*.password', '*.credentials'],
      censor: '[redacted]'
    },
    serializers: {
      req: (request: { method: string; url: string; id: string }) => ({ id: request.id, method: request.method, path: request.url.split('?')[0] }),
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
