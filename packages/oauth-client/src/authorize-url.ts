import { joinScopes } from '@latchkey/connector-sdk'
import { renderMap, requireUrl, resolveCodeContext } from './context.js'
import type { OAuthContext } from './context.js'
import { OAuthError } from './errors.js'
import { createPkce } from './pkce.js'

/** What one authorize request carries besides the connector's definition. */
export interface AuthorizeRequest {
  /** Exactly the redirect URI registered at the provider (`{PUBLIC_URL}/oauth/callback/`). */
  readonly redirectUri: string
  /** The single-use value bound to this attempt. */
  readonly state: string
  /** The scopes to request, already resolved (see `resolveScopes`). */
  readonly scopes: readonly string[]
  /** Per-connection extra params (e.g. `prompt=consent`); they do not override protocol params. */
  readonly extraParams?: Readonly<Record<string, string>> | undefined
  /**
   * Asks for `scopes` on top of those granted before: the connector's incremental-consent
   * params are added (Google's `include_granted_scopes=true`).
   */
  readonly incremental?: boolean | undefined
}

/** An authorize URL and what must be kept server-side to finish the attempt. */
export interface AuthorizeUrl {
  readonly url: string
  /** The PKCE verifier of this attempt; `undefined` when PKCE is not used. */
  readonly codeVerifier: string | undefined
}

/**
 * Whether the authorize request uses S256 PKCE: always when the server's metadata offers
 * S256 (harmless, and stronger than none, whatever the connector says); the connector's
 * `pkce` when the metadata does not say.
 *
 * @throws {OAuthError} `pkce_not_supported` when the metadata lists methods without S256
 *   and the connector requires PKCE: refused before the customer is sent anywhere.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
function usesPkce(connectorPkce: boolean, methods: readonly string[] | undefined): boolean {
  if (methods === undefined) return connectorPkce
  if (methods.includes('S256')) return true
  if (!connectorPkce) return false
  const offered =
    methods.length === 0
      ? 'it lists none'
      : `it offers ${methods
          .slice(0, 5)
          .map((m) => JSON.stringify(m.slice(0, 40)))
          .join(', ')}`
  throw new OAuthError('pkce_not_supported', { endpoint: 'discovery', context: offered })
}

/**
 * Builds the authorize URL: the connector's URL (placeholders rendered, its own query kept),
 * then its extra params, then the protocol's: `response_type=code`, `client_id`,
 * `redirect_uri`, `scope` (or the connector's `scopeParam`) joined with the connector's delimiter, `state`, and an S256
 * `code_challenge` with a fresh verifier when PKCE is used (see {@link usesPkce}: the
 * connector's `pkce`, or the server metadata's `code_challenge_methods_supported`).
 *
 * @throws {OAuthError} `pkce_not_supported` (see {@link usesPkce}).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.1
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.3
 */
export function buildAuthorizeUrl(context: OAuthContext, request: AuthorizeRequest): AuthorizeUrl {
  const resolved = resolveCodeContext(context)
  const url = new URL(requireUrl(resolved.endpoints.authorizeUrl, 'authorize URL', resolved))
  const protocol: Record<string, string> = {
    response_type: 'code',
    client_id: resolved.client.clientId,
    redirect_uri: request.redirectUri,
    state: request.state
  }
  if (resolved.resource !== undefined) protocol.resource = resolved.resource
  if (request.scopes.length > 0)
    protocol[resolved.auth.scopeParam] = joinScopes(request.scopes, resolved.auth.scopeDelimiter)
  const pkce = usesPkce(resolved.auth.pkce, context.server?.codeChallengeMethodsSupported) ? createPkce() : undefined
  if (pkce !== undefined) {
    protocol.code_challenge = pkce.challenge
    protocol.code_challenge_method = pkce.method
  }
  const incremental =
    request.incremental === true && resolved.auth.incrementalConsent !== undefined
      ? renderMap(resolved.auth.incrementalConsent.authorizeParams, resolved.render)
      : {}
  const params = {
    ...renderMap(resolved.auth.authorizeParams, resolved.render),
    ...incremental,
    ...request.extraParams,
    ...protocol
  }
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
  return { url: url.toString(), codeVerifier: pkce?.verifier }
}
