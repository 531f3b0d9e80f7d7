import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import { AppsRepository } from './apps-repository.js'
import { AttemptsRepository } from './attempts-repository.js'
import { ConnectSessionsRepository } from './connect-sessions-repository.js'
import { createCipher } from './cipher.js'
import type { Cipher } from './cipher.js'
import { ConnectionsRepository } from './connections-repository.js'
import { createDatabase } from './create-database.js'
import { CredentialsRepository } from './credentials-repository.js'
import { CustomConnectorsRepository } from './custom-connectors-repository.js'
import type { Database } from './database.js'
import { EventsRepository } from './events-repository.js'
import { migrateToLatest } from './migrate.js'
import { RevocationsRepository } from './revocations-repository.js'
import { TenantSettingsRepository } from './tenant-settings-repository.js'
import { TenantsRepository } from './tenants-repository.js'
import { WebhooksRepository } from './webhooks-repository.js'
import { RegisteredClientsRepository } from './registered-clients-repository.js'
import { recordCurrentKey, verifyEncryptionKeys } from './verify-encryption-keys.js'

/** Options of {@link openStore}. */
export interface StoreOptions {
  readonly connectionString: string
  /** `LATCHKEY_ENCRYPTION_KEYS`: `kid:base64key,...`. */
  readonly encryptionKeys: string | undefined
  /** @defaultValue `10` */
  readonly maxConnections?: number
  /** PostgreSQL's `statement_timeout` on every connection (migrations are exempt). @defaultValue `0` (none) */
  readonly statementTimeoutMs?: number
  readonly applicationName?: string
  /** Told when an idle pooled connection breaks (PostgreSQL restarted); the pool replaces it. */
  readonly onIdleError?: (error: Error) => void
  /** Apply pending migrations. @defaultValue `true` */
  readonly migrate?: boolean
}

/** Every repository over one database and one cipher. */
export interface Store {
  readonly db: Kysely<Database>
  readonly cipher: Cipher
  readonly tenants: TenantsRepository
  readonly settings: TenantSettingsRepository
  readonly apps: AppsRepository
  readonly customConnectors: CustomConnectorsRepository
  readonly connections: ConnectionsRepository
  readonly credentials: CredentialsRepository
  readonly attempts: AttemptsRepository
  readonly sessions: ConnectSessionsRepository
  readonly events: EventsRepository
  readonly revocations: RevocationsRepository
  readonly webhooks: WebhooksRepository
  readonly registeredClients: RegisteredClientsRepository
  /** One round trip to PostgreSQL (readiness probes). @throws when it does not answer */
  ping(): Promise<void>
  close(): Promise<void>
}

/**
 * Opens the store in the order that keeps data safe: the keys are parsed (missing or
 * malformed keys fail before any connection), checked against the data (a wrong key fails
 * before any row is read or written), then migrations run, then the current key is
 * recorded.
 *
 * @throws {EncryptionKeyError} or {MigrationError}; the pool is closed first.
 */
export async function openStore(options: StoreOptions): Promise<Store> {
  const cipher = createCipher(options.encryptionKeys)
  const db = createDatabase({
    connectionString: options.connectionString,
    maxConnections: options.maxConnections,
    ...(options.statementTimeoutMs === undefined ? {} : { statementTimeoutMs: options.statementTimeoutMs }),
    applicationName: options.applicationName,
    onIdleError: options.onIdleError
  })
  try {
    await verifyEncryptionKeys(db, cipher)
    if (options.migrate ?? true) await migrateToLatest(db)
    await recordCurrentKey(db, cipher)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return {
    db,
    cipher,
    tenants: new TenantsRepository(db),
    settings: new TenantSettingsRepository(db),
    apps: new AppsRepository(db, cipher),
    customConnectors: new CustomConnectorsRepository(db),
    connections: new ConnectionsRepository(db, cipher),
    credentials: new CredentialsRepository(db, cipher),
    attempts: new AttemptsRepository(db, cipher),
    sessions: new ConnectSessionsRepository(db),
    events: new EventsRepository(db),
    revocations: new RevocationsRepository(db, cipher),
    registeredClients: new RegisteredClientsRepository(db, cipher),
    webhooks: new WebhooksRepository(db, cipher),
    ping: async () => {
      await sql`select 1`.execute(db)
    },
    close: () => db.destroy()
  }
}
