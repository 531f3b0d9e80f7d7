import t from 'tap'
import { startOAuth1Server } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import type { System } from '@latchkey/test-system'
import { until } from './scenario.js'

const CONSUMER_SECRET = 'consumer-secret-CANARY'

// https://docs.x.com/fundamentals/authentication/api-reference
// X's three-legged OAuth 1.0a: POST oauth/request_token (oauth_callback required,
// x_auth_access_type optional), GET oauth/authorize, POST oauth/access_token (answering
// oauth_token, oauth_token_secret, user_id, screen_name), POST 1.1/oauth/invalidate_token
// signed with the token to revoke it. Every API call is signed (HMAC-SHA1).
/** The tenant's app: the consumer, and the legs pointed at the loopback server. */
function appFor(server: Awaited<ReturnType<typeof startOAuth1Server>>): Record<string, unknown> {
  return {
    clientId: 'consumer-key',
    clientSecret: CONSUMER_SECRET,
    overrides: {
      requestTokenUrl: server.endpoints.requestToken,
      authorizeUrl: server.endpoints.authorize,
      accessTokenUrl: server.endpoints.accessToken,
      revokeUrl: server.endpoints.invalidateToken,
      baseUrl: server.endpoints.api
    }
  }
}

/** The browser's part: the start link, the provider's page, the callback (changed by `tamper`) with the binding cookie. */
async function connect(
  system: System,
  id: string,
  tamper: (callback: URL) => void = () => undefined
): Promise<{ page: string; location: URL }> {
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const location = new URL(start.headers.get('location') ?? '')
  const approved = await fetch(location, { redirect: 'manual' })
  const callback = new URL(approved.headers.get('location') ?? '')
  tamper(callback)
  const page = await fetch(callback, { headers: { cookie }, redirect: 'manual' })
  return { page: await page.text(), location }
}

t.test('OAuth 1.0a end to end: connect, signed calls, a refused token, invalidation on disconnect', async (t) => {
  const logLines: string[] = []
  const system = await startSystem(t, { logLevel: 'info', logLines })
  const server = await startOAuth1Server({ consumerKey: 'consumer-key', consumerSecret: CONSUMER_SECRET })
  t.teardown(() => server.close())
  server.modes.accessTokenExtras = { user_id: '2244994945', screen_name: 'acme_dev' }
  const summary = (await system.api('GET', '/v1/connectors/x')).body
  t.match(summary.schemes, [{ kind: 'oauth1', redirect: true, clientOwnership: 'developer', inputs: [] }])
  t.equal(summary.appConfigured, false)

  const created = await system.api('POST', '/v1/connections', { connector: 'x' })
  t.equal(created.status, 201)
  const id = created.body.id as string
  const early = await system.api('POST', `/v1/connections/${id}/authorize`)
  t.equal(early.status, 409, 'no consumer yet: said before any browser step')
  t.match(early.body.error.message, /consumer key \(clientId\)/)

  const scoped = await system.api('PUT', '/v1/connectors/x/app', {
    clientId: 'consumer-key',
    clientSecret: CONSUMER_SECRET,
    scopes: ['read'],
    overrides: { tokenUrl: 'https://elsewhere.example/token' }
  })
  t.equal(scoped.status, 400)
  t.same(
    scoped.body.error.details.map((d: { path: string }) => d.path),
    ['body.scopes', 'body.overrides.tokenUrl'],
    'a consumer has no scopes, and no OAuth 2.0 token URL'
  )
  const app = await system.api('PUT', '/v1/connectors/x/app', appFor(server))
  t.equal(app.status, 200)
  t.equal(app.body.appConfigured, true)

  const { page, location } = await connect(system, id)
  t.equal(`${location.origin}${location.pathname}`, server.endpoints.authorize, 'sent to the authorize page')
  t.match(page, /Authorization completed successfully/)
  t.equal(server.counters.accessTokens, 1)

  const connected = (await system.api('GET', `/v1/connections/${id}`)).body
  t.match(connected, { status: 'connected', metadata: { user_id: '2244994945', screen_name: 'acme_dev' } })
  t.same(connected.account, { id: '2244994945', username: 'acme_dev' }, 'verified with a signed call')

  const echo = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'POST',
    url: '/echo?q=a%20b',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'status=Hello%20world&media=1&media=2'
  })
  t.equal(echo.status, 200)
  t.equal(echo.body.status, 200, 'the provider accepted the signature over the query and the form body')
  t.match(echo.body.body, { method: 'POST', query: { q: 'a b' }, form: { status: 'Hello world' } })
  const json = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'POST',
    url: '/echo',
    headers: { 'content-type': 'application/json' },
    body: '{"text":"not signed, as RFC 5849 says"}'
  })
  t.equal(json.body.status, 200, 'a JSON body is sent, unsigned')
  const forged = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'GET',
    url: '/me',
    headers: { authorization: 'OAuth oauth_token="x"' }
  })
  t.equal(forged.status, 400, 'the caller cannot set the Authorization header')

  const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
  t.equal(token.tokenType, 'OAuth1')
  t.equal(typeof token.credentials.oauthTokenSecret, 'string', 'the token endpoint gives the secret to sign with')
  t.equal(token.expiresAt, null, 'OAuth 1.0a tokens do not expire')
  const refresh = await system.api('POST', `/v1/connections/${id}/refresh`)
  t.equal(refresh.status, 409, 'and are not refreshed')

  // Disconnect: the worker invalidates the token with a signed POST.
  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  let events: { kind: string }[] = []
  await until(
    'the worker to invalidate the token',
    async () => {
      events = (await system.api('GET', `/v1/connections/${id}/events?limit=5`)).body.events
      return events.some((e) => e.kind === 'revocation.done')
    },
    () => JSON.stringify(events)
  )
  t.equal(server.counters.invalidations, 1)
  t.same(server.liveAccessTokens(), [], 'the token no longer works at the provider')

  // Connected again, then the token is revoked at the provider: the next call turns the connection red.
  const again = await system.api('POST', '/v1/connections', { connector: 'x' })
  const second = again.body.id as string
  t.match((await connect(system, second)).page, /Authorization completed successfully/)
  const stolen = (await system.api('GET', `/v1/connections/${second}/token`)).body.accessToken as string
  t.same(server.liveAccessTokens(), [stolen], 'the new connection holds the one live token')
  server.revoke(stolen)
  const refused = await system.api('POST', `/v1/connections/${second}/http`, { method: 'GET', url: '/me' })
  t.equal(refused.body.status, 401)
  const red = (await system.api('GET', `/v1/connections/${second}`)).body
  t.equal(red.status, 'error')
  t.match(red.statusReason, /refused the OAuth 1.0a token/)

  const logs = logLines.join('\n')
  t.ok(logs.length > 0, 'the API logged')
  t.notOk(logs.includes(CONSUMER_SECRET), 'the consumer secret is never logged')
  t.notOk(logs.includes(String(token.credentials.oauthTokenSecret)), 'nor the token secret')
})

t.test('OAuth 1.0a: a declined approval and a forged callback leave no credentials', async (t) => {
  const system = await startSystem(t)
  const server = await startOAuth1Server({ consumerKey: 'consumer-key', consumerSecret: CONSUMER_SECRET })
  t.teardown(() => server.close())
  await system.api('PUT', '/v1/connectors/x/app', appFor(server))
  const id = (await system.api('POST', '/v1/connections', { connector: 'x' })).body.id as string
  server.modes.deny = true
  const declined = await connect(system, id)
  t.match(declined.page, /Access was not granted/)
  const after = (await system.api('GET', `/v1/connections/${id}`)).body
  t.not(after.status, 'connected')
  t.equal(server.counters.accessTokens, 0, 'no access-token request')
  t.equal((await system.api('GET', `/v1/connections/${id}/token`)).status, 409)

  // The callback carries another request token than the one this attempt holds.
  server.modes.deny = false
  const { page } = await connect(system, id, (callback) => callback.searchParams.set('oauth_token', 'someone-elses'))
  t.match(page, /cannot be trusted/)
  t.equal(server.counters.accessTokens, 0, 'refused before any access-token request')

  // A consumer secret the provider refuses: the start link says so, and the connection records why.
  await system.api('PUT', '/v1/connectors/x/app', { ...appFor(server), clientSecret: 'not-the-secret' })
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  t.match(await start.text(), /refused the app’s client credentials/)
  t.equal(server.counters.rejected.at(-1), 'signature_invalid', 'the provider refused the signature')
  const failed = (await system.api('GET', `/v1/connections/${id}`)).body
  t.match(failed.statusReason, /client credentials/)
})
