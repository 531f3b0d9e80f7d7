import t from 'tap'
import { startOAuth1Server } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { disconnectWithoutRevocation } from './scenario.js'

const CONSUMER_KEY = 'trello-api-key'
const CONSUMER_SECRET = 'trello-oauth-secret-CANARY'

// https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
// "Using Basic OAuth": OAuthGetRequestToken, OAuthAuthorizeToken (with the authorize route's
// `scope` and `expiration` options), OAuthGetAccessToken, HMAC-SHA1; every call signed.
// No revocation is declared (see the connector): disconnecting only deletes the token.
t.test('Trello: the authorize options, signed calls, tokens that do not expire, no revocation', async (t) => {
  const system = await startSystem(t)
  const server = await startOAuth1Server({ consumerKey: CONSUMER_KEY, consumerSecret: CONSUMER_SECRET })
  t.teardown(() => server.close())
  const app = await system.api('PUT', '/v1/connectors/trello/app', {
    clientId: CONSUMER_KEY,
    clientSecret: CONSUMER_SECRET,
    overrides: {
      requestTokenUrl: server.endpoints.requestToken,
      authorizeUrl: server.endpoints.authorize,
      accessTokenUrl: server.endpoints.accessToken,
      baseUrl: server.endpoints.api
    }
  })
  t.equal(app.status, 200, 'the consumer, its legs pointed at the emulator')
  const id = (await system.api('POST', '/v1/connections', { connector: 'trello' })).body.id as string

  // The browser: the start link, Trello's authorize page, the callback with the binding cookie.
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const location = new URL(start.headers.get('location') ?? '')
  t.equal(`${location.origin}${location.pathname}`, server.endpoints.authorize, 'sent to the authorize page')
  const approved = await fetch(location, { redirect: 'manual' })
  const page = await fetch(new URL(approved.headers.get('location') ?? ''), { headers: { cookie }, redirect: 'manual' })
  t.match(await page.text(), /Authorization completed successfully/)
  t.match(
    server.counters.lastAuthorizeParams,
    { scope: 'read,write', expiration: 'never' },
    'the authorize page got the scope and a token that never expires'
  )
  t.equal(server.counters.accessTokens, 1)
  t.equal(server.counters.lastSignatureMethod, 'HMAC-SHA1')
  t.equal((await system.api('GET', `/v1/connections/${id}`)).body.status, 'connected')

  const echo = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'POST',
    url: '/echo?idList=5abbe4b7ddc1b351ef961414',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'name=Renew%20the%20certificate'
  })
  t.equal(echo.body.status, 200, 'the provider accepted the signature')
  t.match(echo.body.body, { method: 'POST', query: { idList: '5abbe4b7ddc1b351ef961414' } })

  const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
  t.equal(token.tokenType, 'OAuth1')
  t.equal(token.expiresAt, null, 'expiration=never: no expiry')
  t.equal((await system.api('POST', `/v1/connections/${id}/refresh`)).status, 409, 'nothing to refresh')

  await disconnectWithoutRevocation(t, system, id)
  t.equal(server.counters.invalidations, 0, 'nothing is sent to Trello')
})
