import t from 'tap'
import type { Test } from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import type { QuirkyModes } from '@latchkey/testkit'
import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import type { Harness } from './harness.js'
import { approveInBrowser, startHarness } from './harness.js'

/** A tenant connected to the quirky provider through the real connect flow. */
async function connectedToQuirky(
  t: Test,
  modes: Partial<QuirkyModes> = {},
  auth: Partial<OAuth2AuthorizationCodeAuth> = {},
  http: Partial<NonNullable<ConnectorDefinitionJson['http']>> = {}
) {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: 'quirky-secret', modes })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const definition = testConnector(quirky, auth, 'quirky')
  definition.http = { baseUrl: `${quirky.apiBaseUrl}/v2`, ...http }
  const created = await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })
  t.equal(created.statusCode, 201, created.body)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  const connection = (
    await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })
  ).json()
  t.match(await approveInBrowser(h, tenant.apiKey, connection.id), /Authorization completed successfully/)
  const http$ = (body: Record<string, unknown>) =>
    h.call('POST', `/v1/connections/${connection.id}/http`, { apiKey: tenant.apiKey, body })
  return { h, quirky, tenant, id: connection.id as string, http: http$ }
}

async function connectionOf(h: Harness, apiKey: string, id: string) {
  return (await h.call('GET', `/v1/connections/${id}`, { apiKey })).json()
}

t.test('calls go to the base URL with the token; success turns the connection green', async (t) => {
  const { h, quirky, tenant, id, http } = await connectedToQuirky(t)
  t.equal((await connectionOf(h, tenant.apiKey, id)).health, 'yellow')
  const answer = await http({
    method: 'GET',
    url: '/folders/0/items',
    query: { limit: '5', fields: ['a', 'b'] },
    headers: { 'x-custom': 'yes' }
  })
  t.equal(answer.statusCode, 200, answer.body)
  t.match(answer.json(), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: {
      ok: true,
      method: 'GET',
      path: '/api/v2/folders/0/items',
      query: { limit: '5' },
      headers: { 'x-custom': 'yes' }
    }
  })
  const post = await http({ method: 'POST', url: '/things', body: { name: 'x' } })
  t.match(post.json(), { status: 200, body: { method: 'POST', body: '{"name":"x"}' } })
  const connection = await connectionOf(h, tenant.apiKey, id)
  t.match(connection, { status: 'connected', health: 'green' })
  t.ok(connection.lastUsedAt)
  t.equal(quirky.counters.apiCalls, 2)
})

t.test('401: one refresh, one retry; a refresh that cannot fix it turns the connection red', async (t) => {
  const { h, quirky, tenant, id, http } = await connectedToQuirky(t, { rotateRefreshTokens: true })
  quirky.expireAccessTokens()
  const answer = await http({ method: 'GET', url: '/me' })
  t.equal(answer.json().status, 200)
  t.equal(quirky.counters.tokenRequests.refresh_token, 1)
  t.equal(quirky.counters.apiCalls, 2, 'the refused call and its retry')
  const stored = await h.store.credentials.get(id)
  t.equal(stored?.tokenSet.refreshToken, quirky.issuedRefreshTokens.at(-1), 'the rotated refresh token was saved')

  quirky.setModes({ apiRefusesAll: true })
  const refused = await http({ method: 'GET', url: '/me' })
  t.equal(refused.json().status, 401, "the provider's answer is returned")
  t.equal(quirky.counters.tokenRequests.refresh_token, 2, 'one more refresh, no more')
  t.match(await connectionOf(h, tenant.apiKey, id), {
    status: 'error',
    health: 'red',
    statusReason: /still refuses the token after a refresh/
  })
  const blocked = await http({ method: 'GET', url: '/me' })
  t.equal(blocked.statusCode, 409, 'a red connection is not called until it is reconnected')
})

t.test('retries: 429 with Retry-After and 503 for idempotent calls, not for POST', async (t) => {
  const { quirky, http } = await connectedToQuirky(t)
  quirky.setModes({ apiFailNext: 2, apiFailStatus: 429, retryAfterSeconds: 1 })
  const started = Date.now()
  const limited = await http({ method: 'GET', url: '/me' })
  t.equal(limited.json().status, 200)
  t.ok(Date.now() - started >= 1900, 'Retry-After honoured twice')
  quirky.setModes({ apiFailNext: 1, apiFailStatus: 503, retryAfterSeconds: undefined })
  t.equal((await http({ method: 'PUT', url: '/me', body: 'x' })).json().status, 200)
  quirky.setModes({ apiFailNext: 1, apiFailStatus: 503 })
  t.equal((await http({ method: 'POST', url: '/me', body: 'x' })).json().status, 503, 'POST is not retried')
  quirky.setModes({ apiFailNext: 5, apiFailStatus: 429, retryAfterSeconds: 3600 })
  t.equal(
    (await http({ method: 'GET', url: '/me' })).json().status,
    429,
    'a Retry-After longer than we wait goes back to the caller'
  )
})

t.test('never an open proxy: each attempt is refused and never reaches the upstream', async (t) => {
  const { quirky, http, h, tenant, id } = await connectedToQuirky(t)
  const before = quirky.counters.apiCalls
  const attempts: [Record<string, unknown>, RegExp][] = [
    [{ method: 'GET', url: 'https://evil.example/steal' }, /relative URL/],
    [{ method: 'GET', url: '//evil.example/steal' }, /relative URL/],
    [{ method: 'GET', url: '/../../oauth/token' }, /\.\./],
    [{ method: 'GET', url: '/%2e%2e/%2e%2e/oauth/token' }, /\.\./],
    [{ method: 'GET', url: '/a\\..\\..\\x' }, /backslashes/],
    [{ method: 'GET', url: '/http:evil.example' }, /relative URL/],
    [{ method: 'GET', url: '/x', headers: { Host: 'evil.example' } }, /hop-by-hop or Host/],
    [{ method: 'GET', url: '/x', headers: { Connection: 'close' } }, /hop-by-hop/],
    [{ method: 'GET', url: '/x', headers: { 'Transfer-Encoding': 'chunked' } }, /hop-by-hop/],
    [{ method: 'GET', url: '/x', headers: { 'X-Evil': 'a\r\nInjected: 1' } }, /line breaks/],
    [{ method: 'GET', url: '/x', headers: { Authorization: 'Bearer mine' } }, /where Latchkey puts the credential/],
    [{ method: 'TRACE', url: '/x' }, /method/]
  ]
  for (const [body, message] of attempts) {
    const answer = await http(body)
    t.equal(answer.statusCode, 400, JSON.stringify(body))
    t.match(JSON.stringify(answer.json().error), message, JSON.stringify(body))
  }
  const proxied = await h.call('GET', `/v1/connections/${id}/proxy/..%2f..%2foauth/token`, { apiKey: tenant.apiKey })
  t.equal(proxied.statusCode, 400)
  t.equal(quirky.counters.apiCalls, before, 'no refused call reached the upstream')
})

t.test('the proxy streams both ways, and only to the connector host', async (t) => {
  const { quirky, h, tenant, id } = await connectedToQuirky(t)
  const get = await h.call('GET', `/v1/connections/${id}/proxy/items?x=1&x=2`, {
    apiKey: tenant.apiKey,
    headers: { 'x-custom': 'p' }
  })
  t.equal(get.statusCode, 200)
  t.match(get.json(), { path: '/api/v2/items', query: { x: '2' }, headers: { 'x-custom': 'p' } })
  const large = await h.call('GET', `/v1/connections/${id}/proxy/large?chunks=64`, { apiKey: tenant.apiKey })
  t.equal(large.rawPayload.length, 64 * 64 * 1024, '4 MiB streamed through')
  const upload = Buffer.alloc(3 * 1024 * 1024, 97)
  const posted = await h.app.inject({
    method: 'POST',
    url: `/v1/connections/${id}/proxy/upload`,
    headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/octet-stream' },
    payload: upload
  })
  t.match(posted.json(), { method: 'POST', bodyLength: upload.length })
  t.notMatch(JSON.stringify(get.headers), /qat_/, 'the token is not echoed back')
  t.ok(quirky.counters.apiCalls >= 3)
})

t.test('the token goes where the definition says: a query parameter', async (t) => {
  const { quirky, http } = await connectedToQuirky(t, {}, {}, { tokenPlacement: { in: 'query', name: 'access_token' } })
  const answer = await http({ method: 'GET', url: '/me', query: { q: '1' } })
  t.equal(answer.json().status, 200, 'the provider accepted the token in the query')
  t.match(answer.json().body.query, { q: '1', access_token: /^qat_/ }, 'the provider received it as access_token')
  t.equal(quirky.counters.apiCalls, 1)
})

t.test('async mode: 202 with a job id, visible to its own tenant only', async (t) => {
  const { h, tenant, id, http } = await connectedToQuirky(t)
  const queued = await http({ method: 'GET', url: '/me', mode: 'async' })
  t.equal(queued.statusCode, 202)
  const { jobId, status } = queued.json()
  t.equal(status, `/v1/jobs/${jobId}`)
  const job = await h.call('GET', `/v1/jobs/${jobId}`, { apiKey: tenant.apiKey })
  t.match(job.json(), { id: jobId, state: 'waiting', attempts: 0 })
  const other = await h.createTenant('Other')
  t.equal((await h.call('GET', `/v1/jobs/${jobId}`, { apiKey: other.apiKey })).statusCode, 404)
  t.equal(
    (
      await h.call('POST', `/v1/connections/${id}/http`, {
        apiKey: other.apiKey,
        body: { method: 'GET', url: '/me', mode: 'async' }
      })
    ).statusCode,
    404,
    'no job for another tenant’s connection'
  )
  await h.queues.http.obliterate({ force: true })
})
