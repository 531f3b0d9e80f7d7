import type { Issue } from '@latchkey/connector-sdk'

/** Every error code the runtime produces; the API maps each to an HTTP status in one table. */
export type RuntimeErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  /** The request contradicts what exists (a catalog key taken, a browser step for a scheme without one). */
  | 'conflict'
  /** Disconnected, or never connected: there are no credentials. */
  | 'not_connected'
  /** Credentials exist but only the end customer can renew them (red, no refresh token, a refusal). */
  | 'needs_reconnect'
  /** The tenant has not set up the connector's OAuth app yet. */
  | 'app_not_configured'
  /** The connection's auth scheme does not fit: the connector no longer offers it, or it has no OAuth client. */
  | 'scheme_mismatch'
  /** The connector declares no API, or no verification request, for what was asked. */
  | 'not_declared'
  /** The API URL needs a value not known yet (a `{{account.*}}` the verification finds, a missing parameter). */
  | 'url_incomplete'
  /** A provider's answer named an API host outside the connector's `http.originHosts`. */
  | 'untrusted_origin'
  /** The provider's metadata does not fit the connector (another issuer, no PKCE S256). */
  | 'provider_incompatible'
  | 'provider_refused'
  | 'provider_unreachable'
  | 'provider_timeout'
  /** An answer above the envelope's 5 MiB cap (the proxy streams any size). */
  | 'answer_too_large'
  /** Another process held a connection's refresh lock too long, or this one lost it. */
  | 'lock_timeout'
  /** A queued call stopped by its worker shutting down; it runs again from the queue. */
  | 'aborted'
  /** A background refresh found every slot for its provider host taken; `details.retryAfterMs` says when to come back. */
  | 'throttled'
  /** An action needs scopes the connection was not granted; `details.missingScopes` names them. Authorize again with the action. */
  | 'missing_scope'

/** Codes whose failure trying again later can fix, unless an error says otherwise. */
const RETRYABLE: ReadonlySet<RuntimeErrorCode> = new Set([
  'provider_unreachable',
  'provider_timeout',
  'lock_timeout',
  'aborted',
  'throttled'
])

/**
 * The one error class of `@latchkey/runtime`: a stable `code`, a message a person can act
 * on, `details` (field issues, the OAuth error's code and hint), and whether trying again
 * later can help (`retryable`: by code, unless given). Never carries a secret.
 */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError'
  readonly code: RuntimeErrorCode
  readonly details: unknown
  readonly retryable: boolean
  constructor(
    code: RuntimeErrorCode,
    message: string,
    details?: unknown,
    options?: { cause?: unknown; retryable?: boolean }
  ) {
    super(message, options)
    this.code = code
    this.details = details
    this.retryable = options?.retryable ?? RETRYABLE.has(code)
  }
}

/** A bad request with every field issue listed. */
export function invalidRequest(message: string, issues: readonly Issue[]): RuntimeError {
  return new RuntimeError('invalid_request', message, issues)
}

export function notFound(what: string): RuntimeError {
  return new RuntimeError('not_found', `${what} was not found`)
}
