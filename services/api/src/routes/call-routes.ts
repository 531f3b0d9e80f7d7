import type { Readable } from 'node:stream'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import Type from 'typebox'
import { MAX_ACTION_PAGES, RuntimeError, readAnswer } from '@latchkey/runtime'
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

const ActionBody = Type.Object(
  {
    /** The action's input, checked against its schema (`GET /v1/connectors/:key/actions`). */
    input: Type.Optional(Type.Unknown()),
    /** `async`: queue the action and answer 202 with a job id (`GET /v1/jobs/:id`). @defaultValue `sync` */
    mode: Type.Optional(Type.Enum(['sync', 'async'])),
    /** The most pages read, for actions that page. @defaultValue `1` */
    pages: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_ACTION_PAGES })),
    /** The most items returned; pages stop once reached. */
    maxItems: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 }))
  },
  { additionalProperties: false }
)

const ActionAnswer = Type.Object({
  /** The provider's status (of the last page read). */
  status: Type.Integer(),
  /** The answer at the action's output path; for actions that page, every page's items in one list. */
  output: Type.Unknown(),
  pages: Type.Integer(),
  /** More pages exist beyond the limits asked for (or after a page that failed). */
  more: Type.Boolean(),
  /** What the provider said when it refused (status 4xx/5xx). */
  error: Type.Optional(Type.String())
})

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

  app.post(
    '/v1/connections/:id/actions/:action',
    {
      schema: {
        summary: "Runs one of the connector's declared actions",
        description:
          "The input is checked against the action's schema (400 listing every field) and its scopes against what the connection was granted (409 missing_scope, before anything is sent); the request goes through the same helper as /http (refresh on auth failure, retries, egress policy). Actions that page read up to `pages` pages.",
        params: Type.Object({
          id: Type.String({ minLength: 1, maxLength: 64 }),
          action: Type.String({ minLength: 1, maxLength: 63 })
        }),
        body: ActionBody,
        response: {
          200: ActionAnswer,
          202: Type.Object({ jobId: Type.String(), status: Type.String() }),
          ...errors
        }
      }
    },
    async (request, reply) => {
      const { id, action } = request.params
      const { input, pages, maxItems } = request.body
      if (request.body.mode === 'async') {
        // Checked now: a bad id, action or input is an error here rather than a failed job later.
        await runtime.actions.prepare(request.tenant.id, id, action, input)
        const jobId = await runtime.queues.enqueueHttp({
          tenantId: request.tenant.id,
          connectionId: id,
          action,
          ...(input === undefined ? {} : { input }),
          ...(pages === undefined ? {} : { pages }),
          ...(maxItems === undefined ? {} : { maxItems })
        })
        return reply.status(202).send({ jobId, status: `/v1/jobs/${jobId}` })
      }
      return runtime.actions.run(request.tenant.id, id, action, { input, pages, maxItems })
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
