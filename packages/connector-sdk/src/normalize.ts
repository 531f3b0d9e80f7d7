import type { ClientAuthMethod, ConnectorDefinition, OAuth2AuthorizationCodeAuth, ScopeDelimiter, TokenPlacement } from './schema.js'

/** Every default of an OAuth 2.0 authorization code definition, in one place. */
export const OAUTH2_DEFAULTS = {
  scopeDelimiter: ' ',
  pkce: true,
  clientAuthMethod: 'client_secret_basic',
  clientOwnership: 'developer',
  tokenRequestFormat: 'form',
  customerSelectsScopes: false
} as const

/** Default token placement on API calls: `Authorization: Bearer <token>`. */
export const DEFAULT_TOKEN_PLACEMENT: Required<TokenPlacement> = { in: 'header', name: 'Authorization', prefix: 'Bearer ' }

/** Statuses that mean "refresh and retry" when a definition names none. */
export const DEFAULT_REFRESH_ON_STATUS: readonly number[] = [401]

/** An OAuth 2.0 authorization code auth with every default applied. */
export interface ResolvedOAuth2AuthorizationCode {
  readonly kind: 'oauth2'
  readonly grant: 'authorization_code'
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly refreshUrl: string
  readonly revokeUrl: string | undefined
  readonly issuer: string | undefined
  readonly scopes: Readonly<Record<string, string>>
  readonly defaultScopes: readonly string[]
  readonly scopeDelimiter: ScopeDelimiter
  readonly customerSelectsScopes: boolean
  readonly pkce: boolean
  readonly clientAuthMethod: ClientAuthMethod
  readonly clientOwnership: 'developer' | 'customer'
  readonly tokenRequestFormat: 'form' | 'json'
  readonly authorizeParams: Readonly<Record<string, string>>
  readonly tokenParams: Readonly<Record<string, string>>
  readonly tokenHeaders: Readonly<Record<string, string>>
  readonly refreshParams: Readonly<Record<string, string>>
  readonly refreshHeaders: Readonly<Record<string, string>>
  readonly accessTokenPath: string | undefined
  readonly keepFields: readonly string[]
  /** Where the token answer says when the access token expires. */
  readonly expiry: { readonly inPath: string; readonly unit: 'seconds' | 'milliseconds'; readonly atPath: string | undefined }
  readonly callbackParams: readonly string[]
  readonly offlineScope: string | undefined
}

/**
 * Applies the defaults of an OAuth 2.0 authorization code auth, so that callers never
 * repeat them. Offline-access authorize params are merged into `authorizeParams`.
 */
export function resolveOAuth2(auth: OAuth2AuthorizationCodeAuth | ConnectorDefinition['auth']): ResolvedOAuth2AuthorizationCode {
  return {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: auth.authorizeUrl,
    tokenUrl: auth.tokenUrl,
    refreshUrl: auth.refreshUrl ?? auth.tokenUrl,
    revokeUrl: auth.revokeUrl,
    issuer: auth.issuer,
    scopes: auth.scopes ?? {},
    defaultScopes: auth.defaultScopes ?? [],
    scopeDelimiter: (auth.scopeDelimiter ?? OAUTH2_DEFAULTS.scopeDelimiter) as ScopeDelimiter,
    customerSelectsScopes: auth.customerSelectsScopes ?? OAUTH2_DEFAULTS.customerSelectsScopes,
    pkce: auth.pkce ?? OAUTH2_DEFAULTS.pkce,
    clientAuthMethod: (auth.clientAuthMethod ?? OAUTH2_DEFAULTS.clientAuthMethod) as ClientAuthMethod,
    clientOwnership: (auth.clientOwnership ?? OAUTH2_DEFAULTS.clientOwnership) as 'developer' | 'customer',
    tokenRequestFormat: (auth.tokenRequestFormat ?? OAUTH2_DEFAULTS.tokenRequestFormat) as 'form' | 'json',
    authorizeParams: { ...auth.offlineAccess?.authorizeParams, ...auth.authorizeParams },
    tokenParams: auth.tokenParams ?? {},
    tokenHeaders: auth.tokenHeaders ?? {},
    refreshParams: auth.refreshParams ?? {},
    refreshHeaders: auth.refreshHeaders ?? {},
    accessTokenPath: auth.tokenResponse?.accessTokenPath,
    keepFields: auth.tokenResponse?.keepFields ?? [],
    expiry: { inPath: auth.tokenResponse?.expiresInPath ?? 'expires_in', unit: auth.tokenResponse?.expiresInUnit ?? 'seconds', atPath: auth.tokenResponse?.expiresAtPath },
    callbackParams: auth.callbackParams ?? [],
    offlineScope: auth.offlineAccess?.scope
  }
}

/** Where the token goes on API calls, with defaults applied. */
export function resolveTokenPlacement(placement: TokenPlacement | undefined): Required<TokenPlacement> {
  if (placement === undefined) return DEFAULT_TOKEN_PLACEMENT
  if (placement.in === 'query') return { in: 'query', name: placement.name ?? 'access_token', prefix: '' }
  const name = placement.name ?? 'Authorization'
  return { in: 'header', name, prefix: placement.prefix ?? (name.toLowerCase() === 'authorization' ? 'Bearer ' : '') }
}
