import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { RuntimeError, readAnswer } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { ErrorSchema, IdParams } from '../schemas.js'
import { tenantAuth } from './tenant-auth.js'

const HttpBody = Type.Object(
  {
    method: Type.String({
      pattern: '^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS|get|head|post|put|patch|delete|options)$'
    }),
    url: Type.String({ minLength: 1, maxLength: 8192 }),
    query: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]))),
    headers: Type.Optional(Type.Record(Type.String(), Type.String())),
    body: Type.Optional(Type.Unknown()),
    /** `async`: queue the call and answer 202 with a job id (`GET /v1/jobs/:id`). @defaultValue `sync` */
    mode: Type.Optional(Type.Enum(['sync', 'async']))
  },
  { additionalProperties: false }
)

const JobAnswer = Type.Object({
  id: Type.String(),
  state: Type.String(),
  attempts: Type.Integer(),
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(Type.String())
})

const HttpAnswer = Type.Object({
  status: Type.Integer(),
  headers: Type.Record(Type.String(), Type.String()),
  body: Type.Unknown()
})

/** Authenticated calls: a JSON envelope, and a streamed proxy. */
export const callRoutes: FastifyPluginAsyncTypebox<{ runtime: Runtime }> = async (app, { runtime }) => {
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

  app.post(
    '/v1/connections/:id/http',
    {
      schema: {
        params: IdParams,
        body: HttpBody,
        response: { 200: HttpAnswer, 202: Type.Object({ jobId: Type.String(), status: Type.String() }), ...errors }
      }
    },
    async (request, reply) => {
      const { body } = request
      const payload =
        body.body === undefined ? undefined : typeof body.body === 'string' ? body.body : JSON.stringify(body.body)
      const headers = {
        ...(payload !== undefined &&
        typeof body.body !== 'string' &&
        !Object.keys(body.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')
          ? { 'content-type': 'application/json' }
          : {}),
        ...body.headers
      }
      if (body.mode === 'async') {
        // Checked now, so a bad connection id is a 404 here rather than a failed job later.
        await runtime.credentials.connection(request.tenant.id, request.params.id)
        const jobId = await runtime.queues.enqueueHttp({
          tenantId: request.tenant.id,
          connectionId: request.params.id,
          method: body.method,
          url: body.url,
          query: body.query,
          headers,
          body: payload
        })
        return reply.status(202).send({ jobId, status: `/v1/jobs/${jobId}` })
      }
      return readAnswer(
        await runtime.http.call(request.tenant.id, request.params.id, {
          method: body.method,
          url: body.url,
          query: body.query,
          headers,
          body: payload
        })
      )
    }
  )

  app.get(
    '/v1/jobs/:id',
    { schema: { params: IdParams, response: { 200: JobAnswer, ...errors } } },
    async (request) => {
      const job = await runtime.queues.http.getJob(request.params.id)
      if (job === undefined || job.data.tenantId !== request.tenant.id)
        throw new RuntimeError('not_found', 'job was not found')
      const state = await job.getState()
      return {
        id: request.params.id,
        state,
        ...(job.returnvalue === null || job.returnvalue === undefined ? {} : { result: job.returnvalue }),
        ...(state === 'failed' ? { error: job.failedReason } : {}),
        attempts: job.attemptsMade
      }
    }
  )

  // The proxy: bodies stream both ways, untouched.
  await app.register(async (proxy) => {
    proxy.removeAllContentTypeParsers()
    proxy.addContentTypeParser('*', (_request, payload, done) => done(null, payload))
    proxy.route({
      method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      url: '/v1/connections/:id/proxy/*',
      schema: {
        summary: "The provider's API under the connection's base URL, credentials added, streamed both ways",
        description:
          "Any method; the path after /proxy/ and the query go to the connector's API. Caller headers pass except Authorization, Cookie, Host and hop-by-hop ones. The answer is the provider's, status and body untouched; refusals before anything is sent are Latchkey errors (400, 404, 409).",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }), '*': Type.String() })
      },
      handler: async (request, reply) => {
        const { id } = request.params as { id: string; '*': string }
        const raw = request.raw.url ?? ''
        const prefix = `/v1/connections/${id}/proxy`
        const relative = raw.slice(raw.indexOf(prefix) + prefix.length)
        const [path = '/', search = ''] = relative.split(/\?(.*)/s)
        const headers: Record<string, string> = {}
        for (const [name, value] of Object.entries(request.headers)) {
          const lower = name.toLowerCase()
          if (
            lower === 'authorization' ||
            lower === 'host' ||
            lower === 'content-length' ||
            lower === 'cookie' ||
            HOP.has(lower) ||
            typeof value !== 'string'
          )
            continue
          headers[lower] = value
        }
        const query: Record<string, string[]> = {}
        for (const [name, value] of new URLSearchParams(search)) (query[name] ??= []).push(value)
        const body =
          request.method === 'GET' || request.method === 'HEAD' ? undefined : (request.body as Readable | undefined)
        const response = await runtime.http.call(request.tenant.id, id, {
          method: request.method,
          url: path,
          query,
          headers,
          body
        })
        return reply.status(response.status).headers(response.headers).send(response.body)
      }
    })
  })
}

const HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade'
])
