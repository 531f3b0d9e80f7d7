import { randomBytes } from 'node:crypto'
import type { Issue } from '@latchkey/connector-sdk'
import type {
  Store,
  WebhookDeliveryRecord,
  WebhookDeliveryStatus,
  WebhookEndpointPatch,
  WebhookEndpointRecord
} from '@latchkey/store'
import { isDeniedHost } from '../calls/egress-policy.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import { WEBHOOK_EVENT_TYPES, isWebhookEventType } from './webhook-events.js'
import type { WebhookEventType } from './webhook-events.js'
import type { WebhookOutbox } from './webhook-outbox.js'

/** How long the previous secret keeps signing after a rotation (the spec's several signatures). */
export const PREVIOUS_SECRET_TTL_MS = 24 * 3_600_000

/** The event types an endpoint may subscribe to (`webhook.test` is sent on request only). */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((type) => type !== 'webhook.test')

/** A webhook endpoint as the API shows it. Its secret is shown once, on creation and rotation only. */
export interface WebhookEndpointView {
  id: string
  url: string
  /** The event types sent; `null` sends every type. */
  events: string[] | null
  description: string | null
  enabled: boolean
  /** Why it was disabled (it kept failing, or it was disabled through the API). */
  disabledReason: string | null
  /** Since when every attempt to it has failed; `null` while it answers. */
  failingSince: string | null
  /** After a rotation, the previous secret also signs until then. */
  previousSecretExpiresAt: string | null
  createdAt: string
  updatedAt: string
}

/** One delivery of one message to one endpoint. */
export interface WebhookDeliveryView {
  id: string
  /** The `webhook-id` header: the same on every attempt and replay of the message. */
  messageId: string
  type: string
  status: WebhookDeliveryStatus
  attempts: number
  /** When the next attempt runs (pending deliveries). */
  nextAttemptAt: string | null
  lastAttemptAt: string | null
  lastStatusCode: number | null
  lastDurationMs: number | null
  lastError: string | null
  createdAt: string
  finishedAt: string | null
}

/** A new signing secret: `whsec_` and 32 random bytes in base64 (Standard Webhooks' format). */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`
}

export function toEndpointView(row: WebhookEndpointRecord, now: number): WebhookEndpointView {
  const previous = row.previous_secret_expires_at
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    description: row.description,
    enabled: row.enabled,
    disabledReason: row.enabled ? null : row.disabled_reason,
    failingSince: row.failing_since?.toISOString() ?? null,
    previousSecretExpiresAt: previous !== null && previous.getTime() > now ? previous.toISOString() : null,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString()
  }
}

export function toDeliveryView(row: WebhookDeliveryRecord): WebhookDeliveryView {
  return {
    id: row.id,
    messageId: row.message_id,
    type: row.type,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
    lastAttemptAt: row.last_attempt_at?.toISOString() ?? null,
    lastStatusCode: row.last_status_code,
    lastDurationMs: row.last_duration_ms,
    lastError: row.last_error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null
  }
}

/** Hosts a development deployment may send plain `http` to. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/**
 * A tenant's webhook endpoints: create (the secret shown once), edit, rotate the secret,
 * send a test event, read the delivery log and replay a delivery. A tenant reaches its own
 * endpoints only; another tenant's id is not found.
 */
export class WebhookService {
  constructor(
    private readonly store: Store,
    private readonly outbox: WebhookOutbox,
    private readonly options: { readonly allowPrivateNetwork: boolean; readonly now?: () => number }
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** Every problem of an endpoint's URL and events, by field. */
  private check(input: { url?: string | undefined; events?: readonly string[] | null | undefined }): void {
    const issues: Issue[] = []
    if (input.url !== undefined) {
      let url: URL | undefined
      try {
        url = new URL(input.url)
      } catch {
        issues.push({ path: 'body.url', message: 'is not an absolute URL' })
      }
      if (url !== undefined) {
        const loopback = isLoopbackHost(url.hostname)
        if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback && this.options.allowPrivateNetwork))
          issues.push({
            path: 'body.url',
            message: this.options.allowPrivateNetwork
              ? 'must use https (plain http only for a loopback host)'
              : 'must use https'
          })
        if (url.username !== '' || url.password !== '')
          issues.push({ path: 'body.url', message: 'must not hold a user name or password' })
        if (url.hash !== '') issues.push({ path: 'body.url', message: 'must not have a fragment' })
        if (!this.options.allowPrivateNetwork && isDeniedHost(url.hostname))
          issues.push({ path: 'body.url', message: 'points at a private or local address, which webhooks never reach' })
      }
    }
    if (input.events !== undefined && input.events !== null) {
      if (input.events.length === 0)
        issues.push({ path: 'body.events', message: 'must list at least one event type (omit it for every type)' })
      const seen = new Set<string>()
      input.events.forEach((type, index) => {
        if (type === 'webhook.test')
          issues.push({
            path: `body.events[${index}]`,
            message: '"webhook.test" is sent on request only, to one endpoint'
          })
        else if (!isWebhookEventType(type))
          issues.push({
            path: `body.events[${index}]`,
            message: `"${type}" is not an event type; one of ${SUBSCRIBABLE_EVENT_TYPES.join(', ')}`
          })
        if (seen.has(type)) issues.push({ path: `body.events[${index}]`, message: `"${type}" is listed twice` })
        seen.add(type)
      })
    }
    if (issues.length > 0)
      throw invalidRequest(
        `the webhook endpoint has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}`,
        issues
      )
  }

  async create(
    tenantId: string,
    input: { url: string; events?: readonly string[] | null | undefined; description?: string | null | undefined }
  ): Promise<WebhookEndpointView & { secret: string }> {
    this.check(input)
    const secret = newSecret()
    const row = await this.store.webhooks.createEndpoint(tenantId, {
      url: input.url,
      events: input.events ?? null,
      description: input.description ?? null,
      secret
    })
    return { ...toEndpointView(row, this.now()), secret }
  }

  async list(tenantId: string): Promise<WebhookEndpointView[]> {
    const now = this.now()
    return (await this.store.webhooks.listEndpoints(tenantId)).map((row) => toEndpointView(row, now))
  }

  private async endpoint(tenantId: string, id: string): Promise<WebhookEndpointRecord> {
    const row = await this.store.webhooks.getEndpoint(tenantId, id)
    if (row === undefined) throw notFound('webhook endpoint')
    return row
  }

  /** An endpoint that can take a delivery now. @throws {RuntimeError} `conflict` while it is disabled. */
  private async enabledEndpoint(tenantId: string, id: string): Promise<WebhookEndpointRecord> {
    const row = await this.endpoint(tenantId, id)
    if (!row.enabled)
      throw new RuntimeError(
        'conflict',
        `the webhook endpoint is disabled (${row.disabled_reason ?? 'no reason recorded'}): enable it first (PATCH with "enabled": true)`
      )
    return row
  }

  async get(tenantId: string, id: string): Promise<WebhookEndpointView> {
    return toEndpointView(await this.endpoint(tenantId, id), this.now())
  }

  /** Edits an endpoint; `enabled: true` turns a disabled one on again (its failing streak forgotten). */
  async update(tenantId: string, id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpointView> {
    await this.endpoint(tenantId, id)
    this.check(patch)
    const row = await this.store.webhooks.updateEndpoint(tenantId, id, patch)
    if (row === undefined) throw notFound('webhook endpoint')
    return toEndpointView(row, this.now())
  }

  async delete(tenantId: string, id: string): Promise<void> {
    if (!(await this.store.webhooks.deleteEndpoint(tenantId, id))) throw notFound('webhook endpoint')
  }

  /** A new secret, shown once; the previous one keeps signing for {@link PREVIOUS_SECRET_TTL_MS}. */
  async rotateSecret(tenantId: string, id: string): Promise<WebhookEndpointView & { secret: string }> {
    const secret = newSecret()
    const row = await this.store.webhooks.rotateSecret(
      tenantId,
      id,
      secret,
      new Date(this.now() + PREVIOUS_SECRET_TTL_MS)
    )
    if (row === undefined) throw notFound('webhook endpoint')
    return { ...toEndpointView(row, this.now()), secret }
  }

  /** Sends a `webhook.test` event to this endpoint only. @returns its delivery */
  async test(tenantId: string, id: string): Promise<WebhookDeliveryView> {
    const endpoint = await this.enabledEndpoint(tenantId, id)
    const type: WebhookEventType = 'webhook.test'
    const [deliveryId] = await this.store.db
      .transaction()
      .execute((trx) =>
        this.outbox.emit(
          trx,
          tenantId,
          type,
          () => ({ endpointId: endpoint.id, message: 'A test event sent on request' }),
          [endpoint.id]
        )
      )
    if (deliveryId === undefined) throw new Error('the test event was stored without a delivery')
    await this.outbox.dispatch([deliveryId])
    return this.delivery(tenantId, id, deliveryId)
  }

  async deliveries(
    tenantId: string,
    id: string,
    options: { readonly limit: number; readonly status?: WebhookDeliveryStatus | undefined }
  ): Promise<WebhookDeliveryView[]> {
    await this.endpoint(tenantId, id)
    return (await this.store.webhooks.listDeliveries(tenantId, id, options)).map(toDeliveryView)
  }

  async delivery(tenantId: string, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    const row = await this.store.webhooks.getDelivery(tenantId, id, deliveryId)
    if (row === undefined) throw notFound('webhook delivery')
    return toDeliveryView(row)
  }

  /**
   * Sends a delivery's message to its endpoint again, as a new delivery with the same
   * `webhook-id` (receivers deduplicate by it), whatever the first one's outcome.
   */
  async retry(tenantId: string, id: string, deliveryId: string): Promise<WebhookDeliveryView> {
    await this.enabledEndpoint(tenantId, id)
    const row = await this.store.webhooks.getDelivery(tenantId, id, deliveryId)
    if (row === undefined) throw notFound('webhook delivery')
    const again = await this.store.webhooks.redeliver(row)
    await this.outbox.dispatch([again])
    return this.delivery(tenantId, id, again)
  }
}
