// @peculiar/x509 resolves its algorithms with tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata'
import { webcrypto } from 'node:crypto'

type CryptoKeyPair = webcrypto.CryptoKeyPair
type CryptoKey = webcrypto.CryptoKey
import {
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  X509CertificateGenerator,
  cryptoProvider
} from '@peculiar/x509'

/** A certificate and its private key, PEM (the key PKCS #8). */
export interface TestCertificate {
  readonly certificate: string
  readonly privateKey: string
}

/** A test PKI: a CA, a server certificate for loopback, and client certificates on demand. */
export interface TestPki {
  readonly ca: TestCertificate
  /** For `127.0.0.1`, `::1` and `localhost`, signed by the CA. */
  readonly server: TestCertificate
  /** A client certificate (`clientAuth`) signed by the CA, for `commonName`; `expired` one ended yesterday. */
  issueClient(commonName: string, options?: { readonly expired?: boolean }): Promise<TestCertificate>
  /** A client certificate signed by another CA, which the server does not trust. */
  issueUntrusted(commonName: string): Promise<TestCertificate>
}

cryptoProvider.set(webcrypto as unknown as Parameters<typeof cryptoProvider.set>[0])

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGNING = { name: 'ECDSA', hash: 'SHA-256' } as const
const DAY_MS = 86_400_000

async function keyPair(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify'])
}

async function pkcs8Pem(key: CryptoKey): Promise<string> {
  const der = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key))
  const lines = der.toString('base64').match(/.{1,64}/g) ?? []
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`
}

interface Authority {
  readonly name: string
  readonly keys: CryptoKeyPair
  readonly pem: TestCertificate
}

async function authority(name: string): Promise<Authority> {
  const keys = await keyPair()
  const certificate = await X509CertificateGenerator.createSelfSigned({
    name,
    keys,
    signingAlgorithm: SIGNING,
    notBefore: new Date(Date.now() - DAY_MS),
    notAfter: new Date(Date.now() + 30 * DAY_MS),
    extensions: [
      new BasicConstraintsExtension(true, 0, true),
      new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true)
    ]
  })
  return { name, keys, pem: { certificate: certificate.toString('pem'), privateKey: await pkcs8Pem(keys.privateKey) } }
}

async function issue(
  ca: Authority,
  subject: string,
  usage: 'server' | 'client',
  validity: { notBefore: Date; notAfter: Date }
): Promise<TestCertificate> {
  const keys = await keyPair()
  const certificate = await X509CertificateGenerator.create({
    subject,
    issuer: ca.name,
    publicKey: keys.publicKey,
    signingKey: ca.keys.privateKey,
    signingAlgorithm: SIGNING,
    ...validity,
    extensions: [
      new BasicConstraintsExtension(false, undefined, true),
      new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
      new ExtendedKeyUsageExtension([usage === 'server' ? ExtendedKeyUsage.serverAuth : ExtendedKeyUsage.clientAuth]),
      ...(usage === 'server'
        ? [
            new SubjectAlternativeNameExtension([
              { type: 'ip', value: '127.0.0.1' },
              { type: 'ip', value: '::1' },
              { type: 'dns', value: 'localhost' }
            ])
          ]
        : [])
    ]
  })
  return { certificate: certificate.toString('pem'), privateKey: await pkcs8Pem(keys.privateKey) }
}

const current = (): { notBefore: Date; notAfter: Date } => ({
  notBefore: new Date(Date.now() - DAY_MS),
  notAfter: new Date(Date.now() + 7 * DAY_MS)
})

/**
 * A throwaway PKI for tests of client certificates (mTLS), in memory, with EC P-256 keys
 * (fast to make). Certificates are made with `@peculiar/x509`, never by hand.
 */
export async function createTestPki(): Promise<TestPki> {
  const ca = await authority('CN=Latchkey Test CA')
  const other = await authority('CN=Untrusted Test CA')
  return {
    ca: ca.pem,
    server: await issue(ca, 'CN=127.0.0.1', 'server', current()),
    issueClient: (commonName, options = {}) =>
      issue(
        ca,
        `CN=${commonName}`,
        'client',
        options.expired === true
          ? { notBefore: new Date(Date.now() - 10 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }
          : current()
      ),
    issueUntrusted: (commonName) => issue(other, `CN=${commonName}`, 'client', current())
  }
}
