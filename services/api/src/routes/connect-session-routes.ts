import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'
import { RuntimeError } from '@latchkey/runtime'
import type { ConnectSession } from '@latchkey/store'
import {
  BrandingSchema,
  ConnectSessionAnswer,
  ConnectSessionBody,
  ConnectionBody,
  ConnectionSchema,
  CredentialsBody,
  ConnectorSummarySchema,
  ErrorSchema,
  EventSchema,
  EventsQuery,
  IdParams,
  AuthorizeAnswer,
  VerificationAnswer,
  WizardAuthorizeBody
} from '../schemas.js'
import { bearerToken, tenantAuth } from './tenant-auth.js'

declare module 'fastify' {
  interface FastifyRequest {
    /** The connect session whose token authenticated this request (`/v1/connect` routes). */
    connectSession: ConnectSession
  }
}

/** `POST /v1/connect-sessions`: the tenant's backend asks for a wizard link for one end customer. */
export const connectSessionRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  app.post(
    '/v1/connect-sessions',
    {
      schema: { body: ConnectSessionBody, response: { 201: ConnectSessionAnswer, 400: ErrorSchema, 401: ErrorSchema } }
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await runtime.sessions.create(request.tenant.id, request.body))
  )
}

function sessionAuth(runtime: Runtime): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    const token = bearerToken(request)
    const session = token === undefined ? undefined : await runtime.sessions.authenticate(token)
    if (session === undefined)
      throw new RuntimeError(
        'unauthorized',
        'this connect link is not valid or has expired: go back to the application and open it again'
      )
    request.connectSession = session
  }
}

/**
 * What the connect wizard calls, authenticated by the connect session's token (never an
 * API key): the end customer's own connections to the offered connectors, nothing else.
 */
export const wizardApiRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', sessionAuth(runtime))
  app.addHook('onSend', async (_request, reply) => void reply.header('cache-control', 'no-store'))
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
  const Overview = Type.Object({
    externalId: Type.String(),
    expiresAt: Type.String(),
    connectors: Type.Array(ConnectorSummarySchema),
    connections: Type.Array(ConnectionSchema),
    actions: Type.Record(
      Type.String(),
      Type.Object({ actions: Type.Array(Type.String()), scopes: Type.Array(Type.String()) }),
      { description: 'Per connector key, the actions this session names and the scopes they need' }
    ),
    missingScopes: Type.Record(Type.String(), Type.Array(Type.String()), {
      description: 'Per connection id, the scopes those actions need that it was not granted'
    }),
    branding: BrandingSchema,
    embedOrigins: Type.Array(Type.String(), {
      description: 'Origins allowed to embed this wizard; it talks over postMessage only to these'
    }),
    successUrl: Type.Union([Type.String(), Type.Null()]),
    failureUrl: Type.Union([Type.String(), Type.Null()]),
    locale: Type.String()
  })
  const { externalId: _externalId, ...wizardFields } = ConnectionBody.properties
  const WizardConnectionBody = Type.Object(wizardFields, { additionalProperties: false })

  app.get('/v1/connect/session', { schema: { response: { 200: Overview, ...errors } } }, async (request) =>
    runtime.sessions.overview(request.connectSession)
  )
  app.post(
    '/v1/connect/connections',
    { schema: { body: WizardConnectionBody, response: { 201: ConnectionSchema, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await runtime.sessions.createConnection(request.connectSession, request.body))
  )
  app.get(
    '/v1/connect/connections/:id',
    { schema: { params: IdParams, response: { 200: ConnectionSchema, ...errors } } },
    async (request) => runtime.sessions.get(request.connectSession, request.params.id)
  )
  app.post(
    '/v1/connect/connections/:id/authorize',
    {
      schema: { params: IdParams, body: WizardAuthorizeBody, response: { 200: AuthorizeAnswer, ...errors } },
      // The body is optional: none means a popup.
      preValidation: async (request) => void (request.body ??= {})
    },
    async (request) =>
      runtime.sessions.authorize(request.connectSession, request.params.id, {
        returnToWizard: request.body.returnToWizard
      })
  )
  app.post(
    '/v1/connect/connections/:id/verify',
    { schema: { params: IdParams, response: { 200: VerificationAnswer, ...errors } } },
    async (request) => {
      // Scoped like every wizard call: another customer's connection is a 404.
      await runtime.sessions.get(request.connectSession, request.params.id)
      return runtime.verification.verify(request.connectSession.tenant_id, request.params.id)
    }
  )
  app.put(
    '/v1/connect/connections/:id/credentials',
    { schema: { params: IdParams, body: CredentialsBody, response: { 200: ConnectionSchema, ...errors } } },
    async (request) => {
      await runtime.sessions.get(request.connectSession, request.params.id)
      return runtime.connections.replaceCredentials(
        request.connectSession.tenant_id,
        request.params.id,
        request.body.credentials
      )
    }
  )
  app.post(
    '/v1/connect/connections/:id/disconnect',
    { schema: { params: IdParams, response: { 200: ConnectionSchema, ...errors } } },
    async (request) => runtime.sessions.disconnect(request.connectSession, request.params.id)
  )
  app.delete(
    '/v1/connect/connections/:id',
    {
      schema: {
        summary:
          'Removes a connection that holds nothing (never connected, or disconnected); a working one is a 409 until disconnected',
        params: IdParams,
        response: { 204: Type.Null(), ...errors }
      }
    },
    async (request, reply) => {
      await runtime.sessions.remove(request.connectSession, request.params.id)
      return reply.status(204).send(null)
    }
  )
  app.get(
    '/v1/connect/connections/:id/events',
    {
      schema: {
        params: IdParams,
        querystring: EventsQuery,
        response: { 200: Type.Object({ events: Type.Array(EventSchema) }), ...errors }
      }
    },
    async (request) => ({
      events: await runtime.sessions.events(request.connectSession, request.params.id, request.query.limit ?? 50)
    })
  )
}
