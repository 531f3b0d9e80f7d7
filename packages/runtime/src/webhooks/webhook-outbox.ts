import { randomBytes } from 'node:crypto'
import type { JobQueues } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'
import { visibleParameters } from '../connections/connection-context.js'
import { toConnectionView } from '../connections/connection-view.js'
import type { ConnectionRef } from '../connections/lifecycle.js'
import type { WebhookEventType } from './webhook-events.js'

/** The database or a transaction of it, as the repositories take them. */
type Executor = NonNullable<Parameters<Store['webhooks']['subscribed']>[2]>

/**
 * How long a held delivery waits for its release: longer than a verification request can
 * take (three tries of 30 s, waits of up to 30 s between them, a refresh), so only a process
 * that died before releasing it leaves it to the sweep, which then sends it as stored.
 */
export const WEBHOOK_HOLD_MS = 10 * 60_000

/**
 * A message stored with its transition whose deliveries wait for
 * {@link WebhookOutbox.release}: a connect's `connection.connected` waits for the
 * verification request that follows it, so it carries the account found.
 */
export interface HeldMessage {
  /** The `webhook-id`. */
  readonly id: string
  readonly type: WebhookEventType
  readonly timestamp: string
  /** The data as stored at the transition. */
  readonly data: Record<string, unknown>
}

/** The body of a message: what is signed and sent, byte for byte. */
function messageBody(type: WebhookEventType, timestamp: string, data: Record<string, unknown>): string {
  return JSON.stringify({ type, timestamp, data })
}

/** A Standard Webhooks message id: `msg_` and 24 random base64url characters. */
export function newMessageId(): string {
  return `msg_${randomBytes(18).toString('base64url')}`
}

/**
 * The transactional outbox of webhooks: a message is stored with one delivery per
 * subscribed endpoint in the same transaction as the change it tells of, so it is sent if
 * and only if that change committed; once committed, the first attempts are queued
 * ({@link WebhookOutbox.dispatch}). A delivery whose job never reached Redis is queued by
 * the worker's sweep. Bodies never hold a token, a secret or a password parameter (the
 * connection as the API shows it: password parameters masked).
 */
export class WebhookOutbox {
  constructor(
    private readonly store: Store,
    private readonly queues: Pick<JobQueues, 'enqueueWebhook'>,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Stores `type` for the tenant's endpoints that take it (or only `endpointIds`), its data
   * built only when some endpoint does. @returns the deliveries to dispatch after commit.
   */
  async emit(
    trx: Executor,
    tenantId: string,
    type: WebhookEventType,
    data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
    endpointIds?: readonly string[]
  ): Promise<string[]> {
    return (await this.write(trx, tenantId, type, data, endpointIds))?.deliveryIds ?? []
  }

  /** A connection event: the connection as the API shows it, read in the transaction (after the change). */
  async connectionEvent(
    trx: Executor,
    ref: ConnectionRef,
    type: WebhookEventType,
    fallback?: Record<string, unknown>
  ): Promise<string[]> {
    return this.emit(trx, ref.tenantId, type, () => this.connectionData(trx, ref, fallback))
  }

  /**
   * A connection event stored like {@link connectionEvent}, its deliveries held back until
   * {@link release} (or, should this process die first, for {@link WEBHOOK_HOLD_MS}, after
   * which the sweep sends it as stored). @returns the held message; none when no endpoint takes the type
   */
  async hold(trx: Executor, ref: ConnectionRef, type: WebhookEventType): Promise<HeldMessage | undefined> {
    const held = await this.write(
      trx,
      ref.tenantId,
      type,
      () => this.connectionData(trx, ref),
      undefined,
      new Date(this.now() + WEBHOOK_HOLD_MS)
    )
    return held?.message
  }

  /**
   * Releases a held message: its data takes the identity the connection has now (`account`
   * and `verifiedAt`, as the verification that ran since kept them; the rest as it was at
   * the transition), unless an attempt already went out, and its deliveries become due.
   * @returns the deliveries to dispatch after commit
   */
  async release(trx: Executor, ref: ConnectionRef, held: HeldMessage): Promise<string[]> {
    const row = await this.store.connections.get(ref.tenantId, ref.connectionId, trx)
    const data =
      row === undefined
        ? held.data
        : { ...held.data, account: row.account, verifiedAt: row.verified_at?.toISOString() ?? null }
    return this.store.webhooks.releaseMessage(held.id, messageBody(held.type, held.timestamp, data), trx)
  }

  /** The connection as the API shows it, read in `trx`; `fallback` when it is gone (deleted). */
  private async connectionData(
    trx: Executor,
    ref: ConnectionRef,
    fallback?: Record<string, unknown>
  ): Promise<Record<string, unknown>> {
    const row = await this.store.connections.get(ref.tenantId, ref.connectionId, trx)
    if (row === undefined) return { id: ref.connectionId, ...fallback }
    const credential = await this.store.credentials.state(ref.connectionId, trx)
    return {
      ...toConnectionView({ ...row, parameters: visibleParameters(row.parameters) }, credential?.expiresAt ?? null)
    }
  }

  /** Stores a message with a delivery per endpoint that takes it, held until `heldUntil` when given. */
  private async write(
    trx: Executor,
    tenantId: string,
    type: WebhookEventType,
    data: () => Promise<Record<string, unknown>> | Record<string, unknown>,
    endpointIds: readonly string[] | undefined,
    heldUntil?: Date
  ): Promise<{ message: HeldMessage; deliveryIds: string[] } | undefined> {
    const endpoints = endpointIds ?? (await this.store.webhooks.subscribed(tenantId, type, trx))
    if (endpoints.length === 0) return undefined
    const message: HeldMessage = {
      id: newMessageId(),
      type,
      timestamp: new Date(this.now()).toISOString(),
      data: await data()
    }
    const body = messageBody(message.type, message.timestamp, message.data)
    const deliveryIds = await this.store.webhooks.createMessage(
      tenantId,
      { id: message.id, type, body },
      endpoints,
      trx,
      heldUntil
    )
    return { message, deliveryIds }
  }

  /**
   * Queues the first attempt of each committed delivery. When Redis cannot take one, it is
   * still sent: the worker's sweep queues pending deliveries whose job is missing.
   */
  async dispatch(deliveryIds: readonly string[]): Promise<void> {
    await Promise.all(
      deliveryIds.map((deliveryId) => this.queues.enqueueWebhook({ deliveryId, attempt: 0 }).catch(() => undefined))
    )
  }
}
