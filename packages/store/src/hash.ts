import { createHash } from 'node:crypto'

/** SHA-256 of a high-entropy secret (API key, state, start token), hex. Such secrets need no slow hash. */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex')
}
