import { randomBytes } from 'node:crypto'
import type { JobQueues } from '@latchkey/jobs'
import type { Store } from '@latchkey/store'
import { visibleParameters } from '../connections/connection-context.js'
import { toConnectionView } from '../connections/connection-view.js'
import type { WebhookEventType } from './webhook-events.js'

/** The database or a transaction of it, as the repositories take them. */
type Executor = NonNullable<Parameters<Store['webhooks']['subscribed']>[2]>

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
    const endpoints = endpointIds ?? (await this.store.webhooks.subscribed(tenantId, type, trx))
    if (endpoints.length === 0) return []
    const body = JSON.stringify({ type, timestamp: new Date(this.now()).toISOString(), data: await data() })
    return this.store.webhooks.createMessage(tenantId, { id: newMessageId(), type, body }, endpoints, trx)
  }

  /** A connection event: the connection as the API shows it, read in the transaction (after the change). */
  async connectionEvent(
    trx: Executor,
    ref: { readonly tenantId: string; readonly connectionId: string },
    type: WebhookEventType,
    fallback?: Record<string, unknown>
  ): Promise<string[]> {
    return this.emit(trx, ref.tenantId, type, async () => {
      const row = await this.store.connections.get(ref.tenantId, ref.connectionId, trx)
      if (row === undefined) return { id: ref.connectionId, ...fallback }
      const credential = await this.store.credentials.state(ref.connectionId, trx)
      return {
        ...toConnectionView({ ...row, parameters: visibleParameters(row.parameters) }, credential?.expiresAt ?? null)
      }
    })
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
