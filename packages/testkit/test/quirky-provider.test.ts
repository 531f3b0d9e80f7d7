import { createHash } from 'node:crypto'
import t from 'tap'
import { startQuirkyProvider } from '../src/index.js'
import type { QuirkyProvider } from '../src/index.js'

const CALLBACK = 'http://127.0.0.1:1/cb'
const CLIENT = { client_id: 'app', client_secret: 'secret' }

const basic = (id: string, secret: string): string => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`

/** Asks the authorize endpoint for a code; returns the callback URL it redirects to. */
async function authorizeCallback(provider: QuirkyProvider, query: Record<string, string> = {}): Promise<URL> {
  const url = new URL(provider.authorizeUrl)
  url.search = new URLSearchParams({ client_id: 'app', redirect_uri: CALLBACK, scope: 'read', ...query }).toString()
  const answer = await fetch(url, { redirect: 'manual' })
  return new URL(answer.headers.get('location') ?? '')
}

async function authorizeCode(provider: QuirkyProvider, query: Record<string, string> = {}): Promise<string> {
  return (await authorizeCallback(provider, query)).searchParams.get('code') ?? ''
}

function postForm(
  url: string,
  fields: Record<string, string>,
  headers: Record<string, string> = {}
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields)
  })
}

function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body)
  })
}

/** A code exchange with the client's secret in the body; resolves to the token answer as JSON. */
async function exchange(
  provider: QuirkyProvider,
  query: Record<string, string> = {}
): Promise<Record<string, unknown>> {
  const code = await authorizeCode(provider, query)
  const answer = await postForm(provider.tokenUrl, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: CALLBACK,
    ...CLIENT
  })
  return (await answer.json()) as Record<string, unknown>
}

const refresh = (provider: QuirkyProvider, refreshToken: string): Promise<Response> =>
  postForm(provider.tokenUrl, { grant_type: 'refresh_token', refresh_token: refreshToken, ...CLIENT })

const apiStatus = async (provider: QuirkyProvider, accessToken: string): Promise<number> =>
  (await fetch(`${provider.apiBaseUrl}/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status

async function tokens(base: string): Promise<Record<string, unknown>> {
  const location =
    (
      await fetch(`${base}/oauth/authorize?client_id=app&redirect_uri=http://127.0.0.1:1/cb&state=s&scope=read`, {
        redirect: 'manual'
      })
    ).headers.get('location') ?? ''
  const code = new URL(location).searchParams.get('code') ?? ''
  const answer = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: 'http://127.0.0.1:1/cb',
      client_id: 'app',
      client_secret: 'secret'
    })
  })
  return (await answer.json()) as Record<string, unknown>
}

t.test('a protected API that checks bearer tokens and counts calls', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret', modes: { instanceUrl: true } })
  t.teardown(() => provider.close())
  const issued = await tokens(provider.url)
  const accessToken = String(issued.access_token)
  const call = await fetch(`${provider.apiBaseUrl}/things?x=1`, { headers: { authorization: `Bearer ${accessToken}` } })
  t.match(await call.json(), { ok: true, method: 'GET', path: '/api/things', query: { x: '1' }, scope: 'read' })
  const viaQuery = await fetch(`${String(issued.instance_url)}/data?access_token=${accessToken}`)
  t.equal(viaQuery.status, 200, 'a token in the query, on the instance URL')
  t.equal((await fetch(`${provider.apiBaseUrl}/things`)).status, 401)
  provider.expireAccessTokens()
  t.equal(
    (await fetch(`${provider.apiBaseUrl}/things`, { headers: { authorization: `Bearer ${accessToken}` } })).status,
    401
  )
  t.equal(provider.counters.apiCalls, 4)
  t.equal(provider.counters.authorizations, 1)
  t.same(provider.counters.tokenRequests, { authorization_code: 1 })
  t.equal(provider.issuedRefreshTokens.length, 1)
  t.equal((await fetch(`${provider.url}/nothing`)).status, 404)
})

t.test('modes switch at run time', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  t.equal(provider.modes.answerFormat, 'json')
  provider.setModes({ answerFormat: 'form', nestedToken: true, scopeDelimiter: ',', expiresIn: 'absent' })
  const location =
    (
      await fetch(`${provider.authorizeUrl}?client_id=app&redirect_uri=http://127.0.0.1:1/cb&scope=a,b`, {
        redirect: 'manual'
      })
    ).headers.get('location') ?? ''
  const answer = await fetch(provider.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: new URL(location).searchParams.get('code') ?? '',
      redirect_uri: 'http://127.0.0.1:1/cb',
      client_id: 'app',
      client_secret: 'secret'
    })
  })
  t.equal(answer.headers.get('content-type'), 'application/x-www-form-urlencoded')
  const form = new URLSearchParams(await answer.text())
  t.equal(form.get('scope'), 'a,b')
  t.equal(form.get('expires_in'), null)
  t.match(form.get('access_token'), /^qbot_/)
  const unknownClient = await fetch(`${provider.authorizeUrl}?client_id=other&redirect_uri=http://127.0.0.1:1/cb`, {
    redirect: 'manual'
  })
  t.equal(unknownClient.status, 400)
})

t.test('per-customer sites, required PKCE, a token header, canned answers and tokens without refresh', async (t) => {
  const provider = await startQuirkyProvider({
    clientId: 'app',
    clientSecret: 'secret',
    modes: { requirePkce: true, issueRefreshTokens: false, nestedToken: true, extraTokenFields: { workspace_id: 'W1' } }
  })
  t.teardown(() => provider.close())
  const refused =
    (
      await fetch(
        `${provider.url}/sites/acme/oauth/authorize?client_id=app&redirect_uri=http://127.0.0.1:1/cb&scope=read`,
        { redirect: 'manual' }
      )
    ).headers.get('location') ?? ''
  t.equal(new URL(refused).searchParams.get('error'), 'invalid_request', 'no code_challenge: refused')
  t.same(provider.counters.sites, ['acme'], 'the site is recorded and the path served as /oauth/authorize')
  t.match(provider.counters.lastAuthorize, { client_id: 'app', scope: 'read' })

  provider.setModes({ requirePkce: false })
  const issued = await tokens(`${provider.url}/sites/acme`)
  t.equal(issued.refresh_token, undefined, 'no refresh token')
  t.equal(issued.workspace_id, 'W1', 'extra token fields')
  t.match(issued.access_token, /^qbot_/)
  const bot = String(issued.access_token)
  const viaBearer = await fetch(`${provider.apiBaseUrl}/auth.test`, { headers: { authorization: `Bearer ${bot}` } })
  t.equal(viaBearer.status, 200, 'the top-level (bot) token of a nested answer is valid too')

  provider.setApiAnswer('/api/shop.json', { shop: { name: 'Acme Store' } })
  provider.setModes({ apiTokenHeader: 'X-Shopify-Access-Token' })
  const viaHeader = await fetch(`${provider.url}/sites/acme/api/shop.json`, {
    headers: { 'x-shopify-access-token': bot }
  })
  t.same(await viaHeader.json(), { shop: { name: 'Acme Store' } }, 'the canned answer, behind the token header')
  t.equal(provider.counters.lastApiAuth, 'header')
  t.equal(
    (await fetch(`${provider.apiBaseUrl}/shop.json`, { headers: { authorization: `Bearer ${bot}` } })).status,
    401,
    'a bearer token is not read when the API wants its header'
  )

  provider.setModes({
    apiTokenHeader: undefined,
    apiFailNext: 1,
    apiFailStatus: 429,
    rateLimitReset: true,
    rateLimitResetHeader: 'ratelimit-reset'
  })
  const limited = await fetch(`${provider.apiBaseUrl}/x`, { headers: { authorization: `Bearer ${bot}` } })
  t.equal(limited.status, 429)
  t.match(limited.headers.get('ratelimit-reset'), /^\d+$/)
  t.equal(limited.headers.get('x-ratelimit-reset'), null)
})

t.test('code exchange: PKCE is verified, a code works once, the redirect URI must match', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  const verifier = 'a-verifier-of-at-least-forty-three-characters-long'
  const challenge = createHash('sha256').update(verifier).digest('base64url')
  const exchangeWith = (code: string, fields: Record<string, string> = {}) =>
    postForm(provider.tokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      ...CLIENT,
      ...fields
    })

  const code = await authorizeCode(provider, { code_challenge: challenge, code_challenge_method: 'S256' })
  const granted = await exchangeWith(code, { code_verifier: verifier })
  t.equal(granted.status, 200)
  t.match(await granted.json(), {
    access_token: /^qat_/,
    refresh_token: /^qrt_/,
    token_type: 'Bearer',
    expires_in: 3600
  })
  const replayed = await exchangeWith(code, { code_verifier: verifier })
  t.equal(replayed.status, 400)
  t.match(await replayed.json(), { error: 'invalid_grant', error_description: /already used/ })

  const wrongVerifier = await exchangeWith(
    await authorizeCode(provider, { code_challenge: challenge, code_challenge_method: 'S256' }),
    { code_verifier: 'another-verifier' }
  )
  t.match(await wrongVerifier.json(), { error: 'invalid_grant', error_description: 'PKCE verification failed' })
  const elsewhere = await exchangeWith(await authorizeCode(provider), { redirect_uri: 'http://127.0.0.1:2/cb' })
  t.match(await elsewhere.json(), { error: 'invalid_grant', error_description: 'redirect_uri mismatch' })
  t.same(provider.counters.tokenRequests, { authorization_code: 4 })
})

t.test('refresh: without rotation the refresh token stays; with it, reusing an old one kills the grant', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  const first = await exchange(provider)
  const kept = String(first.refresh_token)
  for (let i = 0; i < 2; i++) {
    const answer = await refresh(provider, kept)
    t.equal(answer.status, 200, `refresh ${i + 1} with the same refresh token`)
    t.match(await answer.json(), { access_token: /^qat_/, refresh_token: undefined, scope: 'read' })
  }

  provider.setModes({ rotateRefreshTokens: true })
  const issued = await exchange(provider)
  const rotated = (await (await refresh(provider, String(issued.refresh_token))).json()) as Record<string, unknown>
  t.match(rotated.refresh_token, /^qrt_/)
  t.not(rotated.refresh_token, issued.refresh_token, 'a new refresh token')
  t.equal(await apiStatus(provider, String(rotated.access_token)), 200)

  const reused = await refresh(provider, String(issued.refresh_token))
  t.equal(reused.status, 400)
  t.match(await reused.json(), { error: 'invalid_grant', error_description: 'the refresh token was already used' })
  t.match(
    await (await refresh(provider, String(rotated.refresh_token))).json(),
    { error: 'invalid_grant', error_description: 'the refresh token is invalid' },
    'the newest refresh token of the grant died with it'
  )
  t.equal(await apiStatus(provider, String(rotated.access_token)), 401, 'and so did its access token')
  t.equal(await apiStatus(provider, String(first.access_token)), 200, 'another grant is untouched')
})

t.test(
  'client authentication as configured: Basic (form-encoded first, RFC 6749 2.3.1), body, or either',
  async (t) => {
    const provider = await startQuirkyProvider({
      clientId: 'app',
      clientSecret: 'se cret:1',
      modes: { clientAuth: 'client_secret_basic' }
    })
    t.teardown(() => provider.close())
    const grant = { grant_type: 'client_credentials', scope: 'read' }
    const inBody = { ...grant, client_id: 'app', client_secret: 'se cret:1' }

    t.equal((await postForm(provider.tokenUrl, grant, { authorization: basic('app', 'se+cret%3A1') })).status, 200)
    t.equal((await postForm(provider.tokenUrl, grant, { authorization: basic('app', 'wrong') })).status, 401)
    const refused = await postForm(provider.tokenUrl, inBody)
    t.equal(refused.status, 401)
    t.match(await refused.json(), { error: 'invalid_client', error_description: 'client authentication failed' })

    provider.setModes({ clientAuth: 'client_secret_post' })
    t.equal((await postForm(provider.tokenUrl, inBody)).status, 200)
    t.equal(
      (await postForm(provider.tokenUrl, inBody, { authorization: basic('app', 'se+cret%3A1') })).status,
      401,
      'a Basic header is refused when only the body is accepted'
    )
  }
)

t.test('client credentials issue a token without refresh token; other grants are refused', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  const answer = await postForm(provider.tokenUrl, { grant_type: 'client_credentials', scope: 'a,b', ...CLIENT })
  const issued = (await answer.json()) as Record<string, unknown>
  t.match(issued, { access_token: /^qat_/, scope: 'a b', expires_in: 3600 })
  t.notOk('refresh_token' in issued)
  const call = await fetch(`${provider.apiBaseUrl}/me`, {
    headers: { authorization: `Bearer ${String(issued.access_token)}` }
  })
  t.match(await call.json(), { scope: 'a b' })

  const password = await postForm(provider.tokenUrl, { grant_type: 'password', ...CLIENT })
  t.equal(password.status, 400)
  t.match(await password.json(), {
    error: 'unsupported_grant_type',
    error_description: 'grant_type password is not supported'
  })
})

t.test('token failures on demand: a number of 5xx with Retry-After, HTML, oversized answers', async (t) => {
  const provider = await startQuirkyProvider({
    clientId: 'app',
    clientSecret: 'secret',
    modes: { failNext: 2, retryAfterSeconds: 7 }
  })
  t.teardown(() => provider.close())
  const ask = () => postForm(provider.tokenUrl, { grant_type: 'client_credentials', ...CLIENT })
  for (let i = 0; i < 2; i++) {
    const failed = await ask()
    t.equal(failed.status, 503)
    t.equal(failed.headers.get('retry-after'), '7')
    t.match(await failed.text(), /Service Unavailable/)
  }
  t.equal((await ask()).status, 200, 'then the provider recovers')
  t.equal(provider.modes.failNext, 0)

  provider.setModes({ garbage: true })
  const garbage = await ask()
  t.equal(garbage.status, 200)
  t.equal(garbage.headers.get('content-type'), 'text/html')
  t.match(await garbage.text(), /<html>/)

  provider.setModes({ garbage: false, oversizedBytes: 100_000 })
  const oversized = await ask()
  const text = await oversized.text()
  t.ok(text.length > 100_000)
  t.match(JSON.parse(text), { access_token: 'big' })
  t.same(provider.counters.tokenRequests, { client_credentials: 5 })
})

t.test('a slow token endpoint counts the requests it answers at once', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret', modes: { delayMs: 300 } })
  t.teardown(() => provider.close())
  const answers = await Promise.all(
    Array.from({ length: 3 }, () => postForm(provider.tokenUrl, { grant_type: 'client_credentials', ...CLIENT }))
  )
  t.same(
    answers.map((answer) => answer.status),
    [200, 200, 200]
  )
  t.equal(provider.counters.maxConcurrentTokenRequests, 3)
  t.equal(provider.counters.concurrentTokenRequests, 0)
})

t.test('errors in 200 (Slack, GitHub), secrets quoted back, and a JSON body required (Notion)', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret', modes: { errorsIn200: true } })
  t.teardown(() => provider.close())
  const wrongClient = { grant_type: 'client_credentials', client_id: 'app', client_secret: 'WRONG-SECRET' }
  const inJson = await postForm(provider.tokenUrl, wrongClient)
  t.equal(inJson.status, 200)
  t.same(await inJson.json(), { ok: false, error: 'invalid_client', error_description: 'client authentication failed' })

  provider.setModes({ answerFormat: 'form', echoSecretsInErrors: true })
  const inForm = await postForm(provider.tokenUrl, wrongClient)
  t.equal(inForm.status, 200)
  const form = new URLSearchParams(await inForm.text())
  t.equal(form.get('error'), 'invalid_client')
  t.equal(form.get('ok'), null, 'no "ok" member in a form answer')
  t.match(form.get('error_description'), /client_secret=WRONG-SECRET/, 'the careless provider quotes the secret')

  provider.setModes({ answerFormat: 'json', errorsIn200: false, echoSecretsInErrors: false, requireJsonBody: true })
  const formBody = await postForm(provider.tokenUrl, { grant_type: 'client_credentials', ...CLIENT })
  t.equal(formBody.status, 400)
  t.match(await formBody.json(), { error: 'invalid_request', error_description: 'body must be JSON' })
  const jsonBody = await postJson(provider.tokenUrl, { grant_type: 'client_credentials', ...CLIENT })
  t.equal(jsonBody.status, 200)
  t.match(await jsonBody.json(), { access_token: /^qat_/ })
})

t.test(
  'token answers: form unless JSON is asked for (GitHub), every spelling of the lifetime, odd fields',
  async (t) => {
    const provider = await startQuirkyProvider({
      clientId: 'app',
      clientSecret: 'secret',
      modes: { answerFormat: 'form-unless-json' }
    })
    t.teardown(() => provider.close())
    const ask = (headers: Record<string, string> = {}) =>
      postForm(provider.tokenUrl, { grant_type: 'client_credentials', scope: 'read', ...CLIENT }, headers)
    const asJson = async () => (await (await ask({ accept: 'application/json' })).json()) as Record<string, unknown>

    t.equal((await ask()).headers.get('content-type'), 'application/x-www-form-urlencoded')
    t.equal((await ask({ accept: 'application/json' })).headers.get('content-type'), 'application/json')

    provider.setModes({ expiresIn: 'string', accessTokenTtlSeconds: 60 })
    t.equal((await asJson()).expires_in, '60')
    provider.setModes({ expiresIn: 'milliseconds' })
    t.equal((await asJson()).expires_in, 60_000)
    provider.setModes({ expiresIn: 'absolute' })
    const absolute = await asJson()
    t.notOk('expires_in' in absolute)
    const inSeconds = (Date.parse(String(absolute.expires_at)) - Date.now()) / 1000
    t.ok(inSeconds > 50 && inSeconds <= 60, `expires_at is a minute ahead (${inSeconds} s)`)

    provider.setModes({ tokenType: 'bearer', tokenScope: 'read\u0000write', instanceUrl: true })
    t.match(await asJson(), {
      token_type: 'bearer',
      scope: 'read\u0000write',
      instance_url: `${provider.url}/instance`
    })
  }
)

t.test('repeated token fields: a decoy first, the real value last, in JSON and in form answers', async (t) => {
  const provider = await startQuirkyProvider({
    clientId: 'app',
    clientSecret: 'secret',
    modes: { duplicateTokenFields: ['access_token', 'expires_in'] }
  })
  t.teardown(() => provider.close())
  const ask = () => postForm(provider.tokenUrl, { grant_type: 'client_credentials', ...CLIENT })

  const text = await (await ask()).text()
  t.match(text, /^\{"access_token":"decoy_qat_[^"]+","expires_in":3600,"token_type"/)
  const parsed = JSON.parse(text) as { access_token: string }
  t.match(parsed.access_token, /^qat_/, 'JSON.parse keeps the last')
  t.equal(await apiStatus(provider, parsed.access_token), 200, 'the last one is the real token')
  t.equal(await apiStatus(provider, `decoy_${parsed.access_token}`), 401)

  provider.setModes({ answerFormat: 'form' })
  const form = new URLSearchParams(await (await ask()).text())
  const [decoy, real] = form.getAll('access_token')
  t.equal(decoy, `decoy_${real}`)
  t.equal(await apiStatus(provider, String(real)), 200)
})

t.test('revoking a token kills its whole grant, and the request is recorded', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret', modes: { revokeFailNext: 1 } })
  t.teardown(() => provider.close())
  const issued = await exchange(provider)
  const revoke = () => postForm(provider.revokeUrl, { token: String(issued.refresh_token), ...CLIENT })

  t.equal((await revoke()).status, 503, 'the first revocation fails on demand')
  t.equal(await apiStatus(provider, String(issued.access_token)), 200, 'nothing revoked yet')
  t.equal((await revoke()).status, 200)
  t.same(provider.counters.lastRevocation, {
    method: 'POST',
    contentType: 'application/x-www-form-urlencoded',
    authorization: 'none',
    token: 'refresh'
  })
  t.equal(provider.counters.revocations, 2)
  t.equal(provider.counters.revocationLog.length, 1, 'the failed-on-demand request is counted, not logged')
  t.equal(await apiStatus(provider, String(issued.access_token)), 401, 'the access token died with the refresh token')
  t.equal((await refresh(provider, String(issued.refresh_token))).status, 400)

  const anonymous = await postForm(provider.revokeUrl, { token: 'anything' })
  t.equal(anonymous.status, 401)
  t.match(await anonymous.json(), { error: 'invalid_client' })
})

t.test('the revoke endpoint is as strict as configured: body format, bearer, Basic only, GitHub’s path', async (t) => {
  const provider = await startQuirkyProvider({
    clientId: 'app',
    clientSecret: 'secret',
    modes: { revokeFormat: 'json' }
  })
  t.teardown(() => provider.close())

  const one = await exchange(provider)
  const formBody = await postForm(provider.revokeUrl, { token: String(one.access_token), ...CLIENT })
  t.equal(formBody.status, 400)
  t.match(await formBody.json(), { error: 'invalid_request', error_description: 'the body must be JSON' })
  t.equal((await postJson(provider.revokeUrl, { token: String(one.access_token), ...CLIENT })).status, 200)
  t.match(provider.counters.lastRevocation, { contentType: 'application/json', token: 'access' })

  provider.setModes({ revokeFormat: 'form' })
  t.match(await (await postJson(provider.revokeUrl, { token: 'x', ...CLIENT })).json(), {
    error_description: 'the body must be form-encoded'
  })

  provider.setModes({ revokeFormat: 'any', revokeAuth: 'bearer' })
  const two = await exchange(provider)
  const byBearer = await fetch(provider.revokeUrl, {
    method: 'POST',
    headers: { authorization: `Bearer ${String(two.access_token)}` }
  })
  t.equal(byBearer.status, 200)
  t.same(provider.counters.lastRevocation, {
    method: 'POST',
    contentType: '',
    authorization: 'bearer',
    token: 'access'
  })
  t.equal(await apiStatus(provider, String(two.access_token)), 401)
  const unknownBearer = await fetch(provider.revokeUrl, { method: 'POST', headers: { authorization: 'Bearer nope' } })
  t.equal(unknownBearer.status, 401)
  t.match(await unknownBearer.json(), { error: 'invalid_token' })

  provider.setModes({ revokeAuth: 'client', revokeClientAuth: 'client_secret_basic' })
  const three = await exchange(provider)
  t.equal(
    (await postForm(provider.revokeUrl, { token: String(three.access_token), ...CLIENT })).status,
    401,
    'Basic only on the revoke endpoint, though the token endpoint takes either'
  )
  const github = await fetch(`${provider.url}/applications/app/token`, {
    method: 'DELETE',
    headers: { authorization: basic('app', 'secret'), 'content-type': 'application/json' },
    body: JSON.stringify({ access_token: String(three.access_token) })
  })
  t.equal(github.status, 200)
  t.match(provider.counters.lastRevocation, { method: 'DELETE', authorization: 'basic', token: 'access' })
  t.equal(await apiStatus(provider, String(three.access_token)), 401)
  const otherApp = await fetch(`${provider.url}/applications/other/token`, {
    method: 'DELETE',
    headers: { authorization: basic('other', 'secret') }
  })
  t.equal(otherApp.status, 404)
})

t.test(
  'the callback: denial, the iss parameter (RFC 9207), extra and repeated params, Slack’s user_scope',
  async (t) => {
    const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret', modes: { deny: true } })
    t.teardown(() => provider.close())
    const denied = await authorizeCallback(provider, { state: 'S1' })
    t.same(Object.fromEntries(denied.searchParams), {
      error: 'access_denied',
      error_description: 'The user denied access',
      state: 'S1'
    })
    provider.setModes({ denyDescription: 'Nope' })
    t.equal((await authorizeCallback(provider)).searchParams.get('error_description'), 'Nope')

    provider.setModes({ deny: false, issuer: true, callbackParams: { realmId: '9130' } })
    const granted = await authorizeCallback(provider, { state: 'S2' })
    t.match(Object.fromEntries(granted.searchParams), {
      code: /^qcode_/,
      realmId: '9130',
      state: 'S2',
      iss: provider.issuer
    })

    provider.setModes({ issuer: 'https://impostor.example', callbackAppendParams: [['iss', 'https://second.example']] })
    t.same((await authorizeCallback(provider)).searchParams.getAll('iss'), [
      'https://impostor.example',
      'https://second.example'
    ])

    provider.setModes({ issuer: false, callbackParams: {}, callbackAppendParams: [] })
    const slack = await fetch(
      `${provider.authorizeUrl}?client_id=app&redirect_uri=${encodeURIComponent(CALLBACK)}&user_scope=chat:write,users:read`,
      { redirect: 'manual' }
    )
    const code = new URL(slack.headers.get('location') ?? '').searchParams.get('code') ?? ''
    const answer = await postForm(provider.tokenUrl, {
      grant_type: 'authorization_code',
      code,
      redirect_uri: CALLBACK,
      ...CLIENT
    })
    t.match(await answer.json(), { scope: 'chat:write users:read' }, 'user_scope stands in for scope')

    const noRedirect = await fetch(`${provider.authorizeUrl}?client_id=app`, { redirect: 'manual' })
    t.equal(noRedirect.status, 400)
    t.equal(provider.counters.authorizations, 6)
  }
)

t.test('metadata (RFC 8414) with the optional RFC 9207 and PKCE members, and a permanent redirect', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  const metadata = async () =>
    (await (await fetch(`${provider.url}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>
  t.same(await metadata(), {
    issuer: provider.issuer,
    authorization_endpoint: provider.authorizeUrl,
    token_endpoint: provider.tokenUrl,
    revocation_endpoint: provider.revokeUrl
  })
  provider.setModes({
    metadataIssuer: 'https://impostor.example',
    metadataIssParameterSupported: true,
    metadataCodeChallengeMethods: ['S256']
  })
  t.match(await metadata(), {
    issuer: 'https://impostor.example',
    authorization_response_iss_parameter_supported: true,
    code_challenge_methods_supported: ['S256']
  })

  const moved = await fetch(`${provider.url}/moved/api/things?x=1`, { redirect: 'manual' })
  t.equal(moved.status, 308)
  t.equal(moved.headers.get('location'), '/api/things')
})

t.test(
  'the API: API keys, Basic users, refusals in the styles of Slack and WeChat, failures, large answers',
  async (t) => {
    const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
    t.teardown(() => provider.close())
    provider.addApiKey('KEY-1')
    provider.addBasicUser('user', '')
    const call = (headers: Record<string, string> = {}, query = '') =>
      fetch(`${provider.apiBaseUrl}/things${query}`, { headers })

    t.match(await (await call({ authorization: 'Token KEY-1' })).json(), { ok: true, scope: 'api_key' })
    t.equal(provider.counters.lastApiAuth, 'api_key')
    t.equal((await call({ 'x-api-key': 'KEY-1' })).status, 200)
    t.equal((await call({}, '?api_key=KEY-1')).status, 200)
    t.equal(provider.counters.lastApiAuth, 'query')
    t.match(await (await call({ authorization: basic('user', '') })).json(), { scope: 'basic' }, 'an empty password')
    t.equal(provider.counters.lastApiAuth, 'basic')
    t.equal((await call({ authorization: basic('user', 'guess') })).status, 401)
    const unknown = await call({ authorization: 'Token KEY-2' })
    t.equal(unknown.status, 401)
    t.equal(unknown.headers.get('www-authenticate'), 'Bearer error="invalid_token"')

    provider.setModes({ apiRefusesAll: true })
    t.equal((await call({ authorization: 'Token KEY-1' })).status, 401, 'refused whatever the credential')
    provider.setModes({ apiAuthErrorStyle: 'slack' })
    const slack = await call({ authorization: 'Token KEY-1' })
    t.equal(slack.status, 200)
    t.same(await slack.json(), { ok: false, error: 'invalid_auth' })
    provider.setModes({ apiAuthErrorStyle: 'wechat' })
    t.same(await (await call()).json(), { errcode: 40001, errmsg: 'invalid credential' })

    provider.setModes({ apiRefusesAll: false, apiAuthErrorStyle: '401', apiFailNext: 1, retryAfterSeconds: 3 })
    const busy = await call({ authorization: 'Token KEY-1' })
    t.equal(busy.status, 503)
    t.equal(busy.headers.get('retry-after'), '3')
    t.equal((await call({ authorization: 'Token KEY-1' })).status, 200)

    const large = await fetch(`${provider.apiBaseUrl}/large?chunks=3`, { headers: { authorization: 'Token KEY-1' } })
    t.equal((await large.arrayBuffer()).byteLength, 3 * 64 * 1024)
    const posted = await fetch(`${provider.apiBaseUrl}/things`, {
      method: 'POST',
      headers: { authorization: 'Token KEY-1', 'x-custom': 'c1' },
      body: 'hello'
    })
    t.match(await posted.json(), { method: 'POST', bodyLength: 5, body: 'hello', headers: { 'x-custom': 'c1' } })
  }
)

t.test('a minted refresh token works like one from a connect', async (t) => {
  const provider = await startQuirkyProvider({ clientId: 'app', clientSecret: 'secret' })
  t.teardown(() => provider.close())
  const answer = await refresh(provider, provider.mintRefreshToken('write'))
  t.equal(answer.status, 200)
  const issued = (await answer.json()) as Record<string, unknown>
  t.equal(issued.scope, 'write')
  t.equal(await apiStatus(provider, String(issued.access_token)), 200)
  t.equal((await refresh(provider, 'qrt_never-issued')).status, 400)
})

t.test('incremental authorization: with the declared param, a grant holds every scope granted before', async (t) => {
  const provider = await startQuirkyProvider({
    clientId: 'app',
    clientSecret: 'secret',
    modes: { incrementalParam: 'include_granted_scopes' }
  })
  t.teardown(() => provider.close())
  t.equal((await exchange(provider, { scope: 'read' })).scope, 'read')
  t.equal(
    (await exchange(provider, { scope: 'write', include_granted_scopes: 'true' })).scope,
    'read write',
    'asked for write, granted read and write'
  )
  t.equal((await exchange(provider, { scope: 'admin' })).scope, 'admin', 'without the param: only what is asked')
})
