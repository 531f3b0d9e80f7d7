import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { certificateThumbprint, createTestPki, startMtlsServer } from '@latchkey/testkit'
import type { MtlsServer, TestPki } from '@latchkey/testkit'
import { Agent, request } from 'undici'
import { RuntimeError, readAnswer } from '../../src/index.js'
import { connectThrough, rejection, startRuntime } from '../helpers.js'

/** Connectors of one bank API that authenticates clients by certificate (RFC 8705), the way such APIs document it. */
function bankConnectors(server: MtlsServer) {
  const mtls = { clientAuthMethod: 'tls_client_auth' as const, clientCertificate: 'app' as const }
  return [
    {
      key: 'bank',
      name: 'Bank',
      version: '1.0.0',
      auth: { kind: 'oauth2' as const, grant: 'client_credentials' as const, tokenUrl: server.tokenUrl, ...mtls },
      http: { baseUrl: server.apiBaseUrl }
    },
    {
      key: 'bank-code',
      name: 'Bank (customer consent)',
      version: '1.0.0',
      auth: {
        kind: 'oauth2' as const,
        grant: 'authorization_code' as const,
        // The browser leg runs outside mutual TLS (RFC 8705 §5); the test plays it.
        authorizeUrl: 'https://bank.example/authorize',
        tokenUrl: server.tokenUrl,
        ...mtls
      },
      http: { baseUrl: server.apiBaseUrl }
    },
    {
      // An API key, and the end customer's own certificate pasted beside it.
      key: 'ledger',
      name: 'Ledger',
      version: '1.0.0',
      auth: { kind: 'apiKey' as const, inputLabel: 'Access token', clientCertificate: 'customer' as const },
      http: { baseUrl: server.apiBaseUrl },
      verification: { path: '/me', identity: { subject: 'subject' } }
    },
    {
      // The same server, declared without a certificate: its handshakes must fail.
      key: 'bank-plain',
      name: 'Bank without a certificate',
      version: '1.0.0',
      auth: { kind: 'oauth2' as const, grant: 'client_credentials' as const, tokenUrl: server.tokenUrl },
      http: { baseUrl: server.apiBaseUrl }
    }
  ]
}

async function setUp(t: Test) {
  const pki: TestPki = await createTestPki()
  const server = await startMtlsServer({ pki, clients: { 'bank-app': 'bank-client', 'customer-app': 'customer-7' } })
  t.teardown(() => server.close())
  const setup = await startRuntime(t, {
    connectors: bankConnectors(server),
    config: { extraCaCertificates: [pki.ca.certificate] }
  })
  const certificate = await pki.issueClient('bank-client')
  return { ...setup, pki, server, certificate }
}

const GET = { method: 'GET', url: '/me' } as const

t.test('client credentials by certificate: the app’s certificate at the token endpoint and on API calls', async (t) => {
  const { runtime, store, tenantId, server, certificate, pki } = await setUp(t)
  await runtime.connectors.setApp(tenantId, 'bank', { clientId: 'bank-app', clientCertificate: certificate })

  const { id } = await runtime.connections.create(tenantId, { connector: 'bank' })
  const answer = await readAnswer(await runtime.http.call(tenantId, id, GET))
  t.equal(answer.status, 200, 'the API answered')
  t.match(answer.body, { subject: 'bank-client', clientId: 'bank-app' }, 'seen with the app’s certificate')
  t.equal(server.counters.tokensIssued, 1, 'the token endpoint authenticated the client by its certificate')
  const { accessToken } = await runtime.connections.token(tenantId, id)
  t.match(
    server.introspect(accessToken),
    { active: true, cnf: { 'x5t#S256': certificateThumbprint(certificate.certificate) } },
    'the token is bound to that certificate (RFC 8705 §3)'
  )
  t.equal(server.counters.rejectedHandshakes, 0)

  // Stored encrypted, shown described only.
  const raw = await store.db.selectFrom('connector_apps').selectAll().where('tenant_id', '=', tenantId).execute()
  t.notMatch(JSON.stringify(raw), /BEGIN (CERTIFICATE|PRIVATE KEY)/, 'neither PEM in the table')
  t.equal(raw[0]?.client_secret_enc, null, 'a client authenticated by certificate has no secret')
  const view = await runtime.connectors.app(tenantId, 'bank')
  t.match(view.clientCertificate, {
    subject: /CN=bank-client/,
    issuer: /CN=Latchkey Test CA/,
    fingerprint256: /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/
  })
  t.ok(Date.parse(view.clientCertificate?.notAfter ?? '') > Date.now(), 'with its expiry')
  t.notMatch(JSON.stringify(view), /PRIVATE KEY|BEGIN CERTIFICATE/, 'the view carries no PEM')

  // A new certificate replaces the old one at once: the bound token is refused with it, a new one is fetched with it.
  const renewed = await pki.issueClient('bank-client')
  await runtime.connectors.setApp(tenantId, 'bank', { clientId: 'bank-app', clientCertificate: renewed })
  const after = await readAnswer(await runtime.http.call(tenantId, id, GET))
  t.equal(after.status, 200)
  t.match(
    after.body,
    { thumbprint: certificateThumbprint(renewed.certificate) },
    'the call presented the new certificate'
  )
  t.equal(server.counters.tokensIssued, 2, 'and a token bound to it was fetched with it')
})

t.test('the authorization code grant exchanges and refreshes with the certificate', async (t) => {
  const { runtime, tenantId, server, certificate } = await setUp(t)
  await runtime.connectors.setApp(tenantId, 'bank-code', { clientId: 'bank-app', clientCertificate: certificate })
  const { id } = await runtime.connections.create(tenantId, { connector: 'bank-code' })
  const { outcome } = await connectThrough(runtime, tenantId, id, async (providerUrl) => {
    const authorize = new URL(providerUrl)
    t.equal(authorize.origin, 'https://bank.example', 'sent to the bank’s consent page')
    const callback = new URL(authorize.searchParams.get('redirect_uri') ?? '')
    callback.searchParams.set('code', server.mintCode('bank-app'))
    callback.searchParams.set('state', authorize.searchParams.get('state') ?? '')
    return callback
  })
  t.match(outcome, { ok: true }, 'the code was exchanged over mutual TLS')
  const first = await runtime.connections.token(tenantId, id)
  await runtime.connections.refresh(tenantId, id)
  const second = await runtime.connections.token(tenantId, id)
  t.not(second.accessToken, first.accessToken, 'refreshed')
  t.equal(server.counters.tokensIssued, 2, 'the code and the refresh, both with the certificate')
  t.match(await readAnswer(await runtime.http.call(tenantId, id, GET)), {
    status: 200,
    body: { subject: 'bank-client' }
  })
})

t.test(
  'without the certificate, or with one the server does not trust, the handshake fails with a clear error',
  async (t) => {
    const { runtime, tenantId, server, pki } = await setUp(t)
    await runtime.connectors.setApp(tenantId, 'bank-plain', { clientId: 'bank-app', clientSecret: 'unused' })
    const plain = await runtime.connections.create(tenantId, { connector: 'bank-plain' })
    const refused = await rejection(runtime.http.call(tenantId, plain.id, GET))
    t.type(refused, RuntimeError, 'a runtime error, not a crash')
    t.equal(server.counters.rejectedHandshakes, 1, 'the server refused the handshake')
    t.match(server.counters.lastRejection, /CERTIFICATE/, 'for want of a client certificate')
    t.equal(server.counters.tokensIssued, 0)

    const untrusted = await pki.issueUntrusted('bank-client')
    await runtime.connectors.setApp(tenantId, 'bank', { clientId: 'bank-app', clientCertificate: untrusted })
    const bank = await runtime.connections.create(tenantId, { connector: 'bank' })
    t.type(await rejection(runtime.http.call(tenantId, bank.id, GET)), RuntimeError)
    t.equal(server.counters.rejectedHandshakes, 2, 'a certificate from another CA is refused too')
    t.equal(server.counters.tokensIssued, 0, 'no token was issued to either')
  }
)

t.test('the app’s certificate is checked when saved, each problem by its path, the key never echoed', async (t) => {
  const { runtime, tenantId, pki, certificate } = await setUp(t)
  const problems = async (input: Parameters<typeof runtime.connectors.setApp>[2], key = 'bank') => {
    const error = await rejection(runtime.connectors.setApp(tenantId, key, input))
    if (!(error instanceof RuntimeError)) throw error
    t.equal(error.code, 'invalid_request')
    const keyLines = (input.clientCertificate?.privateKey ?? '').split('\n').filter((line) => !line.startsWith('-----'))
    for (const line of keyLines.filter((l) => l.length > 8))
      t.notOk(JSON.stringify(error.details).includes(line), 'the key is not quoted')
    return (error.details as { path: string; message: string }[]).map((i) => `${i.path} ${i.message}`)
  }
  const someoneElse = await pki.issueClient('someone-else')
  t.match(
    await problems({
      clientId: 'bank-app',
      clientCertificate: { certificate: certificate.certificate, privateKey: someoneElse.privateKey }
    }),
    [/^body\.clientCertificate\.privateKey is not the private key of this certificate$/]
  )
  t.match(
    await problems({ clientId: 'bank-app', clientCertificate: { certificate: 'junk', privateKey: 'junk' } }),
    [/^body\.clientCertificate\.certificate is not a PEM certificate/, /^body\.clientCertificate\.privateKey is not/],
    'both fields at once'
  )
  const expired = await pki.issueClient('bank-client', { expired: true })
  t.match(await problems({ clientId: 'bank-app', clientCertificate: expired }), [
    /^body\.clientCertificate\.certificate expired on \d{4}-/
  ])
  t.match(await problems({ clientId: 'bank-app' }), [/^body\.clientCertificate is required: the ".*" scheme presents/])
  t.match(await problems({ clientId: 'bank-app', clientSecret: 's', clientCertificate: certificate }), [
    /^body\.clientSecret is not used: the client authenticates with its certificate/
  ])
  t.match(await problems({ clientId: 'bank-app', clientSecret: 's', clientCertificate: certificate }, 'bank-plain'), [
    /^body\.clientCertificate is not used: no auth scheme of "bank-plain" presents a client certificate$/
  ])
  await t.rejects(runtime.connectors.app(tenantId, 'bank'), 'nothing was saved by the refused requests')
})

t.test('a certificate the end customer holds: pasted with their key, checked, presented on their calls', async (t) => {
  const { runtime, store, tenantId, server, pki } = await setUp(t)
  const mine = await pki.issueClient('customer-7')
  // The customer's own token, issued to (and bound to) their certificate, as they would get it from the provider.
  const agent = new Agent({ connect: { cert: mine.certificate, key: mine.privateKey, ca: pki.ca.certificate } })
  t.teardown(() => agent.close())
  const issued = await request(server.tokenUrl, {
    method: 'POST',
    dispatcher: agent,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=customer-app'
  })
  const { access_token: accessToken } = (await issued.body.json()) as { access_token: string }

  const someoneElse = await pki.issueClient('someone-else')
  const refused = await rejection(
    runtime.connections.create(tenantId, {
      connector: 'ledger',
      credentials: {
        apiKey: accessToken,
        clientCertificate: mine.certificate,
        clientPrivateKey: someoneElse.privateKey
      }
    })
  )
  t.match(refused, { code: 'invalid_request', details: [{ path: 'body.credentials.clientPrivateKey' }] })

  const created = await runtime.connections.create(tenantId, {
    connector: 'ledger',
    credentials: { apiKey: accessToken, clientCertificate: mine.certificate, clientPrivateKey: mine.privateKey }
  })
  t.equal(created.status, 'connected')
  t.same(created.account, { subject: 'customer-7' }, 'verified over mutual TLS with the customer’s certificate')
  const answer = await readAnswer(await runtime.http.call(tenantId, created.id, GET))
  t.match(answer, { status: 200, body: { subject: 'customer-7', thumbprint: certificateThumbprint(mine.certificate) } })
  const rows = await store.db.selectFrom('credentials').selectAll().where('connection_id', '=', created.id).execute()
  t.notMatch(JSON.stringify(rows), /BEGIN|PRIVATE/, 'stored encrypted with the other credentials')
  t.notMatch(JSON.stringify(await runtime.connections.get(tenantId, created.id)), /BEGIN/, 'never in the view')
})

t.test(
  'a discovered server’s mutual-TLS aliases (RFC 8705 §5) are used by a client with a certificate, and only by one',
  async (t) => {
    const pki: TestPki = await createTestPki()
    const server = await startMtlsServer({ pki, clients: { 'bank-app': 'bank-client' } })
    t.teardown(() => server.close())
    // The bank's metadata, on a plain HTTPS-less loopback host: its plain token endpoint refuses everyone.
    const plainCalls: string[] = []
    const metadata = createServer((req, res) => {
      const origin = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`
      if (req.url === '/.well-known/oauth-authorization-server') {
        res.writeHead(200, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            issuer: origin,
            token_endpoint: `${origin}/token`,
            mtls_endpoint_aliases: { token_endpoint: server.tokenUrl }
          })
        )
        return
      }
      plainCalls.push(req.url ?? '')
      res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"invalid_client"}')
    })
    await new Promise<void>((resolve) => metadata.listen(0, '127.0.0.1', resolve))
    t.teardown(() => new Promise<void>((resolve) => metadata.close(() => resolve())))
    const issuer = `http://127.0.0.1:${(metadata.address() as AddressInfo).port}`
    const discovered = (key: string, certificate: boolean) => ({
      key,
      name: key,
      version: '1.0.0',
      auth: {
        kind: 'oauth2' as const,
        grant: 'client_credentials' as const,
        issuer,
        ...(certificate ? { clientAuthMethod: 'tls_client_auth' as const, clientCertificate: 'app' as const } : {})
      },
      http: { baseUrl: server.apiBaseUrl }
    })
    const { runtime, tenantId } = await startRuntime(t, {
      connectors: [discovered('bank-discovered', true), discovered('bank-discovered-plain', false)],
      config: { extraCaCertificates: [pki.ca.certificate] }
    })
    const certificate = await pki.issueClient('bank-client')
    await runtime.connectors.setApp(tenantId, 'bank-discovered', {
      clientId: 'bank-app',
      clientCertificate: certificate
    })
    const { id } = await runtime.connections.create(tenantId, { connector: 'bank-discovered' })
    const answer = await readAnswer(await runtime.http.call(tenantId, id, GET))
    t.equal(answer.status, 200, 'the API answered')
    t.equal(server.counters.tokensIssued, 1, 'the token came from the mutual-TLS alias')
    t.same(plainCalls, [], 'the plain token endpoint was never asked')

    await runtime.connectors.setApp(tenantId, 'bank-discovered-plain', { clientId: 'bank-app', clientSecret: 's' })
    const plain = await runtime.connections.create(tenantId, { connector: 'bank-discovered-plain' })
    await rejection(runtime.connections.token(tenantId, plain.id))
    t.same(plainCalls, ['/token'], 'a client without a certificate asks the plain endpoint')
  }
)
