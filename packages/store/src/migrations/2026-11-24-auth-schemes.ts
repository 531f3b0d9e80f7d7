import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * Several auth schemes per connector, and verification: each connection records the
 * scheme it uses (`null`: the connector's first), the account identity its verification
 * request found, and when that request last succeeded.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('connections')
    .addColumn('auth_scheme', 'text')
    .addColumn('account', 'jsonb')
    .addColumn('verified_at', 'timestamptz')
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('connections')
    .dropColumn('verified_at')
    .dropColumn('account')
    .dropColumn('auth_scheme')
    .execute()
}
