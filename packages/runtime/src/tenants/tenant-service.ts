import { sha256 } from '@latchkey/store'
import type { Store, Tenant } from '@latchkey/store'

/** How long an authenticated API key is remembered in process (a revoked key stops working after this). */
const KEY_CACHE_MS = 10_000

/** Tenants: created by the operator, authenticated by API key. */
export class TenantService {
  readonly #keys = new Map<string, { tenant: Tenant; until: number }>()

  constructor(private readonly store: Store) {}

  /** Creates a tenant; the API key is returned this once. */
  async create(name: string): Promise<{ id: string; name: string; apiKey: string }> {
    const { tenant, apiKey } = await this.store.tenants.create(name)
    return { id: tenant.id, name: tenant.name, apiKey }
  }

  /** The tenant of an API key; successful lookups are remembered for 10 seconds, keyed by the key's hash. */
  async authenticate(apiKey: string): Promise<Tenant | undefined> {
    const id = sha256(apiKey)
    const cached = this.#keys.get(id)
    if (cached !== undefined && cached.until > Date.now()) return cached.tenant
    const tenant = await this.store.tenants.findByApiKey(apiKey)
    if (tenant !== undefined) {
      if (this.#keys.size > 10_000) this.#keys.clear()
      this.#keys.set(id, { tenant, until: Date.now() + KEY_CACHE_MS })
    }
    return tenant
  }
}
