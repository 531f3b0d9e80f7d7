import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'
import {
  ActionViewSchema,
  AppBody,
  AppSchema,
  ConnectorSummarySchema,
  ErrorSchema,
  KeyParams,
  OpenApiBody
} from '../schemas.js'
import { tenantAuth } from './tenant-auth.js'

/** The catalog, custom connectors, OpenAPI import, and the tenant's OAuth apps. */
export const connectorRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }

  app.get(
    '/v1/connectors',
    { schema: { response: { 200: Type.Object({ connectors: Type.Array(ConnectorSummarySchema) }), ...errors } } },
    async (request) => ({
      connectors: await runtime.connectors.list(request.tenant.id)
    })
  )

  app.get(
    '/v1/connectors/:key',
    { schema: { params: KeyParams, response: { 200: ConnectorSummarySchema, ...errors } } },
    async (request) => runtime.connectors.get(request.tenant.id, request.params.key)
  )

  app.get(
    '/v1/connectors/:key/actions',
    {
      schema: {
        summary: "The connector's declared actions, with their input schemas and the scopes each needs",
        params: KeyParams,
        response: { 200: Type.Object({ actions: Type.Array(ActionViewSchema) }), ...errors }
      }
    },
    async (request) => ({ actions: await runtime.connectors.actions(request.tenant.id, request.params.key) })
  )

  // The definition is validated by the SDK's own schema, which reports every problem with its path.
  app.post(
    '/v1/connectors',
    { schema: { body: Type.Unknown(), response: { 201: ConnectorSummarySchema, ...errors } } },
    async (request, reply) =>
      reply.status(201).send(await runtime.connectors.createCustom(request.tenant.id, request.body))
  )

  app.post(
    '/v1/connectors/openapi',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        body: OpenApiBody,
        response: {
          201: Type.Intersect([ConnectorSummarySchema, Type.Object({ warnings: Type.Array(Type.String()) })]),
          ...errors
        }
      }
    },
    async (request, reply) => {
      const { connector, warnings } = await runtime.connectors.importOpenApi(request.tenant.id, request.body)
      return reply.status(201).send({ ...connector, warnings: [...warnings] })
    }
  )

  app.get(
    '/v1/connectors/:key/app',
    { schema: { params: KeyParams, response: { 200: AppSchema, ...errors } } },
    async (request) => runtime.connectors.app(request.tenant.id, request.params.key)
  )

  app.put(
    '/v1/connectors/:key/app',
    { schema: { params: KeyParams, body: AppBody, response: { 200: ConnectorSummarySchema, ...errors } } },
    async (request) => runtime.connectors.setApp(request.tenant.id, request.params.key, request.body)
  )
}
