import { timingSafeEqual } from 'node:crypto'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RuntimeError } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { ErrorSchema, TenantAnswer, TenantBody } from '../schemas.js'

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Operator routes, authenticated by `LATCHKEY_ADMIN_TOKEN`. */
export const tenantRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; adminToken: string }> = async (
  app,
  { runtime, adminToken }
) => {
  app.post(
    '/v1/tenants',
    { schema: { body: TenantBody, response: { 201: TenantAnswer, 401: ErrorSchema } } },
    async (request, reply) => {
      const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
      if (given === undefined || !sameSecret(given, adminToken))
        throw new RuntimeError('unauthorized', 'this route needs Authorization: Bearer $LATCHKEY_ADMIN_TOKEN')
      return reply.status(201).send(await runtime.tenants.create(request.body.name))
    }
  )
}
