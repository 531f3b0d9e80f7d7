import Type from 'typebox'
import type { Static, TObject } from 'typebox'
import { Value } from 'typebox/value'
import { RedisClusterNodesError, parseClusterNodes } from '@latchkey/jobs'
import type { RedisTarget } from '@latchkey/jobs'
import type { RuntimeConfig } from './runtime-config.js'

/** The variables of the runtime itself, the same in the API and the worker: each service spreads them into its schema. */
export const RUNTIME_VARIABLES = {
  /** Let connectors reach loopback and private addresses (development, on-premise providers). */
  LATCHKEY_ALLOW_PRIVATE_NETWORK: Type.Enum(['true', 'false'], { default: 'false' }),
  /** TTL of a token refresh's cross-process lock, renewed while held (the same in every process). */
  LATCHKEY_REFRESH_LOCK_TTL_MS: Type.Integer({ minimum: 2000, maximum: 300000, default: 30000 }),
  /** Most entries of each in-memory cache (connection handles, decrypted tokens, apps); each is an LRU. */
  LATCHKEY_CACHE_SIZE: Type.Integer({ minimum: 100, maximum: 1000000, default: 10000 }),
  /** PostgreSQL connections this process pools (each API replica and worker its own). */
  LATCHKEY_DATABASE_POOL_SIZE: Type.Integer({ minimum: 1, maximum: 500, default: 10 }),
  /** PostgreSQL's statement_timeout on every connection, in ms (0: none); migrations are exempt. */
  LATCHKEY_DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({ minimum: 0, maximum: 3600000, default: 30000 })
}

/**
 * Where Redis is, the same in the API and the worker: one server by URL, or a Redis Cluster
 * by its seed nodes (then every Redis use goes through an ioredis `Cluster`).
 */
export const REDIS_VARIABLES = {
  /** One Redis server (`redis://` or `rediss://`, credentials in the URL). */
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://' })),
  /** A Redis Cluster instead: `host:port,host:port,…` (a few seed nodes; the rest are discovered). */
  REDIS_CLUSTER_NODES: Type.Optional(Type.String({ minLength: 1 })),
  /** The cluster's ACL user and password (`REDIS_URL` carries its own). */
  REDIS_USERNAME: Type.Optional(Type.String({ minLength: 1 })),
  REDIS_PASSWORD: Type.Optional(Type.String({ minLength: 1 })),
  /** TLS to the cluster's nodes (`rediss://` does this for `REDIS_URL`). */
  REDIS_TLS: Type.Enum(['true', 'false'], { default: 'false' })
}

/** The Redis variables' secrets: never quoted in a configuration error. */
export const REDIS_SECRETS: readonly string[] = ['REDIS_URL', 'REDIS_PASSWORD']

type RedisVariables = Static<ReturnType<typeof Type.Object<typeof REDIS_VARIABLES>>>

/** What is wrong with the Redis variables together (each is valid alone). */
export function redisProblems(env: RedisVariables): string[] {
  if (env.REDIS_URL !== undefined && env.REDIS_CLUSTER_NODES !== undefined)
    return ['REDIS_CLUSTER_NODES: give either REDIS_URL (one server) or REDIS_CLUSTER_NODES (a cluster), not both']
  if (env.REDIS_CLUSTER_NODES !== undefined) {
    try {
      parseClusterNodes(env.REDIS_CLUSTER_NODES)
    } catch (error) {
      if (error instanceof RedisClusterNodesError) return [error.message]
      throw error
    }
    return []
  }
  return env.REDIS_URL === undefined ? ['REDIS_URL: is required (or REDIS_CLUSTER_NODES for a Redis Cluster)'] : []
}

/** The Redis to open, from variables {@link redisProblems} found nothing wrong with. */
export function redisTargetOf(env: RedisVariables): RedisTarget {
  if (env.REDIS_CLUSTER_NODES === undefined) return { url: env.REDIS_URL ?? '' }
  return {
    clusterNodes: parseClusterNodes(env.REDIS_CLUSTER_NODES),
    ...(env.REDIS_USERNAME === undefined ? {} : { username: env.REDIS_USERNAME }),
    ...(env.REDIS_PASSWORD === undefined ? {} : { password: env.REDIS_PASSWORD }),
    tls: env.REDIS_TLS === 'true'
  }
}

/** The store's pool settings from those variables. */
export function databaseOptionsOf(env: {
  readonly LATCHKEY_DATABASE_POOL_SIZE: number
  readonly LATCHKEY_DATABASE_STATEMENT_TIMEOUT_MS: number
}): { maxConnections: number; statementTimeoutMs: number } {
  return {
    maxConnections: env.LATCHKEY_DATABASE_POOL_SIZE,
    statementTimeoutMs: env.LATCHKEY_DATABASE_STATEMENT_TIMEOUT_MS
  }
}

/** The runtime's settings from those variables, for a deployment reached at `publicUrl`. */
export function runtimeConfigOf(
  env: Static<ReturnType<typeof Type.Object<typeof RUNTIME_VARIABLES>>>,
  publicUrl: string
): RuntimeConfig {
  return {
    publicUrl,
    allowPrivateNetwork: env.LATCHKEY_ALLOW_PRIVATE_NETWORK === 'true',
    refreshLockTtlMs: env.LATCHKEY_REFRESH_LOCK_TTL_MS,
    tokenCacheSize: env.LATCHKEY_CACHE_SIZE,
    connectionCache: { max: env.LATCHKEY_CACHE_SIZE }
  }
}

/** The configuration is not usable; `problems` lists every bad variable at once. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
  readonly code = 'ERR_CONFIG' as const
  constructor(readonly problems: readonly string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`)
  }
}

/**
 * Reads a service's configuration from an environment through its typebox schema: integer
 * variables are parsed, defaults applied, and every problem listed at once, never quoting
 * the value of a variable named in `secrets`. Services call it once, at start, and pass the
 * typed result down.
 *
 * @throws {ConfigError} listing every bad or missing variable.
 */
export function readEnvironment<S extends TObject>(
  schema: S,
  env: Readonly<Record<string, string | undefined>>,
  secrets: ReadonlySet<string>,
  /** Problems of variables taken together (each `name: message`), listed with the rest. */
  combined: (values: Static<S>) => readonly string[] = () => []
): Static<S> {
  const raw: Record<string, unknown> = {}
  for (const [key, property] of Object.entries(schema.properties)) {
    const value = env[key]
    if (value === undefined || value === '') continue
    const numeric =
      (property as { type?: unknown }).type === 'integer' || (property as { type?: unknown }).type === 'number'
    raw[key] = numeric && /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value
  }
  const withDefaults = Value.Default(schema, raw) as Record<string, unknown>
  const problems = [...Value.Errors(schema, withDefaults)].flatMap((error) => {
    if (error.keyword === 'required')
      return ((error.params as { requiredProperties?: string[] }).requiredProperties ?? []).map(
        (name) => `${name}: is required`
      )
    const name = error.instancePath.replace(/^\//, '')
    return [`${name}: ${error.message}${secrets.has(name) ? '' : ` (got ${JSON.stringify(withDefaults[name])})`}`]
  })
  // Listed with the rest, so one run names everything; a variable already named is not named twice.
  const named = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(':'))))
  for (const problem of safely(() => combined(withDefaults as Static<S>)))
    if (!named.has(problem.slice(0, problem.indexOf(':')))) problems.push(problem)
  if (problems.length > 0) throw new ConfigError(problems)
  return withDefaults as Static<S>
}

/** Combined checks see values that may have failed their own checks: what they cannot read, they leave to those. */
function safely(problems: () => readonly string[]): readonly string[] {
  try {
    return problems()
  } catch {
    return []
  }
}
