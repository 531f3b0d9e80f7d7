import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { RuntimeError } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import Type from 'typebox'
import {
  ApiKeyBody,
  ApiKeyList,
  ApiKeyWithSecret,
  ErrorSchema,
  IdParams,
  TenantAnswer,
  TenantBody,
  TenantSchema
} from '../schemas.js'
import { sameSecret, tenantAuth } from './tenant-auth.js'

/** Operator routes, authenticated by `LATCHKEY_ADMIN_TOKEN`. */
export const tenantRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime; adminToken: string }> = async (
  app,
  { runtime, adminToken }
) => {
  app.addHook('preHandler', async (request) => {
    const given = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1]
    if (given === undefined || !sameSecret(given, adminToken))
      throw new RuntimeError('unauthorized', 'this route needs Authorization: Bearer $LATCHKEY_ADMIN_TOKEN')
  })
  const tags = ['operator']
  const security = [{ adminToken: [] }]
  app.post(
    '/v1/tenants',
    {
      schema: { tags, security, body: TenantBody, response: { 201: TenantAnswer, 400: ErrorSchema, 401: ErrorSchema } }
    },
    async (request, reply) => reply.status(201).send(await runtime.tenants.create(request.body.name))
  )
  app.get(
    '/v1/tenants',
    {
      schema: {
        tags,
        security,
        response: { 200: Type.Object({ tenants: Type.Array(TenantSchema) }), 401: ErrorSchema }
      }
    },
    async () => ({ tenants: await runtime.tenants.list() })
  )
}

/** A tenant's own API keys: the key shown once, listed by prefix, revoked at once in every process. */
export const apiKeyRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  const tags = ['api keys']
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
  app.post(
    '/v1/api-keys',
    { schema: { tags, body: ApiKeyBody, response: { 201: ApiKeyWithSecret, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await runtime.tenants.createKey(request.tenant.id, request.body?.label ?? null))
  )
  app.get('/v1/api-keys', { schema: { tags, response: { 200: ApiKeyList, ...errors } } }, async (request) => ({
    apiKeys: await runtime.tenants.listKeys(request.tenant.id)
  }))
  app.delete(
    '/v1/api-keys/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await runtime.tenants.revokeKey(request.tenant.id, request.params.id)
      return reply.status(204).send(null)
    }
  )
}
