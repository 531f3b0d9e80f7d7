import { requireUrl, resolveCodeContext } from './context.js'
import type { OAuthContext } from './context.js'
import type { HttpOptions } from './options.js'
import { grantRequest } from './token-request.js'
import type { TokenSet } from './token-set.js'

/** What the callback brought back, and what the attempt kept. */
export interface CodeExchange {
  readonly code: string
  /** Exactly the redirect URI sent in the authorize request. */
  readonly redirectUri: string
  /** The PKCE verifier of this attempt, when PKCE is on. */
  readonly codeVerifier?: string | undefined
  /** The scopes that were asked for (named in an `invalid_scope` hint). */
  readonly requestedScopes?: readonly string[] | undefined
}

/**
 * Exchanges an authorization code for tokens at the token URL.
 * @throws {OAuthError} with a stable code, a retryable flag and a hint.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export async function exchangeCode(
  context: OAuthContext,
  exchange: CodeExchange,
  options: HttpOptions = {}
): Promise<TokenSet> {
  const resolved = resolveCodeContext(context)
  return grantRequest(
    resolved,
    {
      endpoint: 'token',
      url: requireUrl(resolved.endpoints.tokenUrl, 'token URL', resolved),
      params: {
        grant_type: 'authorization_code',
        code: exchange.code,
        redirect_uri: exchange.redirectUri,
        ...(exchange.codeVerifier === undefined ? {} : { code_verifier: exchange.codeVerifier })
      },
      extraParams: resolved.auth.tokenParams,
      extraHeaders: resolved.auth.tokenHeaders,
      secrets: [exchange.code, exchange.codeVerifier],
      requestedScopes: exchange.requestedScopes
    },
    options
  )
}
