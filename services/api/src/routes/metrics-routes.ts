import type { FastifyInstance, FastifySchema } from 'fastify'
import { Histogram } from 'prom-client'
import type { Runtime } from '@latchkey/runtime'
import { RuntimeError } from '@latchkey/runtime'
import { ErrorSchema } from '../schemas.js'
import { bearerToken, sameSecret } from './tenant-auth.js'

const DURATION = 'latchkey_http_request_duration_seconds'

/**
 * `/metrics` in the OpenAPI document: the metrics token is optional (`{}` is "no
 * credentials"), as the deployment decides; a wrong or missing one, when set, is a 401.
 * @see https://spec.openapis.org/oas/v3.0.3#security-requirement-object
 */
const METRICS_DOCS: FastifySchema = {
  summary: 'Prometheus metrics (text format); a bearer token when LATCHKEY_METRICS_TOKEN is set',
  description:
    "The runtime's metrics (names `latchkey_`, docs/api.md lists them). With LATCHKEY_METRICS_TOKEN set, `Authorization: Bearer <the token>` is required and anything else is a 401; unset, the route is open, so keep it off the public network.",
  security: [{}, { metricsToken: [] }],
  response: {
    200: {
      description: 'The Prometheus text exposition format 0.0.4',
      content: {
        'text/plain': {
          schema: { type: 'string' },
          example:
            '# HELP latchkey_refreshes_total Token refreshes by outcome: refreshed, refused, retryable, sibling\n# TYPE latchkey_refreshes_total counter\nlatchkey_refreshes_total{outcome="refreshed"} 42\n'
        }
      }
    },
    401: {
      ...ErrorSchema,
      description: 'LATCHKEY_METRICS_TOKEN is set and the request did not carry it',
      examples: [
        {
          error: {
            code: 'unauthorized',
            message: 'this route needs Authorization: Bearer $LATCHKEY_METRICS_TOKEN'
          }
        }
      ]
    }
  }
}

/**
 * `/metrics` in the Prometheus text format (the runtime's registry: token requests,
 * refreshes, lock waits, provider answers, revocations, webhooks, queues, connections, and
 * Node's process metrics), behind `LATCHKEY_METRICS_TOKEN` when set; and every answer's
 * duration by route template (never the ids in it), method and status.
 */
export function installMetrics(
  app: FastifyInstance,
  { runtime, metricsToken }: { runtime: Runtime; metricsToken: string | undefined }
): void {
  const { registry } = runtime.metrics
  const duration =
    (registry.getSingleMetric(DURATION) as Histogram<'route' | 'method' | 'status'> | undefined) ??
    new Histogram({
      name: DURATION,
      help: 'API answers by route template, method and status',
      labelNames: ['route', 'method', 'status'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry]
    })
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { route: request.routeOptions.url ?? 'unmatched', method: request.method, status: String(reply.statusCode) },
      reply.elapsedTime / 1000
    )
  })
  app.get('/metrics', { schema: METRICS_DOCS }, async (request, reply) => {
    if (metricsToken !== undefined) {
      const given = bearerToken(request)
      if (given === undefined || !sameSecret(given, metricsToken))
        throw new RuntimeError('unauthorized', 'this route needs Authorization: Bearer $LATCHKEY_METRICS_TOKEN')
    }
    const { contentType, body } = await runtime.metrics.text()
    return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body)
  })
}
