import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import type { Runtime } from '@latchkey/runtime'
import {
  DeliveriesQuery,
  DeliveryParams,
  ErrorSchema,
  IdParams,
  WebhookDeliveryList,
  WebhookDeliverySchema,
  WebhookEndpointBody,
  WebhookEndpointList,
  WebhookEndpointPatch,
  WebhookEndpointSchema,
  WebhookEndpointWithSecret
} from '../schemas.js'
import { tenantAuth } from './tenant-auth.js'

/**
 * Webhook endpoints (Standard Webhooks): a tenant reaches its own only; another tenant's id
 * answers 404. The signing secret appears in the answers of creation and rotation only.
 */
export const webhookRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
  app.addHook('preHandler', tenantAuth(runtime))
  const errors = { 400: ErrorSchema, 401: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema }
  const tags = ['webhooks']
  const noStore = { 'cache-control': 'no-store' }

  app.post(
    '/v1/webhook-endpoints',
    { schema: { tags, body: WebhookEndpointBody, response: { 201: WebhookEndpointWithSecret, ...errors } } },
    async (request, reply) =>
      reply
        .status(201)
        .headers(noStore)
        .send(await runtime.webhooks.create(request.tenant.id, request.body))
  )
  app.get(
    '/v1/webhook-endpoints',
    { schema: { tags, response: { 200: WebhookEndpointList, ...errors } } },
    async (request) => ({ endpoints: await runtime.webhooks.list(request.tenant.id) })
  )
  app.get(
    '/v1/webhook-endpoints/:id',
    { schema: { tags, params: IdParams, response: { 200: WebhookEndpointSchema, ...errors } } },
    async (request) => runtime.webhooks.get(request.tenant.id, request.params.id)
  )
  app.patch(
    '/v1/webhook-endpoints/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: WebhookEndpointPatch,
        response: { 200: WebhookEndpointSchema, ...errors }
      }
    },
    async (request) => runtime.webhooks.update(request.tenant.id, request.params.id, request.body)
  )
  app.delete(
    '/v1/webhook-endpoints/:id',
    { schema: { tags, params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await runtime.webhooks.delete(request.tenant.id, request.params.id)
      return reply.status(204).send(null)
    }
  )
  app.post(
    '/v1/webhook-endpoints/:id/rotate-secret',
    { schema: { tags, params: IdParams, response: { 200: WebhookEndpointWithSecret, ...errors } } },
    async (request, reply) =>
      reply.headers(noStore).send(await runtime.webhooks.rotateSecret(request.tenant.id, request.params.id))
  )
  app.post(
    '/v1/webhook-endpoints/:id/test',
    { schema: { tags, params: IdParams, response: { 202: WebhookDeliverySchema, ...errors } } },
    async (request, reply) => reply.status(202).send(await runtime.webhooks.test(request.tenant.id, request.params.id))
  )
  app.get(
    '/v1/webhook-endpoints/:id/deliveries',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: DeliveriesQuery,
        response: { 200: WebhookDeliveryList, ...errors }
      }
    },
    async (request) => ({
      deliveries: await runtime.webhooks.deliveries(request.tenant.id, request.params.id, {
        ...request.query,
        limit: request.query.limit ?? 50
      })
    })
  )
  app.get(
    '/v1/webhook-endpoints/:id/deliveries/:deliveryId',
    { schema: { tags, params: DeliveryParams, response: { 200: WebhookDeliverySchema, ...errors } } },
    async (request) => runtime.webhooks.delivery(request.tenant.id, request.params.id, request.params.deliveryId)
  )
  app.post(
    '/v1/webhook-endpoints/:id/deliveries/:deliveryId/retry',
    { schema: { tags, params: DeliveryParams, response: { 202: WebhookDeliverySchema, ...errors } } },
    async (request, reply) =>
      reply
        .status(202)
        .send(await runtime.webhooks.retry(request.tenant.id, request.params.id, request.params.deliveryId))
  )
}
