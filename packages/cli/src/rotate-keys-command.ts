import { openStore, rotateEncryptionKeys } from '@latchkey/store'
import { line } from './io.js'
import type { CommandIo } from './io.js'

/**
 * `latchkey rotate-keys`: re-encrypts every stored secret under the first key of
 * `LATCHKEY_ENCRYPTION_KEYS` (which must still list the old keys), printing progress.
 * Resumable: run it again after an interruption.
 */
export async function rotateKeysCommand(
  env: Readonly<Record<string, string | undefined>>,
  io: CommandIo
): Promise<number> {
  const connectionString = env.DATABASE_URL
  if (connectionString === undefined || connectionString === '') {
    line(io.stderr, 'latchkey rotate-keys: DATABASE_URL is not set')
    return 2
  }
  let store
  try {
    store = await openStore({
      connectionString,
      encryptionKeys: env.LATCHKEY_ENCRYPTION_KEYS,
      applicationName: 'latchkey-rotate-keys'
    })
  } catch (error) {
    line(io.stderr, `latchkey rotate-keys: ${(error as Error).message}`)
    return 1
  }
  try {
    line(io.stdout, `re-encrypting under key "${store.cipher.currentKid}"`)
    const count = await rotateEncryptionKeys(store.db, store.cipher, (p) =>
      line(io.stdout, `  ${p.table}.${p.column}: ${p.done}/${p.total}`)
    )
    line(
      io.stdout,
      `done: ${count} values re-encrypted; keys other than "${store.cipher.currentKid}" can now be removed from LATCHKEY_ENCRYPTION_KEYS`
    )
    return 0
  } finally {
    await store.close()
  }
}
