import type { HttpOptions } from '@latchkey/oauth-client'
import type { WebhookDeliveryOptions } from './webhooks/webhook-sender.js'

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
  /**
   * TTL of a refresh's cross-process lock; renewed every third of it while the holder
   * works, so it only bounds how long a holder that died blocks the others. @defaultValue `30000`
   */
  readonly refreshLockTtlMs?: number
  /**
   * Background (due) refreshes in flight at once per provider host, across every process;
   * the rest come back a little later. Unset: no cap. Calls that need a token now are never held.
   */
  readonly refreshConcurrencyPerHost?: number
  /** The sweep spreads due refreshes over up to this long (never past half the token's remaining life). @defaultValue `30` */
  readonly refreshSpreadSeconds?: number
  /**
   * Attempts never connected (the consent abandoned, denied, or failed before any token) are
   * deleted by the sweep once untouched this long; `0` keeps them. @defaultValue `24`
   */
  readonly abandonedConnectionHours?: number
  /**
   * Let connectors reach loopback and private addresses (development, tests, on-premise
   * providers). Off in production: tenants define connectors, so their URLs are untrusted.
   * @defaultValue `false`
   */
  readonly allowPrivateNetwork?: boolean
  /**
   * CA certificates (PEM) trusted beside Node's own for outbound TLS: a provider on a private
   * PKI, or tests. (A process can also be given `NODE_EXTRA_CA_CERTS`.) Verification of
   * servers is never turned off.
   */
  readonly extraCaCertificates?: readonly string[]
  /** Decrypted access tokens held in memory, at most. @defaultValue `10000` */
  readonly tokenCacheSize?: number
  /**
   * Connection handles held in memory (row, connector, scheme, parameters, app overrides), so
   * a call in the steady state reads nothing from PostgreSQL; changes reach every process over
   * Redis pub/sub at once, `ttlMs` only bounds a change missed. @defaultValue `{ max: 10000, ttlMs: 60000 }`
   */
  readonly connectionCache?: { readonly max?: number; readonly ttlMs?: number }
  /** Authenticated API calls (timeouts, retries). */
  readonly api?: { readonly timeoutMs?: number; readonly maxRetries?: number; readonly maxRetryAfterSeconds?: number }
  /** Webhook delivery: attempt timeout, retry schedule, when a failing endpoint is disabled. */
  readonly webhooks?: WebhookDeliveryOptions
  /** Outbound HTTP to providers (dispatcher, timeouts); the egress policy's dispatcher by default. */
  readonly http?: HttpOptions
  /** The clock. @defaultValue `Date.now` */
  readonly now?: () => number
}

/** `{PUBLIC_URL}/oauth/callback/`: the one redirect URI to register at every provider. */
export function redirectUriOf(publicUrl: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/oauth/callback/`
}
