import fc from 'fast-check'
import fastify from 'fastify'
import type { InjectOptions } from 'fastify'
import t from 'tap'
import { AJV_OPTIONS, latchkeyApp } from '../src/index.js'
import type { Harness } from './harness.js'
import { ADMIN_TOKEN, deliverCallback, prepareConnection, startHarness, startInBrowser } from './harness.js'

/** The JSON Schema keywords typebox emits for the routes' schemas. */
interface JsonSchema {
  type?: string
  properties?: Record<string, JsonSchema>
  required?: string[]
  additionalProperties?: boolean | JsonSchema
  patternProperties?: Record<string, JsonSchema>
  items?: JsonSchema
  anyOf?: JsonSchema[]
  enum?: unknown[]
  pattern?: string
  minLength?: number
  maxLength?: number
  minimum?: number
  maximum?: number
}

type Method = NonNullable<InjectOptions['method']>

interface CollectedRoute {
  readonly methods: Method[]
  readonly url: string
  readonly body?: JsonSchema
  readonly querystring?: JsonSchema
}

/** Text PostgreSQL refuses: NUL, and surrogate halves without their pair. */
const unstorable = fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff')

/** Arbitrary Unicode that PostgreSQL can store: it gets past the edge into the runtime. */
const storable = fc.oneof(fc.string({ unit: 'binary', maxLength: 24 }), fc.string({ unit: 'grapheme', maxLength: 12 }))

/** Arbitrary Unicode, now and then with unstorable characters injected. */
const text = fc.oneof(
  { weight: 3, arbitrary: storable },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ unit: 'binary', maxLength: 8 }), unstorable, fc.string({ unit: 'grapheme', maxLength: 8 }))
      .map((parts) => parts.join(''))
  }
)

/** Free-form JSON whose strings and keys are {@link text}. */
const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(text, tie('value'), { maxKeys: 3 })
  )
})).value

/** Values the schema accepts, with {@link text} where it takes strings, and now and then anything at all. */
function fromSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
  const shaped = ((): fc.Arbitrary<unknown> => {
    if (schema.enum !== undefined) return fc.constantFrom(...schema.enum)
    if (schema.anyOf !== undefined) return fc.oneof(...schema.anyOf.map(fromSchema))
    switch (schema.type) {
      case 'string':
        return schema.pattern === undefined ? text : fc.oneof(fc.stringMatching(new RegExp(schema.pattern)), text)
      case 'integer':
        return fc.oneof(fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 }), fc.integer())
      case 'boolean':
        return fc.boolean()
      case 'array':
        return fc.array(schema.items === undefined ? json : fromSchema(schema.items), { maxLength: 3 })
      case 'object': {
        const pattern = Object.values(schema.patternProperties ?? {})[0]
        if (pattern !== undefined) return fc.dictionary(text, fromSchema(pattern), { maxKeys: 3 })
        const properties = schema.properties ?? {}
        const record = fc.record(
          Object.fromEntries(Object.entries(properties).map(([key, value]) => [key, fromSchema(value)])),
          { requiredKeys: schema.required ?? [] }
        )
        return schema.additionalProperties === false
          ? record
          : fc
              .tuple(record, fc.dictionary(text, json, { maxKeys: 2 }))
              .map(([known, extra]) => ({ ...extra, ...known }))
      }
      default:
        return json
    }
  })()
  return fc.oneof({ weight: 9, arbitrary: shaped }, { weight: 1, arbitrary: json })
}

/** `example` with some of its strings and keys replaced by {@link text}: deep enough to pass validation. */
function mutated(example: unknown): fc.Arbitrary<unknown> {
  if (typeof example === 'string')
    return fc.oneof({ weight: 4, arbitrary: fc.constant(example) }, { weight: 1, arbitrary: text })
  if (Array.isArray(example)) return fc.tuple(...example.map(mutated))
  if (typeof example === 'object' && example !== null) {
    const entries = Object.entries(example).map(([key, value]) =>
      fc.tuple(fc.oneof({ weight: 8, arbitrary: fc.constant(key) }, { weight: 1, arbitrary: text }), mutated(value))
    )
    return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs))
  }
  return fc.constant(example)
}

/** Percent-encodes every UTF-16 unit, a lone surrogate as the bytes UTF-8 would give it (`%ED%A0%80`). */
function percentEncode(value: string): string {
  let encoded = ''
  for (let i = 0; i < value.length; i += 1) {
    const unit = value.charCodeAt(i)
    const next = value.charCodeAt(i + 1)
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      encoded += encodeURIComponent(value.slice(i, i + 2))
      i += 1
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      encoded += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)]
        .map((byte) => `%${byte.toString(16).toUpperCase()}`)
        .join('')
    } else {
      encoded += encodeURIComponent(value.charAt(i))
    }
  }
  return encoded
}

function queryString(query: unknown): string {
  if (typeof query !== 'object' || query === null) return ''
  const pairs = Object.entries(query).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map(
      (v) => `${percentEncode(key)}=${percentEncode(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))}`
    )
  )
  return pairs.length === 0 ? '' : `?${pairs.join('&')}`
}

/** The route's URL with each `:param` (and `*`) replaced. */
function fill(url: string, values: (name: string) => string): string {
  return url
    .replace(/:(\w+)/g, (_, name: string) => percentEncode(values(name)))
    .replace(/\*$/, () => values('*').split('/').map(percentEncode).join('/'))
}

/** Builds the app again with an `onRoute` hook, on the harness's runtime and Redis, to list every route it registers. */
async function collectRoutes(h: Harness) {
  const app = fastify({ logger: false, ajv: AJV_OPTIONS })
  const routes: CollectedRoute[] = []
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { body?: JsonSchema; querystring?: JsonSchema } | undefined
    routes.push({
      methods: [route.method].flat() as Method[],
      url: route.url,
      ...(schema?.body === undefined ? {} : { body: schema.body }),
      ...(schema?.querystring === undefined ? {} : { querystring: schema.querystring })
    })
  })
  await app.register(latchkeyApp, { runtime: h.runtime, redis: h.redis, adminToken: ADMIN_TOKEN })
  await app.ready()
  h.defer(() => app.close(), 'close the route-collecting app')
  return { app, routes }
}

/** A tenant of its own for one route (so one route's runs cannot change what another sees), connected, with a wizard session. */
async function world(h: Harness) {
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const done = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  if (!/Authorization completed successfully/.test(done.body)) throw new Error(`connect: ${done.body}`)
  const session = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: { externalId: 'customer-42', connectors: ['sandbox'] }
  })
  if (session.statusCode !== 201) throw new Error(`session: ${session.body}`)
  return { apiKey: tenant.apiKey, connectionId, sessionToken: (session.json() as { token: string }).token }
}

/** Who may call a route: the admin token, a connect session, or a tenant's API key. */
function authorization(url: string, w: { apiKey: string; sessionToken: string }): string {
  if (url === '/v1/tenants') return `Bearer ${ADMIN_TOKEN}`
  if (url.startsWith('/v1/connect/')) return `Bearer ${w.sessionToken}`
  return `Bearer ${w.apiKey}`
}

t.test('no route answers 5xx to any body, query or path parameter text', async (t) => {
  const h = await startHarness(t)
  const { app, routes } = await collectRoutes(h)
  const fragment = {
    components: {
      securitySchemes: {
        OAuth2: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://a.example/authorize',
              tokenUrl: 'https://a.example/token',
              scopes: { read: 'Read' }
            }
          }
        }
      }
    }
  }
  // Valid bodies and queries, so mutated ones get past validation into the runtime.
  const examples: Record<string, unknown> = {
    'POST /v1/tenants': { name: 'Acme' },
    'POST /v1/connectors': h.sandbox(undefined, 'custom'),
    'POST /v1/connectors/openapi': { key: 'imported', name: 'Imported', document: fragment, securityScheme: 'OAuth2' },
    'PUT /v1/connectors/:key/app': {
      clientId: 'sandbox-app',
      clientSecret: 'sandbox-secret',
      scopes: ['read'],
      overrides: { tokenUrl: h.server.tokenUrl }
    },
    'POST /v1/connections': {
      connector: 'sandbox',
      externalId: 'customer-42',
      label: 'Mine',
      scopes: ['read'],
      parameters: {}
    },
    'PUT /v1/connections/:id/credentials': { credentials: { apiKey: 'key' } },
    'POST /v1/connections/:id/http': {
      method: 'GET',
      url: '/me',
      query: { a: 'b', c: ['d'] },
      headers: { 'x-custom': 'yes' }
    },
    'POST /v1/connect-sessions': { externalId: 'customer-42', connectors: ['sandbox'] },
    'POST /v1/connect/connections': { connector: 'sandbox', label: 'Mine', scopes: ['read'] },
    'POST /v1/connect/connections/:id/authorize': { returnToWizard: true },
    'PUT /v1/connect/connections/:id/credentials': { credentials: { username: 'u', password: 'p' } },
    'GET /v1/connections': { connector: 'sandbox', externalId: 'customer-42' },
    'GET /v1/connections/:id/events': { limit: '5' },
    'GET /v1/connect/connections/:id/events': { limit: '5' }
  }
  const withInput = routes
    .flatMap((route) =>
      route.methods.filter((m) => m !== 'HEAD').map((method) => ({ ...route, method, name: `${method} ${route.url}` }))
    )
    .filter((route) => route.body !== undefined || route.querystring !== undefined)
  t.ok(withInput.length >= 14, `routes with a body or query schema: ${withInput.map((r) => r.name).join(', ')}`)
  t.same(
    Object.keys(examples).filter((name) => !withInput.some((r) => r.name === name)),
    [],
    'every example belongs to a registered route'
  )

  for (const [index, route] of withInput.entries()) {
    const w = await world(h)
    const example = examples[route.name]
    const schema = route.body ?? route.querystring ?? {}
    const input =
      example === undefined
        ? fromSchema(schema)
        : fc.oneof({ weight: 1, arbitrary: fromSchema(schema) }, { weight: 2, arbitrary: mutated(example) })
    const url = fill(route.url, (name) => (name === 'key' ? 'sandbox' : name === 'id' ? w.connectionId : 'x'))
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const headers = { authorization: authorization(route.url, w) }
        const request: InjectOptions =
          route.body === undefined
            ? { method: route.method, url: `${url}${queryString(value)}`, headers }
            : {
                method: route.method,
                url,
                headers: { ...headers, 'content-type': 'application/json' },
                payload: JSON.stringify(value)
              }
        const response = await app.inject(request)
        if (response.statusCode >= 500)
          throw new Error(`${route.name} answered ${response.statusCode} ${response.body}`)
      }),
      { numRuns: 30, seed: 1300 + index, endOnFailure: true }
    )
    t.pass(`${route.name}: no 5xx`)
  }

  // Every route, every parameter: arbitrary text in the path and the query.
  const everyRoute = routes.flatMap((route) =>
    route.methods.filter((m) => m !== 'HEAD').map((method) => ({ ...route, method, name: `${method} ${route.url}` }))
  )
  const w = await world(h)
  for (const [index, route] of everyRoute.entries()) {
    const names = [...route.url.matchAll(/:(\w+)|\*$/g)].map((m) => m[1] ?? '*')
    const input = fc.record({
      params: fc.tuple(...names.map(() => text.filter((s) => s !== ''))),
      query: fc.dictionary(text, text, { maxKeys: 2 })
    })
    await fc.assert(
      fc.asyncProperty(input, async ({ params, query }) => {
        const url = fill(route.url, (name) => params[names.indexOf(name)] ?? 'x')
        const response = await app.inject({
          method: route.method,
          url: `${url}${queryString(query)}`,
          headers: { authorization: authorization(route.url, w) }
        })
        if (response.statusCode >= 500)
          throw new Error(`${route.name} ${url} answered ${response.statusCode} ${response.body}`)
      }),
      { numRuns: 20, seed: 1400 + index, endOnFailure: true }
    )
    t.pass(`${route.name}: no 5xx for any path or query text`)
  }
})
