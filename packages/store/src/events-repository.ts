import type { Kysely, Transaction } from 'kysely'
import type { ConnectionEvent, Database, EventLevel } from './database.js'

/**
 * Every kind of entry a connection's log holds: a closed list, so a new kind is a
 * deliberate change here (and in the API's documentation), never a free string.
 */
export const EVENT_KINDS = [
  'connection.created',
  'connect.started',
  'connect.failed',
  'connection.connected',
  'connection.verified',
  'connection.verification_failed',
  'connection.credentials_replaced',
  'connection.auth_failed',
  'connection.refresh_failed',
  'connection.recovered',
  'connection.disconnected',
  'token.refreshed',
  'token.fetched',
  'refresh.retryable_failure',
  'revocation.queued',
  'revocation.deferred',
  'revocation.done',
  'revocation.failed',
  'revocation.gave_up',
  'revocation.not_supported'
] as const

/** One of {@link EVENT_KINDS}. */
export type EventKind = (typeof EVENT_KINDS)[number]

/** One entry of a connection's log. */
export interface EventInput {
  readonly kind: EventKind
  readonly level: EventLevel
  readonly message: string
  readonly detail?: Record<string, unknown>
}

/** Connection logs. Callers never put secrets in them. */
export class EventsRepository {
  constructor(private readonly db: Kysely<Database>) {}

  async add(
    tenantId: string,
    connectionId: string,
    event: EventInput,
    trx: Kysely<Database> | Transaction<Database> = this.db
  ): Promise<void> {
    await trx
      .insertInto('connection_events')
      .values({
        tenant_id: tenantId,
        connection_id: connectionId,
        kind: event.kind,
        level: event.level,
        message: event.message,
        detail: JSON.stringify(event.detail ?? {})
      })
      .execute()
  }

  /** Newest first. */
  async list(tenantId: string, connectionId: string, limit: number): Promise<ConnectionEvent[]> {
    return this.db
      .selectFrom('connection_events')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('connection_id', '=', connectionId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  }
}
