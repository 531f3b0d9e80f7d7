import type { TokenSet } from '@latchkey/oauth-client'

/** A token set as stored (encrypted) in PostgreSQL. */
export interface StoredTokenSet extends Record<string, unknown> {
  accessToken: string
  tokenType: string
  expiresAt: string | null
  refreshToken: string | null
  scopes: string[] | null
  idToken: string | null
  kept: Record<string, unknown>
  /** What the end customer typed in for an API key or basic scheme, by credential key. */
  credentials?: Record<string, string>
}

/**
 * Typed-in credentials as stored: every value by its key, and as the access token the key
 * itself (API key), the Basic credential (`/token` hands it out), or nothing yet (a token
 * exchange's session token, fetched on first use).
 */
export function encodeTypedIn(
  kind: 'apiKey' | 'basic' | 'tokenExchange' | 'awsSigV4' | 'jwtBearer',
  credentials: Readonly<Record<string, string>>,
  basic: () => string
): StoredTokenSet {
  // A token exchange has no session token yet: it is fetched on first use.
  return {
    accessToken: kind === 'apiKey' ? (credentials.apiKey ?? '') : kind === 'basic' ? basic() : '',
    tokenType:
      kind === 'apiKey' ? 'api_key' : kind === 'basic' ? 'Basic' : kind === 'awsSigV4' ? 'aws_sigv4' : 'Bearer',
    expiresAt: null,
    refreshToken: null,
    scopes: null,
    idToken: null,
    kept: {},
    credentials: { ...credentials }
  }
}

/**
 * The typed-in credentials of a stored token set; for those stored before each value was
 * kept, read back from the key or the Basic credential. `undefined` for OAuth tokens.
 */
export function typedInOf(stored: Record<string, unknown>): Record<string, string> | undefined {
  const value = stored as Partial<StoredTokenSet>
  if (value.credentials !== undefined && value.credentials !== null) return value.credentials
  const accessToken = String(value.accessToken ?? '')
  if (value.tokenType === 'api_key') return { apiKey: accessToken }
  if (value.tokenType !== 'Basic') return undefined
  const decoded = Buffer.from(accessToken, 'base64').toString('utf8')
  const at = decoded.indexOf(':')
  return at === -1 ? { username: decoded } : { username: decoded.slice(0, at), password: decoded.slice(at + 1) }
}

export function encodeTokenSet(tokens: TokenSet): StoredTokenSet {
  return {
    accessToken: tokens.accessToken,
    tokenType: tokens.tokenType,
    expiresAt: tokens.expiresAt?.toISOString() ?? null,
    refreshToken: tokens.refreshToken ?? null,
    scopes: tokens.scopes === undefined ? null : [...tokens.scopes],
    idToken: tokens.idToken ?? null,
    kept: { ...tokens.kept }
  }
}

export function decodeTokenSet(stored: Record<string, unknown>): TokenSet {
  const value = stored as Partial<StoredTokenSet>
  return {
    accessToken: String(value.accessToken ?? ''),
    tokenType: String(value.tokenType ?? 'Bearer'),
    expiresAt: typeof value.expiresAt === 'string' ? new Date(value.expiresAt) : undefined,
    refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : undefined,
    scopes: Array.isArray(value.scopes) ? value.scopes : undefined,
    idToken: typeof value.idToken === 'string' ? value.idToken : undefined,
    kept: value.kept ?? {}
  }
}

/**
 * When the worker should refresh: before expiry by a margin (at most a third of the
 * lifetime), minus jitter so that tokens issued together are not refreshed in one burst.
 * `null` without an expiry or a refresh token: those refresh on an auth failure only.
 */
export function refreshDueAt(
  tokens: Pick<TokenSet, 'expiresAt' | 'refreshToken'>,
  now: number,
  marginSeconds: number,
  random: () => number = Math.random
): Date | null {
  if (tokens.expiresAt === undefined || tokens.refreshToken === undefined) return null
  const lifetimeMs = Math.max(0, tokens.expiresAt.getTime() - now)
  const marginMs = Math.min(marginSeconds * 1000, lifetimeMs / 3)
  const jitterMs = random() * Math.min(60_000, lifetimeMs / 10)
  return new Date(tokens.expiresAt.getTime() - marginMs - jitterMs)
}
