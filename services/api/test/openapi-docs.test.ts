import fastify from 'fastify'
import t from 'tap'
import type { TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { latchkeyApp, serverOptions } from '../src/index.js'
import * as schemas from '../src/schemas.js'
import { ADMIN_TOKEN, startHarness } from './harness.js'

interface Operation {
  tags?: string[]
  security?: Record<string, string[]>[]
  responses?: Record<string, unknown>
}

t.test('the OpenAPI document: every route, each with its tag and its real security', async (t) => {
  const h = await startHarness(t)
  const answer = await h.call('GET', '/docs/json')
  t.equal(answer.statusCode, 200)
  const document = answer.json() as {
    paths: Record<string, Record<string, Operation>>
    components: { securitySchemes: Record<string, unknown> }
  }
  t.same(Object.keys(document.components.securitySchemes).sort(), [
    'adminToken',
    'connectSession',
    'metricsToken',
    'tenantKey'
  ])
  const security = (path: string, method = 'get') => document.paths[path]?.[method]?.security
  t.same(security('/v1/tenants', 'post'), [{ adminToken: [] }], 'the operator route takes the admin token')
  t.same(security('/v1/connections'), [{ tenantKey: [] }])
  t.same(security('/v1/connect/session'), [{ connectSession: [] }], 'the wizard takes a connect session token')
  t.same(security('/oauth/callback/'), [], 'browser routes take nothing')
  t.same(security('/healthz'), [])
  t.ok(document.paths['/v1/connections/{id}/proxy/{*}']?.post, 'the proxy is documented')
  t.ok(document.paths['/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry']?.post)
  // Every route the app serves, except the docs page's own and the static files, is in the document.
  const app = fastify(serverOptions('silent'))
  const routes: string[] = []
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD' || route.url.includes('/proxy/')) routes.push(`${method.toLowerCase()} ${route.url}`)
  })
  await app.register(latchkeyApp, { runtime: h.runtime, redis: h.redis, adminToken: ADMIN_TOKEN })
  await app.ready()
  t.teardown(() => app.close())
  const served = routes.filter((r) => !/ \/(docs|ui)\b/.test(r))
  t.ok(served.length > 40, `${served.length} routes`)
  const documented = new Set(
    Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path.replace(/\{\*\}/g, '*').replace(/\{(\w+)\}/g, ':$1')}`)
    )
  )
  for (const route of served) t.ok(documented.has(route), `${route} is documented`)
  for (const [path, operations] of Object.entries(document.paths))
    for (const [method, operation] of Object.entries(operations)) {
      t.ok(operation.tags?.length === 1, `${method} ${path} has a tag`)
      t.ok(Array.isArray(operation.security), `${method} ${path} says how it is authenticated`)
    }
  const created = document.paths['/v1/webhook-endpoints']?.post?.responses ?? {}
  t.ok('201' in created && '400' in created && '401' in created, 'answers by status')
})

t.test('the docs page: Swagger UI served from this deployment, under a strict CSP', async (t) => {
  const h = await startHarness(t)
  let answer = await h.call('GET', '/docs')
  for (let hops = 0; answer.statusCode >= 300 && answer.statusCode < 400 && hops < 3; hops++)
    answer = await h.call('GET', new URL(String(answer.headers.location), 'http://127.0.0.1/docs/').pathname)
  t.equal(answer.statusCode, 200)
  t.match(String(answer.headers['content-type']), /text\/html/)
  t.match(answer.body, /swagger-ui/)
  t.notMatch(answer.body, /(src|href)=["']https?:\/\//, 'no third-party resource')
  const policy = String(answer.headers['content-security-policy'])
  t.match(policy, /script-src 'self'/)
  t.notMatch(policy, /script-src[^;]*unsafe-inline/, 'no inline script allowed')
  const scripts = [...answer.body.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] ?? '')
  t.ok(scripts.length >= 2, 'its scripts')
  for (const script of scripts) {
    const asset = await h.call('GET', new URL(script, 'http://127.0.0.1/docs/static/index.html').pathname)
    t.equal(asset.statusCode, 200, `${script} is served here`)
  }
})

/** The main schemas of the document, each with examples that are its own. */
const EXAMPLED: Record<string, TSchema> = Object.fromEntries(
  (
    [
      'ApiKeyBody',
      'ApiKeyList',
      'ApiKeySchema',
      'ApiKeyWithSecret',
      'ConnectionSchema',
      'ConnectionsPage',
      'ErrorSchema',
      'WebhookDeliveryList',
      'WebhookDeliverySchema',
      'WebhookEndpointBody',
      'WebhookEndpointList',
      'WebhookEndpointPatch',
      'WebhookEndpointSchema',
      'WebhookEndpointWithSecret'
    ] as const
  ).map((name) => [name, schemas[name]])
)

t.test('examples: every main schema has some, and each one validates against its schema', async (t) => {
  for (const [name, schema] of Object.entries(EXAMPLED)) {
    const examples = (schema as { examples?: unknown[] }).examples ?? []
    t.ok(examples.length > 0, `${name} has examples`)
    for (const example of examples) {
      const errors = [...Value.Errors(schema, example)].map((e) => `${e.instancePath} ${e.message}`)
      t.ok(
        Value.Check(schema, example),
        `${name}'s example is valid${errors.length === 0 ? '' : `: ${errors.join('; ')}`}`
      )
    }
  }
  // The example of a secret is shaped like one: a Standard Webhooks secret, an API key and its prefix.
  const [withSecret] = (schemas.WebhookEndpointWithSecret as { examples?: { secret: string }[] }).examples ?? []
  t.match(withSecret?.secret, /^whsec_[A-Za-z0-9+/]{43}=$/)
  const [key] = (schemas.ApiKeyWithSecret as { examples?: { apiKey: string; prefix: string }[] }).examples ?? []
  t.match(key?.apiKey, /^lk_[A-Za-z0-9_-]{43}$/)
  t.equal(key?.prefix, key?.apiKey.slice(0, 10))
  const [delivery] = (schemas.WebhookDeliverySchema as { examples?: { messageId: string }[] }).examples ?? []
  t.match(delivery?.messageId, /^msg_[A-Za-z0-9_-]{24}$/)
})

t.test('the document carries the examples on its routes; /metrics with its optional token and its 401', async (t) => {
  const h = await startHarness(t)
  const document = (await h.call('GET', '/docs/json')).json() as {
    paths: Record<string, Record<string, Record<string, unknown>>>
  }
  const media = (value: unknown) => (value as { content: Record<string, { example?: unknown }> }).content
  const answer = (path: string, method: string, status: string) =>
    media((document.paths[path]?.[method]?.responses as Record<string, unknown> | undefined)?.[status])
  const request = (path: string, method: string) => media(document.paths[path]?.[method]?.requestBody)
  const first = (schema: TSchema) => (schema as { examples?: unknown[] }).examples?.[0]
  const cases: [what: string, content: () => Record<string, { example?: unknown }>, schema: TSchema][] = [
    ['POST /v1/webhook-endpoints body', () => request('/v1/webhook-endpoints', 'post'), schemas.WebhookEndpointBody],
    [
      'POST /v1/webhook-endpoints 201',
      () => answer('/v1/webhook-endpoints', 'post', '201'),
      schemas.WebhookEndpointWithSecret
    ],
    ['GET /v1/webhook-endpoints 200', () => answer('/v1/webhook-endpoints', 'get', '200'), schemas.WebhookEndpointList],
    [
      'PATCH /v1/webhook-endpoints/{id} body',
      () => request('/v1/webhook-endpoints/{id}', 'patch'),
      schemas.WebhookEndpointPatch
    ],
    [
      'GET deliveries 200',
      () => answer('/v1/webhook-endpoints/{id}/deliveries', 'get', '200'),
      schemas.WebhookDeliveryList
    ],
    ['POST test 202', () => answer('/v1/webhook-endpoints/{id}/test', 'post', '202'), schemas.WebhookDeliverySchema],
    ['POST /v1/api-keys body', () => request('/v1/api-keys', 'post'), schemas.ApiKeyBody],
    ['POST /v1/api-keys 201', () => answer('/v1/api-keys', 'post', '201'), schemas.ApiKeyWithSecret],
    ['GET /v1/api-keys 200', () => answer('/v1/api-keys', 'get', '200'), schemas.ApiKeyList],
    ['GET /v1/connections 200', () => answer('/v1/connections', 'get', '200'), schemas.ConnectionsPage]
  ]
  for (const [what, content, schema] of cases)
    t.same(content()['application/json']?.example, first(schema), `${what}: its example in the document`)

  const metrics = document.paths['/metrics']?.get as {
    security: unknown
    responses: Record<string, { content: Record<string, { example?: unknown; schema?: unknown }> }>
  }
  t.same(metrics.security, [{}, { metricsToken: [] }], 'none, or the metrics token when the deployment sets one')
  t.match(metrics.responses['200']?.content['text/plain'], {
    schema: { type: 'string' },
    example: /^# HELP latchkey_/
  })
  t.match(metrics.responses['401']?.content['application/json']?.example, { error: { code: 'unauthorized' } })
  t.ok(
    Value.Check(schemas.ErrorSchema, metrics.responses['401']?.content['application/json']?.example),
    'the 401 example is an error body'
  )
})
