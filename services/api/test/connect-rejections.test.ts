import { createServer } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import type { Harness } from './harness.js'
import { deliverCallback, prepareConnection, startHarness, startInBrowser } from './harness.js'

/** Nothing half-written: no credentials, the connection not connected. */
async function nothingWritten(t: Test, h: Harness, apiKey: string, connectionId: string): Promise<void> {
  t.equal(await h.store.credentials.get(connectionId), undefined, 'no credentials row')
  const connection = (await h.call('GET', `/v1/connections/${connectionId}`, { apiKey })).json()
  t.equal(connection.status, 'configured')
  t.same(connection.scopes.granted, [])
}

t.test('forged, missing, foreign-browser and expired states are refused before any token request', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const callback = await h.server.approve(providerUrl)

  const forged = new URL(callback)
  forged.searchParams.set('state', 'forged-state-value')
  const forgedPage = await deliverCallback(h, forged, cookie)
  t.equal(forgedPage.statusCode, 400)
  t.match(forgedPage.body, /cannot be trusted/)
  const missing = new URL(callback)
  missing.searchParams.delete('state')
  t.match((await deliverCallback(h, missing, cookie)).body, /carries no state/)

  const foreign = await deliverCallback(h, callback, '')
  t.equal(foreign.statusCode, 400)
  t.match(foreign.body, /finished in another browser/)
  const wrongCookie = await deliverCallback(h, callback, cookie.replace(/=.*/, '=not-the-binding'))
  t.match(wrongCookie.body, /another browser/)
  t.same(h.server.counters.tokenRequests, {}, 'no token request so far')
  await nothingWritten(t, h, tenant.apiKey, connectionId)

  const ok = await deliverCallback(h, callback, cookie)
  t.match(
    ok.body,
    /Authorization completed successfully/,
    'the real browser can still finish (the refusals consumed nothing)'
  )

  const second = await startInBrowser(h, tenant.apiKey, connectionId)
  const late = await h.server.approve(second.providerUrl)
  await h.store.db
    .updateTable('connect_attempts')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('started_at', 'is not', null)
    .where('consumed_at', 'is', null)
    .execute()
  const expired = await deliverCallback(h, late, second.cookie)
  t.match(expired.body, /has expired/)
  t.same(h.server.counters.tokenRequests, { authorization_code: 1 }, 'only the legitimate callback exchanged a code')
})

t.test('start links work once and expire', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const authorize = (
    await h.call('POST', `/v1/connections/${connectionId}/authorize`, { apiKey: tenant.apiKey })
  ).json()
  t.ok(
    Date.parse(authorize.expiresAt) - Date.now() > 9 * 60_000 &&
      Date.parse(authorize.expiresAt) - Date.now() <= 10 * 60_000,
    'expires in 10 minutes'
  )
  const path = new URL(authorize.authorizeUrl).pathname
  t.equal((await h.call('GET', path)).statusCode, 302)
  const again = await h.call('GET', path)
  t.equal(again.statusCode, 400)
  t.match(again.body, /already used/)
  t.match((await h.call('GET', '/oauth/start/nonsense')).body, /not valid/)
  const another = (await h.call('POST', `/v1/connections/${connectionId}/authorize`, { apiKey: tenant.apiKey })).json()
  await h.store.db
    .updateTable('connect_attempts')
    .set({ expires_at: new Date(Date.now() - 1) })
    .where('started_at', 'is', null)
    .execute()
  t.match((await h.call('GET', new URL(another.authorizeUrl).pathname)).body, /has expired/)
})

t.test('an iss that does not match the connector issuer aborts', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h, { auth: { issuer: 'https://another-issuer.example' } })
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const page = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  t.equal(page.statusCode, 400)
  t.match(page.body, /came from the wrong provider/)
  t.match(page.body, /issuer_mismatch/)
  t.same(h.server.counters.tokenRequests, {})
  await nothingWritten(t, h, tenant.apiKey, connectionId)
})

t.test('denial shows a readable page and records why', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const page = await deliverCallback(h, await h.server.approve(providerUrl, { deny: true }), cookie)
  t.equal(page.statusCode, 400)
  t.match(page.body, /Access was not granted/)
  t.match(page.body, /The provider said: <q>The user denied access<\/q>/)
  await nothingWritten(t, h, tenant.apiKey, connectionId)
  const connection = (await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })).json()
  t.match(connection.statusReason, /denied/)
  const events = (
    await h.call('GET', `/v1/connections/${connectionId}/events?limit=1`, { apiKey: tenant.apiKey })
  ).json().events
  t.match(events, [{ kind: 'connect.failed', level: 'error', detail: { code: 'access_denied' } }])
})

t.test('a wrong client secret: a page naming the client credentials', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h, { clientSecret: 'not-the-secret' })
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const page = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  t.equal(page.statusCode, 400)
  t.match(page.body, /refused the app’s client credentials/)
  t.match(page.body, /check the client ID and client secret/)
  await nothingWritten(t, h, tenant.apiKey, connectionId)
})

t.test('an unknown scope: the provider refuses, the page says which', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h, {
    auth: { scopes: { read: 'Read', admin: 'Administer' }, defaultScopes: ['read', 'admin'] }
  })
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const page = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  t.match(page.body, /refused the requested permissions/)
  t.match(page.body, /does not offer one of the requested scopes/)
  t.match(page.body, /unknown scope: admin/)
  await nothingWritten(t, h, tenant.apiKey, connectionId)
})

t.test('a token URL that 404s, or refuses connections (tenant override)', async (t) => {
  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
  for (const [name, tokenUrl, expected] of [
    ['404', 'nope', /answered 404 Not Found/],
    ['refused', `http://127.0.0.1:${closedPort}/token`, /could not be reached \(127\.0\.0\.1:\d+: ECONNREFUSED\)/]
  ] as const) {
    const h = await startHarness(t)
    const { tenant, connectionId } = await prepareConnection(h, {
      overrides: { tokenUrl: tokenUrl === 'nope' ? `${h.server.issuer}/nope/token` : tokenUrl }
    })
    const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
    const page = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
    t.match(page.body, /token URL did not work/, name)
    t.match(page.body, expected, name)
    await nothingWritten(t, h, tenant.apiKey, connectionId)
  }
})

t.test('provider text on the error page is escaped', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const callback = await h.server.approve(providerUrl, { deny: true })
  callback.searchParams.set('error_description', '<script>alert(1)</script><img src=x onerror=alert(2)>')
  const page = await deliverCallback(h, callback, cookie)
  t.notMatch(page.body, /<script>alert|<img src=x/)
  t.match(page.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)
})
