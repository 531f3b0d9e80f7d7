import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import type { RateLimitDefinition } from '@latchkey/connector-sdk'
import { startRuntime } from '../helpers.js'

/** One answer per request, in order; the last repeats. */
type Answer = { status: number; headers?: Record<string, string>; body?: unknown }

async function callWith(t: Test, rateLimit: RateLimitDefinition, answers: Answer[]) {
  let requests = 0
  const server = createServer((request, response) => {
    request.resume()
    const answer = answers[Math.min(requests, answers.length - 1)] as Answer
    requests += 1
    response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers })
    response.end(JSON.stringify(answer.body ?? {}))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { runtime, tenantId } = await startRuntime(t, {
    connectors: [
      defineConnector({
        key: 'limited',
        name: 'Limited',
        version: '1.0.0',
        auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' },
        http: { baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, rateLimit }
      })
    ],
    config: { api: { maxRetryAfterSeconds: 30 } }
  })
  const connection = await runtime.connections.create(tenantId, { connector: 'limited', credentials: { apiKey: 'k' } })
  const answer = await runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/things' })
  const text = await new Response(answer.body as unknown as ReadableStream).text()
  return { status: answer.status, text, requests: () => requests }
}

const ok: Answer = { status: 200, body: { things: [] } }

t.test("GitHub's 403 with no calls left: waits for the reset (epoch seconds), then succeeds", async (t) => {
  const github = { resetHeader: 'x-ratelimit-reset', remainingHeader: 'x-ratelimit-remaining', statuses: [403] }
  const reset = String(Math.ceil(Date.now() / 1000))
  const limited = await callWith(t, github, [
    { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset } },
    ok
  ])
  t.equal(limited.status, 200)
  t.equal(limited.requests(), 2, 'tried again')
})

t.test('a 403 with calls left is forbidden, not limited: handed back at once', async (t) => {
  const github = { resetHeader: 'x-ratelimit-reset', remainingHeader: 'x-ratelimit-remaining', statuses: [403] }
  const forbidden = await callWith(t, github, [
    { status: 403, headers: { 'x-ratelimit-remaining': '4999' }, body: { message: 'Resource not accessible' } },
    ok
  ])
  t.equal(forbidden.status, 403)
  t.equal(forbidden.requests(), 1)
  t.match(forbidden.text, /Resource not accessible/)
})

t.test('the wait written in the error body: a long one is handed back with the body intact', async (t) => {
  const rateLimit = { body: { path: 'error.message', pattern: 'retry in (\\d+)s' } }
  const long = await callWith(t, rateLimit, [
    { status: 429, body: { error: { message: 'Rate limit exceeded: retry in 999s' } } },
    ok
  ])
  t.equal(long.status, 429, 'longer than the cap: the caller decides')
  t.equal(long.requests(), 1)
  t.same(JSON.parse(long.text), { error: { message: 'Rate limit exceeded: retry in 999s' } }, 'the whole body')
})

t.test('a short wait from the body, or the second of two reset headers in milliseconds: retried', async (t) => {
  const fromBody = await callWith(t, { body: { path: 'error.message', pattern: 'retry in (\\d+)s' } }, [
    { status: 429, body: { error: { message: 'retry in 0s' } } },
    ok
  ])
  t.equal(fromBody.status, 200)
  t.equal(fromBody.requests(), 2)
  const fromHeader = await callWith(t, { resetHeader: ['x-reset', 'ratelimit-reset'] }, [
    { status: 429, headers: { 'ratelimit-reset': String(Date.now() + 100) } },
    ok
  ])
  t.equal(fromHeader.status, 200)
  t.equal(fromHeader.requests(), 2)
})
