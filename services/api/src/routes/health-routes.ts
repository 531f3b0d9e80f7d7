import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { sql } from 'kysely'
import type { Redis } from 'ioredis'
import type { Runtime } from '@latchkey/runtime'

/** `/healthz`: the process is up. `/readyz`: PostgreSQL and Redis answer. */
export const healthRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; redis: Redis }> = async (
  app,
  { runtime, redis }
) => {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ ok: true }))
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const check = async (probe: () => Promise<unknown>): Promise<string> => {
      try {
        await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))])
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
  })
}
