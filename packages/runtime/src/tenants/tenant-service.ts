import { LRUCache } from 'lru-cache'
import { sha256 } from '@latchkey/store'
import type { ApiKeyRecord, Store, Tenant } from '@latchkey/store'
import type { ChangeFeed } from '../connections/change-feed.js'
import { RuntimeError, notFound } from '../errors.js'

/** How long an authenticated API key is remembered in process; a revoked key is dropped everywhere at once (the change feed). */
const KEY_CACHE_MS = 10_000

/** An API key as the API lists it: its prefix to recognise it, never the key. */
export interface ApiKeyView {
  id: string
  label: string | null
  /** The key's first characters (`lk_` and seven more). */
  prefix: string
  createdAt: string
  lastUsedAt: string | null
}

/** A tenant as the operator lists it. */
export interface TenantView {
  id: string
  name: string
  createdAt: string
}

function toKeyView(row: ApiKeyRecord): ApiKeyView {
  return {
    id: row.id,
    label: row.label,
    prefix: row.prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null
  }
}

/**
 * Tenants: created and listed by the operator, authenticated by API key; a tenant manages
 * its own keys (created with the key shown once, listed by prefix, revoked at once in
 * every process).
 */
export class TenantService {
  /** Authenticated keys by their hash: bounded, short-lived, dropped on revocation in every process. */
  readonly #keys: LRUCache<string, { tenant: Tenant; keyId: string }>

  constructor(
    private readonly store: Store,
    private readonly feed: ChangeFeed,
    cacheSize = 10_000
  ) {
    this.#keys = new LRUCache({ max: cacheSize, ttl: KEY_CACHE_MS })
    feed.listen((change) => {
      if (change === undefined) return this.#keys.clear()
      if (change.kind !== 'api_key') return
      for (const [hash, entry] of this.#keys.entries()) if (entry.keyId === change.keyId) this.#keys.delete(hash)
    })
  }

  /** Creates a tenant; the API key is returned this once. */
  async create(name: string): Promise<{ id: string; name: string; apiKey: string }> {
    const { tenant, apiKey } = await this.store.tenants.create(name)
    return { id: tenant.id, name: tenant.name, apiKey }
  }

  /** Every tenant (the operator's view). */
  async list(limit = 1_000): Promise<TenantView[]> {
    return (await this.store.tenants.list(limit)).map((t) => ({
      id: t.id,
      name: t.name,
      createdAt: t.created_at.toISOString()
    }))
  }

  /**
   * The tenant of an API key; successful lookups are remembered for 10 seconds, keyed by the
   * key's hash, while the change feed is live (so a revocation elsewhere reaches this cache).
   */
  async authenticate(apiKey: string): Promise<Tenant | undefined> {
    const hash = sha256(apiKey)
    const cached = this.feed.live ? this.#keys.get(hash) : undefined
    if (cached !== undefined) return cached.tenant
    const found = await this.store.tenants.findByApiKey(apiKey)
    if (found === undefined) return undefined
    if (this.feed.live) this.#keys.set(hash, found)
    return found.tenant
  }

  /** A new API key for the tenant, shown this once. */
  async createKey(tenantId: string, label: string | null): Promise<ApiKeyView & { apiKey: string }> {
    const { record, apiKey } = await this.store.tenants.createKey(tenantId, label)
    return { ...toKeyView(record), apiKey }
  }

  async listKeys(tenantId: string): Promise<ApiKeyView[]> {
    return (await this.store.tenants.listKeys(tenantId)).map(toKeyView)
  }

  /**
   * Revokes a key: refused from then on by every process (told over the change feed).
   * @throws {RuntimeError} `not_found`; `conflict` for the tenant's last working key.
   */
  async revokeKey(tenantId: string, id: string): Promise<void> {
    const result = await this.store.tenants.revokeKey(tenantId, id)
    if (result === 'not_found') throw notFound('API key')
    if (result === 'last_key')
      throw new RuntimeError(
        'conflict',
        'this is the last working API key of the tenant: create another one first (POST /v1/api-keys)'
      )
    await this.feed.announce({ kind: 'api_key', keyId: id })
  }
}
