import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import t from 'tap'
import type { Test } from 'tap'
import { testConnector } from '@latchkey/testkit'
import type { QuirkyProvider } from '@latchkey/testkit'
import { ConnectionLifecycle, HttpHelper, UsageRecorder, WebhookOutbox, readAnswer } from '../../src/index.js'
import type { ApiRequest, HttpHelperOptions } from '../../src/index.js'
import { connectThrough, followRedirect, rejection, startRuntime } from '../helpers.js'
import type { RuntimeSetup } from '../helpers.js'

const quirkyStack = { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }

const connectors = (quirky: QuirkyProvider) => [
  testConnector(quirky),
  {
    ...testConnector(quirky, {}, 'slackish'),
    http: { baseUrl: quirky.apiBaseUrl, authFailures: [{ path: 'error', equals: ['invalid_auth'] }] }
  },
  {
    ...testConnector(quirky, {}, 'limited'),
    http: { baseUrl: quirky.apiBaseUrl, rateLimit: { resetHeader: 'x-ratelimit-reset', statuses: [403] } }
  },
  {
    ...testConnector(quirky, {}, 'inquery'),
    http: { baseUrl: quirky.apiBaseUrl, tokenPlacement: { in: 'query' as const, name: 'access_token' } }
  },
  {
    key: 'keyed',
    name: 'Keyed',
    version: '1.0.0',
    auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
    http: { baseUrl: quirky.apiBaseUrl, headers: { 'X-Custom': 'from-{{parameters.team}}' } },
    parameters: [{ key: 'team', label: 'Team' }]
  },
  {
    key: 'basic',
    name: 'Basic',
    version: '1.0.0',
    auth: { kind: 'basic' as const },
    http: { baseUrl: quirky.apiBaseUrl }
  },
  { key: 'noapi', name: 'No API', version: '1.0.0', auth: { kind: 'apiKey' as const } },
  {
    key: 'machine',
    name: 'Machine',
    version: '1.0.0',
    auth: {
      kind: 'oauth2' as const,
      grant: 'client_credentials' as const,
      tokenUrl: quirky.tokenUrl,
      scopes: { read: 'Read' },
      defaultScopes: ['read']
    },
    http: { baseUrl: quirky.apiBaseUrl }
  }
]

/** A helper on the runtime's own services, with the waits between retries recorded instead of slept. */
function helperOf(setup: RuntimeSetup<typeof quirkyStack>, options: Partial<HttpHelperOptions> = {}) {
  const { runtime, store, stack } = setup
  const dispatcher = runtime.config.http?.dispatcher
  if (dispatcher === undefined) throw new Error('the runtime has no dispatcher')
  const usage = new UsageRecorder(store)
  stack.defer(() => usage.close(), 'close the usage recorder')
  const waits: number[] = []
  const helper = new HttpHelper(
    runtime.handles,
    runtime.credentials,
    new ConnectionLifecycle(store, runtime.changes, new WebhookOutbox(store, runtime.queues)),
    usage,
    {
      dispatcher,
      sleep: async (ms) => void waits.push(ms),
      ...options
    }
  )
  return { helper, waits }
}

async function setUp(t: Test) {
  const setup = await startRuntime(t, { connectors: (s) => connectors(s.quirkyProvider), stack: quirkyStack })
  const { runtime, tenantId } = setup
  for (const key of ['test', 'slackish', 'limited', 'inquery'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  await runtime.connectors.setApp(tenantId, 'machine', { clientId: 'app', clientSecret: 'secret' })
  const connected = async (connector: string): Promise<string> => {
    const { id } = await runtime.connections.create(tenantId, { connector })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
    return id
  }
  return { ...setup, quirky: setup.stack.quirkyProvider, connected }
}

const GET: ApiRequest = { method: 'GET', url: '/items' }

t.test('a refused token is refreshed once and the call tried again; still refused turns it red', async (t) => {
  const setup = await setUp(t)
  const { runtime, store, quirky, tenantId, connected } = setup
  const { helper } = helperOf(setup)
  const id = await connected('test')

  const first = await readAnswer(await helper.call(tenantId, id, { ...GET, query: { page: '2' } }))
  t.match(first, { status: 200, body: { ok: true, path: '/api/items', query: { page: '2' }, scope: 'read' } })
  t.ok(
    (await store.connections.get(tenantId, id))?.last_used_at instanceof Date,
    'used: written at once the first time'
  )

  quirky.expireAccessTokens()
  const again = await helper.call(tenantId, id, GET)
  t.equal(again.status, 200)
  again.body.resume()
  t.same(quirky.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'token.refreshed',
    message: 'Token refreshed after the provider refused it',
    detail: { reason: 'auth_failure' }
  })

  quirky.setModes({ apiRefusesAll: true })
  const refused = await helper.call(tenantId, id, GET)
  t.equal(refused.status, 401, 'the provider’s answer is handed back')
  refused.body.resume()
  t.same(quirky.counters.tokenRequests, { authorization_code: 1, refresh_token: 2 }, 'one refresh, not more')
  const red = await runtime.connections.get(tenantId, id)
  t.equal(red.status, 'error')
  t.equal(red.statusReason, 'the provider still refuses the token after a refresh (HTTP 401): connect again')
  t.match(await rejection(helper.call(tenantId, id, GET)), { code: 'needs_reconnect', message: /still refuses/ })

  // A refresh token never given: red at once, nothing to refresh.
  quirky.setModes({ apiRefusesAll: false, issueRefreshTokens: false })
  const once = await connected('test')
  quirky.expireAccessTokens()
  const expired = await helper.call(tenantId, once, GET)
  expired.body.resume()
  t.equal(expired.status, 401)
  t.equal(
    (await runtime.connections.get(tenantId, once)).statusReason,
    'the provider refused the token and gave no refresh token (HTTP 401): connect again'
  )
})

t.test('typed-in credentials go where the scheme says; a refused key turns red with what to do', async (t) => {
  const setup = await setUp(t)
  const { runtime, quirky, tenantId, connected } = setup
  const { helper } = helperOf(setup)
  quirky.addApiKey('k-1')
  quirky.addBasicUser('user', 'pass')

  const key = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    parameters: { team: 'blue' },
    credentials: { apiKey: 'k-1' }
  })
  const answer = await readAnswer(
    await helper.call(tenantId, key.id, { ...GET, headers: { Accept: 'application/json' } })
  )
  t.match(answer, { status: 200, body: { scope: 'api_key', headers: { 'x-custom': 'from-blue' } } })
  t.equal(quirky.counters.lastApiAuth, 'api_key')

  const basic = await runtime.connections.create(tenantId, {
    connector: 'basic',
    credentials: { username: 'user', password: 'pass' }
  })
  t.match(await readAnswer(await helper.call(tenantId, basic.id, GET)), { status: 200, body: { scope: 'basic' } })
  t.equal(quirky.counters.lastApiAuth, 'basic')

  const inQuery = await connected('inquery')
  t.match(await readAnswer(await helper.call(tenantId, inQuery, GET)), { status: 200, body: { scope: 'read' } })
  t.equal(quirky.counters.lastApiAuth, 'query')

  const wrong = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    parameters: { team: 'red' },
    credentials: { apiKey: 'k-2' }
  })
  const refused = await helper.call(tenantId, wrong.id, GET)
  refused.body.resume()
  t.equal(refused.status, 401)
  t.equal(
    (await runtime.connections.get(tenantId, wrong.id)).statusReason,
    'the provider refused the api key (HTTP 401): save a new one (it may have been revoked or rotated)'
  )

  // Client credentials: a refused token is fetched again.
  const machine = await runtime.connections.create(tenantId, { connector: 'machine' })
  t.equal((await helper.call(tenantId, machine.id, GET)).status, 200)
  quirky.expireAccessTokens()
  t.equal((await helper.call(tenantId, machine.id, GET)).status, 200)
  t.equal(quirky.counters.tokenRequests.client_credentials, 2)
})

t.test('requests that may not go out are refused before anything is sent', async (t) => {
  const setup = await setUp(t)
  const { runtime, quirky, tenantId } = setup
  const { helper } = helperOf(setup)
  quirky.addApiKey('k-1')
  const key = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    parameters: { team: 'blue' },
    credentials: { apiKey: 'k-1' }
  })
  t.match(await rejection(helper.call(tenantId, key.id, { method: 'TRACE', url: '/' })), {
    code: 'invalid_request',
    details: [{ path: 'body.method' }]
  })
  t.match(await rejection(helper.call(tenantId, key.id, { method: 'GET', url: 'https://evil.example/' })), {
    code: 'invalid_request',
    message: 'the URL is not allowed'
  })
  t.match(await rejection(helper.call(tenantId, key.id, { ...GET, headers: { 'X-Api-Key': 'mine' } })), {
    code: 'invalid_request',
    message: 'some headers are not allowed'
  })
  const noApi = await runtime.connections.create(tenantId, { connector: 'noapi', credentials: { apiKey: 'k' } })
  t.match(await rejection(helper.call(tenantId, noApi.id, GET)), { code: 'not_declared', message: /http\.baseUrl/ })
  t.equal(quirky.counters.apiCalls, 0)
})

t.test('429 and 503 are retried for idempotent calls, honouring Retry-After and reset headers', async (t) => {
  const setup = await setUp(t)
  const { quirky, tenantId, connected } = setup
  const { helper, waits } = helperOf(setup)
  const id = await connected('test')

  quirky.setModes({ apiFailNext: 1, apiFailStatus: 429, retryAfterSeconds: 2 })
  t.equal((await helper.call(tenantId, id, GET)).status, 200)
  t.same(waits, [2000], 'waited what the provider asked')

  quirky.setModes({ apiFailNext: 5, apiFailStatus: 503, retryAfterSeconds: undefined })
  const before = quirky.counters.apiCalls
  const gaveUp = await helper.call(tenantId, id, GET)
  t.equal(gaveUp.status, 503, 'three tries, then the answer')
  gaveUp.body.resume()
  t.equal(quirky.counters.apiCalls - before, 3)
  t.same(waits.slice(1), [200, 400], 'exponential backoff without Retry-After')

  quirky.setModes({ apiFailNext: 1, apiFailStatus: 429, retryAfterSeconds: 120 })
  const tooLong = await helper.call(tenantId, id, GET)
  t.equal(tooLong.status, 429, 'a wait above the cap goes back to the caller')
  tooLong.body.resume()
  t.equal(waits.length, 3)

  quirky.setModes({ apiFailNext: 1, apiFailStatus: 503, retryAfterSeconds: 1 })
  const post = await helper.call(tenantId, id, { method: 'POST', url: '/items', body: '{}' })
  t.equal(post.status, 503, 'POST is not retried')
  post.body.resume()
  quirky.setModes({ apiFailNext: 1 })
  const streamed = await helper.call(tenantId, id, { method: 'PUT', url: '/items', body: Readable.from(['x']) })
  t.equal(streamed.status, 503, 'nor is a body that cannot be sent twice')
  streamed.body.resume()
  t.equal(waits.length, 3)

  const limited = await connected('limited')
  quirky.setModes({ apiFailNext: 1, apiFailStatus: 403, rateLimitReset: true })
  t.equal((await helper.call(tenantId, limited, GET)).status, 200, 'the connector’s own rate-limit status')
  t.equal(waits.length, 4)
  t.ok((waits[3] ?? -1) >= 0 && (waits[3] ?? 3000) <= 2000, 'waited until the reset header’s time')

  const single = helperOf(setup, { maxRetries: 1 })
  quirky.setModes({ apiFailNext: 1, apiFailStatus: 503, rateLimitReset: false })
  t.equal((await single.helper.call(tenantId, id, GET)).status, 503, 'maxRetries 1: one try')
})

t.test(
  'an auth failure in a 200 body counts as refused; a body that cannot be replayed is not sent twice',
  async (t) => {
    const setup = await setUp(t)
    const { runtime, quirky, tenantId, connected } = setup
    const { helper } = helperOf(setup)
    const slack = await connected('slackish')
    t.match(
      await readAnswer(await helper.call(tenantId, slack, GET)),
      { status: 200, body: { ok: true, path: '/api/items' } },
      'a passing answer keeps its body'
    )

    quirky.setModes({ apiAuthErrorStyle: 'slack' })
    quirky.expireAccessTokens()
    t.match(await readAnswer(await helper.call(tenantId, slack, GET)), { status: 200, body: { ok: true } })
    t.equal(quirky.counters.tokenRequests.refresh_token, 1, 'refreshed on invalid_auth')

    quirky.setModes({ apiAuthErrorStyle: '401' })
    const id = await connected('test')
    quirky.expireAccessTokens()
    const calls = quirky.counters.apiCalls
    const streamed = await helper.call(tenantId, id, { method: 'POST', url: '/upload', body: Readable.from(['chunk']) })
    t.equal(streamed.status, 401, 'the refusal is handed back')
    streamed.body.resume()
    t.equal(quirky.counters.apiCalls - calls, 1, 'sent once')
    t.equal(quirky.counters.tokenRequests.refresh_token, 2, 'but the token is renewed for the next call')
    t.equal((await runtime.connections.get(tenantId, id)).status, 'connected')
    t.equal((await helper.call(tenantId, id, GET)).status, 200)
  }
)

t.test('an unreachable or silent API is a provider error, not a crash', async (t) => {
  const silent = createServer(() => undefined)
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    silent.closeAllConnections()
    return new Promise<void>((resolve) => silent.close(() => resolve()))
  })
  const closed = createServer()
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
  const closedPort = (closed.address() as AddressInfo).port
  await new Promise<void>((resolve) => closed.close(() => resolve()))
  const api = (key: string, baseUrl: string) => ({
    key,
    name: key,
    version: '1.0.0',
    auth: { kind: 'apiKey' as const },
    http: { baseUrl }
  })
  const setup = await startRuntime(t, {
    connectors: [
      api('silent', `http://127.0.0.1:${(silent.address() as AddressInfo).port}`),
      api('closed', `http://127.0.0.1:${closedPort}`)
    ],
    stack: quirkyStack
  })
  const { runtime, tenantId } = setup
  const { helper } = helperOf(setup, { timeoutMs: 200 })
  const slow = await runtime.connections.create(tenantId, { connector: 'silent', credentials: { apiKey: 'k' } })
  t.match(await rejection(helper.call(tenantId, slow.id, GET)), {
    code: 'provider_timeout',
    message: /did not answer in time/,
    retryable: true
  })
  const gone = await runtime.connections.create(tenantId, { connector: 'closed', credentials: { apiKey: 'k' } })
  t.match(await rejection(helper.call(tenantId, gone.id, GET)), {
    code: 'provider_unreachable',
    message: /could not be reached \(ECONNREFUSED\)/
  })
})

t.test('a rate limit read from the remaining-calls header, a list of reset headers, or the error body', async (t) => {
  const planned: { status: number; headers?: Record<string, string>; body?: string }[] = []
  let calls = 0
  const api = createServer((request, response) => {
    calls += 1
    request.resume()
    const next = planned.shift() ?? {
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"ok":true}'
    }
    response.writeHead(next.status, next.headers ?? {}).end(next.body ?? '')
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => api.close(() => resolve())))
  const setup = await startRuntime(t, {
    connectors: [
      {
        key: 'limited',
        name: 'Limited',
        version: '1.0.0',
        auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
        http: {
          baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
          rateLimit: {
            statuses: [403],
            remainingHeader: 'x-ratelimit-remaining',
            resetHeader: ['x-ratelimit-reset', 'ratelimit-reset'],
            body: { path: 'error.message', pattern: 'retry in (\\d+)s' }
          }
        }
      }
    ],
    stack: quirkyStack
  })
  const { runtime, tenantId } = setup
  const { helper, waits } = helperOf(setup)
  const { id } = await runtime.connections.create(tenantId, { connector: 'limited', credentials: { apiKey: 'k' } })
  const json = { 'content-type': 'application/json' }

  planned.push({ status: 403, headers: { 'x-ratelimit-remaining': '12' } })
  const forbidden = await helper.call(tenantId, id, GET)
  t.equal(forbidden.status, 403, 'calls left: a 403 is a refusal, not a rate limit')
  forbidden.body.resume()
  t.equal(calls, 1)

  planned.push({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'ratelimit-reset': '3' } })
  t.equal((await helper.call(tenantId, id, GET)).status, 200)
  t.same(waits, [3000], 'the second reset header, seconds from now')

  planned.push({ status: 429, headers: json, body: '{"error":{"message":"slow down, retry in 7s"}}' })
  t.match(await readAnswer(await helper.call(tenantId, id, GET)), { status: 200, body: { ok: true } })
  t.same(waits, [3000, 7000], 'the wait written in the body')

  const limited = '{"error":{"message":"retry in 1s"}}'
  for (let i = 0; i < 3; i++) planned.push({ status: 429, headers: json, body: limited })
  const exhausted = await readAnswer(await helper.call(tenantId, id, GET))
  t.same(exhausted, { status: 429, headers: exhausted.headers, body: JSON.parse(limited) }, 'the last answer, whole')
  t.same(waits, [3000, 7000, 1000, 1000])

  planned.push({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'down' })
  t.equal((await helper.call(tenantId, id, GET)).status, 200)
  t.same(waits.at(-1), 200, 'nothing readable: backoff')
})
