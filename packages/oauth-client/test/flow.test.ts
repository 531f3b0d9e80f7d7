import t from 'tap'
import { startAuthorizationServer } from '@latchkey/testkit'
import {
  buildAuthorizeUrl,
  exchangeCode,
  parseAuthorizationResponse,
  refreshTokens,
  revokeToken
} from '../src/index.js'
import type { OAuthContext } from '../src/index.js'
import { REDIRECT_URI, connectorFor, contextFor, oauthFailure } from './helpers.js'

const SECRET = 'the-client-secret'

async function connect(
  server: Awaited<ReturnType<typeof startAuthorizationServer>>,
  context: OAuthContext,
  scopes = ['read']
) {
  const authorize = buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 'state-1', scopes })
  const callback = await server.approve(authorize.url)
  const response = parseAuthorizationResponse(callback.searchParams, { expectedIssuer: server.issuer })
  return { authorize, response }
}

t.test('the whole flow with rotation: authorize, approve, exchange (PKCE checked), refresh, revoke', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: SECRET, redirectUris: [REDIRECT_URI] }],
    accessTokenTtlSeconds: 120,
    rotateRefreshTokens: true
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'app', SECRET)
  const { authorize, response } = await connect(server, context, ['read', 'write'])
  t.equal(response.state, 'state-1')
  t.equal(response.issuer, server.issuer, 'RFC 9207 iss is present and matches')
  t.ok(authorize.codeVerifier)

  const before = Date.now()
  const tokens = await exchangeCode(context, {
    code: response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: authorize.codeVerifier
  })
  t.equal(tokens.tokenType, 'Bearer')
  t.ok(tokens.refreshToken)
  t.same(tokens.scopes, ['read', 'write'])
  t.ok(
    tokens.expiresAt !== undefined &&
      tokens.expiresAt.getTime() >= before + 119_000 &&
      tokens.expiresAt.getTime() <= Date.now() + 120_000
  )
  const me = await fetch(server.apiUrl, { headers: { authorization: `Bearer ${tokens.accessToken}` } })
  t.same(await me.json(), { sub: 'alice', scope: 'read write', clientId: 'app' })

  const refreshed = await refreshTokens(context, tokens)
  t.not(refreshed.accessToken, tokens.accessToken)
  t.not(refreshed.refreshToken, tokens.refreshToken, 'rotation: a new refresh token')
  t.same(refreshed.scopes, ['read', 'write'])
  const reuse = await oauthFailure(refreshTokens(context, tokens))
  t.equal(reuse.code, 'invalid_grant', 'the rotated-out refresh token is dead')

  // Reuse detection revoked the grant; connect again to test revocation on a live one.
  const second = await connect(server, context)
  const fresh = await exchangeCode(context, {
    code: second.response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: second.authorize.codeVerifier
  })
  t.equal(await revokeToken(context, { token: fresh.refreshToken ?? '', tokenTypeHint: 'refresh_token' }), 'revoked')
  t.equal(server.counters.revocations, 1)
  const dead = await oauthFailure(refreshTokens(context, fresh))
  t.equal(dead.code, 'invalid_grant')
  t.equal(dead.endpoint, 'refresh')
  t.equal(dead.retryable, false)
  t.match(dead.hint, /must connect again/)
  t.same(server.counters.tokenRequests, { authorization_code: 2, refresh_token: 3 })
})

t.test('without rotation the refresh token stays the same', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: SECRET, redirectUris: [REDIRECT_URI] }],
    rotateRefreshTokens: false
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'app', SECRET)
  const { authorize, response } = await connect(server, context)
  const tokens = await exchangeCode(context, {
    code: response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: authorize.codeVerifier
  })
  const refreshed = await refreshTokens(context, tokens)
  t.equal(refreshed.refreshToken, tokens.refreshToken)
  const again = await refreshTokens(context, refreshed)
  t.not(again.accessToken, refreshed.accessToken)
})

t.test('PKCE: the server refuses a wrong verifier and a missing one', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'app', clientSecret: SECRET, redirectUris: [REDIRECT_URI] }]
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'app', SECRET)
  const first = await connect(server, context)
  const wrong = await oauthFailure(
    exchangeCode(context, { code: first.response.code, redirectUri: REDIRECT_URI, codeVerifier: 'x'.repeat(64) })
  )
  t.equal(wrong.code, 'invalid_grant')
  const second = await connect(server, context)
  const missing = await oauthFailure(exchangeCode(context, { code: second.response.code, redirectUri: REDIRECT_URI }))
  t.equal(missing.code, 'invalid_grant')
})

t.test('a public client with PKCE required', async (t) => {
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'public-app', redirectUris: [REDIRECT_URI] }],
    requirePkce: true
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'public-app')
  const { authorize, response } = await connect(server, context)
  const tokens = await exchangeCode(context, {
    code: response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: authorize.codeVerifier
  })
  t.ok(tokens.accessToken)
  const noPkce = contextFor(connectorFor(server, { pkce: false }), 'public-app')
  const refused = await server.approve(
    buildAuthorizeUrl(noPkce, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read'] }).url
  )
  t.equal(refused.searchParams.get('error'), 'invalid_request')
})

t.test('denial, unknown scope, wrong secret, client_secret_post, code reuse', async (t) => {
  const server = await startAuthorizationServer({
    clients: [
      { clientId: 'app', clientSecret: SECRET, redirectUris: [REDIRECT_URI] },
      {
        clientId: 'post-app',
        clientSecret: SECRET,
        redirectUris: [REDIRECT_URI],
        tokenEndpointAuthMethod: 'client_secret_post'
      }
    ]
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'app', SECRET)

  const denied = await server.approve(
    buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read'] }).url,
    { deny: true }
  )
  const denial = await oauthFailure(
    Promise.resolve().then(() => parseAuthorizationResponse(denied.searchParams, { expectedIssuer: server.issuer }))
  )
  t.equal(denial.code, 'access_denied')
  t.equal(denial.description, 'The user denied access')
  t.match(denial.hint, /denied/)

  const unknown = await server.approve(
    buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: ['read', 'admin'] }).url
  )
  const scopeError = await oauthFailure(Promise.resolve().then(() => parseAuthorizationResponse(unknown.searchParams)))
  t.equal(scopeError.code, 'invalid_scope')
  t.match(scopeError.hint, /does not offer one of the requested scopes/)

  const { authorize, response } = await connect(server, context)
  const wrongSecret = await oauthFailure(
    exchangeCode(contextFor(connectorFor(server), 'app', 'not-the-secret'), {
      code: response.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: authorize.codeVerifier
    })
  )
  t.equal(wrongSecret.code, 'invalid_client')
  t.match(wrongSecret.hint, /client ID and client secret/)

  const postContext = contextFor(connectorFor(server, { clientAuthMethod: 'client_secret_post' }), 'post-app', SECRET)
  const post = await connect(server, postContext)
  const postTokens = await exchangeCode(postContext, {
    code: post.response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: post.authorize.codeVerifier
  })
  t.ok(postTokens.accessToken, 'client_secret_post works for a client registered for it')
  const once = await connect(server, context)
  await exchangeCode(context, {
    code: once.response.code,
    redirectUri: REDIRECT_URI,
    codeVerifier: once.authorize.codeVerifier
  })
  const replay = await oauthFailure(
    exchangeCode(context, {
      code: once.response.code,
      redirectUri: REDIRECT_URI,
      codeVerifier: once.authorize.codeVerifier
    })
  )
  t.equal(replay.code, 'invalid_grant')
})

t.test('the issuer is checked on the callback', async (t) => {
  const mixUp = await oauthFailure(
    Promise.resolve().then(() =>
      parseAuthorizationResponse(new URLSearchParams({ code: 'c', state: 's', iss: 'https://evil.example' }), {
        expectedIssuer: 'http://127.0.0.1:1'
      })
    )
  )
  t.equal(mixUp.code, 'issuer_mismatch')
  t.match(mixUp.hint, /RFC 9207/)
  t.same(
    parseAuthorizationResponse({ code: 'c', state: 's' }, { expectedIssuer: 'http://127.0.0.1:1' }).issuer,
    undefined,
    'absent iss is accepted'
  )
})
