import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * A tenant app's client certificate for mutual TLS: its PEM certificate and private key,
 * encrypted together as one JSON value (never one without the other).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connector_apps').addColumn('client_certificate_enc', 'text').execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connector_apps').dropColumn('client_certificate_enc').execute()
}
