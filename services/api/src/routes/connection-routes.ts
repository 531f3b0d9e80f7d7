import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'
import {
  AuthorizeAnswer,
  AuthorizeBody,
  VerificationAnswer,
  ConnectionBody,
  CredentialsBody,
  ConnectionSchema,
  ConnectionsPage,
  ConnectionsQuery,
  ErrorSchema,
  EventSchema,
  EventsQuery,
  IdParams,
  TokenSchema
} from '../schemas.js'
import { tenantAuth } from './tenant-auth.js'

/** Connections: a tenant reaches its own only; another tenant's id answers 404. */
export const connectionRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  const errors = {
    400: ErrorSchema,
    401: ErrorSchema,
    404: ErrorSchema,
    409: ErrorSchema,
    422: ErrorSchema,
    502: ErrorSchema,
    504: ErrorSchema
  }
  const one = { params: IdParams, response: { 200: ConnectionSchema, ...errors } }

  app.post(
    '/v1/connections',
    { schema: { body: ConnectionBody, response: { 201: ConnectionSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await runtime.connections.create(request.tenant.id, request.body))
  )
  app.get(
    '/v1/connections',
    {
      schema: {
        querystring: ConnectionsQuery,
        response: { 200: ConnectionsPage, ...errors }
      }
    },
    async (request) =>
      runtime.connections.page(request.tenant.id, { ...request.query, limit: request.query.limit ?? 100 })
  )
  app.get('/v1/connections/:id', { schema: one }, async (request) =>
    runtime.connections.get(request.tenant.id, request.params.id)
  )
  app.post(
    '/v1/connections/:id/authorize',
    {
      schema: { params: IdParams, body: AuthorizeBody, response: { 200: AuthorizeAnswer, ...errors } },
      // The body is optional: none is a plain (re)connect.
      preValidation: async (request) => void (request.body ??= {})
    },
    async (request) =>
      runtime.connect.authorize(request.tenant.id, request.params.id, {
        actions: request.body.actions,
        scopes: request.body.scopes
      })
  )
  app.post('/v1/connections/:id/refresh', { schema: one }, async (request) => {
    await runtime.connections.refresh(request.tenant.id, request.params.id)
    return runtime.connections.get(request.tenant.id, request.params.id)
  })
  app.post(
    '/v1/connections/:id/verify',
    { schema: { params: IdParams, response: { 200: VerificationAnswer, ...errors } } },
    async (request) => runtime.verification.verify(request.tenant.id, request.params.id)
  )
  app.put(
    '/v1/connections/:id/credentials',
    { schema: { params: IdParams, body: CredentialsBody, response: { 200: ConnectionSchema, ...errors } } },
    async (request) =>
      runtime.connections.replaceCredentials(request.tenant.id, request.params.id, request.body.credentials)
  )
  app.post('/v1/connections/:id/disconnect', { schema: one }, async (request) =>
    runtime.connections.disconnect(request.tenant.id, request.params.id)
  )
  app.delete(
    '/v1/connections/:id',
    { schema: { params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await runtime.connections.delete(request.tenant.id, request.params.id)
      return reply.status(204).send(null)
    }
  )
  app.get(
    '/v1/connections/:id/events',
    {
      schema: {
        params: IdParams,
        querystring: EventsQuery,
        response: { 200: Type.Object({ events: Type.Array(EventSchema) }), ...errors }
      }
    },
    async (request) => ({
      events: await runtime.connections.events(request.tenant.id, request.params.id, request.query.limit ?? 50)
    })
  )
  // The one route that hands out a token.
  app.get(
    '/v1/connections/:id/token',
    { schema: { params: IdParams, response: { 200: TokenSchema, ...errors } } },
    async (request, reply) => {
      void reply.header('cache-control', 'no-store')
      return runtime.connections.token(request.tenant.id, request.params.id)
    }
  )
}
