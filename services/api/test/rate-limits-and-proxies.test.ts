import fastify from 'fastify'
import t from 'tap'
import type { Test } from 'tap'
import { latchkeyApp, serverOptions, trustProxyOf } from '../src/index.js'
import { ADMIN_TOKEN, PUBLIC_URL, prepareConnection, startHarness } from './harness.js'
import type { Harness } from './harness.js'
import { connectToQuirky } from './quirky-connection.js'

/** The app again over the harness's runtime, with these limits and proxy trust. */
async function appWith(
  h: Harness,
  t: Test,
  options: { perMinute: number; callsPerMinute: number; trustProxy?: boolean | number | string }
) {
  const app = fastify(serverOptions('silent', undefined, options.trustProxy ?? false))
  await app.register(latchkeyApp, {
    runtime: h.runtime,
    redis: h.redis,
    adminToken: ADMIN_TOKEN,
    rateLimits: { perMinute: options.perMinute, callsPerMinute: options.callsPerMinute }
  })
  t.teardown(() => app.close())
  return app
}

t.test(
  'per-tenant limits shared through Redis: 429 with Retry-After and RateLimit headers; calls count apart',
  async (t) => {
    const h = await startHarness(t)
    const { tenant, connectionId } = await prepareConnection(h)
    const other = await h.createTenant('Other')
    // Two replicas of the API: the count is shared.
    const first = await appWith(h, t, { perMinute: 3, callsPerMinute: 2 })
    const second = await appWith(h, t, { perMinute: 3, callsPerMinute: 2 })
    const as = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` })
    const answers = []
    for (const app of [first, second, first])
      answers.push(await app.inject({ url: '/v1/connections', headers: as(tenant.apiKey) }))
    t.same(
      answers.map((a) => a.statusCode),
      [200, 200, 200]
    )
    t.equal(answers[0]?.headers['ratelimit-limit'], '3')
    t.equal(answers[2]?.headers['ratelimit-remaining'], '0')
    const refused = await second.inject({ url: '/v1/connections', headers: as(tenant.apiKey) })
    t.equal(refused.statusCode, 429, 'the fourth request, on the other replica')
    t.match(refused.json(), { error: { code: 'throttled', message: /at most 3 a minute/ } })
    t.ok(Number(refused.headers['retry-after']) > 0, 'Retry-After')
    t.ok(refused.headers['ratelimit-reset'] !== undefined)
    t.equal(
      (await first.inject({ url: '/v1/connections', headers: as(other.apiKey) })).statusCode,
      200,
      'another tenant has its own count'
    )
    // Calls have their own count, so a tenant over its API limit can still call, up to its call limit.
    const call = () =>
      first.inject({
        method: 'POST',
        url: `/v1/connections/${connectionId}/http`,
        headers: { ...as(tenant.apiKey), 'content-type': 'application/json' },
        payload: { method: 'GET', url: '/me' }
      })
    const calls = [await call(), await call(), await call()]
    t.not(calls[0]?.statusCode, 429)
    t.not(calls[1]?.statusCode, 429)
    t.equal(calls[2]?.statusCode, 429, 'the call limit')
    t.equal((await first.inject({ url: '/healthz' })).statusCode, 200, 'health is never limited')
    t.equal((await first.inject({ url: '/metrics' })).statusCode, 200)
  }
)

t.test('a limit of 0 is no limit', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const app = await appWith(h, t, { perMinute: 0, callsPerMinute: 0 })
  for (let i = 0; i < 5; i++) {
    const answer = await app.inject({ url: '/v1/connections', headers: { authorization: `Bearer ${tenant.apiKey}` } })
    t.equal(answer.statusCode, 200)
  }
})

t.test("each request's key is looked up once; a count without a limit is not kept", async (t) => {
  const { h, tenant, id } = await connectToQuirky(t)
  const app = await appWith(h, t, { perMinute: 50, callsPerMinute: 0 })
  const tenants = h.runtime.tenants
  const authenticate = tenants.authenticate.bind(tenants)
  let lookups = 0
  tenants.authenticate = async (key) => {
    lookups++
    return authenticate(key)
  }
  t.teardown(() => {
    tenants.authenticate = authenticate
  })
  const headers = { authorization: `Bearer ${tenant.apiKey}` }
  const listed = await app.inject({ url: '/v1/connections', headers })
  t.equal(listed.statusCode, 200)
  t.equal(listed.headers['ratelimit-limit'], '50', 'the API count is kept')
  t.equal(lookups, 1, 'the rate limit and the route share one lookup')
  const proxied = await app.inject({ url: `/v1/connections/${id}/proxy/me`, headers })
  t.equal(proxied.statusCode, 200, 'the provider answered')
  t.equal(proxied.headers['ratelimit-limit'], undefined, 'calls have no limit: no count')
  t.equal(lookups, 2, 'one lookup for the call too')
  const keys = await h.redis.keys(`${h.runtime.queues.keyPrefix}:rate:*`)
  t.ok(
    keys.some((key) => key.includes(':rate:api:tenant:')),
    'the API count is in Redis'
  )
  t.notOk(
    keys.some((key) => key.includes(':rate:calls:')),
    'no count for calls'
  )
})

t.test('behind a trusted proxy, a forged X-Forwarded-Host changes no link and no redirect URI', async (t) => {
  t.equal(trustProxyOf('true'), true)
  t.equal(trustProxyOf('false'), false)
  t.equal(trustProxyOf('2'), 2)
  t.equal(trustProxyOf('10.0.0.0/8,127.0.0.1'), '10.0.0.0/8,127.0.0.1')
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const app = await appWith(h, t, { perMinute: 0, callsPerMinute: 0, trustProxy: true })
  const forged = {
    'x-forwarded-host': 'evil.example',
    'x-forwarded-proto': 'https',
    authorization: `Bearer ${tenant.apiKey}`
  }
  const authorize = await app.inject({
    method: 'POST',
    url: `/v1/connections/${connectionId}/authorize`,
    headers: forged
  })
  t.equal(authorize.statusCode, 200, authorize.body)
  const authorizeUrl = authorize.json().authorizeUrl as string
  t.ok(authorizeUrl.startsWith(`${PUBLIC_URL}/oauth/start/`), 'the start link is on PUBLIC_URL')
  const start = await app.inject({ url: new URL(authorizeUrl).pathname, headers: forged })
  t.equal(start.statusCode, 302)
  const provider = new URL(String(start.headers.location))
  t.equal(provider.searchParams.get('redirect_uri'), `${PUBLIC_URL}/oauth/callback/`, 'the redirect URI is unchanged')
  const session = await app.inject({
    method: 'POST',
    url: '/v1/connect-sessions',
    headers: { ...forged, 'content-type': 'application/json' },
    payload: { externalId: 'customer-1' }
  })
  t.equal(session.statusCode, 201, session.body)
  t.ok(String(session.json().url).startsWith(`${PUBLIC_URL}/`), 'the wizard link is on PUBLIC_URL')
  t.notOk(`${authorize.body}${start.headers.location}${session.body}`.includes('evil.example'))
})
