import { discoverAuthorizationServer, discoverProtectedResource } from '@latchkey/oauth-client'
import type { AuthorizationServerMetadata, HttpOptions, ProtectedResourceMetadata } from '@latchkey/oauth-client'
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
  /** Protected resources (RFC 9728) by URL: MCP servers come from end customers, so bounded too. */
  readonly #resources: LRUCache<string, { value: Promise<ProtectedResourceMetadata>; until: number }>

  constructor(
    private readonly http: HttpOptions | undefined,
    private readonly now: () => number = Date.now,
    max = 1_000
  ) {
    this.#entries = new LRUCache({ max })
    this.#resources = new LRUCache({ max })
  }

  /** How many issuers are held (metrics, tests). */
  get size(): number {
    return this.#entries.size
  }

  /** The issuer's metadata, from the cache when fresh. @throws {OAuthError} as `discoverAuthorizationServer`. */
  async metadata(issuer: string): Promise<AuthorizationServerMetadata> {
    return this.#cached(this.#entries, issuer, () => discoverAuthorizationServer(issuer, this.http))
  }

  /** A protected resource's metadata (RFC 9728), from the cache when fresh. @throws {OAuthError} as `discoverProtectedResource`. */
  async resource(url: string): Promise<ProtectedResourceMetadata> {
    return this.#cached(this.#resources, url, () => discoverProtectedResource(url, this.http))
  }

  #cached<T extends object>(
    entries: LRUCache<string, { value: Promise<T>; until: number }>,
    key: string,
    read: () => Promise<T>
  ): Promise<T> {
    const cached = entries.get(key)
    if (cached !== undefined && cached.until > this.now()) return cached.value
    const value = read()
    entries.set(key, { value, until: this.now() + TTL_MS })
    value.catch(() => entries.delete(key))
    return value
  }
}
