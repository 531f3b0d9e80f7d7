import { createPrivateKey, randomUUID } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { SignJWT } from 'jose'

/** @see https://www.rfc-editor.org/rfc/rfc7523#section-2.2 */
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'

/** Lifetime of an assertion: one request's worth. */
const ASSERTION_TTL_SECONDS = 60

/** The signing algorithm a key implies, unless its JWK names one. */
function algorithmOf(key: KeyObject, declared: unknown): string {
  if (typeof declared === 'string') return declared
  switch (key.asymmetricKeyType) {
    case 'rsa':
      return 'RS256'
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve
      return curve === 'secp384r1' ? 'ES384' : curve === 'secp521r1' ? 'ES512' : 'ES256'
    }
    case 'ed25519':
      return 'EdDSA'
    default:
      throw new TypeError(
        `a ${String(key.asymmetricKeyType)} key cannot sign a client assertion; use RSA, EC or Ed25519`
      )
  }
}

/**
 * Puts a PEM's line breaks back: a key pasted into a one-line field (the console's secret
 * input) arrives with them removed or turned into spaces.
 */
function normalizePem(text: string): string {
  const pem = /^-----BEGIN ([A-Z ]+)-----([\s\S]*?)-----END \1-----$/.exec(text)
  if (pem === null) return text
  const body = (pem[2] ?? '').replace(/\s+/g, '')
  return `-----BEGIN ${pem[1]}-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${pem[1]}-----\n`
}

/**
 * Reads the private key that stands in for the client secret with `private_key_jwt`: a
 * PKCS #8 PEM, or a private JWK as JSON (its `kid` and `alg` are used).
 * @throws {TypeError} naming what is wrong, never quoting the key.
 */
export function readKey(secret: string): { key: KeyObject; kid: string | undefined; alg: string } {
  const text = secret.trim()
  try {
    if (text.startsWith('{')) {
      const jwk = JSON.parse(text) as Record<string, unknown>
      if (typeof jwk.d !== 'string') throw new TypeError('the JWK has no private part ("d")')
      const key = createPrivateKey({ key: jwk as never, format: 'jwk' })
      return { key, kid: typeof jwk.kid === 'string' ? jwk.kid : undefined, alg: algorithmOf(key, jwk.alg) }
    }
    const key = createPrivateKey(normalizePem(text))
    return { key, kid: undefined, alg: algorithmOf(key, undefined) }
  } catch (error) {
    if (error instanceof TypeError && error.message.startsWith('the JWK')) throw error
    throw new TypeError(
      'the client secret must be a private key for private_key_jwt: a PKCS #8 PEM or a private JWK as JSON'
    )
  }
}

/**
 * Signs a client assertion: `iss` and `sub` the client id, `aud` the token URL, a unique
 * `jti`, one minute of life.
 * @see https://www.rfc-editor.org/rfc/rfc7523#section-3
 */
export async function signClientAssertion(
  clientId: string,
  privateKey: string,
  audience: string,
  nowMs: number
): Promise<string> {
  const { key, kid, alg } = readKey(privateKey)
  const now = Math.floor(nowMs / 1000)
  return new SignJWT({})
    .setProtectedHeader({ alg, typ: 'JWT', ...(kid === undefined ? {} : { kid }) })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setExpirationTime(now + ASSERTION_TTL_SECONDS)
    .sign(key)
}
