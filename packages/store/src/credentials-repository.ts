import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Connection, Database } from './database.js'
import type { EventInput } from './events-repository.js'
import { isUuid } from './connections-repository.js'

/** A stored token set, decrypted: opaque JSON to the store. */
export interface CredentialRecord {
  readonly connectionId: string
  readonly tokenSet: Record<string, unknown>
  readonly expiresAt: Date | null
  readonly refreshDueAt: Date | null
  readonly version: number
}

/** What saving a token set writes. */
export interface CredentialWrite {
  readonly tokenSet: Record<string, unknown>
  readonly expiresAt: Date | null
  readonly refreshDueAt: Date | null
}

type Executor = Kysely<Database> | Transaction<Database>

/** Encrypted token sets, one per connected connection, versioned for compare-and-set. */
export class CredentialsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  async get(connectionId: string, trx: Executor = this.db): Promise<CredentialRecord | undefined> {
    const row = await trx
      .selectFrom('credentials')
      .selectAll()
      .where('connection_id', '=', connectionId)
      .executeTakeFirst()
    if (row === undefined) return undefined
    return {
      connectionId,
      tokenSet: JSON.parse(await this.cipher.decrypt(row.token_set_enc)) as Record<string, unknown>,
      expiresAt: row.expires_at,
      refreshDueAt: row.refresh_due_at,
      version: row.version
    }
  }

  /** Writes a first token set, or replaces any existing one (a reconnect). @returns the new version. */
  async put(tenantId: string, connectionId: string, write: CredentialWrite, trx: Executor = this.db): Promise<number> {
    const values = {
      token_set_enc: await this.cipher.encrypt(JSON.stringify(write.tokenSet)),
      expires_at: write.expiresAt,
      refresh_due_at: write.refreshDueAt,
      updated_at: new Date()
    }
    const row = await trx
      .insertInto('credentials')
      .values({ connection_id: connectionId, tenant_id: tenantId, version: 1, ...values })
      .onConflict((oc) =>
        oc
          .column('connection_id')
          .doUpdateSet((eb) => ({ ...values, version: eb(eb.ref('credentials.version'), '+', 1) }))
      )
      .returning('version')
      .executeTakeFirstOrThrow()
    return row.version
  }

  /**
   * Replaces the token set only if it is still at `expectedVersion` (compare-and-set), so a
   * refresh that outlived its lock cannot overwrite a newer token.
   * @returns the new version, or `undefined` when someone else wrote first.
   */
  async replace(
    connectionId: string,
    expectedVersion: number,
    write: CredentialWrite,
    trx: Executor = this.db
  ): Promise<number | undefined> {
    const row = await trx
      .updateTable('credentials')
      .set({
        token_set_enc: await this.cipher.encrypt(JSON.stringify(write.tokenSet)),
        expires_at: write.expiresAt,
        refresh_due_at: write.refreshDueAt,
        version: expectedVersion + 1,
        updated_at: new Date()
      })
      .where('connection_id', '=', connectionId)
      .where('version', '=', expectedVersion)
      .returning('version')
      .executeTakeFirst()
    return row?.version
  }

  /**
   * Replaces the token set if it is still at `expectedVersion` and logs `event`, in one
   * statement (one round trip): the event is written only when the token set was.
   * @returns the new version, or `undefined` when someone else wrote first (nothing logged).
   */
  async replaceAndLog(
    connectionId: string,
    expectedVersion: number,
    write: CredentialWrite,
    event: EventInput
  ): Promise<number | undefined> {
    const tokenSetEnc = await this.cipher.encrypt(JSON.stringify(write.tokenSet))
    const row = await this.db
      .with('updated', (db) =>
        db
          .updateTable('credentials')
          .set({
            token_set_enc: tokenSetEnc,
            expires_at: write.expiresAt,
            refresh_due_at: write.refreshDueAt,
            version: expectedVersion + 1,
            updated_at: new Date()
          })
          .where('connection_id', '=', connectionId)
          .where('version', '=', expectedVersion)
          .returning(['version', 'tenant_id', 'connection_id'])
      )
      .with('logged', (db) =>
        db
          .insertInto('connection_events')
          .columns(['tenant_id', 'connection_id', 'kind', 'level', 'message', 'detail'])
          .expression((eb) =>
            eb
              .selectFrom('updated')
              .select([
                'updated.tenant_id',
                'updated.connection_id',
                sql<string>`${event.kind}::text`.as('kind'),
                sql<EventInput['level']>`${event.level}::text`.as('level'),
                sql<string>`${event.message}::text`.as('message'),
                sql<string>`${JSON.stringify(event.detail ?? {})}::jsonb`.as('detail')
              ])
          )
          .returning('connection_events.id')
      )
      .selectFrom('updated')
      .select('updated.version')
      .executeTakeFirst()
    return row?.version
  }

  /**
   * The connection row and its credential (decrypted), in one query: what a refresh reads
   * under its lock. `undefined` when the connection is not the tenant's (or gone).
   */
  async withConnection(
    tenantId: string,
    connectionId: string
  ): Promise<{ connection: Connection; credential: CredentialRecord | undefined } | undefined> {
    if (!isUuid(connectionId)) return undefined
    const row = await this.db
      .selectFrom('connections')
      .leftJoin('credentials', 'credentials.connection_id', 'connections.id')
      .selectAll('connections')
      .select([
        'credentials.token_set_enc as credential_token_set_enc',
        'credentials.expires_at as credential_expires_at',
        'credentials.refresh_due_at as credential_refresh_due_at',
        'credentials.version as credential_version'
      ])
      .where('connections.tenant_id', '=', tenantId)
      .where('connections.id', '=', connectionId)
      .executeTakeFirst()
    if (row === undefined) return undefined
    const {
      credential_token_set_enc: tokenSetEnc,
      credential_expires_at: expiresAt,
      credential_refresh_due_at: refreshDueAt,
      credential_version: version,
      ...connection
    } = row
    const credential =
      tokenSetEnc === null || version === null
        ? undefined
        : {
            connectionId,
            tokenSet: JSON.parse(await this.cipher.decrypt(tokenSetEnc)) as Record<string, unknown>,
            expiresAt,
            refreshDueAt,
            version
          }
    return { connection, credential }
  }

  /** Deletes and returns the token set (for revocation), in the caller's transaction. */
  async take(connectionId: string, trx: Executor = this.db): Promise<{ tokenSetEnc: string } | undefined> {
    const row = await trx
      .deleteFrom('credentials')
      .where('connection_id', '=', connectionId)
      .returning('token_set_enc')
      .executeTakeFirst()
    return row === undefined ? undefined : { tokenSetEnc: row.token_set_enc }
  }

  /** Stops sweeping a connection's credential (it turned red): no refresh is due any more. */
  async stopRefreshing(connectionId: string, trx: Executor = this.db): Promise<void> {
    await trx
      .updateTable('credentials')
      .set({ refresh_due_at: null })
      .where('connection_id', '=', connectionId)
      .execute()
  }

  /** The version and due time alone, without opening the token set. */
  async state(
    connectionId: string,
    trx: Executor = this.db
  ): Promise<{ version: number; refreshDueAt: Date | null; expiresAt: Date | null } | undefined> {
    const row = await trx
      .selectFrom('credentials')
      .select(['version', 'refresh_due_at', 'expires_at'])
      .where('connection_id', '=', connectionId)
      .executeTakeFirst()
    return row === undefined
      ? undefined
      : { version: row.version, refreshDueAt: row.refresh_due_at, expiresAt: row.expires_at }
  }

  /**
   * Credentials of connected connections whose refresh is due at `now` (the partial index on
   * `refresh_due_at`), the most urgent first, with their expiry so callers can spread the work.
   */
  async due(
    now: Date,
    limit: number
  ): Promise<{ connectionId: string; tenantId: string; refreshDueAt: Date; expiresAt: Date | null }[]> {
    const rows = await this.db
      .selectFrom('credentials')
      .innerJoin('connections', 'connections.id', 'credentials.connection_id')
      .select([
        'credentials.connection_id',
        'credentials.tenant_id',
        'credentials.refresh_due_at',
        'credentials.expires_at'
      ])
      .where('credentials.refresh_due_at', '<=', now)
      .where('connections.status', '=', 'connected')
      .orderBy('credentials.refresh_due_at')
      .limit(limit)
      .execute()
    return rows.map((row) => ({
      connectionId: row.connection_id,
      tenantId: row.tenant_id,
      refreshDueAt: row.refresh_due_at ?? now,
      expiresAt: row.expires_at
    }))
  }

  /** The expiry of each connection's token set, by connection id (those without a credential are left out). */
  async expiries(connectionIds: readonly string[]): Promise<Map<string, Date | null>> {
    if (connectionIds.length === 0) return new Map()
    const rows = await this.db
      .selectFrom('credentials')
      .select(['connection_id', 'expires_at'])
      .where('connection_id', 'in', connectionIds)
      .execute()
    return new Map(rows.map((row) => [row.connection_id, row.expires_at]))
  }
}
