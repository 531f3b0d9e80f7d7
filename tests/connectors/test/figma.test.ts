import t from 'tap'
import type { Test } from 'tap'
import { figma } from '@latchkey/connector-figma'
import { resolveAuthScheme } from '@latchkey/connector-sdk'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { CLIENT_ID, CLIENT_SECRET, runCredentialScenario } from './scenario.js'
import type { ScenarioResult } from './scenario.js'

// https://developers.figma.com/docs/rest-api/users-endpoints/: GET /v1/me answers the User
// (`id`, `handle`, `img_url`) and `email`.
const ME = {
  id: '1234567890123456789',
  handle: 'Ada Lovelace',
  img_url: 'https://s3-alpha.figma.com/profile/ada',
  email: 'ada@example.com'
}
const ACCOUNT = { id: ME.id, handle: ME.handle, email: ME.email }

/**
 * https://developers.figma.com/docs/rest-api/rate-limits/: a 429 carries `Retry-After`, "In
 * seconds, how long before you should retry sending the request". The helper waits it out and
 * retries once; the connection stays connected.
 */
async function checkRetryAfterWaitedOut(
  t: Test,
  { system, provider, connectionId }: ScenarioResult,
  url: string
): Promise<void> {
  provider.setModes({ apiFailNext: 1, apiFailStatus: 429, retryAfterSeconds: 1 })
  const calls = provider.counters.apiCalls
  const started = Date.now()
  const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url })
  t.equal(answer.body.status, 200, 'the 429 was waited out and retried')
  t.equal(provider.counters.apiCalls - calls, 2, 'one retry')
  t.ok(Date.now() - started >= 900, 'after the Retry-After second')
  provider.setModes({ retryAfterSeconds: undefined })
  t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.status, 'connected')
}

// https://developers.figma.com/docs/rest-api/oauth-apps/
// Authorize at www.figma.com/oauth (PKCE S256, "highly recommended"); the code is exchanged at
// /v1/oauth/token and refreshed at /v1/oauth/refresh, both with HTTP Basic client
// authentication. The code exchange answers `user_id_string` beside the tokens; the refresh
// answers `access_token`, `token_type` and `expires_in` only, as "A refresh token can be reused
// as many times as necessary". Access tokens last 90 days by default. No revoke endpoint.
//
// The refresh endpoint is Figma's own, not the token URL, so this runs the connection by hand
// rather than through runRedirectScenario, whose tenant app cannot move the refresh URL: the
// app sends the refresh URL to the emulator's token endpoint as the site "refresh", and the
// sites the emulator saw tell the code exchange and the refreshes apart.
t.test('Figma: PKCE, Basic client auth, a refresh endpoint of its own, a reusable refresh token', async (t) => {
  const scheme = resolveAuthScheme(figma)
  t.match(
    scheme,
    { tokenUrl: 'https://api.figma.com/v1/oauth/token', refreshUrl: 'https://api.figma.com/v1/oauth/refresh' },
    'the connector declares the two endpoints the app below moves to the emulator'
  )
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: {
      clientAuth: 'client_secret_basic',
      refreshReturnsRefreshToken: false,
      accessTokenTtlSeconds: 90 * 24 * 3600,
      extraTokenFields: { user_id_string: ME.id }
    }
  })
  t.teardown(() => provider.close())
  provider.setApiAnswer('/api/v1/me', ME)

  const app = await system.api('PUT', '/v1/connectors/figma/app', {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    overrides: {
      authorizeUrl: `${provider.url}/oauth/authorize`,
      tokenUrl: `${provider.url}/oauth/token`,
      refreshUrl: `${provider.url}/sites/refresh/oauth/token`,
      baseUrl: `${provider.url}/api`
    }
  })
  t.equal(app.status, 200, 'the tenant app points the connector at the emulator')
  const created = await system.api('POST', '/v1/connections', { connector: 'figma', externalId: 'customer-1' })
  t.equal(created.status, 201)
  const id = created.body.id as string

  // The browser: the start link, Figma's authorize page, the callback.
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  t.equal(authorize.status, 200)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  t.equal(start.status, 302)
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const providerUrl = new URL(start.headers.get('location') ?? '')
  t.equal(`${providerUrl.origin}${providerUrl.pathname}`, `${provider.url}/oauth/authorize`)
  const query = Object.fromEntries(providerUrl.searchParams)
  t.match(query, {
    client_id: CLIENT_ID,
    response_type: 'code',
    redirect_uri: `${system.url}/oauth/callback/`,
    scope: 'current_user:read',
    code_challenge_method: 'S256'
  })
  t.ok(query.state, 'with a state')
  t.ok(query.code_challenge, 'with a PKCE code challenge')
  const approved = await fetch(providerUrl, { redirect: 'manual' })
  const callback = new URL(approved.headers.get('location') ?? '')
  t.equal(callback.searchParams.get('error'), null)
  const page = await fetch(callback, { headers: { cookie }, redirect: 'manual' })
  t.match(await page.text(), /Authorization completed successfully/)
  t.same(provider.counters.tokenRequests, { authorization_code: 1 }, 'one code exchange, with Basic client auth')
  t.same(provider.counters.sites, [], 'the code went to the token URL')

  const connected = (await system.api('GET', `/v1/connections/${id}`)).body
  t.match(connected, { status: 'connected', statusReason: null })
  t.same(connected.metadata, { user_id_string: ME.id }, 'the user id of the token answer is kept')
  t.same(connected.account, ACCOUNT, 'verified with GET /v1/me')
  const first = (await system.api('GET', `/v1/connections/${id}/token`)).body

  const call = async (label: string) => {
    const answer = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v1/files/AbC123' })
    t.equal(answer.body?.status, 200, `${label}: Figma accepted the token`)
    t.equal(answer.body?.body?.path, '/api/v1/files/AbC123', `${label}: under the API base, /v1 in the path`)
    t.equal(provider.counters.lastApiAuth, 'bearer', `${label}: as Authorization: Bearer`)
  }
  await call('the first call')

  const issued = provider.issuedRefreshTokens.length
  const forced = await system.api('POST', `/v1/connections/${id}/refresh`)
  t.equal(forced.status, 200, 'a forced refresh')
  t.equal(provider.counters.tokenRequests.refresh_token, 1)
  t.same(provider.counters.sites, ['refresh'], 'the refresh went to the refresh URL')
  t.equal(provider.issuedRefreshTokens.length, issued, 'the answer carried no refresh token')
  const after = (await system.api('GET', `/v1/connections/${id}/token`)).body
  t.not(after.accessToken, first.accessToken, 'a new access token')

  // The token dies at Figma before it is due: the helper refreshes with the kept refresh token and retries.
  provider.expireAccessTokens()
  await call('a call after the token expired')
  t.equal(provider.counters.tokenRequests.refresh_token, 2, 'refreshed again with the same refresh token')
  t.same(provider.counters.sites, ['refresh', 'refresh'])
  t.equal((await system.api('GET', `/v1/connections/${id}`)).body.health, 'green')

  await checkRetryAfterWaitedOut(t, { system, provider, connectionId: id }, '/v1/files/AbC123')

  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  const kinds = (await system.api('GET', `/v1/connections/${id}/events?limit=3`)).body.events.map(
    (e: { kind: string }) => e.kind
  )
  t.ok(kinds.includes('revocation.not_supported'), 'no revoke endpoint: recorded as not supported')
  t.equal(provider.counters.revocations, 0)
})

// https://developers.figma.com/docs/rest-api/personal-access-tokens/: "passing the token to the
// API in the X-Figma-Token header of your request". The emulator accepts it there only.
t.test('Figma: or a personal access token in X-Figma-Token', async (t) => {
  await runCredentialScenario(t, {
    connector: figma,
    scheme: 'personal_access_token',
    credentials: { apiKey: 'figd_CANARY0123456789abcdef' },
    provider: { apiCredentials: [{ in: 'header', name: 'X-Figma-Token', value: 'figd_CANARY0123456789abcdef' }] },
    accepts: () => undefined,
    verification: { path: '/api/v1/me', answer: ME, account: ACCOUNT },
    call: { url: '/v1/files/AbC123', providerPath: '/api/v1/files/AbC123', auth: 'declared' },
    whileConnected: async (t, context) => {
      t.equal(
        (await context.system.api('GET', `/v1/connections/${context.connectionId}`)).body.scheme,
        'personal_access_token',
        'the connection records the scheme'
      )
      await checkRetryAfterWaitedOut(t, context, '/v1/files/AbC123')
    }
  })
})
