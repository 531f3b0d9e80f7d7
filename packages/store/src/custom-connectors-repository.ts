import type { Kysely } from 'kysely'
import type { Database } from './database.js'

/** Tenants' own connector definitions, stored as validated JSON. */
export class CustomConnectorsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async upsert(tenantId: string, key: string, definition: Record<string, unknown>): Promise<void> {
    const values = { definition: JSON.stringify(definition), updated_at: new Date() }
    await this.db
      .insertInto('custom_connectors')
      .values({ tenant_id: tenantId, key, ...values })
      .onConflict((oc) => oc.columns(['tenant_id', 'key']).doUpdateSet(values))
      .execute()
  }

  async list(tenantId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.db
      .selectFrom('custom_connectors')
      .select('definition')
      .where('tenant_id', '=', tenantId)
      .orderBy('key')
      .execute()
    return rows.map((r) => r.definition)
  }

  async get(tenantId: string, key: string): Promise<Record<string, unknown> | undefined> {
    const row = await this.db
      .selectFrom('custom_connectors')
      .select('definition')
      .where('tenant_id', '=', tenantId)
      .where('key', '=', key)
      .executeTakeFirst()
    return row?.definition
  }
}
