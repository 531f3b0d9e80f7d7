import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Least privilege and incremental consent: a connect session may name, per connector, the
 * actions its connections will be used for; an attempt may ask only for the scopes a
 * connection is missing (the provider adds them to those granted before).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connect_sessions').addColumn('actions', 'jsonb').execute()
  await db.schema
    .alterTable('connect_attempts')
    .addColumn('incremental', 'boolean', (c) => c.notNull().defaultTo(sql`false`))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connect_attempts').dropColumn('incremental').execute()
  await db.schema.alterTable('connect_sessions').dropColumn('actions').execute()
}
