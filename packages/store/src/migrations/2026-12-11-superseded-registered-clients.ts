import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A registered client whose secret is about to expire is superseded by a new registration,
 * not overwritten: the connections made with it keep it, because their refresh tokens were
 * issued to its client id. One current client per tenant, server and redirect URI.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('registered_clients').addColumn('superseded_at', 'timestamptz').execute()
  await db.schema.alterTable('registered_clients').dropConstraint('registered_clients_server').execute()
  await db.schema
    .createIndex('registered_clients_current')
    .on('registered_clients')
    .columns(['tenant_id', 'issuer', 'redirect_uri'])
    .unique()
    .where(sql.ref('superseded_at'), 'is', null)
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('registered_clients').where('superseded_at', 'is not', null).execute()
  await db.schema.dropIndex('registered_clients_current').execute()
  await db.schema
    .alterTable('registered_clients')
    .addUniqueConstraint('registered_clients_server', ['tenant_id', 'issuer', 'redirect_uri'])
    .execute()
  await db.schema.alterTable('registered_clients').dropColumn('superseded_at').execute()
}
