import { LRUCache } from 'lru-cache'
import type { AppRecord, Store } from '@latchkey/store'
import type { ChangeFeed } from '../connections/change-feed.js'

/** A cached answer, "no app" included. */
interface Held {
  readonly app: AppRecord | undefined
}

/**
 * Tenants' apps (client id, decrypted secret, scopes, overrides) for token requests, read
 * once and then served from memory, so a background refresh neither queries the app nor
 * decrypts its secret again. An app edit reaches every process through the change feed;
 * while the feed is not live, every read goes to PostgreSQL.
 */
export class AppCache {
  readonly #cache: LRUCache<string, Held>
  #generation = 0

  constructor(
    private readonly store: Store,
    private readonly feed: ChangeFeed,
    options: { readonly max?: number; readonly ttlMs?: number } = {}
  ) {
    this.#cache = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60_000 })
    feed.listen((change) => {
      this.#generation += 1
      if (change === undefined) this.#cache.clear()
      else if (change.kind === 'app') this.#cache.delete(keyOf(change.tenantId, change.connectorKey))
    })
  }

  async get(tenantId: string, connectorKey: string): Promise<AppRecord | undefined> {
    const key = keyOf(tenantId, connectorKey)
    const held = this.feed.live ? this.#cache.get(key) : undefined
    if (held !== undefined) return held.app
    const generation = this.#generation
    const app = await this.store.apps.get(tenantId, connectorKey)
    if (this.feed.live && generation === this.#generation) this.#cache.set(key, { app })
    return app
  }
}

function keyOf(tenantId: string, connectorKey: string): string {
  return `${tenantId}\u0000${connectorKey}`
}
