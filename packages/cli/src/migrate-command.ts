import { createCipher, createDatabase, migrateToLatest, recordCurrentKey, verifyEncryptionKeys } from '@latchkey/store'
import { line } from './io.js'
import type { CommandIo } from './io.js'

/**
 * `latchkey migrate`: applies every pending migration and exits (a deployment's migration
 * job runs it once before the API and workers roll out; they also migrate at start, safely,
 * under an advisory lock). Checks the encryption keys against the data first.
 */
export async function migrateCommand(
  env: Readonly<Record<string, string | undefined>>,
  io: CommandIo
): Promise<number> {
  const connectionString = env.DATABASE_URL
  if (connectionString === undefined || connectionString === '') {
    line(io.stderr, 'latchkey migrate: DATABASE_URL is not set')
    return 2
  }
  let cipher
  try {
    cipher = createCipher(env.LATCHKEY_ENCRYPTION_KEYS)
  } catch (error) {
    line(io.stderr, `latchkey migrate: ${(error as Error).message}`)
    return 1
  }
  const db = createDatabase({ connectionString, applicationName: 'latchkey-migrate' })
  try {
    // In the store's order: the keys checked against the data before anything changes.
    await verifyEncryptionKeys(db, cipher)
    const applied = await migrateToLatest(db)
    await recordCurrentKey(db, cipher)
    line(io.stdout, applied.length === 0 ? 'up to date: no migration to apply' : `applied: ${applied.join(', ')}`)
    return 0
  } catch (error) {
    line(io.stderr, `latchkey migrate: ${(error as Error).message}`)
    return 1
  } finally {
    await db.destroy()
  }
}
