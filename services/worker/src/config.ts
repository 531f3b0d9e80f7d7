import Type from 'typebox'
import type { Static } from 'typebox'
import { REDIS_SECRETS, REDIS_VARIABLES, RUNTIME_VARIABLES, readEnvironment, redisProblems } from '@latchkey/runtime'

/** Every environment variable the worker reads, once, at start. */
export const WorkerConfigSchema = Type.Object({
  DATABASE_URL: Type.String({ pattern: '^postgres(ql)?://' }),
  ...REDIS_VARIABLES,
  LATCHKEY_ENCRYPTION_KEYS: Type.String({ minLength: 1 }),
  PUBLIC_URL: Type.String({ pattern: '^https?://', default: 'http://127.0.0.1:3000' }),
  /** BullMQ key prefix; on a Redis Cluster it must carry a hash tag (`{…}`). */
  LATCHKEY_QUEUE_PREFIX: Type.String({ minLength: 1, default: '{latchkey}' }),
  ...RUNTIME_VARIABLES,
  /** Jobs run at once per queue in this process. */
  WORKER_CONCURRENCY: Type.Integer({ minimum: 1, maximum: 1000, default: 16 }),
  /** How often the sweep looks for due refreshes and pending revocations. */
  SWEEP_INTERVAL_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 15 }),
  /** Background refreshes in flight at once per provider host, across every worker. */
  REFRESH_CONCURRENCY_PER_HOST: Type.Integer({ minimum: 1, maximum: 10000, default: 20 }),
  /** The sweep spreads due refreshes over up to this many seconds (never past half a token's remaining life). */
  REFRESH_SPREAD_SECONDS: Type.Integer({ minimum: 0, maximum: 3600, default: 30 }),
  /** The sweep deletes connect attempts never connected (abandoned, denied) once untouched this long; 0 keeps them. */
  ABANDONED_CONNECTION_HOURS: Type.Integer({ minimum: 0, maximum: 8760, default: 24 }),
  /** How often the worker checks that its job schedulers still exist in Redis (re-created after Redis lost its data). */
  SCHEDULER_CHECK_SECONDS: Type.Integer({ minimum: 1, maximum: 3600, default: 30 }),
  /** How long a worker's hold on an active job lasts; a worker that dies loses it after this and the job runs again. */
  WORKER_LOCK_DURATION_MS: Type.Integer({ minimum: 1000, maximum: 600000, default: 30000 }),
  /** The worker's own listener for /healthz, /readyz and /metrics; unset: none (0: any free port, logged). */
  WORKER_HTTP_PORT: Type.Optional(Type.Integer({ minimum: 0, maximum: 65535 })),
  WORKER_HTTP_HOST: Type.String({ minLength: 1, default: '127.0.0.1' }),
  LOG_LEVEL: Type.Enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { default: 'info' })
})

export type WorkerConfig = Static<typeof WorkerConfigSchema>

const SECRET = new Set(['DATABASE_URL', ...REDIS_SECRETS, 'LATCHKEY_ENCRYPTION_KEYS'])

/**
 * Reads the configuration, listing every bad variable at once without quoting secrets.
 * @throws {ConfigError} listing every bad variable.
 */
export function readWorkerConfig(env: Readonly<Record<string, string | undefined>>): WorkerConfig {
  return readEnvironment(WorkerConfigSchema, env, SECRET, redisProblems)
}
