import { OAuthError } from './errors.js'
import type { OAuthErrorCode } from './errors.js'

/** What a successful callback carries. */
export interface AuthorizationResponse {
  readonly code: string
  readonly state: string
  /** RFC 9207 `iss`, when the provider sent it. */
  readonly issuer: string | undefined
  /** The connector's `callbackParams` that were present (e.g. `realmId`). */
  readonly kept: Readonly<Record<string, string>>
}

/** How to read a callback. */
export interface AuthorizationResponseOptions {
  /** The issuer this attempt was started with; compared with `iss` when the provider sends it. */
  readonly expectedIssuer?: string | undefined
  /** Callback query params to keep. */
  readonly callbackParams?: readonly string[] | undefined
}

const AUTHORIZATION_CODES: ReadonlySet<string> = new Set<OAuthErrorCode>([
  'invalid_request',
  'unauthorized_client',
  'access_denied',
  'unsupported_response_type',
  'invalid_scope',
  'server_error',
  'temporarily_unavailable'
])

function first(query: URLSearchParams, name: string): string | undefined {
  const values = query.getAll(name)
  return values.length === 1 ? values[0] : undefined
}

/**
 * Reads the callback's query. The `state` is returned, not checked: binding it to an
 * attempt is the caller's job, and must happen before this result is trusted.
 *
 * @throws {OAuthError} the provider's error (`access_denied`...), `issuer_mismatch`, or
 *   `invalid_request` when the callback is malformed (missing or repeated `code`/`state`).
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.2
 * @see https://www.rfc-editor.org/rfc/rfc9207
 */
export function parseAuthorizationResponse(query: URLSearchParams | Readonly<Record<string, string | undefined>>, options: AuthorizationResponseOptions = {}): AuthorizationResponse {
  const params = query instanceof URLSearchParams ? query : new URLSearchParams(Object.entries(query).filter((e): e is [string, string] => typeof e[1] === 'string'))
  const issuer = first(params, 'iss')
  if (issuer !== undefined && options.expectedIssuer !== undefined && issuer !== options.expectedIssuer) {
    throw new OAuthError('issuer_mismatch', { endpoint: 'authorize', context: `expected ${options.expectedIssuer}, got ${issuer.slice(0, 200)}` })
  }
  const error = first(params, 'error')
  if (error !== undefined) {
    const code = AUTHORIZATION_CODES.has(error) ? (error as OAuthErrorCode) : 'invalid_request'
    const description = first(params, 'error_description')
    throw new OAuthError(code, {
      endpoint: 'authorize',
      description: description?.slice(0, 500),
      providerError: code === error ? undefined : error.slice(0, 200)
    })
  }
  const code = first(params, 'code')
  const state = first(params, 'state')
  if (code === undefined || code === '' || state === undefined || state === '') {
    throw new OAuthError('invalid_request', { endpoint: 'authorize', description: 'the callback must carry exactly one code and one state' })
  }
  const kept: Record<string, string> = {}
  for (const name of options.callbackParams ?? []) {
    const value = first(params, name)
    if (value !== undefined) kept[name] = value
  }
  return { code, state, issuer, kept }
}
