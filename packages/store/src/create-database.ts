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
}

/** A kysely instance over a `pg` pool. Call `destroy()` to close it. */
export function createDatabase(options: DatabaseOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    application_name: options.applicationName ?? 'latchkey'
  })
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
