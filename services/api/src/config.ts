import Type from 'typebox'
import type { Static } from 'typebox'
import { REDIS_SECRETS, REDIS_VARIABLES, RUNTIME_VARIABLES, readEnvironment, redisProblems } from '@latchkey/runtime'

/** Every environment variable the API reads, once, at start. */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  /** Where browsers reach Latchkey; the redirect URI is `{PUBLIC_URL}/oauth/callback/`. */
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://[^/?#]+(/[^?#]*)?$' })),
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  ...REDIS_VARIABLES,
  LATCHKEY_ENCRYPTION_KEYS: Type.String({ minLength: 1 }),
  /** Bearer token of the operator routes (`POST /v1/tenants`). */
  LATCHKEY_ADMIN_TOKEN: Type.String({ minLength: 24 }),
  /** When set, `/metrics` takes it as a bearer token; unset, `/metrics` is open (expose it to the scraper only). */
  LATCHKEY_METRICS_TOKEN: Type.Optional(Type.String({ minLength: 16 })),
  ...RUNTIME_VARIABLES,
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' }),
  /** Requests a minute per tenant across every replica (0: no limit); authenticated calls have their own. */
  LATCHKEY_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 100000000, default: 6000 }),
  /**
   * `/http` and proxy calls a minute per tenant across every replica (0, the default: no limit).
   * Off by default: its Redis count costs each proxied call about 150 µs of CPU (bench:proxy).
   */
  LATCHKEY_CALL_RATE_LIMIT_PER_MINUTE: Type.Integer({ minimum: 0, maximum: 100000000, default: 0 }),
  /**
   * Which proxies to trust for the client's address (`X-Forwarded-For`): `false`, `true`, a
   * hop count, or addresses/CIDRs. It never changes the redirect URI or any link (PUBLIC_URL).
   */
  TRUST_PROXY: Type.String({ minLength: 1, default: 'false' }),
  /** BullMQ key prefix; on a Redis Cluster it must carry a hash tag (`{…}`). */
  LATCHKEY_QUEUE_PREFIX: Type.String({ minLength: 1, default: '{latchkey}' })
})

export type Config = Static<typeof ConfigSchema> & { PUBLIC_URL: string }

const SECRET_VARIABLES = new Set([
  'DATABASE_URL',
  ...REDIS_SECRETS,
  'LATCHKEY_ENCRYPTION_KEYS',
  'LATCHKEY_ADMIN_TOKEN',
  'LATCHKEY_METRICS_TOKEN'
])

/**
 * Reads the configuration from an environment. Lists every problem, never quoting the
 * value of a secret variable.
 * @throws {ConfigError} listing every bad variable.
 */
export function readConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const config = readEnvironment(ConfigSchema, env, SECRET_VARIABLES, redisProblems)
  return { ...config, PUBLIC_URL: (config.PUBLIC_URL ?? `http://${config.HOST}:${config.PORT}`).replace(/\/+$/, '') }
}
