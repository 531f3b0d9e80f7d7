import type { Store, Tenant } from '@latchkey/store'

/** Tenants: created by the operator, authenticated by API key. */
export class TenantService {
  constructor(private readonly store: Store) {}

  /** Creates a tenant; the API key is returned this once. */
  async create(name: string): Promise<{ id: string; name: string; apiKey: string }> {
    const { tenant, apiKey } = await this.store.tenants.create(name)
    return { id: tenant.id, name: tenant.name, apiKey }
  }

  async authenticate(apiKey: string): Promise<Tenant | undefined> {
    return this.store.tenants.findByApiKey(apiKey)
  }
}
