import { sql } from 'kysely'
import t from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { MAX_DEPTH, TOO_DEEP, UNSTORABLE_KEY, UNSTORABLE_VALUE, unstorableText } from '../src/input-text.js'
import type { Harness } from './harness.js'
import { ADMIN_TOKEN, deliverCallback, prepareConnection, startHarness, startInBrowser } from './harness.js'

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** Rows of every table a request could write to, to show a refused one wrote nothing. */
async function rowCounts(h: Harness): Promise<Record<string, number>> {
  const tables = [
    'tenants',
    'api_keys',
    'connector_apps',
    'custom_connectors',
    'connections',
    'credentials',
    'connect_attempts',
    'connect_sessions',
    'connection_events'
  ] as const
  const counts: Record<string, number> = {}
  for (const table of tables)
    counts[table] = Number(
      (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}`.execute(h.store.db)).rows[0]?.n
    )
  return counts
}

t.test('text PostgreSQL cannot store is a 400 naming each field, and writes nothing', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const session = (
    await h.call('POST', '/v1/connect-sessions', {
      apiKey: tenant.apiKey,
      body: { externalId: 'customer-42', connectors: ['sandbox'] }
    })
  ).json() as { token: string }
  const tenantKey = { authorization: `Bearer ${tenant.apiKey}` }
  const cases: {
    name: string
    method: Method
    url: string
    body?: unknown
    headers?: Record<string, string>
    paths: string[]
    messages?: string[]
  }[] = [
    {
      name: 'a NUL in a top-level field',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'x\u0000' },
      paths: ['body.connector']
    },
    {
      name: 'a lone high surrogate',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'box', externalId: '\ud800' },
      paths: ['body.externalId']
    },
    {
      name: 'a lone low surrogate in an array',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'box', scopes: ['root_readonly', 'x\udc00'] },
      paths: ['body.scopes[1]']
    },
    {
      name: 'a NUL in a nested parameter value',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'zendesk', parameters: { subdomain: { deep: ['fine', 'a\u0000'] } } },
      paths: ['body.parameters.subdomain.deep[1]']
    },
    {
      name: 'a NUL in an object key',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'zendesk', parameters: { 'sub\u0000domain': 'acme' } },
      paths: ['body.parameters["sub\\u0000domain"]'],
      messages: [UNSTORABLE_KEY]
    },
    {
      name: 'every field at once, in order',
      method: 'POST',
      url: '/v1/connections',
      body: { connector: 'x\u0000', label: '\udfff', client: { clientId: 'a', clientSecret: '\u0000' } },
      paths: ['body.connector', 'body.label', 'body.client.clientSecret']
    },
    { name: 'a NUL in the query', method: 'GET', url: '/v1/connections?externalId=%00', paths: ['query.externalId'] },
    {
      name: 'a NUL in a repeated query field',
      method: 'GET',
      url: '/v1/connections?connector=box&connector=%00',
      paths: ['query.connector[1]']
    },
    { name: 'a NUL in a path parameter', method: 'GET', url: '/v1/connectors/%00', paths: ['params.key'] },
    { name: 'a NUL in a connection id', method: 'POST', url: '/v1/connections/%00/refresh', paths: ['params.id'] },
    {
      name: 'the app’s client secret',
      method: 'PUT',
      url: '/v1/connectors/box/app',
      body: { clientId: 'cid', clientSecret: 'se\u0000cret' },
      paths: ['body.clientSecret']
    },
    {
      name: 'a custom connector definition',
      method: 'POST',
      url: '/v1/connectors',
      body: { ...h.sandbox(undefined, 'custom'), name: 'Cus\u0000tom' },
      paths: ['body.name']
    },
    {
      name: 'an OpenAPI document as text',
      method: 'POST',
      url: '/v1/connectors/openapi',
      body: { key: 'imported', name: 'Imported', document: 'openapi: 3.0.0\u0000' },
      paths: ['body.document']
    },
    {
      name: 'a plain-text body',
      method: 'POST',
      url: '/v1/connectors',
      body: 'x\u0000',
      headers: { 'content-type': 'text/plain' },
      paths: ['body']
    },
    {
      name: 'a connect session',
      method: 'POST',
      url: '/v1/connect-sessions',
      body: { externalId: 'customer\u0000', connectors: ['sandbox'] },
      paths: ['body.externalId']
    },
    {
      name: 'typed-in credentials',
      method: 'PUT',
      url: `/v1/connections/${connectionId}/credentials`,
      body: { credentials: { apiKey: 'k\ud800' } },
      paths: ['body.credentials.apiKey']
    },
    {
      name: 'a call’s headers and query',
      method: 'POST',
      url: `/v1/connections/${connectionId}/http`,
      body: { method: 'GET', url: '/me', headers: { 'x-a': '\u0000' }, query: { '\ud800': 'x' } },
      paths: ['body.headers.x-a', 'body.query["\\ud800"]'],
      messages: [UNSTORABLE_VALUE, UNSTORABLE_KEY]
    },
    {
      name: 'a tenant (admin token)',
      method: 'POST',
      url: '/v1/tenants',
      body: { name: 'Acme\u0000' },
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      paths: ['body.name']
    },
    {
      name: 'the wizard (session token)',
      method: 'POST',
      url: '/v1/connect/connections',
      body: { connector: 'sandbox', label: 'Mine\u0000' },
      headers: { authorization: `Bearer ${session.token}` },
      paths: ['body.label']
    },
    {
      name: 'the proxy’s wildcard',
      method: 'GET',
      url: `/v1/connections/${connectionId}/proxy/me%00`,
      paths: ['params.*']
    }
  ]
  const before = await rowCounts(h)
  for (const c of cases) {
    const response = await h.app.inject({
      method: c.method,
      url: c.url,
      headers: { ...tenantKey, ...c.headers },
      ...(c.body === undefined ? {} : { payload: c.body as object })
    })
    t.equal(response.statusCode, 400, c.name)
    const { error } = response.json() as {
      error: { code: string; message: string; details?: { path: string; message: string }[] }
    }
    t.equal(error.code, 'invalid_request', c.name)
    const messages = c.messages ?? c.paths.map(() => UNSTORABLE_VALUE)
    t.same(
      error.details,
      c.paths.map((path, i) => ({ path, message: messages[i] })),
      c.name
    )
    t.equal(
      error.message,
      (error.details ?? []).map((d) => `${d.path}: ${d.message}`).join('; '),
      `${c.name}: the message lists every field`
    )
    t.notMatch(response.body, /[\0\p{Cs}]/u, `${c.name}: the answer itself is storable text`)
  }
  t.same(await rowCounts(h), before, 'nothing was written')
})

t.test('what the router and the query parser do with bytes that are not UTF-8', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  // `%ED%A0%80` is the UTF-8 shape of U+D800, which UTF-8 forbids: the router refuses the URL itself.
  for (const url of [
    '/v1/connectors/%ED%A0%80',
    '/v1/connections/%ED%A0%80',
    '/v1/connections/%FF/proxy/me',
    '/v1/connectors/%E0%A4%A'
  ]) {
    const response = await h.call('GET', url, { apiKey: tenant.apiKey })
    t.equal(response.statusCode, 400, `${url}: ${response.body}`)
    t.same(
      response.json(),
      {
        error: {
          code: 'invalid_request',
          message: 'the URL is not valid: a percent-encoded part of it is not UTF-8 text'
        }
      },
      `${url}: in the API's error shape`
    )
  }
  // The query parser keeps text it cannot decode as it came, which PostgreSQL can store.
  const query = await h.call('GET', '/v1/connections?externalId=%ED%A0%80', { apiKey: tenant.apiKey })
  t.equal(query.statusCode, 200, query.body)
  t.same(query.json(), { connections: [], nextCursor: null })
  // Text that is well formed passes, emoji (surrogate pairs) included.
  const emoji = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { connector: 'box', label: 'Ça va 😀 ok', externalId: '顧客-42' }
  })
  t.equal(emoji.statusCode, 201, emoji.body)
  t.match(emoji.json(), { label: 'Ça va 😀 ok', externalId: '顧客-42' })
})

t.test('the proxy streams its body untouched; browser pages answer HTML', async (t) => {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: 'quirky-secret' })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const definition = testConnector(quirky, {}, 'quirky')
  definition.http = { baseUrl: `${quirky.apiBaseUrl}/v2` }
  t.equal((await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })).statusCode, 201)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  const connection = (
    await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })
  ).json() as { id: string }
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connection.id)
  const location = (await fetch(providerUrl, { redirect: 'manual' })).headers.get('location') ?? ''
  t.match((await deliverCallback(h, new URL(location), cookie)).body, /Authorization completed successfully/)

  const body = '{"name":"a\\u0000b"}'
  const proxied = await h.call('POST', `/v1/connections/${connection.id}/proxy/things`, {
    apiKey: tenant.apiKey,
    headers: { 'content-type': 'application/json' },
    body
  })
  t.equal(proxied.statusCode, 200, proxied.body)
  t.match(
    proxied.json(),
    { method: 'POST', path: '/api/v2/things', body },
    'the provider got the body as sent: the proxy is not ours to judge'
  )
  const wildcard = await h.call('GET', `/v1/connections/${connection.id}/proxy/things%00`, { apiKey: tenant.apiKey })
  t.equal(wildcard.statusCode, 400)
  t.match(wildcard.json(), { error: { code: 'invalid_request', details: [{ path: 'params.*' }] } })

  // The OAuth browser routes handle their own text and answer with pages, never JSON errors.
  for (const url of [
    '/oauth/start/%00',
    '/oauth/callback/?state=%00&code=%00',
    '/oauth/callback?error=%00&error_description=%ED%A0%80'
  ]) {
    const page = await h.call('GET', url)
    t.equal(page.statusCode, 400, url)
    t.match(page.headers['content-type'], /^text\/html/, url)
  }
  for (const url of ['/connect/', '/console/']) {
    const page = await h.call('GET', url)
    t.equal(page.statusCode, 200, url)
    t.match(page.headers['content-type'], /^text\/html/, url)
  }
})

t.test('unstorableText refuses deep nesting without recursing, lists the first 20 and counts the rest', async (t) => {
  let deep: unknown = ['\u0000']
  for (let i = 0; i < 100_000; i += 1) deep = [deep]
  const found = unstorableText(deep, 'body')
  t.match(found, { total: 1, issues: [{ message: TOO_DEEP }] }, 'no stack to overflow: refused at the depth limit')
  t.ok((found.issues[0]?.path.length ?? 0) <= 260, 'a long path is cut')
  let fine: unknown = 'x'
  for (let i = 0; i < MAX_DEPTH; i += 1) fine = [fine]
  t.same(unstorableText(fine, 'body'), { issues: [], total: 0 }, `${MAX_DEPTH} levels are fine`)
  const many = unstorableText(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, '\u0000'])), 'body')
  t.equal(many.total, 30)
  t.equal(many.issues.length, 20)
  t.same(unstorableText({ a: ['😀', 'plain'], b: { c: 1, d: null, e: true } }, 'body'), { issues: [], total: 0 })
  t.same(
    unstorableText({ a: { '\u0000': 1 }, 'b\ud800': ['\u0000'] }, 'body').issues.map((i) => i.path),
    ['body.a["\\u0000"]', 'body["b\\ud800"]', 'body["b\\ud800"][0]'],
    'in document order, keys before their values'
  )
  const long = unstorableText({ [`${'k'.repeat(100)}\u0000`]: 1 }, 'body')
  t.equal(long.issues[0]?.path, `body[${JSON.stringify(`${'k'.repeat(64)}…`)}]`, 'a long key is cut')
})

t.test('a JSON body nested deeper than the limit is a 400 naming where, never a 500', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const body = `{"method":"POST","url":"/me","body":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
  const response = await h.call('POST', `/v1/connections/${connectionId}/http`, {
    apiKey: tenant.apiKey,
    body,
    headers: { 'content-type': 'application/json' }
  })
  t.equal(response.statusCode, 400)
  t.match(response.json(), {
    error: { code: 'invalid_request', details: [{ path: /^body\.body(\[0\])+/, message: TOO_DEEP }] }
  })
})
