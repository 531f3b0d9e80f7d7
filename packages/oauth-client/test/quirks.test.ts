import { createServer } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { startQuirkyProvider } from '@latchkey/testkit'
import type { QuirkyModes, QuirkyProvider } from '@latchkey/testkit'
import type { OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import {
  buildAuthorizeUrl,
  discoverAuthorizationServer,
  exchangeCode,
  parseAuthorizationResponse,
  refreshTokens,
  revokeToken
} from '../src/index.js'
import type { HttpOptions, OAuthContext, TokenSet } from '../src/index.js'
import { REDIRECT_URI, connectorFor, contextFor, oauthFailure } from './helpers.js'

const CLIENT_ID = 'quirky-app'
const SECRET = 'quirky-secret'

async function provider(t: Test, modes: Partial<QuirkyModes> = {}): Promise<QuirkyProvider> {
  const started = await startQuirkyProvider({ clientId: CLIENT_ID, clientSecret: SECRET, modes })
  t.teardown(() => started.close())
  return started
}

async function connect(
  server: QuirkyProvider,
  auth: Partial<OAuth2AuthorizationCodeAuth> = {},
  options: HttpOptions = {}
): Promise<{ context: OAuthContext; tokens: TokenSet; kept: Record<string, string> }> {
  const definition = connectorFor(server, auth)
  const context = contextFor(definition, CLIENT_ID, SECRET)
  const authorize = buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 'st', scopes: ['read', 'write'] })
  const redirect = await fetch(authorize.url, { redirect: 'manual' })
  const callback = new URL(redirect.headers.get('location') ?? '')
  const response = parseAuthorizationResponse(callback.searchParams, {
    expectedIssuer: server.issuer,
    callbackParams: definition.auth.callbackParams
  })
  const tokens = await exchangeCode(
    context,
    { code: response.code, redirectUri: REDIRECT_URI, codeVerifier: authorize.codeVerifier },
    options
  )
  return { context, tokens, kept: { ...response.kept } }
}

t.test('form-encoded answers (GitHub without Accept) and lower-case token_type', async (t) => {
  const server = await provider(t, { answerFormat: 'form', tokenType: 'bearer', scopeDelimiter: ',' })
  const { tokens } = await connect(server)
  t.equal(tokens.tokenType, 'Bearer')
  t.same(tokens.scopes, ['read', 'write'], 'comma scopes are split')
  t.ok(tokens.refreshToken)
})

t.test('form unless JSON is asked for: we always ask', async (t) => {
  const server = await provider(t, { answerFormat: 'form-unless-json' })
  const { tokens } = await connect(server)
  t.ok(tokens.accessToken.startsWith('qat_'))
})

t.test('errors inside 200 answers, JSON and form', async (t) => {
  const json = await provider(t, { errorsIn200: true })
  const { context, tokens } = await connect(json)
  const refreshBody = await oauthFailure(refreshTokens(context, { ...tokens, refreshToken: 'qrt_unknown' }))
  t.equal(refreshBody.code, 'invalid_grant')
  t.equal(refreshBody.status, 200)
  const form = await provider(t, { errorsIn200: true, answerFormat: 'form' })
  const formConnected = await connect(form)
  const formError = await oauthFailure(
    refreshTokens(formConnected.context, { ...formConnected.tokens, refreshToken: 'qrt_unknown' })
  )
  t.equal(formError.code, 'invalid_grant')
})

t.test('a nested access token beside a bot token, and kept fields', async (t) => {
  const server = await provider(t, { nestedToken: true })
  const { tokens } = await connect(server, {
    tokenResponse: { accessTokenPath: 'authed_user.access_token', keepFields: ['team.id', 'authed_user.id'] }
  })
  t.ok(tokens.accessToken.startsWith('qat_'), 'the user token, not the bot token')
  t.same(tokens.kept, { 'team.id': 'T123', 'authed_user.id': 'U123' })
  const withoutPath = await provider(t, { nestedToken: true })
  const bot = await connect(withoutPath)
  t.ok(bot.tokens.accessToken.startsWith('qbot_'), 'without a path, the top-level token')
})

t.test('extra token fields and callback params are kept', async (t) => {
  const server = await provider(t, { instanceUrl: true, callbackParams: { realmId: '9130347' }, issuer: true })
  const { tokens, kept } = await connect(server, {
    tokenResponse: { keepFields: ['instance_url'] },
    callbackParams: ['realmId']
  })
  t.same(tokens.kept, { instance_url: `${server.url}/instance` })
  t.same(kept, { realmId: '9130347' })
})

t.test('expires_in missing, or sent as a string', async (t) => {
  const missing = await provider(t, { expiresIn: 'absent' })
  t.equal((await connect(missing)).tokens.expiresAt, undefined)
  const text = await provider(t, { expiresIn: 'string', accessTokenTtlSeconds: 900 })
  const before = Date.now()
  const { tokens } = await connect(text)
  t.ok(tokens.expiresAt !== undefined && Math.abs(tokens.expiresAt.getTime() - before - 900_000) < 5_000)
})

t.test('a refresh answer without a refresh token keeps the old one', async (t) => {
  const server = await provider(t, { refreshReturnsRefreshToken: false })
  const { context, tokens } = await connect(server)
  const refreshed = await refreshTokens(context, tokens)
  t.equal(refreshed.refreshToken, tokens.refreshToken)
  t.not(refreshed.accessToken, tokens.accessToken)
})

t.test('rotating refresh tokens die when reused, and kill the grant', async (t) => {
  const server = await provider(t, { rotateRefreshTokens: true })
  const { context, tokens } = await connect(server)
  const refreshed = await refreshTokens(context, tokens)
  t.not(refreshed.refreshToken, tokens.refreshToken)
  t.equal((await oauthFailure(refreshTokens(context, tokens))).code, 'invalid_grant')
  t.equal(
    (await oauthFailure(refreshTokens(context, refreshed))).code,
    'invalid_grant',
    'the newest one dies with the family'
  )
})

t.test('JSON request bodies and each client authentication method', async (t) => {
  const json = await provider(t, { requireJsonBody: true })
  t.ok((await connect(json, { tokenRequestFormat: 'json', clientAuthMethod: 'client_secret_post' })).tokens.accessToken)
  const formRefused = await provider(t, { requireJsonBody: true })
  t.equal((await oauthFailure(connect(formRefused))).code, 'invalid_request')

  const postOnly = await provider(t, { clientAuth: 'client_secret_post' })
  t.ok((await connect(postOnly, { clientAuthMethod: 'client_secret_post' })).tokens.accessToken)
  const basicRefused = await oauthFailure(connect(postOnly, { clientAuthMethod: 'client_secret_basic' }))
  t.equal(basicRefused.code, 'invalid_client')
  t.equal(basicRefused.status, 401)
  const basicOnly = await provider(t, { clientAuth: 'client_secret_basic' })
  t.ok((await connect(basicOnly)).tokens.accessToken)
})

t.test('parameters in the query string, no body (ClickUp): the code, the refresh and the client', async (t) => {
  const server = await provider(t, { queryTokenRequests: true, clientAuth: 'client_secret_post' })
  const auth = { tokenRequestFormat: 'query', clientAuthMethod: 'client_secret_post' } as const
  const { context, tokens } = await connect(server, auth)
  t.ok(tokens.accessToken.startsWith('qat_'), 'the code exchanged')
  t.ok((await refreshTokens(context, tokens)).accessToken, 'refreshed the same way')
  t.equal(server.counters.tokenRequests.authorization_code, 1)
  const inBody = await oauthFailure(connect(server, { clientAuthMethod: 'client_secret_post' }))
  t.equal(inBody.code, 'invalid_request', 'a form body is refused by such a server')
  const noClient = await oauthFailure(connect(server, { tokenRequestFormat: 'query' }))
  t.equal(noClient.code, 'invalid_client', 'Basic credentials are not what it reads')
})

t.test('Basic credentials are form-encoded before base64 (RFC 6749 §2.3.1)', async (t) => {
  const odd = 'p@ss word/+=:'
  const server = await startQuirkyProvider({
    clientId: 'id:with space',
    clientSecret: odd,
    modes: { clientAuth: 'client_secret_basic' }
  })
  t.teardown(() => server.close())
  const context = contextFor(connectorFor(server), 'id:with space', odd)
  const authorize = buildAuthorizeUrl({ ...context }, { redirectUri: REDIRECT_URI, state: 's', scopes: [] })
  const location = (await fetch(authorize.url, { redirect: 'manual' })).headers.get('location') ?? ''
  const { code } = parseAuthorizationResponse(new URL(location).searchParams)
  t.ok(
    (await exchangeCode(context, { code, redirectUri: REDIRECT_URI, codeVerifier: authorize.codeVerifier })).accessToken
  )
})

t.test('5xx and 429: retryable, with Retry-After', async (t) => {
  const server = await provider(t)
  const { context, tokens } = await connect(server)
  server.setModes({ failNext: 1, failStatus: 502 })
  const bad = await oauthFailure(refreshTokens(context, tokens))
  t.match(bad, { code: 'server_error', retryable: true, status: 502 })
  server.setModes({ failNext: 1, failStatus: 503, retryAfterSeconds: 7 })
  t.match(await oauthFailure(refreshTokens(context, tokens)), {
    code: 'temporarily_unavailable',
    retryable: true,
    retryAfterSeconds: 7
  })
  server.setModes({ failNext: 1, failStatus: 429, retryAfterSeconds: 30 })
  const limited = await oauthFailure(refreshTokens(context, tokens))
  t.match(limited, { code: 'temporarily_unavailable', retryable: true, status: 429, retryAfterSeconds: 30 })
  t.match(limited.hint, /retry after 30 s/)
  t.ok((await refreshTokens(context, tokens)).accessToken, 'it recovers')
})

t.test('garbage, HTML pages, oversized bodies and slow answers', async (t) => {
  const server = await provider(t)
  const { context, tokens } = await connect(server)
  server.setModes({ garbage: true })
  const garbage = await oauthFailure(refreshTokens(context, tokens))
  t.match(garbage, { code: 'invalid_response', retryable: false })
  t.match(garbage.hint, /an HTML page.*provider's token endpoint/)
  server.setModes({ garbage: false, oversizedBytes: 2 * 1024 * 1024 })
  t.equal((await oauthFailure(refreshTokens(context, tokens))).code, 'response_too_large')
  t.equal(
    (await refreshTokens(context, tokens, { maxResponseBytes: 1024 * 1024 * 4 })).accessToken,
    'big',
    'within a larger cap the same answer is read'
  )
  server.setModes({ oversizedBytes: 0, delayMs: 400 })
  const slow = await oauthFailure(refreshTokens(context, tokens, { timeoutMs: 100 }))
  t.match(slow, { code: 'timeout', retryable: true })
  t.match(slow.hint, /within 100 ms/)
  t.ok((await refreshTokens(context, tokens, { timeoutMs: 5000 })).accessToken, 'a patient caller gets its answer')
})

t.test('a token URL that 404s, refuses connections, or redirects', async (t) => {
  const server = await provider(t)
  const { context, tokens } = await connect(server)
  const notFound = await oauthFailure(
    refreshTokens({ ...context, overrides: { tokenUrl: `${server.url}/wrong/token` } }, tokens)
  )
  t.match(notFound, { code: 'token_endpoint_not_found', status: 404, retryable: false })
  t.match(notFound.hint, /404 Not Found/)

  const closedPort = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
  const refused = await oauthFailure(
    refreshTokens({ ...context, overrides: { tokenUrl: `http://127.0.0.1:${closedPort}/token` } }, tokens)
  )
  t.match(refused, { code: 'token_endpoint_unreachable', retryable: true })
  t.match(refused.hint, /could not be reached \(127\.0\.0\.1:\d+: ECONNREFUSED\)/)
  t.match(refused.cause, { code: 'ECONNREFUSED' })

  const moved = await oauthFailure(
    refreshTokens({ ...context, overrides: { tokenUrl: `${server.url}/moved/oauth/token` } }, tokens)
  )
  t.match(moved, { code: 'invalid_response', status: 308 })
  t.match(moved.hint, /it redirects to http:\/\/127\.0\.0\.1:\d+\/oauth\/token/)
  t.equal(server.counters.tokenRequests.refresh_token ?? 0, 0, 'the redirect was not followed with the refresh token')
})

t.test('revocation: done on 200, retryable on 503, not supported without a URL', async (t) => {
  const server = await provider(t)
  const { context, tokens } = await connect(server)
  server.setModes({ revokeFailNext: 1 })
  const unavailable = await oauthFailure(
    revokeToken(context, { token: tokens.refreshToken ?? '', tokenTypeHint: 'refresh_token' })
  )
  t.match(unavailable, { code: 'temporarily_unavailable', retryable: true, endpoint: 'revoke' })
  t.equal(await revokeToken(context, { token: tokens.refreshToken ?? '', tokenTypeHint: 'refresh_token' }), 'revoked')
  t.equal(server.counters.revocations, 2)
  t.equal((await oauthFailure(refreshTokens(context, tokens))).code, 'invalid_grant', 'revoked at the provider')
  const noRevoke = {
    ...context,
    definition: { ...context.definition, auth: { ...context.definition.auth, revokeUrl: undefined } }
  }
  t.equal(await revokeToken(noRevoke, { token: 'x', tokenTypeHint: 'access_token' }), 'not_supported')
  const wrongSecret = await oauthFailure(
    revokeToken(
      { ...context, client: { clientId: CLIENT_ID, clientSecret: 'nope' } },
      { token: 'x', tokenTypeHint: 'access_token' }
    )
  )
  t.equal(wrongSecret.code, 'invalid_client')
})

t.test('denial and issuer mismatch on the callback', async (t) => {
  const server = await provider(t, { deny: true })
  const context = contextFor(connectorFor(server), CLIENT_ID, SECRET)
  const location =
    (
      await fetch(buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: [] }).url, {
        redirect: 'manual'
      })
    ).headers.get('location') ?? ''
  const denied = await oauthFailure(
    Promise.resolve().then(() => parseAuthorizationResponse(new URL(location).searchParams))
  )
  t.equal(denied.code, 'access_denied')
  server.setModes({ deny: false, issuer: 'https://impostor.example' })
  const mixed =
    (
      await fetch(buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: [] }).url, {
        redirect: 'manual'
      })
    ).headers.get('location') ?? ''
  const mismatch = await oauthFailure(
    Promise.resolve().then(() =>
      parseAuthorizationResponse(new URL(mixed).searchParams, { expectedIssuer: server.issuer })
    )
  )
  t.equal(mismatch.code, 'issuer_mismatch')
})

t.test(
  'a repeated iss, a missing one where the metadata promises it, and a NUL in a denial, from a real redirect',
  async (t) => {
    const server = await provider(t, { issuer: true, callbackAppendParams: [['iss', 'https://impostor.example']] })
    const context = contextFor(connectorFor(server), CLIENT_ID, SECRET)
    const redirect = async (): Promise<URLSearchParams> =>
      new URL(
        (
          await fetch(buildAuthorizeUrl(context, { redirectUri: REDIRECT_URI, state: 's', scopes: [] }).url, {
            redirect: 'manual'
          })
        ).headers.get('location') ?? ''
      ).searchParams
    const twice = await redirect()
    t.same(twice.getAll('iss'), [server.issuer, 'https://impostor.example'])
    t.equal(
      (
        await oauthFailure(
          Promise.resolve().then(() => parseAuthorizationResponse(twice, { expectedIssuer: server.issuer }))
        )
      ).code,
      'duplicate_parameter'
    )

    server.setModes({ issuer: false, callbackAppendParams: [], metadataIssParameterSupported: true })
    const metadata = await discoverAuthorizationServer(server.issuer)
    const without = await redirect()
    t.equal(
      (
        await oauthFailure(
          Promise.resolve().then(() =>
            parseAuthorizationResponse(without, {
              expectedIssuer: server.issuer,
              issuerRequired: metadata.authorizationResponseIssParameterSupported
            })
          )
        )
      ).code,
      'issuer_missing'
    )

    server.setModes({ deny: true, denyDescription: '\u0000bad' })
    const denied = await oauthFailure(Promise.resolve().then(async () => parseAuthorizationResponse(await redirect())))
    t.match(denied, { code: 'access_denied', description: '\uFFFDbad' })
  }
)

t.test(
  'token answers that repeat the access token (JSON text or form body) are refused, not "last wins"',
  async (t) => {
    const json = await provider(t, { duplicateTokenFields: ['access_token'] })
    const refused = await oauthFailure(connect(json))
    t.match(refused, { code: 'invalid_response', status: 200, hint: /"access_token" more than once/ })
    t.notMatch(JSON.stringify(refused), /qat_|decoy/, 'no token value in the error')
    const form = await provider(t, { answerFormat: 'form', duplicateTokenFields: ['refresh_token'] })
    t.match(await oauthFailure(connect(form)), { code: 'invalid_response', hint: /"refresh_token" more than once/ })
    const slack = await provider(t, { nestedToken: true, duplicateTokenFields: ['authed_user'] })
    t.match(await oauthFailure(connect(slack, { tokenResponse: { accessTokenPath: 'authed_user.access_token' } })), {
      code: 'invalid_response',
      hint: /"authed_user" more than once/
    })
    const harmless = await provider(t, { duplicateTokenFields: ['expires_in'], extraTokenFields: { note: 'x' } })
    harmless.setModes({ duplicateTokenFields: ['note'] })
    t.ok((await connect(harmless)).tokens.accessToken, 'a repeated field nobody reads is let through')
  }
)

t.test('a NUL in the granted scope is replaced, the tokens are kept', async (t) => {
  const server = await provider(t, { tokenScope: 'read\u0000 write\uD800' })
  const { tokens } = await connect(server)
  t.same(tokens.scopes, ['read\uFFFD', 'write\uFFFD'])
  t.match(tokens.accessToken, /^qat_/)
})

t.test('expiry in milliseconds, or as an absolute time, declared in tokenResponse', async (t) => {
  const ms = await provider(t, { expiresIn: 'milliseconds', accessTokenTtlSeconds: 3600 })
  const before = Date.now()
  const asMs = await connect(ms, { tokenResponse: { expiresInUnit: 'milliseconds' } })
  const lifetime = asMs.tokens.expiresAt!.getTime() - before
  t.ok(lifetime > 3590_000 && lifetime <= 3601_000, `an hour, not 41 days (${lifetime} ms)`)
  const misread = await connect(ms)
  t.ok(
    misread.tokens.expiresAt!.getTime() - before > 30 * 86_400_000,
    'undeclared, milliseconds read as seconds: why the field exists'
  )

  const absolute = await provider(t, { expiresIn: 'absolute', accessTokenTtlSeconds: 1800 })
  const at = await connect(absolute, { tokenResponse: { expiresAtPath: 'expires_at' } })
  const left = at.tokens.expiresAt!.getTime() - Date.now()
  t.ok(left > 1700_000 && left <= 1800_000, `half an hour from expires_at (${left} ms)`)
  const refreshed = await refreshTokens(at.context, at.tokens)
  t.ok(refreshed.expiresAt !== undefined, 'refresh answers are read the same way')
  t.equal((await connect(absolute)).tokens.expiresAt, undefined, 'undeclared, there is no expiry')
})
