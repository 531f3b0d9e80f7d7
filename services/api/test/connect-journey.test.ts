import t from 'tap'
import { deliverCallback, prepareConnection, startHarness, startInBrowser, REDIRECT_URI } from './harness.js'

t.test('the whole journey: tenant, app, connection, authorize, approve, callback, connected', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const before = await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })
  t.match(before.json(), { status: 'configured', health: 'yellow', scopes: { requested: ['read'], granted: [] } })

  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const provider = new URL(providerUrl)
  t.equal(provider.origin, h.server.issuer)
  t.equal(provider.searchParams.get('redirect_uri'), REDIRECT_URI)
  t.equal(provider.searchParams.get('code_challenge_method'), 'S256')
  t.match(cookie, /^lk_connect_[0-9a-f]{32}=/)

  const callback = await h.server.approve(providerUrl)
  const page = await deliverCallback(h, callback, cookie)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Authorization completed successfully/)
  t.equal(page.headers['referrer-policy'], 'no-referrer')
  t.match(String(page.headers['content-security-policy']), /default-src 'none'/)
  t.match(page.body, /postMessage/)
  t.notMatch(page.body, /<script src=|<link |https?:\/\/(?!127\.0\.0\.1)/, 'no third-party resources')

  const after = (await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })).json()
  t.match(after, {
    status: 'connected',
    health: 'yellow',
    statusReason: null,
    scopes: { requested: ['read'], granted: ['read'] }
  })
  t.ok(after.expiresAt)

  const stored = await h.store.credentials.get(connectionId)
  const token = (await h.call('GET', `/v1/connections/${connectionId}/token`, { apiKey: tenant.apiKey })).json()
  t.equal(stored?.tokenSet.accessToken, token.accessToken, 'the stored credentials decrypt to the token handed out')
  const me = await fetch(h.server.apiUrl, { headers: { authorization: `Bearer ${token.accessToken}` } })
  t.same(await me.json(), { sub: 'alice', scope: 'read', clientId: 'sandbox-app' }, 'and it is what the server issued')
  t.type(stored?.tokenSet.refreshToken, 'string')
  t.same(h.server.counters.tokenRequests, { authorization_code: 1 })

  const events = (await h.call('GET', `/v1/connections/${connectionId}/events`, { apiKey: tenant.apiKey })).json()
    .events
  t.same(
    events.map((e: { kind: string }) => e.kind),
    ['connection.connected', 'connect.started', 'connection.created']
  )

  const replay = await deliverCallback(h, callback, cookie)
  t.equal(replay.statusCode, 400)
  t.match(replay.body, /already used/)
  t.same(h.server.counters.tokenRequests, { authorization_code: 1 }, 'a replayed callback does not exchange again')
})

t.test('disconnect deletes the tokens and puts a revoke job on the real queue (ids only)', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  const disconnected = await h.call('POST', `/v1/connections/${connectionId}/disconnect`, { apiKey: tenant.apiKey })
  t.equal(disconnected.statusCode, 200)
  t.match(disconnected.json(), { status: 'disconnected', health: 'yellow', expiresAt: null })
  t.equal(await h.store.credentials.get(connectionId), undefined)
  const jobs = await h.queues.revoke.getJobs(['waiting', 'delayed', 'active', 'prioritized'])
  t.equal(jobs.length, 1)
  t.same(Object.keys(jobs[0]?.data ?? {}).sort(), ['connectionId', 'revocationId', 'tenantId'])
  const revocation = await h.store.revocations.get(jobs[0]?.data.revocationId ?? '')
  t.equal(revocation?.status, 'pending')
  t.type(revocation?.tokenSet?.refreshToken, 'string', 'the tokens wait, encrypted, in PostgreSQL')
  const token = await h.call('GET', `/v1/connections/${connectionId}/token`, { apiKey: tenant.apiKey })
  t.equal(token.statusCode, 409)
  t.equal(token.json().error.code, 'not_connected')
  const kinds = (await h.call('GET', `/v1/connections/${connectionId}/events?limit=2`, { apiKey: tenant.apiKey }))
    .json()
    .events.map((e: { kind: string }) => e.kind)
  t.same(kinds, ['revocation.queued', 'connection.disconnected'])
})

t.test('a connector without a revoke URL records that the provider offers none', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h, { auth: { revokeUrl: undefined } })
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  await h.call('POST', `/v1/connections/${connectionId}/disconnect`, { apiKey: tenant.apiKey })
  t.equal((await h.queues.revoke.getJobs(['waiting', 'delayed'])).length, 0)
  const kinds = (await h.call('GET', `/v1/connections/${connectionId}/events?limit=1`, { apiKey: tenant.apiKey }))
    .json()
    .events.map((e: { kind: string }) => e.kind)
  t.same(kinds, ['revocation.not_supported'])
})

t.test('forced refresh through the API', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  const first = (await h.call('GET', `/v1/connections/${connectionId}/token`, { apiKey: tenant.apiKey })).json()
    .accessToken
  const refreshed = await h.call('POST', `/v1/connections/${connectionId}/refresh`, { apiKey: tenant.apiKey })
  t.equal(refreshed.statusCode, 200)
  const second = (await h.call('GET', `/v1/connections/${connectionId}/token`, { apiKey: tenant.apiKey })).json()
    .accessToken
  t.not(second, first)
  t.same(h.server.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })
})
