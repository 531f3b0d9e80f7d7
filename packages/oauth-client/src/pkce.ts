import { createHash, randomBytes } from 'node:crypto'

/** A PKCE pair. The verifier stays server-side; the challenge goes in the authorize URL. */
export interface Pkce {
  readonly verifier: string
  readonly challenge: string
  readonly method: 'S256'
}

/**
 * A fresh PKCE pair: a 64-character verifier (48 random bytes, base64url) and its S256 challenge.
 * @see https://www.rfc-editor.org/rfc/rfc7636#section-4.1
 */
export function createPkce(): Pkce {
  const verifier = randomBytes(48).toString('base64url')
  return { verifier, challenge: pkceChallenge(verifier), method: 'S256' }
}

/** `BASE64URL(SHA256(verifier))`. @see https://www.rfc-editor.org/rfc/rfc7636#section-4.2 */
export function pkceChallenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url')
}

/** An unguessable value for `state` (32 random bytes, base64url). */
export function randomState(): string {
  return randomBytes(32).toString('base64url')
}
