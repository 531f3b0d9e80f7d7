import type { HttpOptions } from '@latchkey/oauth-client'

/** What the runtime needs to know about its deployment. */
export interface RuntimeConfig {
  /** Where Latchkey is reached from browsers, e.g. `https://latchkey.example.com`. */
  readonly publicUrl: string
  /** Lifetime of a connect attempt. @defaultValue `600` */
  readonly attemptTtlSeconds?: number
  /** Lifetime of a connect session (the wizard link). @defaultValue `1800` */
  readonly connectSessionTtlSeconds?: number
  /** Refresh this long before expiry (at most a third of the lifetime). @defaultValue `300` */
  readonly refreshMarginSeconds?: number
  /** How long a refresh may hold its cross-process lock. @defaultValue `30000` */
  readonly refreshLockTtlMs?: number
  /**
   * Let connectors reach loopback and private addresses (development, tests, on-premise
   * providers). Off in production: tenants define connectors, so their URLs are untrusted.
   * @defaultValue `false`
   */
  readonly allowPrivateNetwork?: boolean
  /** Authenticated API calls (timeouts, retries). */
  readonly api?: { readonly timeoutMs?: number; readonly maxRetries?: number; readonly maxRetryAfterSeconds?: number }
  /** Outbound HTTP to providers (dispatcher, timeouts); the egress policy's dispatcher by default. */
  readonly http?: HttpOptions
  /** The clock. @defaultValue `Date.now` */
  readonly now?: () => number
}

/** `{PUBLIC_URL}/oauth/callback/`: the one redirect URI to register at every provider. */
export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/oauth/callback/`
}
