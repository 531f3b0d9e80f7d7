import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, Tenant } from './database.js'
import { sha256 } from './hash.js'

/** Tenants and their API keys. */
export class TenantsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a tenant and its first API key; the key is returned once and stored hashed. */
  async create(name: string): Promise<{ tenant: Tenant; apiKey: string }> {
    const apiKey = `lk_${randomBytes(32).toString('base64url')}`
    const tenant = await this.db.transaction().execute(async (trx) => {
      const created = await trx.insertInto('tenants').values({ name }).returningAll().executeTakeFirstOrThrow()
      await trx
        .insertInto('api_keys')
        .values({ tenant_id: created.id, key_hash: sha256(apiKey), prefix: apiKey.slice(0, 10) })
        .execute()
      return created
    })
    return { tenant, apiKey }
  }

  /** The tenant an API key belongs to, when the key exists and is not revoked. */
  async findByApiKey(apiKey: string): Promise<Tenant | undefined> {
    return this.db
      .selectFrom('api_keys')
      .innerJoin('tenants', 'tenants.id', 'api_keys.tenant_id')
      .selectAll('tenants')
      .where('api_keys.key_hash', '=', sha256(apiKey))
      .where('api_keys.revoked_at', 'is', null)
      .executeTakeFirst()
  }

  async get(id: string): Promise<Tenant | undefined> {
    return this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst()
  }
}
