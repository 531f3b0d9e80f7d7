// @peculiar/x509 resolves its algorithms with tsyringe, which needs the Reflect metadata API.
import 'reflect-metadata'
import { KeyObject, webcrypto } from 'node:crypto'
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  SubjectAlternativeNameExtension,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator
} from '@peculiar/x509'
import type { Extension, X509Certificate } from '@peculiar/x509'

/** A certificate and its private key, both PEM; the key is PKCS #8 (`BEGIN PRIVATE KEY`). */
export interface TestCertificate {
  readonly certificate: string
  readonly privateKey: string
}

/** Options of {@link TestPki.issueClient}. */
export interface IssueClientOptions {
  /** The certificate expired yesterday (it was valid for the ten days before). */
  readonly expired?: boolean
}

/** A throwaway PKI: a CA, a server certificate for loopback, and client certificates on demand. */
export interface TestPki {
  /** The CA everything but {@link TestPki.issueUntrusted} is signed by: what both ends trust. */
  readonly ca: TestCertificate
  /** A server certificate (`serverAuth`) for `127.0.0.1`, `::1` and `localhost`, signed by the CA. */
  readonly server: TestCertificate
  /** A client certificate (`clientAuth`) for `CN=<commonName>`, signed by the CA. */
  issueClient(commonName: string, options?: IssueClientOptions): Promise<TestCertificate>
  /** A client certificate for `CN=<commonName>` signed by another CA, which nothing trusts. */
  issueUntrusted(commonName: string): Promise<TestCertificate>
}

/** EC P-256: a key pair takes about a millisecond, where RSA 2048 takes tens to hundreds. */
const KEY_ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256' } as const
const SIGNING_ALGORITHM = { name: 'ECDSA', hash: 'SHA-256' } as const
const DAY_MS = 86_400_000

/** Node's WebCrypto, passed to every call rather than set globally, so the library's other users keep theirs. */
const crypto = webcrypto
type CryptoKey = webcrypto.CryptoKey
type CryptoKeyPair = webcrypto.CryptoKeyPair

interface Validity {
  readonly notBefore: Date
  readonly notAfter: Date
}

/** Valid from yesterday (clock skew between the ends must not matter) for `days` days ahead. */
function validFor(days: number): Validity {
  return { notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + days * DAY_MS) }
}

/** Ended yesterday: a certificate a verifier must refuse only for its dates. */
function expired(): Validity {
  return { notBefore: new Date(Date.now() - 10 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }
}

/** A subject name for one common name, built as JSON so a comma or `=` in it needs no escaping. */
function commonNameSubject(commonName: string): { CN: string[] }[] {
  return [{ CN: [commonName] }]
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(KEY_ALGORITHM, true, ['sign', 'verify'])
}

function pkcs8Pem(key: CryptoKey): string {
  return KeyObject.from(key).export({ type: 'pkcs8', format: 'pem' }).toString()
}

/** A certificate authority: its certificate (the issuer of what it signs) and its signing key. */
interface Authority {
  readonly certificate: X509Certificate
  readonly keys: CryptoKeyPair
  readonly pem: TestCertificate
}

/** A self-signed CA that may sign end-entity certificates only (path length 0). */
async function createAuthority(commonName: string): Promise<Authority> {
  const keys = await generateKeys()
  const certificate = await X509CertificateGenerator.createSelfSigned(
    {
      name: commonNameSubject(commonName),
      keys,
      signingAlgorithm: SIGNING_ALGORITHM,
      ...validFor(30),
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto)
      ]
    },
    crypto
  )
  return {
    certificate,
    keys,
    pem: { certificate: certificate.toString('pem'), privateKey: pkcs8Pem(keys.privateKey) }
  }
}

/** An end-entity certificate signed by `authority`, for one purpose: TLS server or TLS client. */
async function issueCertificate(
  authority: Authority,
  commonName: string,
  purpose: 'server' | 'client',
  validity: Validity
): Promise<TestCertificate> {
  const keys = await generateKeys()
  const extensions: Extension[] = [
    new BasicConstraintsExtension(false, undefined, true),
    new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
    new ExtendedKeyUsageExtension([purpose === 'server' ? ExtendedKeyUsage.serverAuth : ExtendedKeyUsage.clientAuth]),
    await SubjectKeyIdentifierExtension.create(keys.publicKey, false, crypto),
    await AuthorityKeyIdentifierExtension.create(authority.keys.publicKey, false, crypto)
  ]
  if (purpose === 'server') {
    // A client matches an IP address only against IP SANs (RFC 9110 §4.3.5), never against the CN.
    extensions.push(
      new SubjectAlternativeNameExtension([
        { type: 'ip', value: '127.0.0.1' },
        { type: 'ip', value: '::1' },
        { type: 'dns', value: 'localhost' }
      ])
    )
  }
  const certificate = await X509CertificateGenerator.create(
    {
      subject: commonNameSubject(commonName),
      issuer: authority.certificate.subjectName,
      publicKey: keys.publicKey,
      signingKey: authority.keys.privateKey,
      signingAlgorithm: SIGNING_ALGORITHM,
      ...validity,
      extensions
    },
    crypto
  )
  return { certificate: certificate.toString('pem'), privateKey: pkcs8Pem(keys.privateKey) }
}

/**
 * A throwaway PKI for tests of client certificates (mTLS), in memory: a CA, a loopback
 * server certificate, and client certificates issued on demand, trusted or not, current or
 * expired. EC P-256 keys, so a whole PKI takes milliseconds; the certificates are built by
 * `@peculiar/x509` on Node's WebCrypto, never by hand and without `openssl`.
 */
export async function createTestPki(): Promise<TestPki> {
  const [trusted, untrusted] = await Promise.all([
    createAuthority('Latchkey Test CA'),
    createAuthority('Untrusted Test CA')
  ])
  return {
    ca: trusted.pem,
    server: await issueCertificate(trusted, 'localhost', 'server', validFor(30)),
    issueClient: (commonName, options = {}) =>
      issueCertificate(trusted, commonName, 'client', options.expired === true ? expired() : validFor(7)),
    issueUntrusted: (commonName) => issueCertificate(untrusted, commonName, 'client', validFor(7))
  }
}
