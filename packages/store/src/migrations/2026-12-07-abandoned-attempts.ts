import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * The sweep deletes connect attempts never connected once untouched for a while
 * (`connections.deleteAbandoned`), every few seconds: a partial index on exactly those rows
 * keeps that from scanning every connection (a million, in bench:scale).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index connections_abandoned on connections (updated_at) where status = 'configured'`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('connections_abandoned').execute()
}
