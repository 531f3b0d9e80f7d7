import { X509Certificate, createPrivateKey } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import type { Issue } from '@latchkey/connector-sdk'

/** What the console shows of an app's client certificate: never the key, never the PEM. */
export interface CertificateSummary {
  readonly subject: string
  readonly issuer: string
  readonly notAfter: string
  /** SHA-256 of the DER certificate, as `AA:BB:…` (what `openssl x509 -fingerprint -sha256` prints). */
  readonly fingerprint256: string
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g

/** The certificates of a PEM chain, leaf first; `undefined` when one does not parse. */
function parseChain(pem: string): X509Certificate[] | undefined {
  const blocks = pem.match(PEM_CERTIFICATE) ?? []
  try {
    return blocks.map((block) => new X509Certificate(block))
  } catch {
    return undefined
  }
}

/**
 * Checks a client certificate and its private key before they are stored: the chain parses,
 * the key parses (unencrypted PEM), the key is the certificate's, and the certificate is
 * valid now. Every problem is reported by its path, in a sentence; the key is never quoted.
 */
export function checkClientCertificate(
  input: { readonly certificate: string; readonly privateKey: string },
  path: string | { readonly certificate: string; readonly privateKey: string },
  now: Date
): Issue[] {
  const at = typeof path === 'string' ? { certificate: `${path}.certificate`, privateKey: `${path}.privateKey` } : path
  const issues: Issue[] = []
  const chain = parseChain(input.certificate)
  const leaf = chain?.[0]
  if (leaf === undefined)
    issues.push({
      path: at.certificate,
      message: 'is not a PEM certificate: paste the "-----BEGIN CERTIFICATE-----" block (and its chain, leaf first)'
    })
  let key: KeyObject | undefined
  try {
    key = createPrivateKey({ key: input.privateKey, format: 'pem' })
  } catch {
    issues.push({
      path: at.privateKey,
      message:
        'is not an unencrypted PEM private key: paste the "-----BEGIN PRIVATE KEY-----" (or RSA/EC PRIVATE KEY) block without a passphrase'
    })
  }
  if (leaf === undefined) return issues
  if (key !== undefined && !leaf.checkPrivateKey(key))
    issues.push({ path: at.privateKey, message: 'is not the private key of this certificate' })
  if (Date.parse(leaf.validTo) <= now.getTime())
    issues.push({
      path: at.certificate,
      message: `expired on ${new Date(leaf.validTo).toISOString()}: ask for a new certificate`
    })
  else if (Date.parse(leaf.validFrom) > now.getTime())
    issues.push({
      path: at.certificate,
      message: `is not valid before ${new Date(leaf.validFrom).toISOString()}`
    })
  return issues
}

/** The certificate's subject, issuer, expiry and fingerprint, for the app's view. */
export function summarizeCertificate(certificate: string): CertificateSummary | undefined {
  const leaf = parseChain(certificate)?.[0]
  if (leaf === undefined) return undefined
  return {
    subject: leaf.subject.replace(/\n/g, ', '),
    issuer: leaf.issuer.replace(/\n/g, ', '),
    notAfter: new Date(leaf.validTo).toISOString(),
    fingerprint256: leaf.fingerprint256
  }
}
