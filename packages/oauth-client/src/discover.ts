import type { EndpointOverrides } from '@latchkey/connector-sdk'
import { OAuthError } from './errors.js'
import { firstMetadataDocument } from './metadata-document.js'
import type { HttpOptions } from './options.js'
import { httpsOrLoopback } from './url-checks.js'

/**
 * What discovery found: the endpoints a definition may leave out, and the protocol
 * features the client adapts to.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
 */
export interface AuthorizationServerMetadata extends EndpointOverrides, ServerCapabilities {
  readonly issuer: string
  readonly authorizeUrl?: string | undefined
  readonly tokenUrl?: string | undefined
  readonly revokeUrl?: string | undefined
  /**
   * `registration_endpoint`: where clients register themselves (RFC 7591).
   * @see https://www.rfc-editor.org/rfc/rfc7591#section-3
   */
  readonly registrationUrl?: string | undefined
  /**
   * `mtls_endpoint_aliases`: the endpoints a client presenting a TLS client certificate must
   * use instead (RFC 8705 §5), when the server names any.
   * @see https://www.rfc-editor.org/rfc/rfc8705#section-5
   */
  readonly mtlsEndpointAliases?: MtlsEndpointAliases | undefined
}

/** The mutual-TLS aliases of the endpoints Latchkey calls with a client certificate. */
export interface MtlsEndpointAliases {
  readonly tokenUrl?: string | undefined
  readonly revokeUrl?: string | undefined
}

/** What an authorization server's metadata says about the checks and features a client adapts to. */
export interface ServerCapabilities {
  /**
   * `authorization_response_iss_parameter_supported`: every authorization response names
   * its issuer, so one without `iss` is refused.
   * @defaultValue `false` (when the metadata does not say, or says anything but `true`)
   * @see https://www.rfc-editor.org/rfc/rfc9207#section-3
   */
  readonly authorizationResponseIssParameterSupported: boolean
  /**
   * `code_challenge_methods_supported`; `undefined` when the metadata does not say (or does
   * not say it as an array).
   * @see https://www.rfc-editor.org/rfc/rfc8414#section-2
   */
  readonly codeChallengeMethodsSupported: readonly string[] | undefined
}

/**
 * The metadata URLs of an issuer, in the order tried: RFC 8414's (the well-known segment
 * inserted before the issuer's path), then OpenID Connect Discovery's (appended).
 */
export function metadataUrls(issuer: string): string[] {
  const url = new URL(issuer)
  const path = url.pathname.replace(/\/+$/, '')
  return [
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
    `${url.origin}${path}/.well-known/openid-configuration`
  ]
}

/**
 * Reads an authorization server's metadata (RFC 8414, falling back to OpenID Connect
 * Discovery). The `issuer` in the metadata must equal the one asked for, character for
 * character; endpoint URLs must be https (or loopback). Also reads whether authorization
 * responses carry `iss` (RFC 9207) and which PKCE methods are offered.
 *
 * @throws {OAuthError} `discovery_failed` (unreachable, not JSON, no token endpoint), `issuer_mismatch`, or a timeout.
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-3
 * @see https://openid.net/specs/openid-connect-discovery-1_0.html#ProviderConfig
 */
export async function discoverAuthorizationServer(
  issuer: string,
  options: HttpOptions = {}
): Promise<AuthorizationServerMetadata> {
  const problems: string[] = []
  const found = await firstMetadataDocument('discovery', metadataUrls(issuer), options, problems)
  if (found === undefined)
    throw new OAuthError('discovery_failed', { endpoint: 'discovery', context: problems.join('; ') })
  const { url, metadata } = found
  if (metadata.issuer !== issuer) {
    throw new OAuthError('issuer_mismatch', {
      endpoint: 'discovery',
      context: `expected ${JSON.stringify(issuer)}, got ${JSON.stringify(metadata.issuer)}`
    })
  }
  if (!httpsOrLoopback(metadata.token_endpoint)) {
    throw new OAuthError('discovery_failed', {
      endpoint: 'discovery',
      context: `${url} has no usable token_endpoint`
    })
  }
  const optional = (value: unknown): string | undefined => (httpsOrLoopback(value) ? value : undefined)
  return {
    issuer,
    authorizeUrl: optional(metadata.authorization_endpoint),
    tokenUrl: metadata.token_endpoint,
    revokeUrl: optional(metadata.revocation_endpoint),
    registrationUrl: optional(metadata.registration_endpoint),
    mtlsEndpointAliases: mtlsAliasesOf(metadata.mtls_endpoint_aliases, optional),
    authorizationResponseIssParameterSupported: metadata.authorization_response_iss_parameter_supported === true,
    codeChallengeMethodsSupported: Array.isArray(metadata.code_challenge_methods_supported)
      ? metadata.code_challenge_methods_supported.filter((m): m is string => typeof m === 'string')
      : undefined
  }
}

/** The `mtls_endpoint_aliases` object's token and revocation endpoints, https (or loopback) only. */
function mtlsAliasesOf(
  value: unknown,
  optional: (value: unknown) => string | undefined
): MtlsEndpointAliases | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined
  const aliases = value as Record<string, unknown>
  const found = { tokenUrl: optional(aliases.token_endpoint), revokeUrl: optional(aliases.revocation_endpoint) }
  return found.tokenUrl === undefined && found.revokeUrl === undefined ? undefined : found
}
