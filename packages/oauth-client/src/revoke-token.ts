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
 * Revokes a token at the revoke URL (RFC 7009): a 200 means done, whether or not the token
 * was still valid. `not_supported` when the connector declares no revoke URL.
 *
 * @throws {OAuthError} `temporarily_unavailable`/`server_error`/`timeout` (retryable), or the provider's refusal.
 * @see https://www.rfc-editor.org/rfc/rfc7009#section-2
 */
export async function revokeToken(context: OAuthContext, revocation: Revocation, options: HttpOptions = {}): Promise<RevocationOutcome> {
  const resolved = resolveContext(context)
  const url = resolved.endpoints.revokeUrl
  if (url === undefined) return 'not_supported'
  const auth = clientAuthentication(resolved)
  const { body, contentType } = encodeBody({ token: revocation.token, token_type_hint: revocation.tokenTypeHint, ...auth.params }, 'form')
  const answer = await sendToEndpoint({ endpoint: 'revoke', url, headers: { accept: 'application/json', 'content-type': contentType, ...auth.headers }, body }, options)
  const parsedBody = readBody(answer)
  const okWithError = parsedBody !== undefined && (parsedBody.error !== undefined || parsedBody.ok === false)
  if (answer.status >= 200 && answer.status < 300 && !okWithError) return 'revoked'
  // The token answer reader maps every error body and failing status; it throws here.
  parseTokenResponse(answer, { endpoint: 'revoke', now: (options.now ?? Date.now)(), secrets: [revocation.token, ...clientSecrets(resolved, auth.headers)] })
  throw new OAuthError('invalid_response', { endpoint: 'revoke', status: answer.status })
}
