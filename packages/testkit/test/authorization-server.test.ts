import t from 'tap'
import { startAuthorizationServer } from '../src/index.js'

const REDIRECT = 'http://127.0.0.1:3999/oauth/callback/'

function authorizeUrl(issuer: string, params: Record<string, string>): string {
  return `${issuer}/oauth/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'app', redirect_uri: REDIRECT, state: 's', scope: 'read', ...params })}`
}

t.test('a real HTML sign-in and consent page, and the approval path for HTTP clients', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: 'secret', redirectUris: [REDIRECT] }],
    accessTokenTtlSeconds: 42,
    scopes: ['read', 'write', 'admin']
  })
  t.teardown(() => server.close())
  const first = await fetch(authorizeUrl(server.issuer, { scope: 'read admin' }), { redirect: 'manual' })
  t.equal(first.status, 303)
  const interaction = new URL(first.headers.get('location') ?? '', server.issuer)
  t.match(interaction.pathname, /^\/interaction\//)
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const page = await fetch(interaction, { headers: { cookie } })
  t.equal(page.status, 200)
  t.match(page.headers.get('content-type'), /text\/html/)
  const html = await page.text()
  t.match(html, /<label for="user">User name<\/label>/)
  t.match(html, /<button type="submit" name="action" value="approve" id="approve">Approve<\/button>/)
  t.match(html, /<button type="submit" name="action" value="deny" id="deny">Deny<\/button>/)
  t.match(html, /<code>admin<\/code>/)

  const callback = await server.approve(authorizeUrl(server.issuer, {}), { user: 'bob' })
  t.equal(callback.origin + callback.pathname, REDIRECT)
  t.equal(callback.searchParams.get('state'), 's')
  t.equal(callback.searchParams.get('iss'), server.issuer)
  const token = await fetch(server.tokenUrl, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('app:secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded'
    },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: callback.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT
    })
  })
  const body = (await token.json()) as Record<string, unknown>
  t.equal(body.expires_in, 42, 'the access token lifetime the caller set')
  t.equal(body.scope, 'read')
  t.type(body.refresh_token, 'string')
  const me = await fetch(server.apiUrl, { headers: { authorization: `Bearer ${String(body.access_token)}` } })
  t.same(await me.json(), { sub: 'bob', scope: 'read', clientId: 'app' })
  const anonymous = await fetch(server.apiUrl)
  t.equal(anonymous.status, 401)
  t.equal(anonymous.headers.get('www-authenticate'), 'Bearer error="invalid_token"')
  t.same(server.counters, {
    tokenRequests: { authorization_code: 1 },
    tokenErrors: {},
    revocations: 0,
    apiCalls: 2,
    registrations: 0,
    resourceCalls: 0,
    resourceRefusals: 0
  })
})

t.test('errors: unknown client, unknown scope, denial', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: 'secret', redirectUris: [REDIRECT] }]
  })
  t.teardown(() => server.close())
  await t.rejects(server.approve(authorizeUrl(server.issuer, { client_id: 'nobody' })), /answered 400 .*invalid_client/)
  const unknown = await server.approve(authorizeUrl(server.issuer, { scope: 'read delete_everything' }))
  t.equal(unknown.searchParams.get('error'), 'invalid_scope')
  t.equal(unknown.searchParams.get('state'), 's')
  const denied = await server.approve(authorizeUrl(server.issuer, {}), { deny: true })
  t.equal(denied.searchParams.get('error'), 'access_denied')
  t.equal(denied.searchParams.get('code'), null)
})

t.test('close() stops the server', async (t) => {
  const server = await startAuthorizationServer({ clients: [] })
  await server.close()
  await t.rejects(fetch(server.tokenUrl, { method: 'POST' }))
})
