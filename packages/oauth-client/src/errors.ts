import { sanitizeProviderText } from './sanitize-provider-text.js'

/**
 * Every error code this package produces: the RFC 6749 §5.2 token error codes, the
 * authorization response codes of §4.1.2.1, RFC 7009's `unsupported_token_type`, and
 * Latchkey's own transport, response and protocol-check codes: `issuer_missing` (RFC 9207
 * §2.4), `duplicate_parameter` (RFC 6749 §3.1) and `pkce_not_supported` (RFC 7636, RFC 8414
 * `code_challenge_methods_supported`).
 *
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2.1
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'unsupported_token_type'
  | 'token_endpoint_unreachable'
  | 'token_endpoint_not_found'
  | 'invalid_response'
  | 'response_too_large'
  | 'timeout'
  | 'issuer_mismatch'
  | 'issuer_missing'
  | 'duplicate_parameter'
  | 'pkce_not_supported'
  | 'discovery_failed'
  | 'registration_failed'

/** Which of the provider's endpoints an error came from. */
export type OAuthEndpoint =
  | 'authorize'
  | 'token'
  | 'refresh'
  | 'revoke'
  | 'discovery'
  | 'resource'
  | 'registration'
  | 'login'
  | 'assertion'
  | 'requestToken'
  | 'accessToken'

const ENDPOINT_NAMES: Record<OAuthEndpoint, string> = {
  authorize: 'authorize URL',
  token: 'token URL',
  refresh: 'refresh URL',
  revoke: 'revoke URL',
  discovery: 'issuer metadata URL',
  resource: 'protected resource metadata URL',
  registration: 'client registration URL',
  login: 'login URL',
  assertion: 'token URL',
  requestToken: 'request-token URL',
  accessToken: 'access-token URL'
}

/** What an error knows, besides its code. */
export interface OAuthErrorDetails {
  readonly endpoint: OAuthEndpoint
  /** The provider's own `error_description`, secrets removed. */
  readonly description?: string | undefined
  /** The provider's own `error` value when it is not an RFC code (e.g. GitHub's `bad_verification_code`). */
  readonly providerError?: string | undefined
  /** The provider's `error_uri` (kept only when it is an http or https URL). @see https://www.rfc-editor.org/rfc/rfc6749#section-5.2 */
  readonly errorUri?: string | undefined
  /** The HTTP status the provider answered with, when it answered. */
  readonly status?: number | undefined
  /** Seconds the provider asked to wait (`Retry-After`). */
  readonly retryAfterSeconds?: number | undefined
  /** Extra words for the hint (e.g. the scopes that were asked for). */
  readonly context?: string | undefined
  readonly cause?: unknown
}

const RETRYABLE: ReadonlySet<OAuthErrorCode> = new Set<OAuthErrorCode>([
  'server_error',
  'temporarily_unavailable',
  'token_endpoint_unreachable',
  'timeout'
])

/** A sentence a person can act on, for each code. */
function hintFor(code: OAuthErrorCode, details: OAuthErrorDetails): string {
  const where = ENDPOINT_NAMES[details.endpoint]
  switch (code) {
    case 'invalid_client':
      return 'The provider refused the client credentials: check the client ID and client secret of the OAuth app, and whether the provider expects them in a Basic header or in the request body.'
    case 'invalid_scope':
      return `The provider does not offer one of the requested scopes${details.context === undefined ? '' : ` (${details.context})`}: remove it, or check the scope names in the provider's documentation.`
    case 'invalid_grant':
      if (details.endpoint === 'assertion')
        return 'The provider refused the signed assertion (a revoked or deleted key, a wrong issuer or subject, scopes not granted to it, or a clock far off): the end customer must save a valid key.'
      if (details.endpoint === 'accessToken')
        return 'The provider refused the request token or its verifier (expired, already used, or not approved): connect again.'
      if (details.endpoint === 'login')
        return 'The provider refused the credentials at its login URL (wrong, expired or revoked): the end customer must save new ones.'
      return details.endpoint === 'refresh'
        ? 'The refresh token is no longer valid (revoked, expired or already used): the end customer must connect again.'
        : 'The authorization code is invalid, expired or already used, or the redirect URI differs from the one registered: connect again.'
    case 'unauthorized_client':
      return 'This OAuth app may not use this grant: allow the authorization code and refresh token grants in the app settings at the provider.'
    case 'unsupported_grant_type':
      return `The ${where} does not accept this grant type: check that it is the provider's OAuth 2.0 token endpoint.`
    case 'invalid_request':
      return `The provider rejected the request as malformed: check the ${where} and the connector's extra parameters.`
    case 'access_denied':
      return 'Access was denied at the provider (the user declined, or is not allowed to approve this app): connect again and approve the requested access.'
    case 'unsupported_response_type':
      return 'The provider does not support the authorization code flow for this app: enable it in the app settings at the provider.'
    case 'server_error':
      return `The provider failed while answering at the ${where}; this is usually temporary and is retried.`
    case 'temporarily_unavailable':
      return `The provider is temporarily unavailable or rate limiting at the ${where}${details.retryAfterSeconds === undefined ? '' : ` (retry after ${details.retryAfterSeconds} s)`}; this is retried.`
    case 'unsupported_token_type':
      return 'The provider cannot revoke this kind of token.'
    case 'token_endpoint_unreachable':
      return `The ${where} could not be reached${details.context === undefined ? '' : ` (${details.context})`}: check the URL in the connector or the tenant's app overrides, and that the host is reachable.`
    case 'token_endpoint_not_found':
      return `The ${where} answered 404 Not Found: it is probably wrong; check it in the connector or the tenant's app overrides.`
    case 'invalid_response':
      return `The ${where} answered with something that is not an OAuth token response${details.context === undefined ? '' : ` (${details.context})`}: check that it points at the provider's token endpoint.`
    case 'response_too_large':
      return `The ${where} answered with more data than an OAuth response can hold: check that it points at the provider's token endpoint.`
    case 'timeout':
      return `The ${where} did not answer in time${details.context === undefined ? '' : ` (${details.context})`}; this is retried.`
    case 'discovery_failed':
      if (details.endpoint === 'resource')
        return `The protected resource's metadata could not be read${details.context === undefined ? '' : ` (${details.context})`}: check the server URL; it must name its authorization server (RFC 9728).`
      return `The authorization server metadata could not be read${details.context === undefined ? '' : ` (${details.context})`}: check the connector's issuer, or declare its URLs instead.`
    case 'registration_failed':
      return `The authorization server refused to register a client${details.context === undefined ? '' : ` (${details.context})`}: it may not allow dynamic registration (RFC 7591), or only with an initial access token; register an app there and set it with PUT /v1/connectors/:key/app instead.`
    case 'issuer_mismatch':
      if (details.endpoint === 'resource')
        return `The protected resource's metadata names another resource${details.context === undefined ? '' : ` (${details.context})`}: it was not used (RFC 9728 §3.3).`
      if (details.endpoint === 'discovery')
        return `The authorization server metadata names another issuer${details.context === undefined ? '' : ` (${details.context})`}: it was not used (RFC 8414 §3.3).`
      return `The authorization response names another issuer than the one this connection was started with${details.context === undefined ? '' : ` (${details.context})`}: the attempt was stopped (RFC 9207 mix-up protection).`
    case 'issuer_missing':
      return "The authorization server says it names itself (iss) in every authorization response, but this one carries no iss: it may come from another server, so the attempt was stopped (RFC 9207 mix-up protection). Connect again; if it keeps happening, check the connector's issuer."
    case 'duplicate_parameter':
      return `The authorization response carries ${details.context === undefined ? 'a parameter' : `"${details.context}"`} more than once, so which value counts would be a guess (RFC 6749 §3.1): the attempt was stopped. Connect again.`
    case 'pkce_not_supported':
      return `The authorization server's metadata lists code_challenge_methods_supported without S256${details.context === undefined ? '' : ` (${details.context})`}, and this connector requires S256 PKCE: ask the provider to enable S256, or turn pkce off in the connector if the provider really offers no PKCE (RFC 7636 §4.2).`
  }
}

/**
 * The one error class of `@latchkey/oauth-client`. `code` is stable and closed, so callers
 * `switch (error.code)`; `retryable` says whether trying again later can help; `hint` is a
 * sentence for a person. Never carries a secret: messages and descriptions are scrubbed of
 * the request's secrets, and transport causes are reduced to their message and code.
 */
export class OAuthError extends Error {
  override readonly name = 'OAuthError'
  readonly code: OAuthErrorCode
  readonly retryable: boolean
  readonly endpoint: OAuthEndpoint
  readonly hint: string
  readonly description: string | undefined
  readonly providerError: string | undefined
  /** The provider's `error_uri`, when it sent an http(s) one. */
  readonly errorUri: string | undefined
  readonly status: number | undefined
  readonly retryAfterSeconds: number | undefined

  constructor(code: OAuthErrorCode, details: OAuthErrorDetails) {
    // Provider texts reach the database (events, status reasons) and pages: no NUL, no lone surrogate.
    const description = details.description === undefined ? undefined : sanitizeProviderText(details.description)
    const hint = sanitizeProviderText(hintFor(code, details))
    super(
      `${code}${description === undefined ? '' : `: ${description}`} (${ENDPOINT_NAMES[details.endpoint]}${details.status === undefined ? '' : `, HTTP ${details.status}`})`,
      {
        cause: details.cause === undefined ? undefined : safeCause(details.cause)
      }
    )
    this.code = code
    this.retryable = RETRYABLE.has(code) || (details.status !== undefined && details.status >= 500)
    this.endpoint = details.endpoint
    this.hint = hint
    this.description = description
    this.providerError = details.providerError === undefined ? undefined : sanitizeProviderText(details.providerError)
    this.errorUri = webUrl(details.errorUri)
    this.status = details.status
    this.retryAfterSeconds = details.retryAfterSeconds
  }

  /** What may be logged, stored in an event, or shown to a person. */
  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      retryable: this.retryable,
      endpoint: this.endpoint,
      hint: this.hint,
      ...(this.description === undefined ? {} : { description: this.description }),
      ...(this.providerError === undefined ? {} : { providerError: this.providerError }),
      ...(this.errorUri === undefined ? {} : { errorUri: this.errorUri }),
      ...(this.status === undefined ? {} : { status: this.status }),
      ...(this.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: this.retryAfterSeconds })
    }
  }
}

/** An `error_uri` worth keeping: an http(s) URL, at most 500 characters, storable. */
function webUrl(value: string | undefined): string | undefined {
  if (value === undefined || !/^https?:\/\//i.test(value) || !URL.canParse(value)) return undefined
  return sanitizeProviderText(value.slice(0, 500))
}

/** Keeps a transport error's message and code only: no request, no body, no headers. */
function safeCause(cause: unknown): Error {
  if (!(cause instanceof Error)) return new Error(String(cause))
  const inner = (cause as { cause?: unknown }).cause
  const code = (cause as { code?: unknown }).code ?? (inner as { code?: unknown } | undefined)?.code
  const safe = new Error(
    inner instanceof Error && inner.message !== cause.message ? `${cause.message}: ${inner.message}` : cause.message
  )
  safe.name = cause.name
  if (typeof code === 'string') (safe as Error & { code?: string }).code = code
  return safe
}

/**
 * Removes every known secret from a text a provider sent (some providers echo the code
 * or the client id/secret in their error descriptions).
 */
export function scrub(text: string, secrets: readonly (string | undefined)[]): string {
  let out = text
  for (const secret of secrets) {
    if (secret === undefined || secret.length < 4) continue
    // Providers echo what they received: raw, percent-encoded, or form-encoded.
    const encoded = encodeURIComponent(secret)
    for (const variant of new Set([secret, encoded, encoded.replace(/%20/g, '+')]))
      out = out.split(variant).join('[redacted]')
  }
  return out
}
