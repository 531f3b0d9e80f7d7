import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Database } from './database.js'
import { DecryptError, EncryptionKeyError } from './errors.js'

const CHECK_TEXT = 'latchkey-key-check'

/**
 * Checks, before anything else reads or writes secrets, that the configured keys open the
 * data: every key id the data was ever encrypted under must be configured, and each must
 * decrypt its check value. Writes nothing; see {@link recordCurrentKey}.
 *
 * @throws {EncryptionKeyError} saying which key is missing or wrong.
 */
export async function verifyEncryptionKeys(db: Kysely<Database>, cipher: Cipher): Promise<void> {
  const exists = await sql<{
    exists: boolean
  }>`select to_regclass('encryption_key_checks') is not null as exists`.execute(db)
  if (exists.rows[0]?.exists !== true) return
  const rows = await db.selectFrom('encryption_key_checks').select(['kid', 'check_value']).execute()
  for (const row of rows) {
    if (!cipher.kids.includes(row.kid)) {
      throw new EncryptionKeyError(
        `stored secrets are encrypted under key "${row.kid}", which LATCHKEY_ENCRYPTION_KEYS does not hold: add it back (after the new key) and run \`latchkey rotate-keys\` before removing it`
      )
    }
    try {
      if ((await cipher.decrypt(row.check_value)) !== CHECK_TEXT) throw new DecryptError('check value mismatch')
    } catch {
      throw new EncryptionKeyError(
        `key "${row.kid}" in LATCHKEY_ENCRYPTION_KEYS is not the key the stored secrets were encrypted with`
      )
    }
  }
}

/** Records a check value for the current key (once), after {@link verifyEncryptionKeys} passed and migrations ran. */
export async function recordCurrentKey(db: Kysely<Database>, cipher: Cipher): Promise<void> {
  await db
    .insertInto('encryption_key_checks')
    .values({ kid: cipher.currentKid, check_value: await cipher.encrypt(CHECK_TEXT) })
    .onConflict((oc) => oc.column('kid').doNothing())
    .execute()
}
