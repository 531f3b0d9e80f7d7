import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A tenant's connections are listed newest first (`created_at desc, id desc`, the cursor's
 * order): an index in that order lets a page read its rows and stop, instead of sorting
 * every connection the tenant has (bench:scale measured a page of 50 taking seconds at
 * 200,000 connections without it).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index connections_tenant_newest on connections (tenant_id, created_at desc, id desc)`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('connections_tenant_newest').execute()
}
