import { Cluster, Redis } from 'ioredis'
import type { ClusterNode, RedisOptions } from 'ioredis'

/**
 * A connection to Redis: one server (`REDIS_URL`) or a Redis Cluster
 * (`REDIS_CLUSTER_NODES`). Every Redis use of Latchkey (queues, locks, pub/sub, rate limits)
 * takes either; ioredis routes each command to the node owning its key.
 */
export type RedisClient = Redis | Cluster

/** Where Redis is: a URL, or the seed nodes of a cluster with their credentials. */
export type RedisTarget =
  | { readonly url: string }
  | {
      readonly clusterNodes: readonly ClusterNode[]
      readonly username?: string
      readonly password?: string
      readonly tls?: boolean
    }

/** A `REDIS_CLUSTER_NODES` value that is not a list of `host:port`. */
export class RedisClusterNodesError extends Error {
  override readonly name = 'RedisClusterNodesError'
  readonly code = 'ERR_REDIS_CLUSTER_NODES' as const
}

/**
 * Reads `host:port,host:port,…` (a few seed nodes are enough: the rest are discovered).
 * @throws {RedisClusterNodesError} naming the entry that is not `host:port`
 */
export function parseClusterNodes(value: string): { host: string; port: number }[] {
  const nodes = value
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
  if (nodes.length === 0) throw new RedisClusterNodesError('REDIS_CLUSTER_NODES: names no node (host:port,host:port)')
  return nodes.map((entry) => {
    const match = /^(\[[0-9a-fA-F:]+\]|[^:\s[\]]+):(\d{1,5})$/.exec(entry)
    const port = Number(match?.[2])
    if (match === null || port < 1 || port > 65_535)
      throw new RedisClusterNodesError(
        `REDIS_CLUSTER_NODES: "${entry}" is not host:port (such as 10.0.0.5:6379 or redis-0.redis:6379)`
      )
    return { host: (match[1] ?? '').replace(/^\[|\]$/g, ''), port }
  })
}

/**
 * Opens a connection with `options` (offline queue, retries, timeouts). For a cluster they
 * apply to every node's connection, and the cluster's own offline queue follows them, so a
 * process that fails fast on one server fails fast on a cluster too.
 */
export function openRedis(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  if ('url' in target) return new Redis(target.url, options)
  return new Cluster([...target.clusterNodes], {
    lazyConnect: options.lazyConnect ?? false,
    enableOfflineQueue: options.enableOfflineQueue ?? true,
    // Every node reachable again before commands flow after a reconnect.
    enableReadyCheck: true,
    redisOptions: {
      ...options,
      lazyConnect: undefined,
      ...(target.username === undefined ? {} : { username: target.username }),
      ...(target.password === undefined ? {} : { password: target.password }),
      ...(target.tls === true ? { tls: {} } : {})
    }
  })
}

/**
 * A second connection to the same Redis with `override` (a subscriber, a blocking client),
 * for either kind of client.
 */
export function duplicateRedis(client: RedisClient, override: Partial<RedisOptions>): RedisClient {
  if (client instanceof Cluster)
    return client.duplicate(undefined, {
      ...(override.enableOfflineQueue === undefined ? {} : { enableOfflineQueue: override.enableOfflineQueue }),
      redisOptions: { ...client.options.redisOptions, ...override }
    })
  return client.duplicate(override)
}

/**
 * The prefix of Latchkey's own keys (locks, host slots, rate counts, the change channel):
 * the queue prefix without its hash tag. BullMQ needs every key of a queue in one slot
 * (`{latchkey}`); these keys are independent, so a cluster spreads them over its masters.
 */
export function keyPrefixOf(queuePrefix: string): string {
  return queuePrefix.replace(/[{}]/g, '')
}
