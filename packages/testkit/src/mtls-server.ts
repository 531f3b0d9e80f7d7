import { createHash, randomBytes } from 'node:crypto'
import type { X509Certificate } from 'node:crypto'
import { createServer } from 'node:https'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { readForm, sendJson } from './http-helpers.js'
import type { TestPki } from './test-certificates.js'

/** What the server saw. */
export interface MtlsCounters {
  /** Requests that came with a client certificate the CA vouches for. */
  accepted: number
  tokensIssued: number
  apiCalls: number
  /** The common name of the last client certificate presented. */
  lastSubject: string | undefined
  /** TLS handshakes refused (no certificate, an untrusted or expired one). */
  rejectedHandshakes: number
}

export interface MtlsServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string
  readonly tokenUrl: string
  /** The API's base URL: `GET /me`. */
  readonly apiBaseUrl: string
  /** The CA (PEM) its certificate and its clients' are signed by: what a client must trust. */
  readonly ca: string
  readonly counters: MtlsCounters
  close(): Promise<void>
}

/** RFC 8705 §3.1: the `x5t#S256` thumbprint, base64url SHA-256 of the certificate's DER. */
export function certificateThumbprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('base64url')
}

/**
 * A loopback HTTPS server that requires a client certificate signed by the test CA (the
 * handshake fails without one), with an RFC 8705 token endpoint whose tokens are bound to
 * the certificate they were issued to (`POST /oauth/token`, client credentials) and an API
 * (`GET /api/me`) that answers with the certificate's subject, refusing a bound token
 * presented with another certificate.
 * @see https://www.rfc-editor.org/rfc/rfc8705
 */
export async function startMtlsServer(pki: TestPki): Promise<MtlsServer> {
  const counters: MtlsCounters = {
    accepted: 0,
    tokensIssued: 0,
    apiCalls: 0,
    lastSubject: undefined,
    rejectedHandshakes: 0
  }
  /** Access token → the thumbprint of the certificate it is bound to. */
  const bound = new Map<string, string>()

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const peer = (req.socket as TLSSocket).getPeerX509Certificate()
    if (peer === undefined) return sendJson(res, 401, { error: 'invalid_client', error_description: 'no certificate' })
    const thumbprint = certificateThumbprint(peer.raw)
    const subject = commonName(peer)
    counters.accepted += 1
    counters.lastSubject = subject
    const url = new URL(req.url ?? '/', 'https://127.0.0.1')
    if (req.method === 'POST' && url.pathname === '/oauth/token') {
      const form = await readForm(req)
      if (form.get('grant_type') !== 'client_credentials')
        return sendJson(res, 400, { error: 'unsupported_grant_type' })
      // RFC 8705 §2: the certificate authenticates the client (tls_client_auth); its id is in the body.
      if ((form.get('client_id') ?? '') === '') return sendJson(res, 401, { error: 'invalid_client' })
      const token = randomBytes(16).toString('hex')
      bound.set(token, thumbprint)
      counters.tokensIssued += 1
      return sendJson(res, 200, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: 3600,
        cnf: { 'x5t#S256': thumbprint }
      })
    }
    if (req.method === 'GET' && url.pathname === '/api/me') {
      const header = req.headers.authorization ?? ''
      if (header.startsWith('Bearer ')) {
        const owner = bound.get(header.slice(7))
        if (owner === undefined)
          return sendJson(res, 401, { error: 'invalid_token' }, { 'www-authenticate': 'Bearer error="invalid_token"' })
        if (owner !== thumbprint)
          return sendJson(
            res,
            401,
            {
              error: 'invalid_token',
              error_description: 'the certificate does not match the one the token is bound to'
            },
            { 'www-authenticate': 'Bearer error="invalid_token"' }
          )
      }
      counters.apiCalls += 1
      return sendJson(res, 200, { subject, thumbprint, authorization: header.split(' ')[0] ?? '' })
    }
    sendJson(res, 404, { error: 'not_found' })
  }

  const server = createServer(
    {
      key: pki.server.privateKey,
      cert: pki.server.certificate,
      ca: pki.ca.certificate,
      requestCert: true,
      rejectUnauthorized: true
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: String(error) })
      })
    }
  )
  server.on('tlsClientError', () => {
    counters.rejectedHandshakes += 1
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    apiBaseUrl: `${url}/api`,
    ca: pki.ca.certificate,
    counters,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}

function commonName(certificate: X509Certificate): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(certificate.subject)?.[1] ?? ''
}
