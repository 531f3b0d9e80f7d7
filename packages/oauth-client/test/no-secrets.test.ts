import { inspect } from 'node:util'
import t from 'tap'
import { startAuthorizationServer, startQuirkyProvider } from '@latchkey/testkit'
import {
  buildAuthorizeUrl,
  exchangeCode,
  parseAuthorizationResponse,
  refreshTokens,
  revokeToken
} from '../src/index.js'
import type { OAuthContext, OAuthError, TokenSet } from '../src/index.js'
import { REDIRECT_URI, connectorFor, contextFor, oauthFailure } from './helpers.js'

// Recognisable secrets: special characters so that encoded echoes are caught too.
const CLIENT_SECRET = 'CANARY-secret/+= 7f3a'
const CLIENT_ID = 'canary-app'

/** Every way an error can reach a log or a person: message, JSON, inspect output, cause, stack. */
function renderings(error: OAuthError): string[] {
  const cause = error.cause as Error | undefined
  return [
    error.message,
    JSON.stringify(error),
    inspect(error, { depth: 10, showHidden: true }),
    error.stack ?? '',
    error.hint,
    String(cause?.message ?? ''),
    inspect(cause, { depth: 10, showHidden: true })
  ]
}

function variants(secret: string): string[] {
  const encoded = encodeURIComponent(secret)
  return [secret, encoded, encoded.replace(/%20/g, '+'), Buffer.from(secret).toString('base64')]
}

t.test('no secret, code, verifier or token appears in any error', async (t) => {
  const quirky = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: { echoSecretsInErrors: true }
  })
  const server = await startAuthorizationServer({
    clients: [{ clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT_URI] }]
  })
  t.teardown(async () => {
    await quirky.close()
    await server.close()
  })
  const secrets = new Set<string>([CLIENT_SECRET])
  const errors: OAuthError[] = []
  const basic = Buffer.from(`${CLIENT_ID}:${encodeURIComponent(CLIENT_SECRET).replace(/%20/g, '+')}`).toString('base64')
  secrets.add(basic)

  async function connectTo(
    context: OAuthContext,
    approve: (url: string) => Promise<URL>
  ): Promise<{ tokens: TokenSet; code: string; verifier: string | undefined }> {
    const authorize = buildAuthorizeUrl(context, {
      redirectUri: REDIRECT_URI,
      state: 'canary-state-1234',
      scopes: ['read']
    })
    const { code } = parseAuthorizationResponse((await approve(authorize.url)).searchParams)
    secrets.add(code)
    if (authorize.codeVerifier !== undefined) secrets.add(authorize.codeVerifier)
    const tokens = await exchangeCode(context, {
      code,
      redirectUri: REDIRECT_URI,
      codeVerifier: authorize.codeVerifier
    })
    secrets.add(tokens.accessToken)
    if (tokens.refreshToken !== undefined) secrets.add(tokens.refreshToken)
    return { tokens, code, verifier: authorize.codeVerifier }
  }
  const viaRedirect = async (url: string): Promise<URL> =>
    new URL((await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '')

  // A careless provider that echoes the request (body and Basic header) in its errors.
  const quirkyContext = contextFor(connectorFor(quirky), CLIENT_ID, CLIENT_SECRET)
  const first = await connectTo(quirkyContext, viaRedirect)
  errors.push(
    await oauthFailure(
      exchangeCode(quirkyContext, { code: first.code, redirectUri: REDIRECT_URI, codeVerifier: first.verifier })
    )
  )
  const postContext = contextFor(
    connectorFor(quirky, { clientAuthMethod: 'client_secret_post' }),
    CLIENT_ID,
    CLIENT_SECRET
  )
  const second = await connectTo(postContext, viaRedirect)
  errors.push(
    await oauthFailure(
      exchangeCode(postContext, {
        code: second.code,
        redirectUri: 'http://127.0.0.1:1/other',
        codeVerifier: second.verifier
      })
    )
  )
  const wrong = contextFor(connectorFor(quirky), CLIENT_ID, `${CLIENT_SECRET}-wrong`)
  secrets.add(`${CLIENT_SECRET}-wrong`)
  errors.push(await oauthFailure(refreshTokens(wrong, first.tokens)))
  quirky.setModes({ rotateRefreshTokens: true })
  const rotated = await refreshTokens(quirkyContext, second.tokens)
  secrets.add(rotated.accessToken)
  if (rotated.refreshToken !== undefined) secrets.add(rotated.refreshToken)
  errors.push(await oauthFailure(refreshTokens(quirkyContext, second.tokens)))
  quirky.setModes({ errorsIn200: true, answerFormat: 'form' })
  errors.push(
    await oauthFailure(
      refreshTokens(quirkyContext, { ...first.tokens, refreshToken: `${first.tokens.refreshToken}-bogus` })
    )
  )
  quirky.setModes({ errorsIn200: false, answerFormat: 'json', garbage: true })
  errors.push(await oauthFailure(refreshTokens(quirkyContext, first.tokens)))
  quirky.setModes({ garbage: false, failNext: 1, failStatus: 500 })
  errors.push(await oauthFailure(refreshTokens(quirkyContext, first.tokens)))
  quirky.setModes({ delayMs: 300 })
  errors.push(await oauthFailure(refreshTokens(quirkyContext, first.tokens, { timeoutMs: 50 })))
  quirky.setModes({ delayMs: 0, oversizedBytes: 2_000_000 })
  errors.push(await oauthFailure(refreshTokens(quirkyContext, first.tokens)))
  quirky.setModes({ oversizedBytes: 0, revokeFailNext: 1 })
  errors.push(
    await oauthFailure(revokeToken(quirkyContext, { token: first.tokens.accessToken, tokenTypeHint: 'access_token' }))
  )
  errors.push(
    await oauthFailure(revokeToken(wrong, { token: first.tokens.accessToken, tokenTypeHint: 'access_token' }))
  )
  errors.push(
    await oauthFailure(
      refreshTokens({ ...quirkyContext, overrides: { tokenUrl: 'http://127.0.0.1:9/token' } }, first.tokens)
    )
  )
  errors.push(
    await oauthFailure(
      refreshTokens({ ...quirkyContext, overrides: { tokenUrl: `${quirky.url}/nowhere` } }, first.tokens)
    )
  )

  // The real authorization server.
  const realContext = contextFor(connectorFor(server), CLIENT_ID, CLIENT_SECRET)
  const real = await connectTo(realContext, (url) => server.approve(url))
  errors.push(
    await oauthFailure(
      exchangeCode(realContext, { code: real.code, redirectUri: REDIRECT_URI, codeVerifier: real.verifier })
    )
  )
  errors.push(
    await oauthFailure(
      exchangeCode(contextFor(connectorFor(server), CLIENT_ID, 'wrong-secret-xyz'), {
        code: real.code,
        redirectUri: REDIRECT_URI
      })
    )
  )
  await revokeToken(realContext, { token: real.tokens.refreshToken ?? '', tokenTypeHint: 'refresh_token' })
  errors.push(await oauthFailure(refreshTokens(realContext, real.tokens)))

  t.equal(errors.length, 16)
  t.ok(
    errors.some((e) => e.description?.includes('[redacted]')),
    'echoed secrets were found and redacted'
  )
  const codes = new Set(errors.map((e) => e.code))
  t.ok(codes.size >= 8, `many kinds of failure covered: ${[...codes].join(', ')}`)
  let hits = 0
  for (const error of errors) {
    const text = renderings(error).join('\n')
    for (const secret of secrets) {
      for (const variant of variants(secret)) {
        if (text.includes(variant)) {
          hits += 1
          t.fail(`${error.code} leaks a secret variant`)
        }
      }
    }
  }
  t.equal(hits, 0, `scanned ${errors.length} errors for ${secrets.size} secrets`)
})
