import { LRUCache } from 'lru-cache'
import type { AppRecord, RegisteredClientRecord, Store } from '@latchkey/store'
import type { ChangeFeed } from '../connections/change-feed.js'

/** A cached answer, "no app" included. */
interface Held {
  readonly app: AppRecord | undefined
}

/**
 * Tenants' apps (client id, decrypted secret, scopes, overrides) and the clients registered
 * for them at authorization servers, for token requests: read once and then served from
 * memory, so a background refresh neither queries them nor decrypts a secret again. An app
 * edit reaches every process through the change feed; while the feed is not live, every read
 * of an app goes to PostgreSQL. A registered client never changes once written (a new
 * registration is a new client), so it is held without the feed.
 */
export class AppCache {
  readonly #cache: LRUCache<string, Held>
  readonly #registered: LRUCache<string, RegisteredClientRecord>
  #generation = 0

  constructor(
    private readonly store: Store,
    private readonly feed: ChangeFeed,
    options: { readonly max?: number; readonly ttlMs?: number } = {}
  ) {
    this.#cache = new LRUCache({ max: options.max ?? 10_000, ttl: options.ttlMs ?? 60_000 })
    this.#registered = new LRUCache({ max: options.max ?? 10_000 })
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

  /** A tenant's registered client by id (superseded ones too). */
  async registeredClient(tenantId: string, id: string): Promise<RegisteredClientRecord | undefined> {
    const key = keyOf(tenantId, id)
    const held = this.#registered.get(key)
    if (held !== undefined) return held
    const client = await this.store.registeredClients.get(tenantId, id)
    if (client !== undefined) this.#registered.set(key, client)
    return client
  }
}

/** What token requests read a tenant's clients from: the cache, or (by default) PostgreSQL itself. */
export type ClientSources = Pick<AppCache, 'get' | 'registeredClient'>

/** Straight from PostgreSQL, for the paths that do not hold the cache (connects, revocations). */
export function storeClientSources(store: Store): ClientSources {
  return {
    get: (tenantId, connectorKey) => store.apps.get(tenantId, connectorKey),
    registeredClient: (tenantId, id) => store.registeredClients.get(tenantId, id)
  }
}

function keyOf(tenantId: string, connectorKey: string): string {
  return `${tenantId}\u0000${connectorKey}`
}
