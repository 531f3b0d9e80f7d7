import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './database.js'

/** How to reach PostgreSQL. */
export interface DatabaseOptions {
  readonly connectionString: string
  /** @defaultValue `10` */
  readonly maxConnections?: number
  /** `application_name` seen in `pg_stat_activity`. @defaultValue `"latchkey"` */
  readonly applicationName?: string
  /** How long a query waits for a connection before failing (PostgreSQL down or the pool full). @defaultValue `5000` */
  readonly connectTimeoutMs?: number
  /**
   * PostgreSQL's `statement_timeout` for every pooled connection: a statement running longer
   * is cancelled (SQLSTATE 57014) rather than holding a connection. `0`: none.
   * @defaultValue `0`
   */
  readonly statementTimeoutMs?: number
  /** Told when an idle pooled connection breaks (PostgreSQL restarted); the pool replaces it. */
  readonly onIdleError?: (error: Error) => void
}

/**
 * A kysely instance over a `pg` pool. Call `destroy()` to close it. PostgreSQL going away
 * never crashes the process: an idle connection that breaks is reported to `onIdleError`
 * and dropped from the pool, and queries fail (see `isDatabaseUnavailable`) until it is back.
 */
export function createDatabase(options: DatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'latchkey',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
    ...(options.statementTimeoutMs === undefined || options.statementTimeoutMs === 0
      ? {}
      : { statement_timeout: options.statementTimeoutMs })
  })
  // Without a listener, an idle client's error (the server shut down) is an uncaught 'error' event.
  pool.on('error', (error) => options.onIdleError?.(error))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
