import { createHash } from 'node:crypto'
import type { Kysely, Updateable } from 'kysely'
import { isUuid } from './connections-repository.js'
import type { Database, TenantSettings, TenantSettingsTable } from './database.js'

/** A tenant's branding and embedding settings as they are written (every field, as a whole). */
export interface SettingsWrite {
  displayName: string | null
  accentColor: string | null
  embedOrigins: readonly string[]
  redirectUrls: readonly string[]
}

/** The settings without the logo's bytes (what every read but the logo's own needs). */
export type SettingsRecord = Omit<TenantSettings, 'logo'>

const COLUMNS = [
  'tenant_id',
  'display_name',
  'accent_color',
  'embed_origins',
  'redirect_urls',
  'logo_type',
  'logo_hash',
  'updated_at'
] as const

/** Branding and embedding settings: one row per tenant, created by its first write. */
export class TenantSettingsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** The tenant's settings, `undefined` while it never set any. */
  async get(tenantId: string): Promise<SettingsRecord | undefined> {
    return this.db.selectFrom('tenant_settings').select(COLUMNS).where('tenant_id', '=', tenantId).executeTakeFirst()
  }

  /** Writes every setting but the logo, which stays as it is. */
  async put(tenantId: string, settings: SettingsWrite): Promise<SettingsRecord> {
    const values = {
      display_name: settings.displayName,
      accent_color: settings.accentColor,
      embed_origins: JSON.stringify(settings.embedOrigins),
      redirect_urls: JSON.stringify(settings.redirectUrls)
    }
    return this.upsert(tenantId, values)
  }

  /** Stores the logo (its type already checked); `null` removes it. */
  async setLogo(tenantId: string, logo: { bytes: Buffer; type: string } | null): Promise<SettingsRecord> {
    const values = {
      logo: logo?.bytes ?? null,
      logo_type: logo?.type ?? null,
      logo_hash: logo === null ? null : createHash('sha256').update(logo.bytes).digest('hex')
    }
    return this.upsert(tenantId, values)
  }

  /** The tenant's row with these columns set: inserted by the first write, updated by the next. */
  private async upsert(tenantId: string, values: Updateable<TenantSettingsTable>): Promise<SettingsRecord> {
    return this.db
      .insertInto('tenant_settings')
      .values({ tenant_id: tenantId, ...values })
      .onConflict((oc) => oc.column('tenant_id').doUpdateSet({ ...values, updated_at: new Date() }))
      .returning(COLUMNS)
      .executeTakeFirstOrThrow()
  }

  /** The logo's bytes and type, when the tenant uploaded one. */
  async logo(tenantId: string): Promise<{ bytes: Buffer; type: string; hash: string } | undefined> {
    if (!isUuid(tenantId)) return undefined
    const row = await this.db
      .selectFrom('tenant_settings')
      .select(['logo', 'logo_type', 'logo_hash'])
      .where('tenant_id', '=', tenantId)
      .where('logo', 'is not', null)
      .executeTakeFirst()
    if (row?.logo == null || row.logo_type === null || row.logo_hash === null) return undefined
    return { bytes: row.logo, type: row.logo_type, hash: row.logo_hash }
  }
}
