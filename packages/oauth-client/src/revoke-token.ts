import { resolveContext } from './context.js'
import type { OAuthContext } from './context.js'
import { OAuthError } from './errors.js'
import { sendToEndpoint } from './http.js'
import type { HttpOptions } from './options.js'
import { parseTokenResponse, readBody } from './parse-token-response.js'
import { clientAuthentication, clientSecrets, encodeBody } from './token-request.js'

/** What to revoke. */
export interface Revocation {
  readonly token: string
  /** @see https://www.rfc-editor.org/rfc/rfc7009#section-2.1 */
  readonly tokenTypeHint: 'refresh_token' | 'access_token'
}

/** The outcome of {@link revokeToken}. */
export type RevocationOutcome = 'revoked' | 'not_supported'

/**
 * Revokes a token at the revoke URL: RFC 7009 by default (form body, client
 * authentication), or as the scheme's `revokeRequest` says (bearer-authenticated, JSON,
 * no body or the token in the query string, `DELETE`). A 2xx means done, whether or not the token was still valid.
 * `not_supported` when the connector declares no revoke URL.
 *
 * @throws {OAuthError} `temporarily_unavailable`/`server_error`/`timeout` (retryable), or the provider's refusal.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function revokeToken(
  context: OAuthContext,
  revocation: Revocation,
  options: HttpOptions = {}
): Promise<RevocationOutcome> {
  const resolved = resolveContext(context)
  const url = resolved.endpoints.revokeUrl
  if (url === undefined) return 'not_supported'
  const shape = resolved.auth.revoke
  const bearer = shape.authentication === 'bearer'
  const asClient =
    shape.clientAuthMethod === undefined
      ? resolved
      : { ...resolved, auth: { ...resolved.auth, clientAuthMethod: shape.clientAuthMethod } }
  const secretHeader = shape.clientSecretHeader
  const auth = bearer
    ? { headers: { authorization: `Bearer ${revocation.token}` }, params: {} }
    : secretHeader !== undefined
      ? // Square: the secret alone, in a header of its own (the client id, if wanted, is a declared param).
        {
          headers: { [secretHeader.name.toLowerCase()]: `${secretHeader.prefix}${resolved.client.clientSecret ?? ''}` },
          params: {}
        }
      : await clientAuthentication(asClient, options)
  const params: Record<string, string> = { ...auth.params }
  for (const [name, template] of Object.entries(shape.params)) params[name] = resolved.render(template)
  // The token goes in the body, or (`query`) in the URL, where the body keeps only client credentials.
  const tokenParams: Record<string, string> = {}
  if (shape.format !== 'none') {
    tokenParams[shape.tokenParam] = revocation.token
    if (shape.tokenTypeHint) tokenParams.token_type_hint = revocation.tokenTypeHint
  }
  let target = url
  if (shape.format === 'query') {
    const withToken = new URL(url)
    for (const [name, value] of Object.entries(tokenParams)) withToken.searchParams.set(name, value)
    target = withToken.href
  } else Object.assign(params, tokenParams)
  const encoded =
    Object.keys(params).length === 0 ? undefined : encodeBody(params, shape.format === 'json' ? 'json' : 'form')
  const headers = {
    accept: 'application/json',
    ...(encoded === undefined ? {} : { 'content-type': encoded.contentType }),
    ...auth.headers
  }
  const answer = await sendToEndpoint(
    { endpoint: 'revoke', url: target, method: shape.method, headers, body: encoded?.body },
    options
  )
  const parsedBody = readBody(answer)
  const okWithError = parsedBody !== undefined && (parsedBody.error !== undefined || parsedBody.ok === false)
  if (answer.status >= 200 && answer.status < 300 && !okWithError) return 'revoked'
  // The token answer reader maps every error body and failing status; it throws here.
  parseTokenResponse(answer, {
    endpoint: 'revoke',
    now: (options.now ?? Date.now)(),
    secrets: [revocation.token, ...clientSecrets(resolved, auth)]
  })
  throw new OAuthError('invalid_response', { endpoint: 'revoke', status: answer.status })
}

/**
 * Revokes a whole token set the way the scheme says: RFC 7009 revokes the refresh token
 * first (most providers then drop the grant) and then the access token; a declared
 * `revokeRequest` sends one request with the token it names (the access token when there
 * is no refresh token).
 */
export async function revokeTokenSet(
  context: OAuthContext,
  tokens: { readonly accessToken: string; readonly refreshToken?: string | undefined },
  options: HttpOptions = {}
): Promise<RevocationOutcome> {
  const shape = resolveContext(context).auth.revoke
  const rfc7009 = shape.authentication === 'client' && shape.format === 'form' && shape.method === 'POST'
  if (shape.token === 'refresh' && tokens.refreshToken !== undefined) {
    const outcome = await revokeToken(context, { token: tokens.refreshToken, tokenTypeHint: 'refresh_token' }, options)
    if (outcome === 'not_supported' || !rfc7009) return outcome
  }
  return revokeToken(context, { token: tokens.accessToken, tokenTypeHint: 'access_token' }, options)
}
