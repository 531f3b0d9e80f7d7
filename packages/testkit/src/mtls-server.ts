import { X509Certificate, createHash, randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { readForm, sendJson } from './http-helpers.js'
import type { TestPki } from './test-certificates.js'

/** Behaviours switchable at run time; they apply to tokens issued afterwards. */
export interface MtlsModes {
  /** The `expires_in` of access tokens; `0` issues tokens already expired (to make a client refresh). */
  accessTokenTtlSeconds: number
  /**
   * Access tokens are bound to the client certificate they were issued to (RFC 8705 §3) and
   * refused with any other. Off: plain bearer tokens, usable with any trusted certificate.
   */
  bindTokens: boolean
}

const DEFAULT_MODES: MtlsModes = { accessTokenTtlSeconds: 3600, bindTokens: true }

/** Options of {@link startMtlsServer}. */
export interface MtlsServerOptions {
  /** The CA client certificates must be signed by, and the server's own certificate. */
  readonly pki: Pick<TestPki, 'ca' | 'server'>
  readonly modes?: Partial<MtlsModes>
  /**
   * Registered clients: `client_id` → the common name its certificate must have (RFC 8705
   * §2.1's `tls_client_auth_subject_dn`, by CN). Other ids are refused. `undefined`: any
   * `client_id` with any certificate the CA signed.
   */
  readonly clients?: Readonly<Record<string, string>>
  /** @defaultValue `0` (a free port) */
  readonly port?: number
}

/** What the server saw, for assertions. */
export interface MtlsCounters {
  /** TLS handshakes completed, each with a client certificate the CA vouches for. */
  acceptedHandshakes: number
  /**
   * TLS handshakes that failed (`tlsClientError`): no client certificate, an untrusted or
   * expired one, or a client that does not trust the server.
   */
  rejectedHandshakes: number
  /**
   * Why the last handshake failed: `ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE`, or the chain's
   * verification error (`UNABLE_TO_VERIFY_LEAF_SIGNATURE` for another CA, `CERT_HAS_EXPIRED`).
   */
  lastRejection: string | undefined
  /** Access tokens issued, whatever the grant. */
  tokensIssued: number
  /** Requests under `/api`, refused ones included. */
  apiCalls: number
  /** The common name of the client certificate of the last request. */
  lastSubject: string | undefined
}

/** What the server knows of an access token, shaped as an RFC 7662 introspection answer (RFC 8705 §3.2). */
export type MtlsIntrospection =
  | { readonly active: false }
  | {
      readonly active: true
      readonly client_id: string
      readonly token_type: 'Bearer'
      /** Expiry, epoch seconds. */
      readonly exp: number
      /** The certificate the token is bound to; absent for a token issued with `bindTokens` off. */
      readonly cnf?: { readonly 'x5t#S256': string }
    }

/** A running mTLS server. */
export interface MtlsServer {
  /** `https://127.0.0.1:<port>` */
  readonly url: string
  /** `POST`: grants `client_credentials`, `authorization_code` (codes from {@link MtlsServer.mintCode}) and `refresh_token`. */
  readonly tokenUrl: string
  /** The API's base URL: `GET /me`. */
  readonly apiBaseUrl: string
  /** The CA certificate (PEM) that signed the server's certificate: what a client must trust. */
  readonly ca: string
  readonly counters: MtlsCounters
  /** The current modes; assign to switch them. */
  readonly modes: MtlsModes
  /**
   * An authorization code for `clientId`, as if its user had approved it at an authorization
   * endpoint; a browser would reach that one outside mTLS (RFC 8705 §5), so there is none here.
   */
  mintCode(clientId: string): string
  /** The server-side record of an access token: its client, expiry and certificate binding. */
  introspect(accessToken: string): MtlsIntrospection
  close(): Promise<void>
}

/**
 * RFC 8705 §3.1: the `x5t#S256` confirmation of a certificate, the base64url SHA-256 of its
 * DER encoding. Takes the certificate as PEM or as DER.
 */
export function certificateThumbprint(certificate: string | Buffer): string {
  const der = typeof certificate === 'string' ? new X509Certificate(certificate).raw : certificate
  return createHash('sha256').update(der).digest('base64url')
}

/** The client certificate of a request, as the token endpoint and the API use it. */
interface Peer {
  readonly subject: string
  readonly thumbprint: string
}

interface AccessGrant {
  readonly clientId: string
  /** `undefined`: an unbound token (`bindTokens` off). */
  readonly thumbprint: string | undefined
  readonly expiresAt: number
}

/** Thrown by the grant handlers and answered as an RFC 6749 §5.2 error. */
class TokenError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly code: string,
    description: string
  ) {
    super(description)
  }
}

const randomToken = (prefix: string): string => `${prefix}_${randomBytes(24).toString('base64url')}`

/** The `CN` of a subject as Node prints it (one `name=value` a line). */
function commonName(certificate: X509Certificate): string {
  return /^CN=(.*)$/m.exec(certificate.subject)?.[1] ?? ''
}

/** The verified client certificate of the TLS connection a request came on. */
function peerOf(req: IncomingMessage): Peer {
  const certificate = (req.socket as TLSSocket).getPeerX509Certificate()
  // With requestCert and rejectUnauthorized, no request arrives on a connection without one.
  if (certificate === undefined) throw new Error('a request arrived without a client certificate')
  return { subject: commonName(certificate), thumbprint: certificateThumbprint(certificate.raw) }
}

/**
 * Why a handshake failed. Node checks the client's chain only once the handshake is done,
 * then destroys the socket without an alert, so the error is a bare `ECONNRESET` and the
 * reason (`CERT_HAS_EXPIRED`, `UNABLE_TO_VERIFY_LEAF_SIGNATURE`) is the socket's
 * `authorizationError`: a code at run time, though typed as an Error. A missing certificate
 * fails in OpenSSL itself, with a code of its own.
 */
function rejectionReason(error: NodeJS.ErrnoException, socket: TLSSocket): string {
  const verification: unknown = socket.authorizationError
  if (typeof verification === 'string') return verification
  return error.code ?? error.message
}

/** An RFC 6750 §3 refusal: `WWW-Authenticate` names the error unless the request carried no token at all (§3.1). */
function refuseToken(res: ServerResponse, description: string, tokenPresented: boolean): void {
  const challenge = tokenPresented ? 'Bearer error="invalid_token"' : 'Bearer'
  sendJson(res, 401, { error: 'invalid_token', error_description: description }, { 'www-authenticate': challenge })
}

/**
 * Starts a loopback HTTPS server on 127.0.0.1 that requires a client certificate signed by
 * the test CA: a handshake without one, or with one from another CA or expired, fails before
 * any HTTP. It serves an RFC 8705 token endpoint (`POST /oauth/token`, the client
 * authenticated by its certificate, `tls_client_auth`) whose access tokens are bound to the
 * certificate they were issued to, and an API (`GET /api/me`) that answers the certificate's
 * subject for a token presented with that same certificate and refuses it with any other.
 * @see https://www.rfc-editor.org/rfc/rfc8705
 */
export async function startMtlsServer(options: MtlsServerOptions): Promise<MtlsServer> {
  const modes: MtlsModes = { ...DEFAULT_MODES, ...options.modes }
  const counters: MtlsCounters = {
    acceptedHandshakes: 0,
    rejectedHandshakes: 0,
    lastRejection: undefined,
    tokensIssued: 0,
    apiCalls: 0,
    lastSubject: undefined
  }
  const accessTokens = new Map<string, AccessGrant>()
  /** Refresh token → client: bound to the client, which its certificate authenticates, so indirectly to it (RFC 8705 §7.1). */
  const refreshTokens = new Map<string, string>()
  /** Single-use authorization codes → client. */
  const codes = new Map<string, string>()

  /** RFC 8705 §2: `client_id` names the client, and its certificate must be the registered one. */
  function authenticateClient(clientId: string, peer: Peer): void {
    if (clientId === '') throw new TokenError(400, 'invalid_request', 'client_id is required (RFC 8705 §2)')
    if (options.clients === undefined) return
    const registered = options.clients[clientId]
    if (registered === undefined) throw new TokenError(401, 'invalid_client', `unknown client_id ${clientId}`)
    if (registered !== peer.subject)
      throw new TokenError(
        401,
        'invalid_client',
        `the client certificate's subject CN=${peer.subject} is not the one registered for ${clientId} (CN=${registered})`
      )
  }

  /** Redeems a single-use code or a refresh token of this client; `kind` names it in the error. */
  function redeem(store: Map<string, string>, value: string, clientId: string, kind: string): void {
    if (value === '') throw new TokenError(400, 'invalid_request', `the ${kind} is missing`)
    if (store.get(value) !== clientId)
      throw new TokenError(400, 'invalid_grant', `the ${kind} is unknown, used, or not ${clientId}'s`)
  }

  /** RFC 6749 §5.1: an access token bound (RFC 8705 §3) to the requesting certificate. */
  function issueTokens(clientId: string, peer: Peer, withRefreshToken: boolean): Record<string, unknown> {
    const accessToken = randomToken('mat')
    accessTokens.set(accessToken, {
      clientId,
      thumbprint: modes.bindTokens ? peer.thumbprint : undefined,
      expiresAt: Date.now() + modes.accessTokenTtlSeconds * 1000
    })
    counters.tokensIssued += 1
    const answer: Record<string, unknown> = {
      access_token: accessToken,
      token_type: 'Bearer',
      expires_in: modes.accessTokenTtlSeconds
    }
    if (withRefreshToken) {
      const refreshToken = randomToken('mrt')
      refreshTokens.set(refreshToken, clientId)
      answer.refresh_token = refreshToken
    }
    return answer
  }

  /** The three grants; client credentials get no refresh token (RFC 6749 §4.4.3), refreshes keep theirs. */
  function grant(form: URLSearchParams, peer: Peer): Record<string, unknown> {
    const clientId = form.get('client_id') ?? ''
    const grantType = form.get('grant_type') ?? ''
    authenticateClient(clientId, peer)
    switch (grantType) {
      case 'client_credentials':
        return issueTokens(clientId, peer, false)
      case 'authorization_code': {
        const code = form.get('code') ?? ''
        redeem(codes, code, clientId, 'authorization code')
        codes.delete(code)
        return issueTokens(clientId, peer, true)
      }
      case 'refresh_token':
        redeem(refreshTokens, form.get('refresh_token') ?? '', clientId, 'refresh token')
        return issueTokens(clientId, peer, false)
      default:
        throw new TokenError(400, 'unsupported_grant_type', `grant_type ${grantType || '(none)'} is not supported`)
    }
  }

  async function token(req: IncomingMessage, res: ServerResponse, peer: Peer): Promise<void> {
    const noStore = { 'cache-control': 'no-store' }
    try {
      sendJson(res, 200, grant(await readForm(req), peer), noStore)
    } catch (error) {
      if (!(error instanceof TokenError)) throw error
      sendJson(res, error.status, { error: error.code, error_description: error.message }, noStore)
    }
  }

  /** RFC 8705 §3: the token must be known, current, and presented with the certificate it is bound to. */
  function me(req: IncomingMessage, res: ServerResponse, peer: Peer): void {
    const presented = /^Bearer +(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
    if (presented === undefined) return refuseToken(res, 'no access token: send Authorization: Bearer <token>', false)
    const found = accessTokens.get(presented)
    if (found === undefined) return refuseToken(res, 'unknown access token', true)
    if (found.expiresAt <= Date.now()) return refuseToken(res, 'the access token has expired', true)
    if (found.thumbprint !== undefined && found.thumbprint !== peer.thumbprint)
      return refuseToken(
        res,
        'the client certificate does not match the certificate the access token is bound to',
        true
      )
    sendJson(res, 200, { subject: peer.subject, thumbprint: peer.thumbprint, clientId: found.clientId })
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const peer = peerOf(req)
    counters.lastSubject = peer.subject
    const { pathname } = new URL(req.url ?? '/', 'https://127.0.0.1')
    if (pathname.startsWith('/api/')) counters.apiCalls += 1
    if (req.method === 'POST' && pathname === '/oauth/token') return token(req, res, peer)
    if (req.method === 'GET' && pathname === '/api/me') return me(req, res, peer)
    sendJson(res, 404, { error: 'not_found', error_description: `no route for ${req.method ?? ''} ${pathname}` })
  }

  const server = createServer(
    {
      key: options.pki.server.privateKey,
      cert: options.pki.server.certificate,
      ca: options.pki.ca.certificate,
      requestCert: true,
      rejectUnauthorized: true
    },
    (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: (error as Error).message })
        else res.destroy()
      })
    }
  )
  server.on('secureConnection', () => {
    counters.acceptedHandshakes += 1
  })
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
    counters.rejectedHandshakes += 1
    counters.lastRejection = rejectionReason(error, socket)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    tokenUrl: `${url}/oauth/token`,
    apiBaseUrl: `${url}/api`,
    ca: options.pki.ca.certificate,
    counters,
    modes,
    mintCode: (clientId) => {
      const code = randomToken('mcode')
      codes.set(code, clientId)
      return code
    },
    introspect: (accessToken) => {
      const found = accessTokens.get(accessToken)
      if (found === undefined || found.expiresAt <= Date.now()) return { active: false }
      return {
        active: true,
        client_id: found.clientId,
        token_type: 'Bearer',
        exp: Math.floor(found.expiresAt / 1000),
        ...(found.thumbprint === undefined ? {} : { cnf: { 'x5t#S256': found.thumbprint } })
      }
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)))
        server.closeAllConnections()
      })
  }
}
