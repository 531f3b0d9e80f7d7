import t from 'tap'
import { startQuirkyProvider } from '../src/index.js'

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
