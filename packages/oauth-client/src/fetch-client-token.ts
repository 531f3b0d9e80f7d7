import { joinScopes } from '@latchkey/connector-sdk'
import { requireUrl, resolveContext } from './context.js'
import type { OAuthContext } from './context.js'
import type { HttpOptions } from './options.js'
import { grantRequest } from './token-request.js'
import type { TokenSet } from './token-set.js'

/**
 * Fetches an access token with the client credentials grant: the client authenticates
 * (secret or `private_key_jwt`) and asks for the scopes; no user, no refresh token.
 *
 * @throws {OAuthError} `invalid_client`, `invalid_scope`, `unauthorized_client` (the app may not use this grant), or a retryable code.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.4
 */
export async function fetchClientToken(
  context: OAuthContext,
  scopes: readonly string[],
  options: HttpOptions = {}
): Promise<TokenSet> {
  const resolved = resolveContext(context)
  if (resolved.auth.grant !== 'client_credentials')
    throw new TypeError(
      `the "${resolved.auth.key}" scheme of "${context.definition.key}" does not use the client credentials grant`
    )
  const params: Record<string, string> = { grant_type: resolved.auth.grantType }
  if (scopes.length > 0) params.scope = joinScopes(scopes, resolved.auth.scopeDelimiter)
  const tokens = await grantRequest(
    resolved,
    {
      endpoint: 'token',
      url: requireUrl(resolved.endpoints.tokenUrl, 'token URL', resolved),
      params,
      extraParams: resolved.auth.tokenParams,
      extraHeaders: resolved.auth.tokenHeaders,
      secrets: [],
      requestedScopes: scopes
    },
    options
  )
  // A refresh token here would be a provider's oddity; the grant is simply run again.
  return { ...tokens, refreshToken: undefined }
}
