import { requireUrl, resolveCodeContext } from './context.js'
import type { OAuthContext } from './context.js'
import type { HttpOptions } from './options.js'
import { grantRequest } from './token-request.js'
import type { TokenSet } from './token-set.js'

/**
 * Refreshes an access token at the refresh URL (the token URL unless the connector says
 * otherwise). When the answer carries no refresh token, the one sent is kept; when it
 * carries no scopes, the previous grant's are kept.
 *
 * @param previous the token set being refreshed (its refresh token must be set).
 * @throws {OAuthError} `invalid_grant` when the refresh token is dead; retryable codes for transient failures.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-6
 */
export async function refreshTokens(
  context: OAuthContext,
  previous: Pick<TokenSet, 'refreshToken' | 'scopes' | 'accessToken'>,
  options: HttpOptions = {}
): Promise<TokenSet> {
  const refreshToken = previous.refreshToken
  if (refreshToken === undefined || refreshToken === '') {
    throw new TypeError('refreshTokens needs a token set with a refresh token')
  }
  const resolved = resolveCodeContext(context)
  const fresh = await grantRequest(
    resolved,
    {
      endpoint: 'refresh',
      url: requireUrl(resolved.endpoints.refreshUrl, 'refresh URL', resolved),
      params: { grant_type: 'refresh_token', refresh_token: refreshToken },
      extraParams: resolved.auth.refreshParams,
      extraHeaders: resolved.auth.refreshHeaders,
      secrets: [refreshToken, previous.accessToken]
    },
    options
  )
  return {
    ...fresh,
    refreshToken: fresh.refreshToken ?? refreshToken,
    scopes: fresh.scopes ?? previous.scopes
  }
}
