import type { RedisOptions } from 'ioredis'

/**
 * The API's Redis connection fails fast during an outage: no offline queue (a command sent
 * while disconnected fails at once), one retry of a command cut mid-flight, and a command
 * timeout for a Redis that accepts connections but does not answer. Requests then answer
 * 503 (see `http-errors.ts`) and heal when Redis is back; ioredis keeps reconnecting.
 */
export const API_REDIS_OPTIONS: RedisOptions = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 1,
  commandTimeout: 5_000
}
