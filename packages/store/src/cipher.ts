import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose'
import { DecryptError, EncryptionKeyError } from './errors.js'

/** Encrypts and decrypts secrets at rest: JWE compact, `dir` + `A256GCM`, the key id in the header. */
export interface Cipher {
  /** The key id new values are encrypted under (the first configured key). */
  readonly currentKid: string
  /** Every configured key id; all of them decrypt. */
  readonly kids: readonly string[]
  encrypt(plaintext: string): Promise<string>
  /** @throws {DecryptError} when no configured key opens the value. */
  decrypt(jwe: string): Promise<string>
  /** The key id a stored value was encrypted under. */
  kidOf(jwe: string): string | undefined
  /**
   * The text every value encrypted under the current key starts with (its protected
   * header), so a query can find values that still need re-encryption.
   */
  readonly currentPrefix: string
}

const KID = /^[A-Za-z0-9_.-]{1,64}$/

/**
 * Reads `LATCHKEY_ENCRYPTION_KEYS`: a comma-separated list of `kid:base64key`, each key
 * 32 bytes. The first encrypts; all decrypt.
 *
 * @throws {EncryptionKeyError} listing every problem, never quoting a key.
 */
export function parseEncryptionKeys(spec: string | undefined): Map<string, Uint8Array> {
  if (spec === undefined || spec.trim() === '') {
    throw new EncryptionKeyError(
      "LATCHKEY_ENCRYPTION_KEYS is not set: give a comma-separated list of kid:base64key (32-byte keys), e.g. generate one with: node -e \"console.log('k1:' + require('crypto').randomBytes(32).toString('base64'))\""
    )
  }
  const keys = new Map<string, Uint8Array>()
  const problems: string[] = []
  spec
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .forEach((part, index) => {
      const colon = part.indexOf(':')
      const kid = colon > 0 ? part.slice(0, colon) : ''
      if (!KID.test(kid)) {
        problems.push(
          `entry ${index + 1}: must look like kid:base64key, with a kid of letters, digits, "_", "." or "-"`
        )
        return
      }
      const key = Buffer.from(part.slice(colon + 1), 'base64')
      if (key.length !== 32) problems.push(`key "${kid}": must be 32 bytes of base64 (got ${key.length} bytes)`)
      else if (keys.has(kid)) problems.push(`key "${kid}": listed twice`)
      else keys.set(kid, new Uint8Array(key))
    })
  if (problems.length > 0) throw new EncryptionKeyError(`LATCHKEY_ENCRYPTION_KEYS is invalid: ${problems.join('; ')}`)
  if (keys.size === 0) throw new EncryptionKeyError('LATCHKEY_ENCRYPTION_KEYS holds no key')
  return keys
}

function headerPrefix(kid: string): string {
  return `${Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', kid })).toString('base64url')}.`
}

/**
 * A cipher over the configured keys.
 * @see https://www.rfc-editor.org/rfc/rfc7516
 */
export function createCipher(spec: string | undefined): Cipher {
  const keys = parseEncryptionKeys(spec)
  const [currentKid] = keys.keys() as IterableIterator<string>
  if (currentKid === undefined) throw new EncryptionKeyError('LATCHKEY_ENCRYPTION_KEYS holds no key')
  const currentKey = keys.get(currentKid) as Uint8Array
  const encoder = new TextEncoder()
  const decoder = new TextDecoder()
  const kidOf = (jwe: string): string | undefined => {
    try {
      const kid = decodeProtectedHeader(jwe).kid
      return typeof kid === 'string' ? kid : undefined
    } catch {
      return undefined
    }
  }
  return {
    currentKid,
    kids: [...keys.keys()],
    currentPrefix: headerPrefix(currentKid),
    kidOf,
    encrypt: (plaintext) =>
      new CompactEncrypt(encoder.encode(plaintext))
        .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: currentKid })
        .encrypt(currentKey),
    decrypt: async (jwe) => {
      const kid = kidOf(jwe)
      const key = kid === undefined ? undefined : keys.get(kid)
      if (key === undefined)
        throw new DecryptError(
          `a stored value is encrypted under key "${kid ?? 'unknown'}", which LATCHKEY_ENCRYPTION_KEYS does not hold`
        )
      try {
        const { plaintext } = await compactDecrypt(jwe, key, {
          keyManagementAlgorithms: ['dir'],
          contentEncryptionAlgorithms: ['A256GCM']
        })
        return decoder.decode(plaintext)
      } catch {
        throw new DecryptError(
          `a stored value could not be decrypted with key "${kid ?? 'unknown'}": the key is not the one it was encrypted with, or the value was altered`
        )
      }
    }
  }
}
