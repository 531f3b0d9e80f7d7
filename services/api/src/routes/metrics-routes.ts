import type { FastifyInstance } from 'fastify'
import { Histogram } from 'prom-client'
import type { Runtime } from '@latchkey/runtime'
import { RuntimeError } from '@latchkey/runtime'
import { bearerToken, sameSecret } from './tenant-auth.js'

const DURATION = 'latchkey_http_request_duration_seconds'

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
  app.get(
    '/metrics',
    { schema: { summary: 'Prometheus metrics (text format); a bearer token when LATCHKEY_METRICS_TOKEN is set' } },
    async (request, reply) => {
      if (metricsToken !== undefined) {
        const given = bearerToken(request)
        if (given === undefined || !sameSecret(given, metricsToken))
          throw new RuntimeError('unauthorized', 'this route needs Authorization: Bearer $LATCHKEY_METRICS_TOKEN')
      }
      const { contentType, body } = await runtime.metrics.text()
      return reply.header('content-type', contentType).header('cache-control', 'no-store').send(body)
    }
  )
}
