import { discoverAuthorizationServer } from '@latchkey/oauth-client'
import type { AuthorizationServerMetadata, HttpOptions } from '@latchkey/oauth-client'
import { LRUCache } from 'lru-cache'

/** How long discovered metadata is trusted. */
const TTL_MS = 60 * 60 * 1000

/**
 * Authorization server metadata by issuer (RFC 8414 / OpenID Discovery): endpoints, RFC 9207
 * `iss` support and PKCE methods, fetched once per hour per process and shared by
 * concurrent callers. Failures are not cached: the next caller tries again.
 *
 * @see https://www.rfc-editor.org/rfc/rfc8414#section-3
 */
export class DiscoveryCache {
  /** Bounded: issuers come from tenants' definitions, so their number is not ours to choose. */
  readonly #entries: LRUCache<string, { value: Promise<AuthorizationServerMetadata>; until: number }>

  constructor(
    private readonly http: HttpOptions | undefined,
    private readonly now: () => number = Date.now,
    max = 1_000
  ) {
    this.#entries = new LRUCache({ max })
  }

  /** How many issuers are held (metrics, tests). */
  get size(): number {
    return this.#entries.size
  }

  /** The issuer's metadata, from the cache when fresh. @throws {OAuthError} as `discoverAuthorizationServer`. */
  async metadata(issuer: string): Promise<AuthorizationServerMetadata> {
    const cached = this.#entries.get(issuer)
    if (cached !== undefined && cached.until > this.now()) return cached.value
    const value = discoverAuthorizationServer(issuer, this.http)
    this.#entries.set(issuer, { value, until: this.now() + TTL_MS })
    value.catch(() => this.#entries.delete(issuer))
    return value
  }
}
