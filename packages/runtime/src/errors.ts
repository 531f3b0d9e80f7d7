import type { Issue } from '@latchkey/connector-sdk'

/** Every error code the runtime produces; the API maps each to an HTTP status in one table. */
export type RuntimeErrorCode =
  | 'invalid_request'
  | 'unauthorized'
  | 'not_found'
  | 'conflict'
  | 'not_connected'
  | 'provider_refused'
  | 'provider_unreachable'
  | 'provider_timeout'
  /** A background refresh found every slot for its provider host taken; `details.retryAfterMs` says when to come back. */
  | 'throttled'

/**
 * The one error class of `@latchkey/runtime`: a stable `code`, a message a person can act
 * on, and `details` (field issues, the OAuth error's code and hint). Never carries a secret.
 */
export class RuntimeError extends Error {
  override readonly name = 'RuntimeError'
  readonly code: RuntimeErrorCode
  readonly details: unknown
  constructor(code: RuntimeErrorCode, message: string, details?: unknown, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.details = details
  }
}

/** A bad request with every field issue listed. */
export function invalidRequest(message: string, issues: readonly Issue[]): RuntimeError {
  return new RuntimeError('invalid_request', message, issues)
}

export function notFound(what: string): RuntimeError {
  return new RuntimeError('not_found', `${what} was not found`)
}
