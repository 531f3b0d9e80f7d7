import { sql } from 'kysely'
import type { Kysely, Transaction } from 'kysely'
import type { Cipher } from './cipher.js'
import { isUuid } from './connections-repository.js'
import type { Database, WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from './database.js'

type Executor = Kysely<Database> | Transaction<Database>

/** An endpoint as callers see it: no secret column, encrypted or not. */
export type WebhookEndpointRecord = Omit<WebhookEndpoint, 'secret_enc' | 'previous_secret_enc'>

/** What an endpoint edit may change; enabling clears why it was disabled and its failing streak. */
export interface WebhookEndpointPatch {
  url?: string | undefined
  events?: readonly string[] | null | undefined
  description?: string | null | undefined
  enabled?: boolean | undefined
}

/** A delivery with its message's type, for the delivery log. */
export type WebhookDeliveryRecord = WebhookDelivery & { readonly type: string }

/** What the sender needs for one attempt: the delivery, its endpoint (with the secrets that sign now) and the message. */
export interface DeliveryToSend {
  readonly delivery: WebhookDelivery
  readonly endpoint: WebhookEndpointRecord
  /** The current secret first, then the previous one while it still signs. */
  readonly secrets: readonly string[]
  readonly message: { readonly id: string; readonly type: string; readonly body: string; readonly created_at: Date }
}

/** The result of one attempt, recorded on the delivery. */
export interface AttemptOutcome {
  /** `pending` schedules another attempt at `nextAttemptAt`. */
  readonly status: WebhookDeliveryStatus
  readonly statusCode: number | null
  readonly durationMs: number
  readonly error: string | null
  readonly nextAttemptAt?: Date
}

const ENDPOINT_COLUMNS = [
  'id',
  'tenant_id',
  'url',
  'events',
  'description',
  'previous_secret_expires_at',
  'enabled',
  'disabled_reason',
  'failing_since',
  'created_at',
  'updated_at'
] as const

/**
 * Webhook endpoints, messages and deliveries. Secrets are encrypted here and only
 * {@link WebhooksRepository.toSend} opens them; a message is inserted with its deliveries in
 * the caller's transaction (the transition that caused it), so an event is sent if and only
 * if its change committed.
 */
export class WebhooksRepository {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly cipher: Cipher
  ) {}

  async createEndpoint(
    tenantId: string,
    input: { url: string; events: readonly string[] | null; description: string | null; secret: string }
  ): Promise<WebhookEndpointRecord> {
    return this.db
      .insertInto('webhook_endpoints')
      .values({
        tenant_id: tenantId,
        url: input.url,
        events: input.events === null ? null : JSON.stringify(input.events),
        description: input.description,
        secret_enc: await this.cipher.encrypt(input.secret),
        updated_at: new Date()
      })
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirstOrThrow()
  }

  async listEndpoints(tenantId: string): Promise<WebhookEndpointRecord[]> {
    return this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .where('tenant_id', '=', tenantId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  }

  async getEndpoint(tenantId: string, id: string): Promise<WebhookEndpointRecord | undefined> {
    if (!isUuid(id)) return undefined
    return this.db
      .selectFrom('webhook_endpoints')
      .select(ENDPOINT_COLUMNS)
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
  }

  /** Edits an endpoint; enabling it again clears why it was disabled and its failing streak. */
  async updateEndpoint(
    tenantId: string,
    id: string,
    patch: WebhookEndpointPatch
  ): Promise<WebhookEndpointRecord | undefined> {
    if (!isUuid(id)) return undefined
    return this.db
      .updateTable('webhook_endpoints')
      .set({
        ...(patch.url === undefined ? {} : { url: patch.url }),
        ...(patch.events === undefined ? {} : { events: patch.events === null ? null : JSON.stringify(patch.events) }),
        ...(patch.description === undefined ? {} : { description: patch.description }),
        ...(patch.enabled === undefined
          ? {}
          : patch.enabled
            ? { enabled: true, disabled_reason: null, failing_since: null }
            : { enabled: false, disabled_reason: 'disabled through the API' }),
        updated_at: new Date()
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst()
  }

  /** Deletes an endpoint with its deliveries. @returns whether it existed. */
  async deleteEndpoint(tenantId: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false
    const result = await this.db
      .deleteFrom('webhook_endpoints')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst()
    return result.numDeletedRows > 0n
  }

  /** A new current secret; the old one keeps signing until `previousUntil`. */
  async rotateSecret(
    tenantId: string,
    id: string,
    secret: string,
    previousUntil: Date
  ): Promise<WebhookEndpointRecord | undefined> {
    if (!isUuid(id)) return undefined
    const encrypted = await this.cipher.encrypt(secret)
    return this.db
      .updateTable('webhook_endpoints')
      .set((eb) => ({
        previous_secret_enc: eb.ref('secret_enc'),
        previous_secret_expires_at: previousUntil,
        secret_enc: encrypted,
        updated_at: new Date()
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst()
  }

  /** The enabled endpoints of a tenant that take this event type. */
  async subscribed(tenantId: string, type: string, trx: Executor = this.db): Promise<string[]> {
    const rows = await trx
      .selectFrom('webhook_endpoints')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('enabled', '=', true)
      .where((eb) => eb.or([eb('events', 'is', null), sql<boolean>`events ? ${type}`]))
      .execute()
    return rows.map((r) => r.id)
  }

  /**
   * Stores a message and one pending delivery per endpoint, due now or, held, at `heldUntil`
   * (the sweep leaves a delivery alone until it is due). @returns the deliveries' ids.
   */
  async createMessage(
    tenantId: string,
    message: { readonly id: string; readonly type: string; readonly body: string },
    endpointIds: readonly string[],
    trx: Executor = this.db,
    heldUntil?: Date
  ): Promise<string[]> {
    if (endpointIds.length === 0) return []
    await trx
      .insertInto('webhook_messages')
      .values({ tenant_id: tenantId, ...message })
      .execute()
    const rows = await trx
      .insertInto('webhook_deliveries')
      .values(
        endpointIds.map((endpointId) => ({
          tenant_id: tenantId,
          endpoint_id: endpointId,
          message_id: message.id,
          ...(heldUntil === undefined ? {} : { next_attempt_at: heldUntil })
        }))
      )
      .returning('id')
      .execute()
    return rows.map((r) => r.id)
  }

  /**
   * Releases a held message: its body replaced by `body` while none of its deliveries has
   * been attempted (a receiver never sees two bodies under one `webhook-id`), and its
   * unattempted deliveries due now. @returns the deliveries to queue
   */
  async releaseMessage(messageId: string, body: string, trx: Executor = this.db): Promise<string[]> {
    await trx
      .updateTable('webhook_messages')
      .set({ body })
      .where('id', '=', messageId)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('webhook_deliveries').select('id').where('message_id', '=', messageId).where('attempts', '>', 0)
          )
        )
      )
      .execute()
    const rows = await trx
      .updateTable('webhook_deliveries')
      .set({ next_attempt_at: new Date() })
      .where('message_id', '=', messageId)
      .where('status', '=', 'pending')
      .where('attempts', '=', 0)
      .returning('id')
      .execute()
    return rows.map((r) => r.id)
  }

  /** A delivery with what its next attempt needs, the secrets opened; `undefined` once deleted. */
  async toSend(deliveryId: string, now: Date): Promise<DeliveryToSend | undefined> {
    if (!isUuid(deliveryId)) return undefined
    const row = await this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_endpoints as e', 'e.id', 'd.endpoint_id')
      .innerJoin('webhook_messages as m', 'm.id', 'd.message_id')
      .selectAll('d')
      .select([
        'e.url',
        'e.events',
        'e.description',
        'e.secret_enc',
        'e.previous_secret_enc',
        'e.previous_secret_expires_at',
        'e.enabled',
        'e.disabled_reason',
        'e.failing_since',
        'e.created_at as endpoint_created_at',
        'e.updated_at as endpoint_updated_at',
        'm.type',
        'm.body',
        'm.created_at as message_created_at'
      ])
      .where('d.id', '=', deliveryId)
      .executeTakeFirst()
    if (row === undefined) return undefined
    const secrets = [await this.cipher.decrypt(row.secret_enc)]
    if (
      row.previous_secret_enc !== null &&
      row.previous_secret_expires_at !== null &&
      row.previous_secret_expires_at > now
    )
      secrets.push(await this.cipher.decrypt(row.previous_secret_enc))
    return {
      delivery: {
        id: row.id,
        tenant_id: row.tenant_id,
        endpoint_id: row.endpoint_id,
        message_id: row.message_id,
        status: row.status,
        attempts: row.attempts,
        next_attempt_at: row.next_attempt_at,
        last_attempt_at: row.last_attempt_at,
        last_status_code: row.last_status_code,
        last_duration_ms: row.last_duration_ms,
        last_error: row.last_error,
        created_at: row.created_at,
        finished_at: row.finished_at
      },
      endpoint: {
        id: row.endpoint_id,
        tenant_id: row.tenant_id,
        url: row.url,
        events: row.events,
        description: row.description,
        previous_secret_expires_at: row.previous_secret_expires_at,
        enabled: row.enabled,
        disabled_reason: row.disabled_reason,
        failing_since: row.failing_since,
        created_at: row.endpoint_created_at,
        updated_at: row.endpoint_updated_at
      },
      secrets,
      message: { id: row.message_id, type: row.type, body: row.body, created_at: row.message_created_at }
    }
  }

  /**
   * Records an attempt, if the delivery is still pending at `attemptsBefore` attempts (a job
   * run twice records once). @returns whether it was recorded.
   */
  async recordAttempt(deliveryId: string, attemptsBefore: number, outcome: AttemptOutcome): Promise<boolean> {
    const now = new Date()
    const result = await this.db
      .updateTable('webhook_deliveries')
      .set({
        status: outcome.status,
        attempts: attemptsBefore + 1,
        last_attempt_at: now,
        last_status_code: outcome.statusCode,
        last_duration_ms: Math.round(outcome.durationMs),
        last_error: outcome.error,
        ...(outcome.status === 'pending' ? { next_attempt_at: outcome.nextAttemptAt ?? now } : { finished_at: now })
      })
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .where('attempts', '=', attemptsBefore)
      .executeTakeFirst()
    return result.numUpdatedRows > 0n
  }

  /** Ends a pending delivery without an attempt (its endpoint was disabled). */
  async abandon(deliveryId: string, reason: string): Promise<void> {
    await this.db
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', last_error: reason, finished_at: new Date() })
      .where('id', '=', deliveryId)
      .where('status', '=', 'pending')
      .execute()
  }

  /** The endpoint answered: its failing streak ends. */
  async endpointAnswered(endpointId: string): Promise<void> {
    await this.db
      .updateTable('webhook_endpoints')
      .set({ failing_since: null })
      .where('id', '=', endpointId)
      .where('failing_since', 'is not', null)
      .execute()
  }

  /** The endpoint failed an attempt. @returns since when it has been failing. */
  async endpointFailed(endpointId: string, at: Date): Promise<Date> {
    const row = await this.db
      .updateTable('webhook_endpoints')
      .set((eb) => ({ failing_since: eb.fn.coalesce('failing_since', eb.val(at)) }))
      .where('id', '=', endpointId)
      .returning('failing_since')
      .executeTakeFirst()
    return row?.failing_since ?? at
  }

  /**
   * Disables an endpoint that kept failing.
   * @returns the endpoint when this call disabled it; `undefined` when it was disabled already (or is gone).
   */
  async disableEndpoint(endpointId: string, reason: string): Promise<WebhookEndpointRecord | undefined> {
    return this.db
      .updateTable('webhook_endpoints')
      .set({ enabled: false, disabled_reason: reason, updated_at: new Date() })
      .where('id', '=', endpointId)
      .where('enabled', '=', true)
      .returning(ENDPOINT_COLUMNS)
      .executeTakeFirst()
  }

  /** An endpoint's deliveries, each with its message's type (the log's one query shape). */
  private deliveries(tenantId: string, endpointId: string) {
    return this.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhook_messages as m', 'm.id', 'd.message_id')
      .selectAll('d')
      .select('m.type')
      .where('d.tenant_id', '=', tenantId)
      .where('d.endpoint_id', '=', endpointId)
  }

  /** An endpoint's deliveries, newest first, with their message's type. */
  async listDeliveries(
    tenantId: string,
    endpointId: string,
    options: { readonly limit: number; readonly status?: WebhookDeliveryStatus | undefined }
  ): Promise<WebhookDeliveryRecord[]> {
    let query = this.deliveries(tenantId, endpointId)
    if (options.status !== undefined) query = query.where('d.status', '=', options.status)
    return query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').limit(options.limit).execute()
  }

  async getDelivery(
    tenantId: string,
    endpointId: string,
    deliveryId: string
  ): Promise<WebhookDeliveryRecord | undefined> {
    if (!isUuid(deliveryId) || !isUuid(endpointId)) return undefined
    return this.deliveries(tenantId, endpointId).where('d.id', '=', deliveryId).executeTakeFirst()
  }

  /** A new pending delivery of a delivery's message to the same endpoint (a replay). @returns its id */
  async redeliver(delivery: Pick<WebhookDelivery, 'tenant_id' | 'endpoint_id' | 'message_id'>): Promise<string> {
    const row = await this.db
      .insertInto('webhook_deliveries')
      .values({ tenant_id: delivery.tenant_id, endpoint_id: delivery.endpoint_id, message_id: delivery.message_id })
      .returning('id')
      .executeTakeFirstOrThrow()
    return row.id
  }

  /** Pending deliveries due more than `graceSeconds` ago (their job was lost), oldest first. */
  async overdue(graceSeconds: number, limit: number): Promise<{ id: string; attempts: number }[]> {
    return this.db
      .selectFrom('webhook_deliveries')
      .select(['id', 'attempts'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<', sql<Date>`now() - make_interval(secs => ${graceSeconds})`)
      .orderBy('next_attempt_at')
      .limit(limit)
      .execute()
  }
}
