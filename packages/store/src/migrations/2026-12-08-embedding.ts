import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Embedding the wizard: a tenant's branding (name, accent colour, logo), the origins allowed
 * to frame it or open it as a popup, and the pages connect sessions may send the customer
 * back to; a session's own redirect pages and language.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('tenant_settings')
    .addColumn('tenant_id', 'uuid', (c) => c.primaryKey().references('tenants.id').onDelete('cascade'))
    .addColumn('display_name', 'text')
    .addColumn('accent_color', 'text')
    .addColumn('embed_origins', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('redirect_urls', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('logo', 'bytea')
    .addColumn('logo_type', 'text')
    .addColumn('logo_hash', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .alterTable('connect_sessions')
    .addColumn('success_url', 'text')
    .addColumn('failure_url', 'text')
    .addColumn('locale', 'text')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('connect_sessions')
    .dropColumn('success_url')
    .dropColumn('failure_url')
    .dropColumn('locale')
    .execute()
  await db.schema.dropTable('tenant_settings').execute()
}
