/** Stable codes of every error this package throws. */
export type StoreErrorCode = 'ERR_ENCRYPTION_KEYS' | 'ERR_DECRYPT' | 'ERR_MIGRATION'

/** Base class of every error thrown by `@latchkey/store`. */
export abstract class StoreError extends Error {
  abstract readonly code: StoreErrorCode
}

/** `LATCHKEY_ENCRYPTION_KEYS` is missing, malformed, or does not open the data. */
export class EncryptionKeyError extends StoreError {
  override readonly name = 'EncryptionKeyError'
  readonly code = 'ERR_ENCRYPTION_KEYS' as const
}

/** A stored value could not be decrypted with any configured key. */
export class DecryptError extends StoreError {
  override readonly name = 'DecryptError'
  readonly code = 'ERR_DECRYPT' as const
}

/** A migration failed; the database is left as the last successful migration made it. */
export class MigrationError extends StoreError {
  override readonly name = 'MigrationError'
  readonly code = 'ERR_MIGRATION' as const
}
