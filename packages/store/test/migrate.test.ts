import { promises as fs } from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { FileMigrationProvider, Migrator, NO_MIGRATIONS, sql } from 'kysely'
import t from 'tap'
import type { Test } from 'tap'
import { createTestDatabase } from '@latchkey/testkit'
import { MigrationError, StoreError, createDatabase, migrateToLatest } from '../src/index.js'

const migrationFolder = fileURLToPath(new URL('../src/migrations', import.meta.url))

async function emptyDatabase(t: Test) {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const db = createDatabase({ connectionString: database.url, maxConnections: 2 })
  t.teardown(() => db.destroy())
  return db
}

async function userTables(db: Awaited<ReturnType<typeof emptyDatabase>>): Promise<string[]> {
  const tables = await db.introspection.getTables()
  return tables
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort()
}

t.test('every file in src/migrations is applied, in the order of the names', async (t) => {
  const db = await emptyDatabase(t)
  const files = Object.keys(await new FileMigrationProvider({ fs, path, migrationFolder }).getMigrations()).sort()
  t.ok(files.length > 0)
  t.same(await migrateToLatest(db), files, 'a migration file that migrate.ts does not list would be missing here')
})

t.test('every migration’s down undoes its up: down to nothing, then up again', async (t) => {
  const db = await emptyDatabase(t)
  const applied = await migrateToLatest(db)
  const tables = await userTables(db)
  const migrator = new Migrator({ db, provider: new FileMigrationProvider({ fs, path, migrationFolder }) })

  const down = await migrator.migrateTo(NO_MIGRATIONS)
  t.equal(down.error, undefined)
  t.same(
    down.results?.map((r) => `${r.direction} ${r.migrationName} ${r.status}`),
    [...applied].reverse().map((name) => `Down ${name} Success`)
  )
  t.same(await userTables(db), [], 'no table is left behind')

  t.same(await migrateToLatest(db), applied, 'the migrations apply again on top of their downs')
  t.same(await userTables(db), tables)
})

t.test('a failing migration throws a MigrationError naming it, and applies nothing', async (t) => {
  const db = await emptyDatabase(t)
  // A table in the way: the first migration's first statement fails.
  await sql`create table tenants (id integer)`.execute(db)

  const error = await migrateToLatest(db).then(
    () => undefined,
    (thrown: unknown) => thrown
  )
  t.type(error, MigrationError)
  t.type(error, StoreError)
  t.match(error, {
    name: 'MigrationError',
    code: 'ERR_MIGRATION',
    message: /^migration 2026-11-22-initial-schema failed: relation "tenants" already exists/,
    cause: { message: /relation "tenants" already exists/ }
  })
  const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(db)
  t.same(recorded.rows, [], 'no migration is recorded as applied')
  t.same(await userTables(db), ['tenants'], 'the failed migration was rolled back')
})
