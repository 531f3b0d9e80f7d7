/**
 * What a token endpoint granted, normalised. Holds secrets: store it encrypted, never log it.
 * The tokens are byte-exact (one holding U+0000 or a lone surrogate is refused); every other
 * text is storable (see `sanitizeProviderText`).
 */
export interface TokenSet {
  readonly accessToken: string
  /** Normalised: `bearer` → `Bearer`. @defaultValue `"Bearer"` when the provider sends none */
  readonly tokenType: string
  /** When the access token expires; `undefined` when the provider did not say. */
  readonly expiresAt: Date | undefined
  readonly refreshToken: string | undefined
  /** Granted scopes when the provider said (space- or comma-delimited), made storable; `undefined` otherwise (RFC 6749 §5.1: as requested). */
  readonly scopes: readonly string[] | undefined
  readonly idToken: string | undefined
  /** The connector's `tokenResponse.keepFields`, by dot path, when present; every string in them made storable. */
  readonly kept: Readonly<Record<string, unknown>>
}
