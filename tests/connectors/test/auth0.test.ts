import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { auth0 } from '@latchkey/connector-auth0'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { CLIENT_ID, CLIENT_SECRET, checkRateLimitWaitedOut, disconnectWithoutRevocation } from './scenario.js'

const DOMAIN = 'acme.us.auth0.com'

// GET /api/v2/tenants/settings answers the tenant's settings object (`friendly_name`,
// `picture_url`, `support_email`, `support_url`, session lifetimes, `flags`, …), here a part of
// it: https://auth0.com/docs/api/management/v2/tenants/tenant-settings-route
const SETTINGS = {
  friendly_name: 'Acme Corporation',
  picture_url: 'https://acme.example/logo.png',
  support_email: 'support@acme.example',
  support_url: 'https://acme.example/support',
  allowed_logout_urls: ['https://app.acme.example/logged-out'],
  session_lifetime: 168,
  idle_session_lifetime: 72,
  enabled_locales: ['en'],
  session_cookie: { mode: 'persistent' },
  flags: { enable_sso: true, revoke_refresh_token_grant: false }
}
const ACCOUNT = { tenant: 'Acme Corporation', supportEmail: 'support@acme.example' }

/** One request the token endpoint received, as it arrived. */
interface TokenRequest {
  readonly method: string
  readonly path: string
  readonly contentType: string
  readonly authorization: string | undefined
  readonly form: Record<string, string>
}

/**
 * A pass-through in front of the emulator's token endpoint that keeps each request as it
 * arrived (the emulator checks the client authentication, not the other body fields).
 */
async function startTokenRecorder(target: string): Promise<{
  url: string
  requests: TokenRequest[]
  close: () => Promise<void>
}> {
  const requests: TokenRequest[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      requests.push({
        method: req.method ?? '',
        path: new URL(req.url ?? '/', 'http://recorder').pathname,
        contentType: req.headers['content-type'] ?? '',
        authorization: req.headers.authorization,
        form: Object.fromEntries(new URLSearchParams(body))
      })
      const headers: Record<string, string> = {}
      for (const name of ['content-type', 'authorization', 'accept']) {
        const value = req.headers[name]
        if (typeof value === 'string') headers[name] = value
      }
      fetch(`${target}${req.url ?? '/'}`, { method: req.method ?? 'POST', headers, body }).then(
        async (answer) => {
          const text = await answer.text()
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'text/plain' }).end(text)
        },
        () => res.writeHead(502).end()
      )
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}

// The catalog connector itself: the machine-to-machine application lives in the customer's
// tenant, so there is no tenant-wide app, and a connection needs the customer's client.
// https://auth0.com/docs/get-started/auth0-overview/create-applications/machine-to-machine-apps
t.test('Auth0: the customer’s own machine-to-machine application, no tenant app', async (t) => {
  const system = await startSystem(t)
  const missing = await system.api('POST', '/v1/connections', { connector: 'auth0', parameters: { domain: DOMAIN } })
  t.equal(missing.status, 400, 'no connection without the customer’s client')
  t.match(missing.body.error.details, [{ path: 'body.client', message: /is required/ }])
  const app = await system.api('PUT', '/v1/connectors/auth0/app', { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET })
  t.equal(app.status, 400, 'a tenant-wide client is not used')
  const created = await system.api('POST', '/v1/connections', {
    connector: 'auth0',
    parameters: { domain: DOMAIN },
    client: { clientId: 'mE9nIQ3y7t5bVLkK0nYxAmplE', clientSecret: 'customer-secret-CANARY' }
  })
  t.equal(created.status, 201)
  t.notOk(JSON.stringify(created.body).includes('customer-secret-CANARY'), 'the client secret is not echoed')
  t.match(created.body.scopes, { requested: [] }, 'no scope asked: Auth0 issues what the application was granted')
})

// https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens/get-management-api-access-tokens-for-production
// POST https://{yourDomain}/oauth/token, form-encoded grant_type=client_credentials,
// client_id, client_secret (in the body, as every example shows) and
// audience=https://{yourDomain}/api/v2/; the answer {"access_token", "expires_in": 86400,
// "scope": the permissions granted, "token_type": "Bearer"}. No scope is sent: "the scopes
// returned will always be the full set of authorized scopes for the M2M app"
// (https://support.auth0.com/center/s/article/Fetching-an-M2M-token-returns-all-granted-scopes-permissions-instead-of-requested-scopes).
// "A Management API token is valid for 24 hours. Create a new access token when the old one
// expires" and it "cannot be revoked" (https://auth0.com/docs/secure/tokens/access-tokens/management-api-access-tokens):
// fetched again, nothing revoked on disconnect. Calls carry it as a Bearer token to
// https://{yourDomain}/api/v2 (https://auth0.com/docs/api/management/v2); a 429 says when it
// resets in x-ratelimit-reset, UNIX seconds
// (https://auth0.com/docs/troubleshoot/customer-support/operational-policies/rate-limit-policy/rate-limit-use-cases).
// Only the origin of the token and API URLs is moved to the emulator (a copy registered by
// the tenant, since the customer's client is used with the definition's own URLs); the
// audience is the definition's own.
t.test('Auth0: client credentials with the audience in the body, tenant settings, fetched again', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: {
      clientAuth: 'client_secret_post',
      accessTokenTtlSeconds: 86_400,
      tokenScope: 'read:users update:users read:tenant_settings',
      rateLimitResetHeader: 'x-ratelimit-reset'
    }
  })
  t.teardown(() => provider.close())
  const recorder = await startTokenRecorder(provider.url)
  t.teardown(() => recorder.close())

  const origin = 'https://{{parameters.domain}}'
  const { auth, http, ...rest } = JSON.parse(JSON.stringify(auth0)) as typeof auth0
  const scheme = [auth].flat()[0]
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'client_credentials' || http === undefined)
    throw new Error('Auth0 is declared as client credentials with an API')
  t.equal(scheme.tokenUrl, `${origin}/oauth/token`)
  t.equal(http.baseUrl, `${origin}/api/v2`)
  const emulated = {
    ...rest,
    key: 'auth0-emulated',
    auth: { ...scheme, tokenUrl: scheme.tokenUrl?.replace(origin, `${recorder.url}/sites/{{parameters.domain}}`) },
    http: { ...http, baseUrl: http.baseUrl.replace(origin, `${provider.url}/sites/{{parameters.domain}}`) }
  }
  t.equal((await system.api('POST', '/v1/connectors', emulated)).status, 201, 'the emulated copy is registered')
  provider.setApiAnswer('/api/v2/tenants/settings', SETTINGS)

  const created = await system.api('POST', '/v1/connections', {
    connector: 'auth0-emulated',
    externalId: 'customer-1',
    parameters: { domain: DOMAIN },
    client: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }
  })
  t.equal(created.status, 201)
  t.notOk(JSON.stringify(created.body).includes(CLIENT_SECRET), 'the client secret is not echoed')
  t.match(created.body, { status: 'connected', statusReason: null, verifiedAt: String })
  t.same(created.body.account, ACCOUNT, 'verified right away: the tenant’s friendly name and support email')
  const id = created.body.id as string

  t.same(provider.counters.tokenRequests, { client_credentials: 1 }, 'the verification fetched the first token')
  t.equal(recorder.requests.length, 1)
  t.same(
    recorder.requests[0],
    {
      method: 'POST',
      path: `/sites/${DOMAIN}/oauth/token`,
      contentType: 'application/x-www-form-urlencoded',
      authorization: undefined,
      form: {
        grant_type: 'client_credentials',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        audience: `https://${DOMAIN}/api/v2/`
      }
    },
    'the token request as Auth0 documents it: a form, the client in the body, the Management API audience, no scope'
  )

  const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
  t.equal(token.tokenType, 'Bearer')
  const lifetime = (Date.parse(token.expiresAt as string) - Date.now()) / 1000
  t.ok(
    lifetime > 86_000 && lifetime <= 86_400,
    `the 24-hour lifetime of expires_in is kept (${Math.round(lifetime)} s)`
  )

  const call = async (label: string) => {
    const answer = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/users?per_page=5' })
    t.equal(answer.body?.status, 200, `${label}: the Management API accepted the token`)
    t.equal(answer.body?.body?.path, '/api/v2/users', `${label}: under /api/v2`)
    t.equal(provider.counters.lastApiAuth, 'bearer', `${label}: as a Bearer token`)
  }
  await call('the first call')
  t.same(provider.counters.tokenRequests, { client_credentials: 1 }, 'the token is reused')

  // The token dies at Auth0 before Latchkey thinks it is due: the 401 fetches a new one, no refresh token.
  provider.expireAccessTokens()
  await call('a call after the token expired')
  t.same(provider.counters.tokenRequests, { client_credentials: 2 }, 'fetched again with the client credentials')
  t.match(recorder.requests[1]?.form, { audience: `https://${DOMAIN}/api/v2/`, client_secret: CLIENT_SECRET })
  const events = (await system.api('GET', `/v1/connections/${id}/events?limit=20`)).body.events as {
    kind: string
    message: string
  }[]
  t.ok(
    events.some((e) => e.kind === 'token.fetched' && e.message === 'Token fetched again (client credentials)'),
    'recorded as fetched again'
  )

  const started = Date.now()
  await checkRateLimitWaitedOut(t, { system, provider, connectionId: id }, 429, '/users?per_page=5')
  // The emulator's reset is at least a second ahead; undeclared, the retry would come after the 200 ms backoff.
  t.ok(Date.now() - started >= 900, 'the retry waited until x-ratelimit-reset')

  const verified = await system.api('POST', `/v1/connections/${id}/verify`)
  t.equal(verified.status, 200, 'the connection check asks again')
  t.same((await system.api('GET', `/v1/connections/${id}`)).body.account, ACCOUNT)

  await disconnectWithoutRevocation(t, system, id)
  t.equal(provider.counters.revocations, 0, 'nothing to revoke: Management API tokens cannot be revoked')
  t.equal(await system.store.credentials.get(id), undefined, 'the token is deleted')
  t.ok(
    provider.counters.sites.length > 0 && provider.counters.sites.every((site) => site === DOMAIN),
    'every request went to the customer’s Auth0 domain'
  )
})

// A wrong client secret (or a deleted application): Auth0's token endpoint refuses the client
// authentication, and the connection turns red with words the customer can act on.
t.test('Auth0: a refused client secret turns the connection red', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: { clientAuth: 'client_secret_post' }
  })
  t.teardown(() => provider.close())
  const origin = 'https://{{parameters.domain}}'
  const { auth, http, ...rest } = JSON.parse(JSON.stringify(auth0)) as typeof auth0
  const scheme = [auth].flat()[0]
  if (scheme?.kind !== 'oauth2' || http === undefined) throw new Error('Auth0 is declared as OAuth 2.0 with an API')
  const root = `${provider.url}/sites/{{parameters.domain}}`
  const emulated = {
    ...rest,
    key: 'auth0-emulated',
    auth: { ...scheme, tokenUrl: scheme.tokenUrl?.replace(origin, root) },
    http: { ...http, baseUrl: http.baseUrl.replace(origin, root) }
  }
  t.equal((await system.api('POST', '/v1/connectors', emulated)).status, 201)
  provider.setApiAnswer('/api/v2/tenants/settings', SETTINGS)
  const created = await system.api('POST', '/v1/connections', {
    connector: 'auth0-emulated',
    parameters: { domain: DOMAIN },
    client: { clientId: CLIENT_ID, clientSecret: 'wrong-secret' }
  })
  t.equal(created.status, 201, 'created: the token is fetched by the verification')
  t.same(provider.counters.tokenRequests, { client_credentials: 1 })
  t.equal(created.body.account ?? null, null, 'no tenant identity')
  const connection = (await system.api('GET', `/v1/connections/${created.body.id}`)).body
  t.match(connection, { status: 'error', health: 'red', statusReason: /client ID and client secret/ })
})
