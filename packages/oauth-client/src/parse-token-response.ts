import { readPath, splitScopes } from '@latchkey/connector-sdk'
import { duplicateJsonMembers } from './duplicate-json-members.js'
import { OAuthError, scrub } from './errors.js'
import type { OAuthEndpoint, OAuthErrorCode } from './errors.js'
import type { HttpAnswer } from './http.js'
import { hasUnstorableText, sanitizeProviderText, sanitizeProviderValue } from './sanitize-provider-text.js'
import type { TokenSet } from './token-set.js'

/** How to read one provider's token answers. */
export interface TokenResponseOptions {
  readonly endpoint: OAuthEndpoint
  /** Dot path of a nested access token (`authed_user.access_token`). */
  readonly accessTokenPath?: string | undefined
  /** Dot paths of extra fields to keep (`instance_url`). */
  readonly keepFields?: readonly string[] | undefined
  /** Where the expiry is: a lifetime (`expires_in` in seconds by default) or an absolute time. */
  readonly expiry?:
    | { readonly inPath: string; readonly unit: 'seconds' | 'milliseconds'; readonly atPath: string | undefined }
    | undefined
  /** Milliseconds since the epoch, to turn `expires_in` into `expiresAt`. */
  readonly now: number
  /** Secrets of the request, removed from any text the provider echoes back. */
  readonly secrets?: readonly (string | undefined)[] | undefined
  /** The scopes asked for, named in the `invalid_scope` hint. */
  readonly requestedScopes?: readonly string[] | undefined
}

const RFC_CODES: ReadonlySet<string> = new Set<OAuthErrorCode>([
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'server_error',
  'temporarily_unavailable',
  'unsupported_token_type'
])

/** Non-standard `error` values real providers send, mapped onto RFC codes. */
const PROVIDER_CODES: ReadonlyMap<string, OAuthErrorCode> = new Map(
  Object.entries({
    // GitHub
    bad_verification_code: 'invalid_grant',
    incorrect_client_credentials: 'invalid_client',
    redirect_uri_mismatch: 'invalid_grant',
    bad_refresh_token: 'invalid_grant',
    // Slack
    invalid_code: 'invalid_grant',
    code_already_used: 'invalid_grant',
    bad_client_secret: 'invalid_client',
    invalid_client_id: 'invalid_client',
    bad_redirect_uri: 'invalid_grant',
    invalid_refresh_token: 'invalid_grant',
    invalid_scope_requested: 'invalid_scope',
    ratelimited: 'temporarily_unavailable',
    // Common variants
    expired_token: 'invalid_grant',
    invalid_token: 'invalid_grant',
    unauthorized: 'invalid_client'
  } satisfies Record<string, OAuthErrorCode>)
)

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** A body as read, with the text it was read from. */
interface ReadBody {
  readonly body: Json
  readonly format: 'json' | 'form'
  /** The trimmed text that was parsed. */
  readonly text: string
}

function readBodyAs(answer: Pick<HttpAnswer, 'contentType' | 'text'>): ReadBody | undefined {
  const text = answer.text.trim()
  if (text === '') return undefined
  const looksJson = answer.contentType.includes('json') || text.startsWith('{')
  if (looksJson) {
    try {
      const parsed: unknown = JSON.parse(text)
      return isObject(parsed) ? { body: parsed, format: 'json', text } : undefined
    } catch {
      if (answer.contentType.includes('json')) return undefined
    }
  }
  if (
    answer.contentType === 'application/x-www-form-urlencoded' ||
    answer.contentType === 'text/plain' ||
    answer.contentType === ''
  ) {
    if (!/^[^\s<>{}=&]+=[^\s<>]*(?:&[^\s<>{}=&]+=[^\s<>]*)*$/.test(text)) return undefined
    return { body: Object.fromEntries(new URLSearchParams(text)), format: 'form', text }
  }
  return undefined
}

/** Reads a JSON or form-encoded body; `undefined` when it is neither. */
export function readBody(answer: Pick<HttpAnswer, 'contentType' | 'text'>): Json | undefined {
  return readBodyAs(answer)?.body
}

/** The fields whose value decides what is stored or where tokens go: none may be sent twice. */
function guardedPaths(options: TokenResponseOptions): string[] {
  return [
    options.accessTokenPath ?? 'access_token',
    'access_token',
    'refresh_token',
    'token_type',
    'expires_in',
    'scope',
    'id_token',
    ...(options.expiry === undefined ? [] : [options.expiry.inPath]),
    ...(options.expiry?.atPath === undefined ? [] : [options.expiry.atPath]),
    ...(options.keepFields ?? [])
  ]
}

/** The first guarded field the answer carries more than once (JSON members, or form params). */
function duplicatedField(read: ReadBody, options: TokenResponseOptions): string | undefined {
  const guarded = guardedPaths(options)
  if (read.format === 'json') return duplicateJsonMembers(read.text, guarded)[0]
  const seen = new Set<string>()
  for (const name of new URLSearchParams(read.text).keys()) {
    if (seen.has(name) && guarded.includes(name)) return name
    seen.add(name)
  }
  return undefined
}

/**
 * A token as sent, or `undefined` when absent or empty. Tokens are kept byte-exact (they are
 * stored encrypted), so one that no storage or header could carry is refused instead.
 */
function readToken(value: unknown, path: string, status: number, options: TokenResponseOptions): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined
  if (hasUnstorableText(value)) {
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      status,
      context: `the ${path} contains a NUL character or an unpaired surrogate`
    })
  }
  return value
}

function readScopes(value: unknown): string[] | undefined {
  if (typeof value === 'string') return splitScopes(value).map(sanitizeProviderText)
  if (Array.isArray(value)) return value.filter((s): s is string => typeof s === 'string').map(sanitizeProviderText)
  return undefined
}

function retryAfter(answer: Pick<HttpAnswer, 'headers'>, now: number): number | undefined {
  const value = answer.headers['retry-after']
  if (value === undefined) return undefined
  if (/^\d+$/.test(value.trim())) return Number(value.trim())
  const at = Date.parse(value)
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000))
}

function oauthErrorFrom(body: Json, answer: HttpAnswer, options: TokenResponseOptions): OAuthError | undefined {
  const raw = body.error
  const failedOk = body.ok === false
  if (raw === undefined && !failedOk) return undefined
  const providerError =
    typeof raw === 'string'
      ? scrub(raw, options.secrets ?? []).slice(0, 200)
      : isObject(raw) && typeof raw.code === 'string'
        ? raw.code
        : undefined
  const rawDescription =
    typeof body.error_description === 'string'
      ? body.error_description
      : isObject(raw) && typeof raw.message === 'string'
        ? raw.message
        : undefined
  const description =
    rawDescription === undefined ? undefined : scrub(rawDescription, options.secrets ?? []).slice(0, 500)
  const errorUri = typeof body.error_uri === 'string' ? scrub(body.error_uri, options.secrets ?? []) : undefined
  const code: OAuthErrorCode =
    providerError !== undefined && RFC_CODES.has(providerError)
      ? (providerError as OAuthErrorCode)
      : providerError !== undefined && PROVIDER_CODES.has(providerError)
        ? (PROVIDER_CODES.get(providerError) as OAuthErrorCode)
        : answer.status >= 500
          ? 'server_error'
          : answer.status === 429
            ? 'temporarily_unavailable'
            : answer.status === 401
              ? 'invalid_client'
              : 'invalid_request'
  return new OAuthError(code, {
    endpoint: options.endpoint,
    description,
    providerError: providerError !== undefined && !RFC_CODES.has(providerError) ? providerError : undefined,
    errorUri,
    status: answer.status,
    retryAfterSeconds: retryAfter(answer, options.now),
    context:
      code === 'invalid_scope' && options.requestedScopes !== undefined
        ? `asked for: ${options.requestedScopes.join(' ')}`
        : undefined
  })
}

function statusError(answer: HttpAnswer, options: TokenResponseOptions, what: string): OAuthError {
  const { endpoint } = options
  if (answer.status === 404) return new OAuthError('token_endpoint_not_found', { endpoint, status: 404 })
  if (answer.status === 429)
    return new OAuthError('temporarily_unavailable', {
      endpoint,
      status: 429,
      retryAfterSeconds: retryAfter(answer, options.now)
    })
  if (answer.status === 503)
    return new OAuthError('temporarily_unavailable', {
      endpoint,
      status: 503,
      retryAfterSeconds: retryAfter(answer, options.now)
    })
  if (answer.status >= 500) return new OAuthError('server_error', { endpoint, status: answer.status })
  if (answer.status === 401) return new OAuthError('invalid_client', { endpoint, status: 401 })
  if (answer.status >= 300 && answer.status < 400) {
    const location = answer.headers.location
    return new OAuthError('invalid_response', {
      endpoint,
      status: answer.status,
      context: `it redirects${location === undefined ? '' : ` to ${safeLocation(location)}`}`
    })
  }
  return new OAuthError('invalid_response', { endpoint, status: answer.status, context: what })
}

function safeLocation(location: string): string {
  try {
    const url = new URL(location)
    return `${url.origin}${url.pathname}`
  } catch {
    return 'another address'
  }
}

function describeBody(answer: HttpAnswer): string {
  if (answer.text.trim() === '') return 'an empty body'
  if (answer.contentType.includes('html') || /^\s*</.test(answer.text)) return 'an HTML page'
  return `a ${answer.contentType === '' ? 'body without content type' : `${answer.contentType} body`} that is neither JSON nor form-encoded`
}

function readExpiresIn(value: unknown, options: TokenResponseOptions): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  const inPath = options.expiry?.inPath ?? 'expires_in'
  const milliseconds = options.expiry?.unit === 'milliseconds'
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : Number.NaN
  if (!Number.isFinite(number) || number < 0) {
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      context: `${inPath} is not a number of ${milliseconds ? 'milliseconds' : 'seconds'}`
    })
  }
  const seconds = milliseconds ? number / 1000 : number
  // Absurd lifetimes (beyond ten years) mean "does not expire" in practice, and would not fit a Date.
  // So does 0: no provider issues a token already expired, and Mailchimp's never-expiring tokens
  // come with `"expires_in": 0`; taken literally, every call would first try to renew the token.
  if (seconds > TEN_YEARS_SECONDS || number === 0) return undefined
  return new Date(options.now + Math.floor(seconds) * 1000)
}

const TEN_YEARS_SECONDS = 10 * 365 * 24 * 3600

/**
 * An absolute expiry: ISO-8601 text, or a number of epoch seconds (below 10^11, i.e. before
 * the year 5138) or milliseconds. Beyond ten years from now means "does not expire".
 */
function readExpiresAt(value: unknown, path: string, options: TokenResponseOptions): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined
  let at: number
  if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value))) {
    const n = Number(value)
    at = n < 1e11 ? n * 1000 : n
  } else if (typeof value === 'string') at = Date.parse(value)
  else at = Number.NaN
  if (!Number.isFinite(at))
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      context: `${path} is not a date-time or an epoch time`
    })
  if (at - options.now > TEN_YEARS_SECONDS * 1000) return undefined
  return new Date(at)
}

function readExpiry(body: Record<string, unknown>, options: TokenResponseOptions): Date | undefined {
  const lifetime = readExpiresIn(readPath(body, options.expiry?.inPath ?? 'expires_in'), options)
  if (lifetime !== undefined || options.expiry?.atPath === undefined) return lifetime
  return readExpiresAt(readPath(body, options.expiry.atPath), options.expiry.atPath, options)
}

function normaliseTokenType(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') return 'Bearer'
  const trimmed = value.trim()
  return trimmed.toLowerCase() === 'bearer' ? 'Bearer' : sanitizeProviderText(trimmed)
}

/**
 * Reads a token endpoint's answer the way real providers send it: JSON or form-encoded;
 * errors in a 200 (`{"ok":false}`, `error=`); a nested access token; `expires_in` missing or
 * a string; lower-case `token_type`; comma or space scopes; extra fields to keep.
 *
 * Never returns a token set without a non-empty access token. Refuses (`invalid_response`)
 * an answer that sends a token field, a field on the access token's path, an expiry or a
 * kept field more than once, and a token holding U+0000 or an unpaired surrogate. Every
 * other text the provider sent (scopes, `token_type`, kept fields, error texts) is passed
 * through {@link sanitizeProviderText}, so that it can be stored.
 *
 * @throws {OAuthError} with the provider's error, or `invalid_response` and friends.
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-5.1
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-3.1
 */
export function parseTokenResponse(answer: HttpAnswer, options: TokenResponseOptions): TokenSet {
  // A 404 is a wrong URL, whatever the page says.
  if (answer.status === 404) throw statusError(answer, options, 'not found')
  const read = readBodyAs(answer)
  const body = read?.body
  if (body !== undefined) {
    const error = oauthErrorFrom(body, answer, options)
    if (error !== undefined) throw error
  }
  if (answer.status < 200 || answer.status >= 300) throw statusError(answer, options, describeBody(answer))
  if (read === undefined || body === undefined)
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      status: answer.status,
      context: describeBody(answer)
    })
  const duplicated = duplicatedField(read, options)
  if (duplicated !== undefined) {
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      status: answer.status,
      context: `it sends "${duplicated}" more than once, and which one counts would be a guess`
    })
  }

  const accessTokenPath = options.accessTokenPath ?? 'access_token'
  const accessToken = readToken(
    options.accessTokenPath === undefined ? body.access_token : readPath(body, options.accessTokenPath),
    accessTokenPath,
    answer.status,
    options
  )
  if (accessToken === undefined) {
    throw new OAuthError('invalid_response', {
      endpoint: options.endpoint,
      status: answer.status,
      context: `no access token at ${accessTokenPath}`
    })
  }
  const kept: Record<string, unknown> = {}
  for (const path of options.keepFields ?? []) {
    const value = readPath(body, path)
    if (value !== undefined) kept[path] = sanitizeProviderValue(value)
  }
  return {
    accessToken,
    tokenType: normaliseTokenType(body.token_type),
    expiresAt: readExpiry(body, options),
    refreshToken: readToken(body.refresh_token, 'refresh_token', answer.status, options),
    scopes: readScopes(body.scope),
    idToken: readToken(body.id_token, 'id_token', answer.status, options),
    kept
  }
}
