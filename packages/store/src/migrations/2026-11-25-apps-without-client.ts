import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A tenant's app settings for a connector without an OAuth client (API key, basic auth):
 * only URL overrides (a regional host, a vendor's mock server), so no client id or secret.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('connector_apps')
    .alterColumn('client_id', (c) => c.dropNotNull())
    .alterColumn('client_secret_enc', (c) => c.dropNotNull())
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('connector_apps').where('client_id', 'is', null).execute()
  await db.schema
    .alterTable('connector_apps')
    .alterColumn('client_id', (c) => c.setNotNull())
    .alterColumn('client_secret_enc', (c) => c.setNotNull())
    .execute()
}
