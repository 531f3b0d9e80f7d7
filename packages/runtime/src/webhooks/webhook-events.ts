/**
 * Every event type a webhook endpoint can receive: a closed list (the API validates
 * subscriptions against it, `api.md` documents each).
 */
export const WEBHOOK_EVENT_TYPES = [
  /** A connection was created (typed-in credentials, or the start of a connect flow). */
  'connection.created',
  /**
   * Connected: the first connect and every reconnect, with the granted scopes and the account
   * the verification request after it found (the message waits for it).
   */
  'connection.connected',
  /**
   * The verification request found who the credentials belong to, or found someone else:
   * `account` is new or changed (at a connect it is queued before `connection.connected`,
   * which waits for the verification).
   */
  'connection.verified',
  /** Red: a refresh was refused, or an auth failure a refresh cannot fix; `statusReason` says why. */
  'connection.failed',
  /** Red, then working again without the customer's help (a refresh or a call succeeded). */
  'connection.recovered',
  'connection.disconnected',
  /** Typed-in credentials replaced in place. */
  'connection.credentials_replaced',
  /** The tokens could not be revoked at the provider, after every retry. */
  'connection.revocation_failed',
  /** An endpoint was disabled after failing for too long (sent to the tenant's other endpoints). */
  'webhook_endpoint.disabled',
  /** Sent on request (`POST /v1/webhook-endpoints/:id/test`) to one endpoint, whatever it subscribes to. */
  'webhook.test'
] as const

/** One of {@link WEBHOOK_EVENT_TYPES}. */
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number]

/** Whether a text names an event type. */
export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value)
}
