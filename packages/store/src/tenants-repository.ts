import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import { isUuid } from './connections-repository.js'
import type { ApiKey, Database, Tenant } from './database.js'
import { sha256 } from './hash.js'

/** An API key as it is listed: never its hash. */
export type ApiKeyRecord = Omit<ApiKey, 'key_hash'>

/** Why a key could not be revoked. */
export type RevokeKeyResult = 'revoked' | 'not_found' | 'last_key'

const KEY_COLUMNS = ['id', 'tenant_id', 'prefix', 'label', 'last_used_at', 'created_at', 'revoked_at'] as const

/** A new API key: `lk_` and 32 random bytes. */
function newApiKey(): string {
  return `lk_${randomBytes(32).toString('base64url')}`
}

/** Tenants and their API keys. */
export class TenantsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Creates a tenant and its first API key; the key is returned once and stored hashed. */
  async create(name: string): Promise<{ tenant: Tenant; apiKey: string }> {
    const apiKey = newApiKey()
    const tenant = await this.db.transaction().execute(async (trx) => {
      const created = await trx.insertInto('tenants').values({ name }).returningAll().executeTakeFirstOrThrow()
      await trx
        .insertInto('api_keys')
        .values({ tenant_id: created.id, key_hash: sha256(apiKey), prefix: apiKey.slice(0, 10), label: 'first key' })
        .execute()
      return created
    })
    return { tenant, apiKey }
  }

  /** Every tenant, oldest first (the operator's list). */
  async list(limit: number): Promise<Tenant[]> {
    return this.db.selectFrom('tenants').selectAll().orderBy('created_at').orderBy('id').limit(limit).execute()
  }

  /**
   * The tenant an API key belongs to, when the key exists and is not revoked, with the key's
   * id; the key's last use is written in the same statement.
   */
  async findByApiKey(apiKey: string): Promise<{ tenant: Tenant; keyId: string } | undefined> {
    const row = await this.db
      .updateTable('api_keys')
      .from('tenants')
      .set({ last_used_at: new Date() })
      .whereRef('tenants.id', '=', 'api_keys.tenant_id')
      .where('api_keys.key_hash', '=', sha256(apiKey))
      .where('api_keys.revoked_at', 'is', null)
      .returning(['api_keys.id as key_id', 'tenants.id', 'tenants.name', 'tenants.created_at'])
      .executeTakeFirst()
    if (row === undefined) return undefined
    return { tenant: { id: row.id, name: row.name, created_at: row.created_at }, keyId: row.key_id }
  }

  async get(id: string): Promise<Tenant | undefined> {
    return this.db.selectFrom('tenants').selectAll().where('id', '=', id).executeTakeFirst()
  }

  /** A new API key for a tenant; the key is returned once and stored hashed. */
  async createKey(tenantId: string, label: string | null): Promise<{ record: ApiKeyRecord; apiKey: string }> {
    const apiKey = newApiKey()
    const record = await this.db
      .insertInto('api_keys')
      .values({ tenant_id: tenantId, key_hash: sha256(apiKey), prefix: apiKey.slice(0, 10), label })
      .returning(KEY_COLUMNS)
      .executeTakeFirstOrThrow()
    return { record, apiKey }
  }

  /** A tenant's keys that still work, newest first. */
  async listKeys(tenantId: string): Promise<ApiKeyRecord[]> {
    return this.db
      .selectFrom('api_keys')
      .select(KEY_COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('revoked_at', 'is', null)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute()
  }

  /**
   * Revokes a key (kept as a record, never working again), unless it is the tenant's last
   * working key: a tenant cannot lock itself out. The check and the revocation hold the
   * tenant's keys locked, so two concurrent revocations cannot both pass it.
   */
  async revokeKey(tenantId: string, id: string): Promise<RevokeKeyResult> {
    if (!isUuid(id)) return 'not_found'
    return this.db.transaction().execute(async (trx) => {
      const active = await trx
        .selectFrom('api_keys')
        .select('id')
        .where('tenant_id', '=', tenantId)
        .where('revoked_at', 'is', null)
        .forUpdate()
        .execute()
      if (!active.some((key) => key.id === id)) return 'not_found'
      if (active.length === 1) return 'last_key'
      await trx.updateTable('api_keys').set({ revoked_at: new Date() }).where('id', '=', id).execute()
      return 'revoked'
    })
  }
}
