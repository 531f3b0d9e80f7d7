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
