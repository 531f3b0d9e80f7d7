/** Every BullMQ queue Latchkey uses. Producers and workers import these names from here only. */
export const QUEUE_NAMES = {
  /** Revoke a disconnected connection's tokens at the provider. */
  revoke: 'revoke',
  /** Refresh one connection's access token. */
  refresh: 'refresh',
  /** Authenticated HTTP calls run for flows that work asynchronously. */
  http: 'http',
  /** The periodic sweep that finds credentials due for refresh. */
  sweep: 'sweep',
  /** Webhook deliveries to the builders' endpoints (one job per attempt). */
  webhook: 'webhook'
} as const

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES]

/**
 * The default key prefix. Hash-tagged, so every key of a queue lands in one Redis Cluster slot.
 * @see https://docs.bullmq.io/bull/patterns/redis-cluster
 */
export const DEFAULT_PREFIX = '{latchkey}'
