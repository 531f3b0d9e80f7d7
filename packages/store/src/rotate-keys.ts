import { sql } from 'kysely'
import type { Kysely } from 'kysely'
import type { Cipher } from './cipher.js'
import type { Database } from './database.js'
import { recordCurrentKey } from './verify-encryption-keys.js'

/** Every encrypted column, with the columns that identify its row. */
const ENCRYPTED_COLUMNS = [
  { table: 'connector_apps', column: 'client_secret_enc', keys: ['tenant_id', 'connector_key'] },
  { table: 'connector_apps', column: 'client_certificate_enc', keys: ['tenant_id', 'connector_key'] },
  { table: 'connections', column: 'client_secret_enc', keys: ['id'] },
  { table: 'registered_clients', column: 'client_secret_enc', keys: ['id'] },
  { table: 'credentials', column: 'token_set_enc', keys: ['connection_id'] },
  { table: 'connect_attempts', column: 'code_verifier_enc', keys: ['id'] },
  { table: 'connect_attempts', column: 'request_token_enc', keys: ['id'] },
  { table: 'revocations', column: 'token_set_enc', keys: ['id'] },
  { table: 'revocations', column: 'context_enc', keys: ['id'] },
  { table: 'webhook_endpoints', column: 'secret_enc', keys: ['id'] },
  { table: 'webhook_endpoints', column: 'previous_secret_enc', keys: ['id'] }
] as const

/** Progress of {@link rotateEncryptionKeys}, reported after every batch. */
export interface RotationProgress {
  readonly table: string
  readonly column: string
  readonly done: number
  readonly total: number
}

/**
 * Re-encrypts every stored secret under the current (first) key, in batches, each row
 * with a compare-and-set on its old value. Resumable: run it again after an interruption
 * and it picks up the values still under older keys. When nothing is left under an older
 * key, its check row goes, so that key can be removed from the configuration.
 *
 * @returns how many values were re-encrypted.
 */
export async function rotateEncryptionKeys(
  db: Kysely<Database>,
  cipher: Cipher,
  onProgress: (progress: RotationProgress) => void = () => undefined,
  batchSize = 200
): Promise<number> {
  // Loosely typed on purpose: the same loop walks five tables.
  const loose = db as unknown as Kysely<Record<string, Record<string, unknown>>>
  let rotated = 0
  await recordCurrentKey(db, cipher)
  for (const { table, column, keys } of ENCRYPTED_COLUMNS) {
    const stale = () =>
      sql<boolean>`${sql.ref(column)} is not null and left(${sql.ref(column)}, ${cipher.currentPrefix.length}) <> ${cipher.currentPrefix}`
    const count = await loose
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where(stale())
      .executeTakeFirstOrThrow()
    const total = Number(count.n)
    let done = 0
    onProgress({ table, column, done, total })
    for (;;) {
      const rows = await loose
        .selectFrom(table)
        .select([...keys, column])
        .where(stale())
        .limit(batchSize)
        .execute()
      if (rows.length === 0) break
      for (const row of rows) {
        const old = String(row[column])
        const fresh = await cipher.encrypt(await cipher.decrypt(old))
        let update = loose
          .updateTable(table)
          .set({ [column]: fresh })
          .where(column, '=', old)
        for (const key of keys) update = update.where(key, '=', row[key])
        const result = await update.executeTakeFirst()
        if (result.numUpdatedRows > 0n) rotated += 1
        done += 1
      }
      onProgress({ table, column, done, total })
    }
  }
  await db.deleteFrom('encryption_key_checks').where('kid', '<>', cipher.currentKid).execute()
  return rotated
}
