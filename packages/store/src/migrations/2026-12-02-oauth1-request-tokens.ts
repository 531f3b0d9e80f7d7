import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * An OAuth 1.0a connect attempt holds its request token and secret (encrypted) between the
 * browser leaving for the provider and the callback that exchanges them.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connect_attempts').addColumn('request_token_enc', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connect_attempts').dropColumn('request_token_enc').execute()
}
