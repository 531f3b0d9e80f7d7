import { Cluster } from 'ioredis'
import type { RedisClient } from './redis-client.js'

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
export async function assertRedisNoEviction(redis: RedisClient): Promise<void> {
  if (!(redis instanceof Cluster)) return checkPolicy(await redis.info('memory'), '')
  // Every master holds jobs: each must keep them (the node list is known once connected).
  await redis.ping()
  for (const node of redis.nodes('master'))
    checkPolicy(await node.info('memory'), ` on cluster node ${node.options.host ?? ''}:${node.options.port ?? ''}`)
}

function checkPolicy(info: string, where: string): void {
  const policy = /^maxmemory_policy:(\S+)/m.exec(info)?.[1]
  if (policy !== undefined && policy !== 'noeviction') {
    throw new RedisPolicyError(
      `Redis maxmemory-policy is "${policy}"${where}; Latchkey needs "noeviction", or queued jobs could be evicted. Set it with: CONFIG SET maxmemory-policy noeviction (and in redis.conf)`
    )
  }
}
