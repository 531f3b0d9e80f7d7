import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { RedisClient } from '@latchkey/jobs'
import Type from 'typebox'
import { readiness } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'

/** `/healthz`: the process is up. `/readyz`: PostgreSQL and Redis answer. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; redis: RedisClient }> = async (
  app,
  { runtime, redis }
) => {
  const Ready = Type.Object({
    ok: Type.Boolean(),
    postgres: Type.String({ description: '"ok" or "down: <why>"' }),
    redis: Type.String({ description: '"ok" or "down: <why>"' })
  })
  app.get(
    '/healthz',
    { schema: { summary: 'The process is up', response: { 200: Type.Object({ ok: Type.Literal(true) }) } } },
    async () => ({ ok: true as const })
  )
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'PostgreSQL and Redis answer (503 naming the one that does not)',
        response: { 200: Ready, 503: Ready }
      }
    },
    async (_request, reply) => {
      const state = await readiness(runtime.store, redis)
      return reply.status(state.ok ? 200 : 503).send(state)
    }
  )
}
