import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { RedisClient } from '@latchkey/jobs'
import { RuntimeError } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { sha256 } from '@latchkey/store'
import { bearerToken, tenantOfRequest } from './routes/tenant-auth.js'

/** Requests a minute each tenant may make: the API at large, and authenticated calls (`/http`, the proxy). */
export interface RateLimits {
  readonly perMinute: number
  readonly callsPerMinute: number
}

const CALL_ROUTES = new Set(['/v1/connections/:id/http', '/v1/connections/:id/proxy/*'])

/** Which count a request goes to: calls or the rest of the API; `undefined` for routes without a limit. */
function groupOf(request: FastifyRequest): 'calls' | 'api' | undefined {
  const route = request.routeOptions.url
  if (route === undefined || !route.startsWith('/v1/')) return undefined
  return CALL_ROUTES.has(route) ? 'calls' : 'api'
}

/**
 * Per-tenant rate limits (`@fastify/rate-limit` on the shared Redis, so every API replica
 * shares the count): a tenant's API key counts for its tenant, a connect session's token
 * for itself, anything else for its address. Over the limit: 429 `throttled` with
 * `Retry-After` and the `RateLimit-*` headers. Pages, health, metrics and docs are not limited.
 * If Redis cannot count, requests pass (and whatever they need from Redis answers 503).
 */
export async function installRateLimits(
  app: FastifyInstance,
  options: { readonly runtime: Runtime; readonly redis: RedisClient; readonly limits: RateLimits }
): Promise<void> {
  const { runtime, limits } = options
  await app.register(rateLimit, {
    global: true,
    redis: options.redis,
    nameSpace: `${runtime.queues.keyPrefix}:rate:`,
    skipOnError: true,
    enableDraftSpec: true,
    timeWindow: 60_000,
    hook: 'onRequest',
    keyGenerator: async (request) => {
      const group = groupOf(request)
      // A count without a limit is not kept (nor its key looked up).
      if (group === undefined || (group === 'calls' ? limits.callsPerMinute : limits.perMinute) === 0)
        return 'unlimited'
      const token = bearerToken(request)
      if (token !== undefined && request.routeOptions.url?.startsWith('/v1/connect/') === true)
        return `${group}:session:${sha256(token)}`
      const tenant = await tenantOfRequest(runtime, request)
      return tenant === undefined ? `${group}:address:${request.ip}` : `${group}:tenant:${tenant.id}`
    },
    // A limit of 0 is no limit for that count (its key is 'unlimited').
    allowList: (_request, key) => key === 'unlimited',
    max: (_request, key) => (key.startsWith('calls:') ? limits.callsPerMinute : limits.perMinute),
    errorResponseBuilder: (_request, context) =>
      new RuntimeError(
        'throttled',
        `too many requests: at most ${context.max} a minute here; try again in ${context.after}`,
        { limit: context.max, retryAfterSeconds: Math.ceil(context.ttl / 1000) }
      )
  })
}
