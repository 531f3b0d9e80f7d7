import type { Redis } from 'ioredis'

/** Redis is not fit for Latchkey's queues. */
export class RedisPolicyError extends Error {
  override readonly name = 'RedisPolicyError'
  readonly code = 'ERR_REDIS_POLICY' as const
}

/**
 * Refuses a Redis that may evict keys: BullMQ jobs (a pending revocation, a refresh) would
 * silently disappear. Reads `INFO memory`, which managed services allow where `CONFIG` is not.
 * @see https://docs.bullmq.io/guide/going-to-production#max-memory-policy
 */
export async function assertRedisNoEviction(redis: Redis): Promise<void> {
  const info = await redis.info('memory')
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1]
  if (policy !== undefined && policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis maxmemory-policy is "${policy}"; Latchkey needs "noeviction", or queued jobs could be evicted. Set it with: CONFIG SET maxmemory-policy noeviction (and in redis.conf)`
    )
  }
}
