import Type from 'typebox'
import type { Static, TObject } from 'typebox'
import { Value } from 'typebox/value'
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
  secrets: ReadonlySet<string>
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
  if (problems.length > 0) throw new ConfigError(problems)
  return withDefaults as Static<S>
}
