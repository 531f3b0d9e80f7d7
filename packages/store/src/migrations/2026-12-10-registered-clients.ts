import { sql } from 'kysely'
import type { Kysely } from 'kysely'

// Frozen in time: written against Kysely<any>, never against the current Database type.
/* eslint-disable @typescript-eslint/no-explicit-any */

/**
 * OAuth clients Latchkey registered itself at an authorization server (RFC 7591), one per
 * tenant, server and redirect URI, the secret encrypted; a connection names the one it was
 * connected with, so its refreshes and revocation use that client.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('registered_clients')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('tenant_id', 'uuid', (c) => c.notNull().references('tenants.id').onDelete('cascade'))
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('redirect_uri', 'text', (c) => c.notNull())
    .addColumn('client_id', 'text', (c) => c.notNull())
    .addColumn('client_secret_enc', 'text')
    .addColumn('token_endpoint_auth_method', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('registered_clients_server', ['tenant_id', 'issuer', 'redirect_uri'])
    .execute()
  await db.schema
    .alterTable('connections')
    .addColumn('registered_client_id', 'uuid', (c) => c.references('registered_clients.id').onDelete('set null'))
    .execute()
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('connections').dropColumn('registered_client_id').execute()
  await db.schema.dropTable('registered_clients').execute()
}
