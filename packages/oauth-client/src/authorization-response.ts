import { OAuthError } from './errors.js'
import type { OAuthErrorCode } from './errors.js'
import { sanitizeProviderText } from './sanitize-provider-text.js'

/** What a successful callback carries. */
export interface AuthorizationResponse {
  readonly code: string
  readonly state: string
  /** RFC 9207 `iss`, when the provider sent it. */
  readonly issuer: string | undefined
  /** The connector's `callbackParams` that were present (e.g. `realmId`), made storable. */
  readonly kept: Readonly<Record<string, string>>
}

/** How to read a callback. */
export interface AuthorizationResponseOptions {
  /** The issuer this attempt was started with; compared with `iss` when the provider sends it. */
  readonly expectedIssuer?: string | undefined
  /**
   * The authorization server advertises `authorization_response_iss_parameter_supported`
   * in its metadata, so a response without `iss` is refused.
   * @defaultValue `false`
   * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
   */
  readonly issuerRequired?: boolean | undefined
  /** Callback query params to keep. */
  readonly callbackParams?: readonly string[] | undefined
}

/** A callback's query: parsed by `URLSearchParams`, or by a query parser that gives repeated names as arrays. */
export type CallbackQuery = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>>

const AUTHORIZATION_CODES: ReadonlySet<string> = new Set<OAuthErrorCode>([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable'
])

/** The parameters whose value decides what happens: each may appear once at most. */
const SECURITY_PARAMS = ['iss', 'code', 'state', 'error', 'error_description', 'error_uri'] as const

function toSearchParams(query: CallbackQuery): URLSearchParams {
  if (query instanceof URLSearchParams) return query
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query)) {
    for (const one of value === undefined ? [] : typeof value === 'string' ? [value] : value) params.append(name, one)
  }
  return params
}

/**
 * Reads the callback's query. The `state` is returned, not checked: binding it to an
 * attempt is the caller's job, and must happen before this result is trusted.
 *
 * Refuses, in this order: a security parameter (`iss`, `code`, `state`, `error`,
 * `error_description`, `error_uri`) or kept callback param sent more than once; an `iss`
 * other than the expected issuer; no `iss` when the server advertises it; then the
 * provider's error; then a missing `code` or `state`. Provider texts (error description,
 * error URI, kept params, `iss`) are passed through `sanitizeProviderText`.
 *
 * @throws {OAuthError} `duplicate_parameter`, `issuer_mismatch`, `issuer_missing`, the
 *   provider's error (`access_denied`...), or `invalid_request` when `code` or `state` is missing.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 * @see https://www.rfc-editor.org/rfc/rfc9207#section-2.4
 */
export function parseAuthorizationResponse(
  query: CallbackQuery,
  options: AuthorizationResponseOptions = {}
): AuthorizationResponse {
  const params = toSearchParams(query)
  const callbackParams = options.callbackParams ?? []
  for (const name of [...SECURITY_PARAMS, ...callbackParams]) {
    if (params.getAll(name).length > 1)
      throw new OAuthError('duplicate_parameter', { endpoint: 'authorize', context: name })
  }
  const read = (name: string): string | undefined => params.get(name) ?? undefined
  const issuer = read('iss')
  if (issuer !== undefined && options.expectedIssuer !== undefined && issuer !== options.expectedIssuer) {
    throw new OAuthError('issuer_mismatch', {
      endpoint: 'authorize',
      context: `expected ${options.expectedIssuer}, got ${issuer.slice(0, 200)}`
    })
  }
  if ((issuer === undefined || issuer === '') && options.issuerRequired === true) {
    throw new OAuthError('issuer_missing', { endpoint: 'authorize' })
  }
  const error = read('error')
  if (error !== undefined) {
    const code = AUTHORIZATION_CODES.has(error) ? (error as OAuthErrorCode) : 'invalid_request'
    throw new OAuthError(code, {
      endpoint: 'authorize',
      description: read('error_description')?.slice(0, 500),
      providerError: code === error ? undefined : error.slice(0, 200),
      errorUri: read('error_uri')
    })
  }
  const code = read('code')
  const state = read('state')
  if (code === undefined || code === '' || state === undefined || state === '') {
    throw new OAuthError('invalid_request', {
      endpoint: 'authorize',
      description: 'the callback must carry exactly one code and one state'
    })
  }
  const kept: Record<string, string> = {}
  for (const name of callbackParams) {
    const value = read(name)
    if (value !== undefined) kept[name] = sanitizeProviderText(value)
  }
  return { code, state, issuer: issuer === undefined ? undefined : sanitizeProviderText(issuer), kept }
}
