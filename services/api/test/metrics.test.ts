import fastify from 'fastify'
import t from 'tap'
import { latchkeyApp, serverOptions } from '../src/index.js'
import { ADMIN_TOKEN, prepareConnection, startHarness } from './harness.js'
import { connectToQuirky } from './quirky-connection.js'

t.test('/metrics: API answers by route template and status, token requests, in the Prometheus format', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })
  await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })
  await h.call('GET', '/v1/connections/00000000-0000-4000-8000-000000000000', { apiKey: tenant.apiKey })
  await h.call('GET', '/v1/webhook-endpoints')
  const answer = await h.call('GET', '/metrics')
  t.equal(answer.statusCode, 200)
  t.match(String(answer.headers['content-type']), /text\/plain; version=0\.0\.4/)
  const text = answer.body
  t.match(
    text,
    /latchkey_http_request_duration_seconds_count\{route="\/v1\/connections\/:id",method="GET",status="200"\} 2/,
    'by route template'
  )
  t.match(
    text,
    /latchkey_http_request_duration_seconds_count\{route="\/v1\/connections\/:id",method="GET",status="404"\} 1/
  )
  t.match(
    text,
    /latchkey_http_request_duration_seconds_count\{route="\/v1\/webhook-endpoints",method="GET",status="401"\} 1/
  )
  t.notOk(text.includes(connectionId), 'never an id in a label')
  t.notOk(text.includes(tenant.id))
  for (const name of ['latchkey_token_requests_seconds', 'latchkey_refreshes_total', 'latchkey_queue_jobs'])
    t.ok(text.includes(`# TYPE ${name}`), `${name} is exported`)
})

t.test('/metrics takes a bearer token when one is configured', async (t) => {
  const h = await startHarness(t)
  const app = fastify(serverOptions('silent'))
  await app.register(latchkeyApp, {
    runtime: h.runtime,
    redis: h.redis,
    adminToken: ADMIN_TOKEN,
    metricsToken: 'metrics-token-0123456789'
  })
  t.teardown(() => app.close())
  t.equal((await app.inject({ url: '/metrics' })).statusCode, 401)
  t.equal(
    (await app.inject({ url: '/metrics', headers: { authorization: 'Bearer wrong-token-0123456789' } })).statusCode,
    401
  )
  const allowed = await app.inject({ url: '/metrics', headers: { authorization: 'Bearer metrics-token-0123456789' } })
  t.equal(allowed.statusCode, 200)
  t.match(allowed.body, /latchkey_http_request_duration_seconds/)
})

t.test('/metrics: an authenticated call counts its upstream time and the latency Latchkey added', async (t) => {
  const c = await connectToQuirky(t)
  const count = (text: string, name: string): number => Number(new RegExp(`^${name} (\\d+)$`, 'm').exec(text)?.[1])
  const before = (await c.h.call('GET', '/metrics')).body
  t.equal((await c.proxy('items')).statusCode, 200)
  t.equal((await c.http({ method: 'GET', url: '/items' })).statusCode, 200)
  const after = (await c.h.call('GET', '/metrics')).body
  t.equal(
    count(after, 'latchkey_call_overhead_seconds_count') - count(before, 'latchkey_call_overhead_seconds_count'),
    2,
    'one added-latency observation per call'
  )
  t.match(after, /latchkey_call_overhead_seconds_bucket\{le="0\.0001"\} \d+/, 'sub-millisecond buckets')
  t.match(
    after,
    /latchkey_upstream_seconds_count\{status="2xx"\} [1-9]/,
    'the provider answers are timed by status class'
  )
  const sum = Number(/^latchkey_call_overhead_seconds_sum ([\d.e-]+)$/m.exec(after)?.[1])
  t.ok(sum > 0, 'the added latency is measured, not zero')
})
