import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Connect sessions (`POST /v1/connect-sessions`): a short-lived token that opens the connect
 * wizard for one end customer, stored hashed. Attempts started from the wizard by a
 * full-page redirect remember where to send the browser back (`return_to`).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('connect_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('connectors', 'jsonb')
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('connect_sessions_expiry').on('connect_sessions').column('expires_at').execute()
  await db.schema.alterTable('connect_attempts').addColumn('return_to', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connect_attempts').dropColumn('return_to').execute()
  await db.schema.dropTable('connect_sessions').execute()
}
