import { X509Certificate, createHash, createPrivateKey } from 'node:crypto'
import { connect } from 'node:tls'
import type { ConnectionOptions } from 'node:tls'
import t from 'tap'
import type { Test } from 'tap'
import { Agent, request } from 'undici'
import type { Dispatcher } from 'undici'
import { certificateThumbprint, startMtlsServer } from '../src/mtls-server.js'
import type { MtlsServer, MtlsServerOptions } from '../src/mtls-server.js'
import { createTestPki } from '../src/test-certificates.js'
import type { TestCertificate } from '../src/test-certificates.js'

const pki = await createTestPki()
const alice = await pki.issueClient('alice')
const bob = await pki.issueClient('bob')

interface Answer {
  readonly status: number
  readonly headers: Dispatcher.ResponseData['headers']
  readonly body: Record<string, unknown>
}

/** A server for one test, closed when it ends. */
async function serverFor(t: Test, options: Omit<MtlsServerOptions, 'pki'> = {}): Promise<MtlsServer> {
  const server = await startMtlsServer({ pki, ...options })
  t.teardown(() => server.close())
  return server
}

/** An undici dispatcher that trusts the test CA and presents `client`'s certificate, if given. */
function agentFor(t: Test, server: MtlsServer, client?: TestCertificate): Agent {
  const tls = client === undefined ? {} : { cert: client.certificate, key: client.privateKey }
  const agent = new Agent({ connect: { ca: server.ca, ...tls } })
  t.teardown(() => agent.close())
  return agent
}

async function postToken(server: MtlsServer, agent: Agent, fields: Record<string, string>): Promise<Answer> {
  const answer = await request(server.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    dispatcher: agent
  })
  return { status: answer.statusCode, headers: answer.headers, body: (await answer.body.json()) as Answer['body'] }
}

async function getMe(server: MtlsServer, agent: Agent, accessToken?: string): Promise<Answer> {
  const answer = await request(`${server.apiBaseUrl}/me`, {
    headers: accessToken === undefined ? {} : { authorization: `Bearer ${accessToken}` },
    dispatcher: agent
  })
  return { status: answer.statusCode, headers: answer.headers, body: (await answer.body.json()) as Answer['body'] }
}

async function accessTokenFor(server: MtlsServer, agent: Agent, clientId = 'app-1'): Promise<string> {
  const answer = await postToken(server, agent, { grant_type: 'client_credentials', client_id: clientId })
  return String(answer.body.access_token)
}

/** Whether a bare TLS client trusts the server, or the code of its refusal; the connection is dropped once up. */
function serverVerdict(server: MtlsServer, options: ConnectionOptions): Promise<'trusted' | string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(server.url).port), ...options })
    socket.once('secureConnect', () => {
      resolve(socket.authorized ? 'trusted' : 'connected, not authorized')
      socket.destroy()
    })
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
  })
}

/**
 * The error that ends a bare TLS connection with no client certificate, which sends nothing
 * and waits for the server to close it: with no request in flight, no reset can race the alert.
 */
function errorWithoutCertificate(server: MtlsServer): Promise<string | undefined> {
  return new Promise((resolve) => {
    let code: string | undefined
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(server.url).port), ca: server.ca })
    socket.once('error', (error: NodeJS.ErrnoException) => (code = error.code))
    socket.once('close', () => resolve(code))
  })
}

t.test('the PKI: a loopback server certificate, client certificates by CN, PKCS #8 keys', async (t) => {
  const ca = new X509Certificate(pki.ca.certificate)
  const server = new X509Certificate(pki.server.certificate)
  t.ok(ca.ca, 'the CA is a CA')
  t.ok(server.verify(ca.publicKey) && server.checkIssued(ca), 'the CA signed the server certificate')
  t.equal(server.checkIP('127.0.0.1'), '127.0.0.1')
  t.equal(server.checkIP('::1'), '::1')
  t.equal(server.checkHost('localhost'), 'localhost')
  t.notOk(server.ca)

  const client = new X509Certificate(alice.certificate)
  t.equal(client.subject, 'CN=alice')
  t.ok(client.checkIssued(ca))
  t.same(client.keyUsage, ['1.3.6.1.5.5.7.3.2'], 'extended key usage: clientAuth only')
  t.notOk(new X509Certificate((await pki.issueUntrusted('mallory')).certificate).checkIssued(ca))
  const expired = new X509Certificate((await pki.issueClient('old', { expired: true })).certificate)
  t.ok(Date.parse(expired.validTo) < Date.now(), 'the expired one has ended')
  t.ok(Date.parse(client.validTo) > Date.now() && Date.parse(client.validFrom) < Date.now(), 'the others are current')

  for (const key of [pki.ca.privateKey, pki.server.privateKey, alice.privateKey]) {
    t.match(key, /^-----BEGIN PRIVATE KEY-----\n/)
    t.equal(createPrivateKey(key).asymmetricKeyType, 'ec')
  }
  t.equal(
    certificateThumbprint(alice.certificate),
    createHash('sha256').update(client.raw).digest('base64url'),
    'x5t#S256: base64url SHA-256 of the DER'
  )
  t.equal(certificateThumbprint(client.raw), certificateThumbprint(alice.certificate), 'from DER as from PEM')
})

t.test('the server certificate verifies against `ca` for 127.0.0.1, and only with it', async (t) => {
  const server = await serverFor(t)
  const asAlice = { cert: alice.certificate, key: alice.privateKey }
  t.equal(await serverVerdict(server, { ...asAlice, ca: server.ca }), 'trusted', 'for 127.0.0.1, by its IP SAN')
  t.equal(await serverVerdict(server, { ...asAlice, ca: server.ca, servername: 'localhost' }), 'trusted')
  t.equal(
    await serverVerdict(server, { ...asAlice, ca: server.ca, servername: 'example.com' }),
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'the name is checked'
  )
  t.equal(await serverVerdict(server, asAlice), 'SELF_SIGNED_CERT_IN_CHAIN', 'without `ca`, an unknown root')
  t.match(server.url, /^https:\/\/127\.0\.0\.1:\d+$/)
})

t.test('a trusted client certificate gets a token bound to it (RFC 8705 §3) and reads /api/me', async (t) => {
  const server = await serverFor(t)
  const agent = agentFor(t, server, alice)

  const token = await postToken(server, agent, { grant_type: 'client_credentials', client_id: 'app-1' })
  t.equal(token.status, 200)
  t.equal(token.headers['cache-control'], 'no-store')
  t.match(token.body, { access_token: /^mat_/, token_type: 'Bearer', expires_in: 3600 })
  t.notOk('refresh_token' in token.body, 'none for client credentials (RFC 6749 §4.4.3)')
  const accessToken = String(token.body.access_token)
  const thumbprint = certificateThumbprint(alice.certificate)
  t.match(server.introspect(accessToken), { active: true, client_id: 'app-1', cnf: { 'x5t#S256': thumbprint } })

  const me = await getMe(server, agent, accessToken)
  t.equal(me.status, 200)
  t.same(me.body, { subject: 'alice', thumbprint, clientId: 'app-1' })
  t.match(server.counters, { tokensIssued: 1, apiCalls: 1, lastSubject: 'alice', rejectedHandshakes: 0 })
  t.ok(server.counters.acceptedHandshakes >= 1)
})

t.test('a token bound to one certificate is refused with another: 401 invalid_token', async (t) => {
  const server = await serverFor(t)
  const accessToken = await accessTokenFor(server, agentFor(t, server, alice))

  const stolen = await getMe(server, agentFor(t, server, bob), accessToken)
  t.equal(stolen.status, 401)
  t.equal(stolen.headers['www-authenticate'], 'Bearer error="invalid_token"')
  t.match(stolen.body, { error: 'invalid_token', error_description: /certificate does not match/ })
  t.equal(server.counters.lastSubject, 'bob')

  server.modes.bindTokens = false
  const unbound = await accessTokenFor(server, agentFor(t, server, alice))
  t.notOk('cnf' in server.introspect(unbound), 'no binding recorded')
  t.match(await getMe(server, agentFor(t, server, bob), unbound), { status: 200, body: { subject: 'bob' } })
  t.equal((await getMe(server, agentFor(t, server, bob), accessToken)).status, 401, 'tokens bound before stay bound')
})

t.test('the API refuses a missing, unknown or expired token', async (t) => {
  const server = await serverFor(t, { modes: { accessTokenTtlSeconds: 0 } })
  const agent = agentFor(t, server, alice)

  const missing = await getMe(server, agent)
  t.equal(missing.status, 401)
  t.equal(missing.headers['www-authenticate'], 'Bearer', 'no error code without a token (RFC 6750 §3.1)')
  t.match(missing.body, { error: 'invalid_token', error_description: /Authorization: Bearer/ })
  t.match(await getMe(server, agent, 'mat_never-issued'), {
    status: 401,
    body: { error: 'invalid_token', error_description: 'unknown access token' }
  })
  const expired = await accessTokenFor(server, agent)
  t.match(await getMe(server, agent, expired), { status: 401, body: { error_description: /expired/ } })
  t.same(server.introspect(expired), { active: false })
  t.equal(server.counters.apiCalls, 3, 'refused calls count')
})

t.test('the token endpoint: code and refresh grants, registered clients, RFC 6749 errors', async (t) => {
  const server = await serverFor(t, { clients: { 'app-1': 'alice' } })
  const agent = agentFor(t, server, alice)
  const code = server.mintCode('app-1')

  const exchanged = await postToken(server, agent, { grant_type: 'authorization_code', code, client_id: 'app-1' })
  t.match(exchanged, { status: 200, body: { access_token: /^mat_/, refresh_token: /^mrt_/, token_type: 'Bearer' } })
  const reused = await postToken(server, agent, { grant_type: 'authorization_code', code, client_id: 'app-1' })
  t.match(reused, { status: 400, body: { error: 'invalid_grant' } }, 'a code is single use')

  const refreshToken = String(exchanged.body.refresh_token)
  const refreshed = await postToken(server, agent, {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: 'app-1'
  })
  t.match(refreshed, { status: 200, body: { access_token: /^mat_/ } })
  t.notOk('refresh_token' in refreshed.body, 'the refresh token is kept')
  t.equal((await getMe(server, agent, String(refreshed.body.access_token))).status, 200)

  const asBob = await postToken(server, agentFor(t, server, bob), {
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
    client_id: 'app-1'
  })
  t.match(asBob, {
    status: 401,
    body: { error: 'invalid_client', error_description: /CN=bob is not the one registered for app-1/ }
  })
  t.match(await postToken(server, agent, { grant_type: 'client_credentials', client_id: 'app-2' }), {
    status: 401,
    body: { error: 'invalid_client', error_description: 'unknown client_id app-2' }
  })
  t.match(await postToken(server, agent, { grant_type: 'client_credentials' }), {
    status: 400,
    body: { error: 'invalid_request' }
  })
  t.match(await postToken(server, agent, { grant_type: 'password', client_id: 'app-1' }), {
    status: 400,
    body: { error: 'unsupported_grant_type' }
  })
  t.match(await postToken(server, agent, { grant_type: 'refresh_token', refresh_token: code, client_id: 'app-1' }), {
    status: 400,
    body: { error: 'invalid_grant' }
  })
  t.equal(server.counters.tokensIssued, 2)
})

t.test('without a valid client certificate the TLS handshake fails, before any HTTP', async (t) => {
  const server = await serverFor(t)
  const cases: [string, TestCertificate | undefined, string][] = [
    ['no certificate', undefined, 'ERR_SSL_PEER_DID_NOT_RETURN_A_CERTIFICATE'],
    ['a certificate from another CA', await pki.issueUntrusted('mallory'), 'UNABLE_TO_VERIFY_LEAF_SIGNATURE'],
    ['an expired certificate', await pki.issueClient('old', { expired: true }), 'CERT_HAS_EXPIRED']
  ]
  for (const [label, client, reason] of cases) {
    const before = server.counters.rejectedHandshakes
    // No HTTP answer, only a dead connection: Node checks the client's chain after the
    // handshake and destroys the socket without an alert, and undici reports even the alert
    // for a missing certificate as the socket closing (or a reset, had its request arrived
    // after the close). The server's counters say why.
    await t.rejects(getMe(server, agentFor(t, server, client)), { code: /^(UND_ERR_SOCKET|ECONNRESET)$/ }, label)
    t.equal(server.counters.rejectedHandshakes, before + 1, `${label}: one handshake refused`)
    t.equal(server.counters.lastRejection, reason, `${label}: ${reason}`)
  }
  t.equal(
    await errorWithoutCertificate(server),
    'ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED',
    'a missing certificate is refused with a TLS alert'
  )
  t.match(server.counters, { acceptedHandshakes: 0, apiCalls: 0 })
  t.equal(server.counters.lastSubject, undefined, 'no request reached a handler')
})
