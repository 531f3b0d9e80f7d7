import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import type { Redis } from 'ioredis'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'

/** `/healthz`: the process is up. `/readyz`: PostgreSQL and Redis answer. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; redis: Redis }> = async (
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
      const check = async (probe: () => Promise<unknown>): Promise<string> => {
        try {
          await Promise.race([
            probe(),
            new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))
          ])
          return 'ok'
        } catch (error) {
          return `down: ${(error as Error).message}`
        }
      }
      const [postgres, redisState] = await Promise.all([
        check(() => sql`select 1`.execute(runtime.store.db)),
        check(() => redis.ping())
      ])
      const ok = postgres === 'ok' && redisState === 'ok'
      return reply.status(ok ? 200 : 503).send({ ok, postgres, redis: redisState })
    }
  )
}
