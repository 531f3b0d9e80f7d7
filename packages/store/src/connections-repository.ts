import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Connection, ConnectionStatus, Database } from './database.js'

/** What creating a connection needs. */
export interface NewConnectionInput {
  readonly tenantId: string
  readonly connectorKey: string
  readonly externalId: string | null
  readonly label: string | null
  readonly parameters: Record<string, string>
  readonly requestedScopes: readonly string[]
  readonly client: { clientId: string; clientSecret: string } | null
  /** The auth scheme's key. @defaultValue `null` (the connector's first) */
  readonly authScheme?: string | null
  /** @defaultValue `"configured"` (schemes without a browser step start `"connected"`) */
  readonly status?: ConnectionStatus
}

/** Fields a status change may set. */
export interface ConnectionPatch {
  readonly status?: ConnectionStatus
  readonly statusReason?: string | null
  readonly grantedScopes?: readonly string[] | null
  /** Widened when a consent for more scopes succeeds. */
  readonly requestedScopes?: readonly string[]
  readonly metadata?: Record<string, unknown>
  /** `null`: not used since (a new token after reconnecting). */
  readonly lastUsedAt?: Date | null
  readonly account?: Record<string, unknown> | null
  readonly verifiedAt?: Date | null
}

/** Connections, always scoped to a tenant: another tenant's id finds nothing. */
export class ConnectionsRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  async create(
    input: NewConnectionInput,
    trx: Kysely<Database> | Transaction<Database> = this.db
  ): Promise<Connection> {
    return trx
      .insertInto('connections')
      .values({
        tenant_id: input.tenantId,
        connector_key: input.connectorKey,
        external_id: input.externalId,
        label: input.label,
        parameters: JSON.stringify(input.parameters),
        requested_scopes: JSON.stringify(input.requestedScopes),
        status: input.status ?? 'configured',
        auth_scheme: input.authScheme ?? null,
        client_id: input.client?.clientId ?? null,
        client_secret_enc: input.client === null ? null : await this.cipher.encrypt(input.client.clientSecret),
        metadata: JSON.stringify({}),
        updated_at: new Date()
      })
      .returningAll()
      .executeTakeFirstOrThrow()
  }

  async get(
    tenantId: string,
    id: string,
    trx: Kysely<Database> | Transaction<Database> = this.db
  ): Promise<Connection | undefined> {
    if (!isUuid(id)) return undefined
    return trx
      .selectFrom('connections')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
  }

  /**
   * The connection's status and account, its row locked until the transaction ends, so a
   * transition knows what it changes from (red only once, however many failures race).
   */
  async lockForTransition(
    tenantId: string,
    id: string,
    trx: Transaction<Database>
  ): Promise<Pick<Connection, 'status' | 'account'> | undefined> {
    if (!isUuid(id)) return undefined
    return trx
      .selectFrom('connections')
      .select(['status', 'account'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
  }

  /**
   * A tenant's connections, newest first (then by id, a stable order), filtered; `after` is
   * the `position` of the last row of the previous page, read by {@link ConnectionsRepository.parsePosition}.
   */
  async list(
    tenantId: string,
    filters: {
      connectorKey?: string | undefined
      externalId?: string | undefined
      status?: ConnectionStatus | undefined
      health?: 'red' | 'green' | 'yellow' | undefined
      limit?: number | undefined
      after?: { readonly createdAtMicros: string; readonly id: string } | undefined
    } = {}
  ): Promise<(Connection & { position: string })[]> {
    let query = this.db
      .selectFrom('connections')
      .selectAll()
      .select(sql<string>`(extract(epoch from created_at) * 1000000)::bigint::text`.as('micros'))
      .where('tenant_id', '=', tenantId)
    if (filters.connectorKey !== undefined) query = query.where('connector_key', '=', filters.connectorKey)
    if (filters.externalId !== undefined) query = query.where('external_id', '=', filters.externalId)
    if (filters.status !== undefined) query = query.where('status', '=', filters.status)
    if (filters.health === 'red') query = query.where('status', '=', 'error')
    const green = sql<boolean>`(status = 'connected' and last_used_at is not null)`
    if (filters.health === 'green') query = query.where(green)
    if (filters.health === 'yellow') query = query.where('status', '<>', 'error').where(sql<boolean>`not ${green}`)
    const after = filters.after
    if (after !== undefined && isUuid(after.id) && /^\d{1,20}$/.test(after.createdAtMicros))
      query = query.where(
        sql<boolean>`(created_at, id) < (timestamptz 'epoch' + ${after.createdAtMicros}::bigint * interval '1 microsecond', ${after.id}::uuid)`
      )
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filters.limit ?? 1000)
      .execute()
    return rows.map(({ micros, ...row }) => ({ ...row, position: `${micros}.${row.id}` }))
  }

  /** Reads a position written by {@link ConnectionsRepository.list}; `undefined` when it is not one. */
  static parsePosition(position: string): { createdAtMicros: string; id: string } | undefined {
    const match = /^(\d{1,20})\.([0-9a-f-]{36})$/.exec(position)
    if (match === null || !isUuid(match[2] ?? '')) return undefined
    return { createdAtMicros: match[1] ?? '', id: match[2] ?? '' }
  }

  /** How many connections each status has, across tenants (the metrics). */
  async countByStatus(): Promise<{ status: ConnectionStatus; count: number }[]> {
    const rows = await this.db
      .selectFrom('connections')
      .select(['status', (eb) => eb.fn.countAll<string>().as('count')])
      .groupBy('status')
      .execute()
    return rows.map((r) => ({ status: r.status, count: Number(r.count) }))
  }

  async update(
    tenantId: string,
    id: string,
    patch: ConnectionPatch,
    trx: Kysely<Database> | Transaction<Database> = this.db
  ): Promise<Connection | undefined> {
    return trx
      .updateTable('connections')
      .set({
        ...(patch.status === undefined ? {} : { status: patch.status }),
        ...(patch.statusReason === undefined ? {} : { status_reason: patch.statusReason }),
        ...(patch.grantedScopes === undefined
          ? {}
          : { granted_scopes: patch.grantedScopes === null ? null : JSON.stringify(patch.grantedScopes) }),
        ...(patch.requestedScopes === undefined ? {} : { requested_scopes: JSON.stringify(patch.requestedScopes) }),
        ...(patch.metadata === undefined ? {} : { metadata: JSON.stringify(patch.metadata) }),
        ...(patch.lastUsedAt === undefined ? {} : { last_used_at: patch.lastUsedAt }),
        ...(patch.account === undefined
          ? {}
          : { account: patch.account === null ? null : JSON.stringify(patch.account) }),
        ...(patch.verifiedAt === undefined ? {} : { verified_at: patch.verifiedAt }),
        updated_at: new Date()
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
  }

  /** @returns whether a row was deleted. */
  /**
   * Marks connections as used at `at`, in one statement (the batched `lastUsedAt` of calls
   * to connections already green); never moves a later `last_used_at` back.
   * @returns how many rows changed
   */
  async touch(ids: readonly string[], at: Date): Promise<number> {
    const valid = ids.filter(isUuid)
    if (valid.length === 0) return 0
    const result = await this.db
      .updateTable('connections')
      .set({ last_used_at: at })
      .where('id', 'in', valid)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', at)]))
      .executeTakeFirst()
    return Number(result.numUpdatedRows)
  }

  async delete(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false
    const result = await this.db
      .deleteFrom('connections')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
    return result.numDeletedRows > 0n
  }

  /**
   * Deletes attempts abandoned before `before`: connections never connected (`configured`,
   * holding no credential) and untouched since. Their events and attempts go with them.
   * @returns the rows deleted, at most `limit`
   */
  async deleteAbandoned(before: Date, limit: number): Promise<{ tenantId: string; id: string }[]> {
    const rows = await this.db
      .deleteFrom('connections')
      .where('id', 'in', (db) =>
        db
          .selectFrom('connections as c')
          .select('c.id')
          .where('c.status', '=', 'configured')
          .where('c.updated_at', '<', before)
          .where((eb) =>
            eb.not(
              eb.exists(eb.selectFrom('credentials').select('connection_id').whereRef('connection_id', '=', 'c.id'))
            )
          )
          .limit(limit)
      )
      .returning(['tenant_id', 'id'])
      .execute()
    return rows.map((row) => ({ tenantId: row.tenant_id, id: row.id }))
  }

  /**
   * Names the dynamically registered client (RFC 7591) the connection is connected with;
   * `null`: none (the tenant's app is used).
   */
  async useRegisteredClient(
    tenantId: string,
    id: string,
    registeredClientId: string | null
  ): Promise<Connection | undefined> {
    if (!isUuid(id)) return undefined
    return this.db
      .updateTable('connections')
      .set({ registered_client_id: registeredClientId, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst()
  }

  /** The customer's own client of a customer-owned connection, secret decrypted. */
  async client(connection: Connection): Promise<{ clientId: string; clientSecret: string } | undefined> {
    if (connection.client_id === null || connection.client_secret_enc === null) return undefined
    return { clientId: connection.client_id, clientSecret: await this.cipher.decrypt(connection.client_secret_enc) }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** Ids that are not UUIDs find nothing (rather than a database error). */
export function isUuid(value: string): boolean {
  return UUID.test(value)
}
