import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A revocation keeps its token set only while it is pending: once revoked or given up, the
 * encrypted tokens and snapshot are purged and the row stays as the audit record. Rows
 * finished before this migration are purged now.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('revocations')
    .alterColumn('token_set_enc', (c) => c.dropNotNull())
    .execute()
  await db
    .updateTable('revocations')
    .set({ token_set_enc: null, context_enc: null })
    .where('status', '<>', 'pending')
    .execute()
  await db.schema
    .alterTable('revocations')
    .addCheckConstraint('revocations_pending_keeps_tokens', sql`status <> 'pending' or token_set_enc is not null`)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('revocations').dropConstraint('revocations_pending_keeps_tokens').execute()
  await db.deleteFrom('revocations').where('token_set_enc', 'is', null).execute()
  await db.schema
    .alterTable('revocations')
    .alterColumn('token_set_enc', (c) => c.setNotNull())
    .execute()
}
