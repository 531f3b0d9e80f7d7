import t from 'tap'
import { okta } from '@latchkey/connector-okta'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import type { System } from '@latchkey/test-system'
import { CLIENT_ID, CLIENT_SECRET, checkRateLimitWaitedOut, runCredentialScenario, until } from './scenario.js'

// The user object of GET /api/v1/users/me (the OpenAPI document's `user-example`).
// https://developer.okta.com/docs/api/openapi/okta-management/management/tag/User/#tag/User/operation/getUser
const ME = {
  id: '00ub0oNGTSWTBKOLGLNR',
  status: 'ACTIVE',
  profile: {
    login: 'isaac.brock@example.com',
    email: 'isaac.brock@example.com',
    firstName: 'Isaac',
    lastName: 'Brock'
  },
  _links: { self: { href: 'https://acme.okta.com/api/v1/users/00ub0oNGTSWTBKOLGLNR' } }
}
const ACCOUNT = { userId: ME.id, login: ME.profile.login, email: ME.profile.email }
const TOKEN = '00QCjAl4MlV-WPXM-CANARY-0HmjFx-vbGua'

// https://developer.okta.com/docs/guides/create-an-api-token/main/
// The API token as `Authorization: SSWS <token>`, exactly there (the emulator insists on it),
// on the customer's Okta domain. https://developer.okta.com/docs/reference/rl-best-practices/:
// a 429 is waited out until `X-Rate-Limit-Reset`, "UTC epoch time (in seconds)".
t.test('Okta: the API token as "SSWS", on the customer’s domain, X-Rate-Limit-Reset', async (t) => {
  await runCredentialScenario(t, {
    connector: okta,
    scheme: 'api_token',
    parameters: { domain: 'acme.okta.com' },
    site: { template: '{{parameters.domain}}', expected: 'acme.okta.com' },
    provider: {
      apiCredentials: [{ in: 'header', name: 'Authorization', value: `SSWS ${TOKEN}` }],
      rateLimitResetHeader: 'x-rate-limit-reset'
    },
    accepts: () => undefined,
    credentials: { apiKey: TOKEN },
    // "The request returns the user linked to the API token ... Details of the admin user who granted the API token."
    verification: { path: '/api/users/me', answer: ME, account: ACCOUNT },
    call: { url: '/users?limit=1', providerPath: '/api/users', auth: 'declared' },
    whileConnected: (t, context) => checkRateLimitWaitedOut(t, context, 429, '/users?limit=1')
  })
})

/** The start link of a connection, followed once: where the browser is sent, and the session cookie. */
async function startInBrowser(system: System, id: string): Promise<{ providerUrl: URL; cookie: string }> {
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  if (start.status !== 302) throw new Error(`the start link answered ${start.status}`)
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  return { providerUrl: new URL(start.headers.get('location') ?? ''), cookie }
}

// https://developer.okta.com/docs/guides/implement-oauth-for-okta/main/
// The app is created in the customer's own org, so the end customer gives its client id and
// secret with the connection. The browser goes to the org authorization server's
// `/oauth2/v1/authorize` on the customer's domain, with PKCE, the scopes the app was granted and
// `offline_access` ("must be requested as part of the code request to the /authorize endpoint",
// https://developer.okta.com/docs/guides/refresh-tokens/main/).
t.test('Okta OAuth 2.0: the customer’s own client, sent to its org authorization server', async (t) => {
  const system = await startSystem(t)
  const parameters = { domain: 'acme.okta.com' }
  const missing = await system.api('POST', '/v1/connections', { connector: 'okta', scheme: 'oauth2', parameters })
  t.equal(missing.status, 400, 'no connection without the customer’s client')
  t.match(missing.body.error.details, [{ path: 'body.client', message: /is required/ }])
  const app = await system.api('PUT', '/v1/connectors/okta/app', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
  t.equal(app.status, 400, 'a tenant-wide app is not used: the app lives in each customer’s org')

  const created = await system.api('POST', '/v1/connections', {
    connector: 'okta',
    scheme: 'oauth2',
    parameters,
    client: { clientId: '0oan47pj9BsB30h7', clientSecret: 'customer-secret-CANARY' }
  })
  t.equal(created.status, 201)
  t.notOk(JSON.stringify(created.body).includes('customer-secret-CANARY'), 'the client secret is not echoed')
  const { providerUrl } = await startInBrowser(system, created.body.id)
  t.equal(`${providerUrl.origin}${providerUrl.pathname}`, 'https://acme.okta.com/oauth2/v1/authorize')
  const query = Object.fromEntries(providerUrl.searchParams)
  t.match(query, {
    client_id: '0oan47pj9BsB30h7',
    response_type: 'code',
    redirect_uri: `${system.url}/oauth/callback/`,
    code_challenge_method: 'S256',
    code_challenge: /^[A-Za-z0-9_-]{43}$/
  })
  t.equal(query.scope, 'okta.users.read offline_access', 'the default scope and offline_access')
})

// The same OAuth scheme with only its URLs moved to the emulator (a tenant's custom connector,
// since a customer-owned client is used with the definition's own URLs): the code exchange and
// refresh with HTTP Basic client authentication (Okta's examples), persistent refresh tokens
// (the default of web apps), and disconnect revoking at `/oauth2/v1/revoke` as RFC 7009 says,
// the refresh token and then the access token, each a Basic-authenticated form
// (https://developer.okta.com/docs/guides/revoke-tokens/main/).
t.test('Okta OAuth 2.0: code exchange, refresh and RFC 7009 revocation, with the customer’s client', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: { clientAuth: 'client_secret_basic', revokeFormat: 'form', rateLimitResetHeader: 'x-rate-limit-reset' }
  })
  t.teardown(() => provider.close())
  const root = `${provider.url}/sites/{{parameters.domain}}`
  const { auth, http, ...rest } = JSON.parse(JSON.stringify(okta)) as typeof okta
  const scheme = [auth].flat().find((s) => s.kind === 'oauth2')
  const emulated = {
    ...rest,
    key: 'okta-emulated',
    auth: {
      ...scheme,
      authorizeUrl: `${root}/oauth/authorize`,
      tokenUrl: `${root}/oauth/token`,
      revokeUrl: `${root}/oauth/revoke`
    },
    http: { ...http, baseUrl: `${root}/api` }
  }
  const registered = await system.api('POST', '/v1/connectors', emulated)
  t.equal(registered.status, 201, 'the emulated copy is registered')
  provider.setApiAnswer('/api/users/me', ME)

  const created = await system.api('POST', '/v1/connections', {
    connector: 'okta-emulated',
    externalId: 'customer-1',
    parameters: { domain: 'acme.okta.com' },
    client: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }
  })
  t.equal(created.status, 201)
  const id = created.body.id as string
  const { providerUrl, cookie } = await startInBrowser(system, id)
  t.equal(`${providerUrl.origin}${providerUrl.pathname}`, `${provider.url}/sites/acme.okta.com/oauth/authorize`)
  t.equal(providerUrl.searchParams.get('scope'), 'okta.users.read offline_access')
  t.equal(providerUrl.searchParams.get('code_challenge_method'), 'S256')
  const approved = await fetch(providerUrl, { redirect: 'manual' })
  const callback = new URL(approved.headers.get('location') ?? '')
  t.equal(callback.searchParams.get('error'), null, 'the provider approves')
  const page = await fetch(callback, { headers: { cookie }, redirect: 'manual' })
  t.match(await page.text(), /Authorization completed successfully/)
  t.same(provider.counters.tokenRequests, { authorization_code: 1 }, 'one code exchange, with HTTP Basic')

  const connected = (await system.api('GET', `/v1/connections/${id}`)).body
  t.match(connected, { status: 'connected', statusReason: null })
  t.same(connected.account, ACCOUNT, 'the user who signed in, from /users/me')
  const call = async (label: string) => {
    const answer = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/users?limit=1' })
    t.equal(answer.body?.status, 200, `${label}: the provider accepted the token`)
    t.equal(answer.body?.body?.path, '/api/users', `${label}: under /api/v1`)
    t.equal(provider.counters.lastApiAuth, 'bearer', `${label}: as a Bearer token`)
  }
  await call('the first call')

  const before = (await system.api('GET', `/v1/connections/${id}/token`)).body
  const issued = provider.issuedRefreshTokens.length
  const forced = await system.api('POST', `/v1/connections/${id}/refresh`)
  t.equal(forced.status, 200, 'a forced refresh')
  t.equal(provider.counters.tokenRequests.refresh_token, 1)
  t.equal(provider.issuedRefreshTokens.length, issued, 'the refresh token persists')
  t.not((await system.api('GET', `/v1/connections/${id}/token`)).body.accessToken, before.accessToken)
  provider.expireAccessTokens()
  await call('a call after the token expired')
  t.equal(provider.counters.tokenRequests.refresh_token, 2, 'the refused token was refreshed once')
  await checkRateLimitWaitedOut(t, { system, provider, connectionId: id }, 429, '/users?limit=1')

  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  let events: { kind: string }[] = []
  await until(
    'the worker to revoke',
    async () => {
      events = (await system.api('GET', `/v1/connections/${id}/events?limit=5`)).body.events
      return events.some((e) => e.kind === 'revocation.done')
    },
    () => JSON.stringify(events)
  )
  const form = 'application/x-www-form-urlencoded'
  t.match(provider.counters.revocationLog, [
    { method: 'POST', contentType: form, authorization: 'basic', token: 'refresh' },
    { method: 'POST', contentType: form, authorization: 'basic', token: 'access' }
  ])
  t.equal(provider.counters.revocations, 2)
  t.ok(
    provider.counters.sites.every((site) => site === 'acme.okta.com'),
    'every request went to the customer’s Okta domain'
  )
})
