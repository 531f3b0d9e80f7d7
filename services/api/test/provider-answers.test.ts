import t from 'tap'
import type { Test } from 'tap'
import type { OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import { startQuirkyProvider } from '@latchkey/testkit'
import type { QuirkyModes, QuirkyProvider } from '@latchkey/testkit'
import { deliverCallback, startHarness, startInBrowser } from './harness.js'
import type { Harness } from './harness.js'

// What providers answer that PostgreSQL or the protocol cannot take at face value: text with
// U+0000, repeated or missing RFC 9207 `iss`, PKCE methods in the metadata, repeated tokens.
// Every connector here names only its issuer, so its URLs and capabilities are discovered.

const CLIENT_ID = 'quirky-app'
const SECRET = 'quirky-secret'

interface Setup {
  readonly h: Harness
  readonly apiKey: string
}

async function setup(t: Test): Promise<Setup> {
  const h = await startHarness(t)
  const { apiKey } = await h.createTenant()
  return { h, apiKey }
}

/** A quirky provider and a connection to it through a connector that discovers everything from the issuer. */
async function connection(
  t: Test,
  { h, apiKey }: Setup,
  key: string,
  modes: Partial<QuirkyModes>,
  auth: Partial<OAuth2AuthorizationCodeAuth> = {}
): Promise<{ quirky: QuirkyProvider; connectionId: string }> {
  const quirky = await startQuirkyProvider({ clientId: CLIENT_ID, clientSecret: SECRET, modes })
  t.teardown(() => quirky.close())
  const definition = {
    key,
    name: key,
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      issuer: quirky.issuer,
      scopes: { read: 'Read' },
      defaultScopes: ['read'],
      ...auth
    },
    http: { baseUrl: quirky.apiBaseUrl }
  }
  const created = await h.call('POST', '/v1/connectors', { apiKey, body: definition })
  if (created.statusCode !== 201) throw new Error(`connector: ${created.body}`)
  const app = await h.call('PUT', `/v1/connectors/${key}/app`, {
    apiKey,
    body: { clientId: CLIENT_ID, clientSecret: SECRET }
  })
  if (app.statusCode !== 200) throw new Error(`app: ${app.body}`)
  const made = await h.call('POST', '/v1/connections', {
    apiKey,
    body: { connector: key, externalId: `customer-${key}` }
  })
  if (made.statusCode !== 201) throw new Error(`connection: ${made.body}`)
  return { quirky, connectionId: (made.json() as { id: string }).id }
}

/** Start link, provider redirect, callback: as the browser would. */
async function connectThrough(
  { h, apiKey }: Setup,
  connectionId: string
): Promise<{ page: Awaited<ReturnType<typeof deliverCallback>>; providerUrl: URL; callback: URL; cookie: string }> {
  const { providerUrl, cookie } = await startInBrowser(h, apiKey, connectionId)
  const redirect = await fetch(providerUrl, { redirect: 'manual' })
  const callback = new URL(redirect.headers.get('location') ?? '')
  return { page: await deliverCallback(h, callback, cookie), providerUrl: new URL(providerUrl), callback, cookie }
}

async function view({ h, apiKey }: Setup, connectionId: string) {
  return (await h.call('GET', `/v1/connections/${connectionId}`, { apiKey })).json()
}

async function lastEvent({ h, apiKey }: Setup, connectionId: string) {
  return (await h.call('GET', `/v1/connections/${connectionId}/events?limit=1`, { apiKey })).json().events[0]
}

async function attemptOutcome({ h }: Setup, connectionId: string): Promise<string | null | undefined> {
  const row = await h.store.db
    .selectFrom('connect_attempts')
    .select('outcome')
    .where('connection_id', '=', connectionId)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  return row?.outcome
}

/** Refused before any token request: nothing stored, the connection not connected. */
async function nothingWritten(t: Test, s: Setup, quirky: QuirkyProvider, connectionId: string): Promise<void> {
  t.same(quirky.counters.tokenRequests, {}, 'no token request: the code was never exchanged')
  t.equal(await s.h.store.credentials.get(connectionId), undefined, 'no credentials row')
  t.equal((await view(s, connectionId)).status, 'configured')
}

t.test('a U+0000 in the granted scope: connected, the tokens stored, the scope made storable', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'nul-scope', { tokenScope: 'read\u0000 extra\uD800' })
  const { page } = await connectThrough(s, connectionId)
  t.equal(page.statusCode, 200)
  t.match(page.body, /Authorization completed successfully/)
  const after = await view(s, connectionId)
  t.match(after, { status: 'connected', statusReason: null })
  t.same(after.scopes.granted, ['read\uFFFD', 'extra\uFFFD'])
  const stored = await s.h.store.credentials.get(connectionId)
  t.match(stored?.tokenSet.accessToken, /^qat_/, 'the tokens the code bought are kept')
  t.same(quirky.counters.tokenRequests, { authorization_code: 1 })
})

t.test('a provider error whose description holds %00: the normal error page, the reason recorded', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'nul-error', {
    deny: true,
    denyDescription: '\u0000bad\uDC00'
  })
  const { page, callback } = await connectThrough(s, connectionId)
  t.match(callback.search, /error_description=%00bad/)
  t.equal(page.statusCode, 400, 'not a 500')
  t.match(page.body, /Access was not granted/)
  t.match(page.body, /The provider said: <q>\uFFFDbad\uFFFD<\/q>/)
  t.match((await view(s, connectionId)).statusReason, /denied/)
  t.match(await lastEvent(s, connectionId), {
    kind: 'connect.failed',
    detail: { code: 'access_denied', description: '\uFFFDbad\uFFFD' }
  })
  t.equal(await attemptOutcome(s, connectionId), 'access_denied')
  await nothingWritten(t, s, quirky, connectionId)
})

t.test('no iss where the metadata promises one (RFC 9207 §2.4): refused before the code is exchanged', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'no-iss', {
    metadataIssParameterSupported: true,
    issuer: false
  })
  const { page } = await connectThrough(s, connectionId)
  t.equal(page.statusCode, 400)
  t.match(page.body, /This sign-in response cannot be trusted/)
  t.match(page.body, /carries no iss/)
  t.match(page.body, /issuer_missing/)
  await nothingWritten(t, s, quirky, connectionId)
  t.match((await view(s, connectionId)).statusReason, /carries no iss/)
  t.match(await lastEvent(s, connectionId), {
    kind: 'connect.failed',
    level: 'error',
    detail: { code: 'issuer_missing' }
  })
  t.equal(await attemptOutcome(s, connectionId), 'issuer_missing')

  // The same provider naming itself connects.
  quirky.setModes({ issuer: true })
  t.match((await connectThrough(s, connectionId)).page.body, /Authorization completed successfully/)
  t.same(quirky.counters.tokenRequests, { authorization_code: 1 })
})

t.test('a repeated iss: refused before the code is exchanged, the reason recorded', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'two-iss', {
    issuer: true,
    callbackAppendParams: [['iss', 'https://evil.example']]
  })
  const { callback, cookie } = await (async () => {
    const { providerUrl, cookie: c } = await startInBrowser(s.h, s.apiKey, connectionId)
    const redirect = await fetch(providerUrl, { redirect: 'manual' })
    return { callback: new URL(redirect.headers.get('location') ?? ''), cookie: c }
  })()
  t.same(callback.searchParams.getAll('iss'), [quirky.issuer, 'https://evil.example'])
  // The runtime is given the query as a query parser gives it: a repeated name as an array.
  const query: Record<string, string | string[]> = {}
  for (const name of new Set(callback.searchParams.keys())) {
    const values = callback.searchParams.getAll(name)
    query[name] = values.length === 1 ? (values[0] ?? '') : values
  }
  const cookies = Object.fromEntries(cookie.split('; ').map((pair) => pair.split('=') as [string, string]))
  const outcome = await s.h.runtime.connect.callback(query, cookies)
  t.match(outcome, {
    ok: false,
    code: 'duplicate_parameter',
    title: 'This sign-in response cannot be trusted',
    hint: /carries "iss" more than once/
  })
  await nothingWritten(t, s, quirky, connectionId)
  t.match((await view(s, connectionId)).statusReason, /"iss" more than once/)
  t.match(await lastEvent(s, connectionId), { kind: 'connect.failed', detail: { code: 'duplicate_parameter' } })
  t.equal(await attemptOutcome(s, connectionId), 'duplicate_parameter')

  // Where the metadata promises iss, the page refuses it too whatever the route makes of the repeat.
  const promised = await connection(t, s, 'two-iss-promised', {
    issuer: true,
    metadataIssParameterSupported: true,
    callbackAppendParams: [['iss', 'https://evil.example']]
  })
  const { page } = await connectThrough(s, promised.connectionId)
  t.equal(page.statusCode, 400)
  t.match(page.body, /This sign-in response cannot be trusted/)
  await nothingWritten(t, s, promised.quirky, promised.connectionId)
})

t.test('a repeated iss on the callback page, whatever the metadata says', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'two-iss-page', {
    issuer: true,
    callbackAppendParams: [['iss', 'https://evil.example']]
  })
  const { page } = await connectThrough(s, connectionId)
  t.equal(page.statusCode, 400)
  t.match(page.body, /duplicate_parameter/)
  await nothingWritten(t, s, quirky, connectionId)
})

t.test(
  'PKCE from the metadata: S256 when offered, even with the connector’s pkce off; refused before the redirect when S256 is not offered',
  async (t) => {
    const s = await setup(t)
    const offered = await connection(
      t,
      s,
      'pkce-offered',
      { metadataCodeChallengeMethods: ['plain', 'S256'], requirePkce: true },
      { pkce: false }
    )
    const { page, providerUrl } = await connectThrough(s, offered.connectionId)
    t.equal(providerUrl.searchParams.get('code_challenge_method'), 'S256')
    t.match(providerUrl.searchParams.get('code_challenge'), /^[A-Za-z0-9_-]{43}$/)
    t.match(
      page.body,
      /Authorization completed successfully/,
      'the verifier was kept and sent: the provider checked it'
    )

    const plainOnly = await connection(t, s, 'pkce-plain', { metadataCodeChallengeMethods: ['plain'] })
    const refused = await s.h.call('POST', `/v1/connections/${plainOnly.connectionId}/authorize`, { apiKey: s.apiKey })
    t.equal(refused.statusCode, 409)
    t.match(refused.json(), {
      error: {
        code: 'provider_incompatible',
        message:
          /code_challenge_methods_supported without S256 \(it offers "plain"\), and this connector requires S256 PKCE/,
        details: { oauthError: 'pkce_not_supported' }
      }
    })
    t.equal(plainOnly.quirky.counters.authorizations, 0, 'the customer was never sent to the provider')
    const attempts = await s.h.store.db
      .selectFrom('connect_attempts')
      .select('id')
      .where('connection_id', '=', plainOnly.connectionId)
      .execute()
    t.same(attempts, [], 'no attempt was created')

    const plainOff = await connection(
      t,
      s,
      'pkce-plain-off',
      { metadataCodeChallengeMethods: ['plain'] },
      { pkce: false }
    )
    const off = await connectThrough(s, plainOff.connectionId)
    t.equal(off.providerUrl.searchParams.get('code_challenge'), null, 'no S256 and PKCE off: none (never plain)')
    t.match(off.page.body, /Authorization completed successfully/)
  }
)

t.test('a token answer repeating access_token: refused cleanly, nothing stored', async (t) => {
  const s = await setup(t)
  const { quirky, connectionId } = await connection(t, s, 'two-tokens', { duplicateTokenFields: ['access_token'] })
  const { page } = await connectThrough(s, connectionId)
  t.equal(page.statusCode, 400)
  t.match(page.body, /token URL did not work/)
  t.match(page.body, /&quot;access_token&quot; more than once|"access_token" more than once/)
  t.notMatch(page.body, /qat_|decoy_/, 'no token on the page')
  t.same(quirky.counters.tokenRequests, { authorization_code: 1 })
  t.equal(await s.h.store.credentials.get(connectionId), undefined)
  t.match(await view(s, connectionId), { status: 'configured', statusReason: /more than once/ })
  t.notMatch(JSON.stringify(await lastEvent(s, connectionId)), /qat_|decoy_/, 'no token in the event')
})
