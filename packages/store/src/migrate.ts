import { Migrator, sql } from 'kysely'
import type { Kysely, Migration } from 'kysely'
import type { Database } from './database.js'
import { MigrationError } from './errors.js'
import * as appsWithoutClient from './migrations/2026-11-25-apps-without-client.js'
import * as purgeRevokedTokens from './migrations/2026-12-01-purge-revoked-tokens.js'
import * as oauth1RequestTokens from './migrations/2026-12-02-oauth1-request-tokens.js'
import * as webhooks from './migrations/2026-12-03-webhooks.js'
import * as apiKeyLabels from './migrations/2026-12-04-api-key-labels.js'
import * as actionsConsent from './migrations/2026-12-05-actions-consent.js'
import * as connectionsListOrder from './migrations/2026-12-06-connections-list-order.js'
import * as abandonedAttempts from './migrations/2026-12-07-abandoned-attempts.js'
import * as embedding from './migrations/2026-12-08-embedding.js'
import * as clientCertificates from './migrations/2026-12-09-client-certificates.js'
import * as registeredClients from './migrations/2026-12-10-registered-clients.js'
import * as supersededRegisteredClients from './migrations/2026-12-11-superseded-registered-clients.js'
import * as authSchemes from './migrations/2026-11-24-auth-schemes.js'
import * as connectSessions from './migrations/2026-11-23-connect-sessions.js'
import * as initialSchema from './migrations/2026-11-22-initial-schema.js'

/**
 * Every migration, by name. Kysely applies them in the names' sort order, so a new
 * migration's name must sort after every earlier one (a later date prefix).
 */
const MIGRATIONS: Record<string, Migration> = {
  '2026-11-22-initial-schema': initialSchema,
  '2026-11-23-connect-sessions': connectSessions,
  '2026-11-24-auth-schemes': authSchemes,
  '2026-11-25-apps-without-client': appsWithoutClient,
  '2026-12-01-purge-revoked-tokens': purgeRevokedTokens,
  '2026-12-02-oauth1-request-tokens': oauth1RequestTokens,
  '2026-12-03-webhooks': webhooks,
  '2026-12-04-api-key-labels': apiKeyLabels,
  '2026-12-05-actions-consent': actionsConsent,
  '2026-12-06-connections-list-order': connectionsListOrder,
  '2026-12-07-abandoned-attempts': abandonedAttempts,
  '2026-12-08-embedding': embedding,
  '2026-12-09-client-certificates': clientCertificates,
  '2026-12-10-registered-clients': registeredClients,
  '2026-12-11-superseded-registered-clients': supersededRegisteredClients
}

/** An arbitrary, fixed advisory lock id: one migrator at a time across processes. */
const MIGRATION_LOCK = 7_202_611_22

/**
 * Applies every pending migration. Safe when several processes start at once: they queue
 * on a PostgreSQL advisory lock, and the later ones find nothing to do.
 *
 * @returns the names of the migrations this call applied.
 * @throws {MigrationError} on the first failure.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`.execute(connection)
    // A migration may rewrite a large table: no statement timeout while migrating (reset after).
    await sql`set statement_timeout = 0`.execute(connection)
    try {
      const migrator = new Migrator({ db: connection, provider: { getMigrations: async () => MIGRATIONS } })
      const { error, results } = await migrator.migrateToLatest()
      if (error !== undefined) {
        const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
        throw new MigrationError(
          `migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`,
          { cause: error }
        )
      }
      return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
    } finally {
      await sql`reset statement_timeout`.execute(connection)
      await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`.execute(connection)
    }
  })
}
