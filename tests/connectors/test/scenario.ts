import type { Test } from 'tap'
import { resolveAuthScheme, resolveAuthSchemes } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, DeepReadonly } from '@latchkey/connector-sdk'
import { startQuirkyProvider } from '@latchkey/testkit'
import type { QuirkyCounters, QuirkyModes, QuirkyProvider, RevocationRecord } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import type { System } from '@latchkey/test-system'

/**
 * One connector's life against the quirky provider set up as that provider documents:
 * the tenant's app points the connector's URLs at the emulator (app URL overrides), then
 * the real API and workers connect, call, refresh and revoke. Everything a scenario
 * expects is written in its test file, next to the provider's documentation links.
 */

export const CLIENT_ID = 'catalog-app'
export const CLIENT_SECRET = 'catalog-secret-CANARY'

type Definition = ConnectorDefinition | DeepReadonly<ConnectorDefinition>

/** How the provider's revoke endpoint must have been called (the emulator's record of one request). */
export type ExpectedRevocation = Partial<RevocationRecord>

/** What a scenario checks of the verification request: the provider's documented answer and the identity kept from it. */
export interface VerificationExpectation {
  /** Full path on the emulator, such as `/api/user`. */
  readonly path: string
  readonly answer: unknown
  readonly account: Record<string, unknown>
}

/** An authenticated call a flow makes and where it must land at the provider. */
export interface CallExpectation {
  readonly method?: 'GET' | 'POST'
  readonly url: string
  readonly body?: unknown
  /** The path the provider saw. */
  readonly providerPath: string
  /** How the credential reached the API. */
  readonly auth: NonNullable<QuirkyCounters['lastApiAuth']>
}

interface ScenarioBase {
  readonly connector: Definition
  /** How the provider behaves, per its documentation. */
  readonly provider?: Partial<QuirkyModes>
  readonly parameters?: Record<string, string>
  /**
   * The part of the connector's URLs naming the customer's own host (`{{parameters.subdomain}}`):
   * the overrides send it to the emulator as `/sites/<value>/…`, and the scenario checks the
   * requests arrived for the right site.
   */
  readonly site?: { readonly template: string; readonly expected: string }
  /** The API base URL override; default the emulator's API (under the site). `null`: none (the base URL comes from the token answer). */
  readonly baseUrl?: (provider: QuirkyProvider, root: string) => string | null
  readonly verification?: VerificationExpectation
  readonly call: CallExpectation
  /** Provider-specific checks, run while connected (after the call and refresh, before disconnecting). */
  readonly whileConnected?: (t: Test, context: ScenarioResult) => Promise<void>
}

export interface RedirectScenario extends ScenarioBase {
  /** The scheme's key, for connectors offering several (default: the first). */
  readonly scheme?: string
  /**
   * The actions the connection is created for (least privilege): the scopes asked for are
   * theirs (and the offline scope), which `authorize.scope` then names.
   */
  readonly actions?: readonly string[]
  /** What the authorize request must carry besides client id, redirect URI and state. */
  /** `scope` as sent (`undefined`: none, for providers without scopes). */
  readonly authorize: {
    readonly scope: string | undefined
    readonly pkce: boolean
    readonly params?: Record<string, string>
  }
  /** Fields kept on the connection (token answer fields and callback params). */
  readonly metadata?: (provider: QuirkyProvider) => Record<string, unknown>
  /**
   * `rotating`: every refresh answers a new refresh token; `reusable`: refresh answers keep
   * the old one; `none`: the provider gives no refresh token (long-lived access tokens).
   */
  readonly refresh: 'rotating' | 'reusable' | 'none'
  /** The revoke URL override (default the emulator's RFC 7009 endpoint), for revoke URLs of another shape. */
  readonly revokeUrl?: (root: string) => string
  /**
   * The revocation requests, in order, as the provider wants them (RFC 7009 providers get
   * the refresh token, then the access token), or `none` when the connector declares no revoke URL.
   */
  readonly revoke: readonly ExpectedRevocation[] | 'none'
}

export interface CredentialScenario extends ScenarioBase {
  readonly scheme?: string
  /** What the end customer types in, by credential key (`apiKey`, `username`, `password`, extra fields). */
  readonly credentials: Readonly<Record<string, string>>
  /**
   * What the emulator accepts, registered before connecting. Default: the typed API key
   * (any header or query placement), or the typed user name and password. Scenarios of APIs
   * that insist on one placement set `provider.apiCredentials` instead, and this to nothing.
   */
  readonly accepts?: (provider: QuirkyProvider) => void
}

/** What provider-specific checks get. */
export interface ScenarioResult {
  readonly system: System
  readonly provider: QuirkyProvider
  readonly connectionId: string
}

/** Disconnects a connection whose connector declares no revocation, and waits until the log says so. */
export async function disconnectWithoutRevocation(t: Test, system: System, connectionId: string): Promise<void> {
  const disconnected = await system.api('POST', `/v1/connections/${connectionId}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  let kinds: string[] = []
  await until(
    'the disconnect to be recorded',
    async () => {
      kinds = (await system.api('GET', `/v1/connections/${connectionId}/events?limit=5`)).body.events.map(
        (e: { kind: string }) => e.kind
      )
      return kinds.includes('revocation.not_supported')
    },
    () => JSON.stringify(kinds)
  )
}

export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  seen: () => string,
  timeoutMs = 15_000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last seen: ${seen()}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

async function setUp(
  t: Test,
  scenario: ScenarioBase
): Promise<{ system: System; provider: QuirkyProvider; root: string; baseUrl: string | null }> {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: scenario.provider ?? {}
  })
  t.teardown(() => provider.close())
  const root = scenario.site === undefined ? provider.url : `${provider.url}/sites/${scenario.site.template}`
  const baseUrl = scenario.baseUrl === undefined ? `${root}/api` : scenario.baseUrl(provider, root)
  if (scenario.verification !== undefined)
    provider.setApiAnswer(scenario.verification.path, scenario.verification.answer)
  return { system, provider, root, baseUrl }
}

async function checkCall(
  t: Test,
  system: System,
  provider: QuirkyProvider,
  id: string,
  call: CallExpectation,
  label: string
): Promise<void> {
  const answer = await system.api('POST', `/v1/connections/${id}/http`, {
    method: call.method ?? 'GET',
    url: call.url,
    ...(call.body === undefined ? {} : { body: call.body })
  })
  t.equal(answer.status, 200, `${label}: the API answers`)
  t.equal(answer.body?.status, 200, `${label}: the provider accepted the credential`)
  t.equal(answer.body?.body?.path, call.providerPath, `${label}: the call reached ${call.providerPath}`)
  t.equal(provider.counters.lastApiAuth, call.auth, `${label}: the credential went as ${call.auth}`)
}

/**
 * The provider rate-limits the next call (`status`, reset time in its reset header): the
 * helper waits it out and retries once, and the connection stays connected.
 */
export async function checkRateLimitWaitedOut(
  t: Test,
  { system, provider, connectionId }: ScenarioResult,
  status: number,
  url: string
): Promise<void> {
  provider.setModes({ apiFailNext: 1, apiFailStatus: status, rateLimitReset: true })
  const calls = provider.counters.apiCalls
  const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url })
  t.equal(
    answer.body.status,
    200,
    `the ${status} with ${provider.modes.rateLimitResetHeader} was waited out and retried`
  )
  t.equal(provider.counters.apiCalls - calls, 2)
  t.equal(
    (await system.api('GET', `/v1/connections/${connectionId}`)).body.status,
    'connected',
    'a rate limit is not an auth failure'
  )
}

/** Whether the provider refused a call's credential, in its own way (a 401, or an error in a 200). */
async function refused(provider: QuirkyProvider, response: Response): Promise<boolean> {
  const body = (await response.json()) as Record<string, unknown>
  if (provider.modes.apiAuthErrorStyle === 'slack') return response.status === 200 && body.ok === false
  if (provider.modes.apiAuthErrorStyle === 'wechat') return response.status === 200 && body.errcode === 40001
  return response.status === 401
}

function checkSites(t: Test, scenario: ScenarioBase, provider: QuirkyProvider): void {
  if (scenario.site === undefined) return
  const expected = scenario.site.expected
  t.ok(
    provider.counters.sites.length > 0 && provider.counters.sites.every((site) => site === expected),
    `every request went to the customer's site "${expected}"`
  )
}

/**
 * A browser-step OAuth connector: app with overrides, connection, authorize (checking the
 * provider's authorize URL), approval, callback, verification, a call, refresh (forced and
 * on expiry) and disconnect with revocation by the worker.
 */
/**
 * A provider that sends the browser back with an auto-submitting form (form_post): the
 * browser posts it to the callback, and the API answers a 303 to the GET callback.
 */
async function postedBack(t: Test, system: System, page: string): Promise<URL> {
  const action = (/<form method="post" action="([^"]+)">/.exec(page)?.[1] ?? '').replace(/&amp;/g, '&')
  t.equal(action, `${system.url}/oauth/callback/`, 'the provider posts the callback to the redirect URI')
  const fields = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m): [string, string] => [
      m[1] ?? '',
      m[2] ?? ''
    ])
  )
  const posted = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual'
  })
  t.equal(posted.status, 303, 'the posted callback is sent on to the GET callback')
  return new URL(posted.headers.get('location') ?? '')
}

export async function runRedirectScenario(t: Test, scenario: RedirectScenario): Promise<void> {
  const { system, provider, root, baseUrl } = await setUp(t, scenario)
  const key = scenario.connector.key
  const scheme = resolveAuthScheme(scenario.connector, scenario.scheme)
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code')
    throw new Error(`${key}: not an authorization code connector`)
  const overrides = {
    authorizeUrl: `${root}/oauth/authorize`,
    tokenUrl: `${root}/oauth/token`,
    ...(scheme.revokeUrl === undefined ? {} : { revokeUrl: scenario.revokeUrl?.(root) ?? `${root}/oauth/revoke` }),
    ...(baseUrl === null ? {} : { baseUrl })
  }
  const app = await system.api('PUT', `/v1/connectors/${key}/app`, {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    overrides
  })
  t.equal(app.status, 200, 'the tenant app points the connector at the emulator')
  const created = await system.api('POST', '/v1/connections', {
    connector: key,
    externalId: 'customer-1',
    ...(scenario.scheme === undefined ? {} : { scheme: scenario.scheme }),
    ...(scenario.parameters === undefined ? {} : { parameters: scenario.parameters }),
    ...(scenario.actions === undefined ? {} : { actions: scenario.actions })
  })
  t.equal(created.status, 201, 'a connection is created')
  const id = created.body.id as string

  // The browser: the start link, the provider's authorize page, the callback.
  const authorize = await system.api('POST', `/v1/connections/${id}/authorize`)
  t.equal(authorize.status, 200)
  const start = await fetch(authorize.body.authorizeUrl, { redirect: 'manual' })
  t.equal(start.status, 302, 'the start link sends the browser to the provider')
  const cookie = start.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ')
  const providerUrl = new URL(start.headers.get('location') ?? '')
  t.equal(
    `${providerUrl.origin}${providerUrl.pathname}`,
    `${provider.url}${scenario.site === undefined ? '' : `/sites/${scenario.site.expected}`}/oauth/authorize`,
    'to the authorize URL'
  )
  const query = Object.fromEntries(providerUrl.searchParams)
  t.match(
    query,
    {
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${system.url}/oauth/callback/`,
      ...scenario.authorize.params
    },
    'the authorize request carries what the provider documents'
  )
  t.equal(query.scope, scenario.authorize.scope, `scope ${scenario.authorize.scope ?? '(none)'}`)
  t.equal('code_challenge' in query, scenario.authorize.pkce, scenario.authorize.pkce ? 'with PKCE' : 'without PKCE')
  const approved = await fetch(providerUrl, { redirect: 'manual' })
  const callback = provider.modes.formPost
    ? await postedBack(t, system, await approved.text())
    : new URL(approved.headers.get('location') ?? '')
  t.equal(callback.searchParams.get('error'), null, 'the provider approves')
  const page = await fetch(callback, { headers: { cookie }, redirect: 'manual' })
  t.match(await page.text(), /Authorization completed successfully/, 'the callback page says it worked')
  t.same(
    provider.counters.tokenRequests,
    { authorization_code: 1 },
    'one code exchange, in the shape the provider accepts'
  )

  const connected = (await system.api('GET', `/v1/connections/${id}`)).body
  t.match(connected, { status: 'connected', statusReason: null })
  if (scenario.metadata !== undefined)
    t.same(connected.metadata, scenario.metadata(provider), 'the documented answer fields and callback params are kept')
  if (scenario.verification !== undefined) {
    t.same(connected.account, scenario.verification.account, 'verified after connecting: the account identity is kept')
    t.ok(connected.verifiedAt)
  }
  const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
  const tokenLifetime = token.expiresAt

  await checkCall(t, system, provider, id, scenario.call, 'the first call')

  if (scenario.refresh === 'none') {
    t.equal(tokenLifetime ?? null, null, 'a long-lived token: no expiry')
    const refused = await system.api('POST', `/v1/connections/${id}/refresh`)
    t.equal(refused.status, 409, 'nothing to refresh with')
    t.match(refused.body.error.message, /no refresh token/)
  } else {
    const issued = provider.issuedRefreshTokens.length
    const forced = await system.api('POST', `/v1/connections/${id}/refresh`)
    t.equal(forced.status, 200, 'a forced refresh')
    t.equal(provider.counters.tokenRequests.refresh_token, 1)
    t.equal(
      provider.issuedRefreshTokens.length - issued,
      scenario.refresh === 'rotating' ? 1 : 0,
      scenario.refresh === 'rotating' ? 'the answer rotated the refresh token' : 'the answer kept the refresh token'
    )
    const after = (await system.api('GET', `/v1/connections/${id}/token`)).body
    t.not(after.accessToken, token.accessToken, 'a new access token')
    // The access token dies at the provider before Latchkey thinks it is due: the helper refreshes and retries.
    provider.expireAccessTokens()
    await checkCall(t, system, provider, id, scenario.call, 'a call after the token expired')
    t.equal(provider.counters.tokenRequests.refresh_token, 2, 'the refused token was refreshed once')
    t.equal((await system.api('GET', `/v1/connections/${id}`)).body.health, 'green')
  }
  if (scenario.whileConnected !== undefined) await scenario.whileConnected(t, { system, provider, connectionId: id })
  checkSites(t, scenario, provider)

  const current = (await system.api('GET', `/v1/connections/${id}/token`)).body
  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  if (scenario.revoke === 'none') {
    const kinds = (await system.api('GET', `/v1/connections/${id}/events?limit=3`)).body.events.map(
      (e: { kind: string }) => e.kind
    )
    t.ok(kinds.includes('revocation.not_supported'), 'no revoke URL: recorded as not supported')
    t.equal(provider.counters.revocations, 0)
  } else {
    let events: { kind: string; message: string }[] = []
    await until(
      'the worker to revoke',
      async () => {
        events = (await system.api('GET', `/v1/connections/${id}/events?limit=5`)).body.events
        return events.some((e) => e.kind === 'revocation.done')
      },
      () => JSON.stringify(events)
    )
    t.equal(
      provider.counters.revocations,
      scenario.revoke.length,
      `the worker made ${scenario.revoke.length} revocation request(s)`
    )
    t.match(provider.counters.revocationLog, scenario.revoke, 'in the shape the provider documents')
    const dead = await fetch(`${provider.apiBaseUrl}/after-revoke`, {
      headers: { authorization: `Bearer ${current.accessToken}` }
    })
    t.ok(await refused(provider, dead), 'the revoked grant no longer works at the provider')
  }
}

/** An API key or basic auth connector: credentials typed in, verified, used, refused, deleted on disconnect. */
export async function runCredentialScenario(t: Test, scenario: CredentialScenario): Promise<void> {
  const { system, provider, baseUrl } = await setUp(t, scenario)
  const key = scenario.connector.key
  const { apiKey, username, password } = scenario.credentials
  if (scenario.accepts !== undefined) scenario.accepts(provider)
  else if (apiKey !== undefined) provider.addApiKey(apiKey)
  else if (username !== undefined && password !== undefined) provider.addBasicUser(username, password)
  // A connector that also offers OAuth has a real app; one without takes the override alone.
  const hasApp = resolveAuthSchemes(scenario.connector).some(
    (s) => s.kind === 'oauth2' && s.clientOwnership === 'developer'
  )
  const app = await system.api('PUT', `/v1/connectors/${key}/app`, {
    ...(hasApp ? { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET } : {}),
    overrides: baseUrl === null ? {} : { baseUrl }
  })
  t.equal(app.status, 200, 'the tenant app points the connector at the emulator')
  // Everything typed in but a user name is a secret.
  const secrets = Object.entries(scenario.credentials).flatMap(([name, value]) => (name === 'username' ? [] : [value]))
  const created = await system.api('POST', '/v1/connections', {
    connector: key,
    externalId: 'customer-1',
    ...(scenario.scheme === undefined ? {} : { scheme: scenario.scheme }),
    ...(scenario.parameters === undefined ? {} : { parameters: scenario.parameters }),
    credentials: scenario.credentials
  })
  t.equal(created.status, 201, 'connected with the typed-in credentials')
  for (const secret of secrets) t.notOk(JSON.stringify(created.body).includes(secret), 'the secret is not echoed')
  const id = created.body.id as string
  t.match(created.body, { status: 'connected', statusReason: null })
  if (scenario.verification !== undefined) {
    t.same(created.body.account, scenario.verification.account, 'verified right away: the account identity is kept')
    t.ok(created.body.verifiedAt)
  }
  await checkCall(t, system, provider, id, scenario.call, 'a call')
  t.equal(
    (await system.api('POST', `/v1/connections/${id}/refresh`)).status,
    409,
    'typed-in credentials cannot be refreshed'
  )
  if (scenario.whileConnected !== undefined) await scenario.whileConnected(t, { system, provider, connectionId: id })

  // The customer deletes the key at the provider: the next call is refused and the connection turns red.
  provider.setModes({ apiRefusesAll: true })
  const refused = await system.api('POST', `/v1/connections/${id}/http`, {
    method: scenario.call.method ?? 'GET',
    url: scenario.call.url,
    ...(scenario.call.body === undefined ? {} : { body: scenario.call.body })
  })
  t.equal(refused.body.status, 401)
  t.match((await system.api('GET', `/v1/connections/${id}`)).body, {
    status: 'error',
    health: 'red',
    statusReason: /refused the .+ \(HTTP 401\): save a new one/
  })
  const disconnected = await system.api('POST', `/v1/connections/${id}/disconnect`)
  t.equal(disconnected.body.status, 'disconnected')
  t.equal(await system.store.credentials.get(id), undefined, 'the credentials are deleted')
  t.equal(
    provider.counters.revocations,
    0,
    'nothing to revoke at the provider: typed-in keys are revoked by their owner'
  )
  checkSites(t, scenario, provider)
}
