import fastify from 'fastify'
import t from 'tap'
import { latchkeyApp, serverOptions } from '../src/index.js'
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
  t.same(Object.keys(document.components.securitySchemes).sort(), ['adminToken', 'connectSession', 'tenantKey'])
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
