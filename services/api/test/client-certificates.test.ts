import t from 'tap'
import { createTestPki } from '@latchkey/testkit'
import { startHarness } from './harness.js'

t.test(
  'an app’s client certificate: checked when saved, described when read, its key never in an answer or the log',
  async (t) => {
    const h = await startHarness(t)
    const { apiKey } = await h.createTenant()
    const pki = await createTestPki()
    const certificate = await pki.issueClient('acme-integration')
    const created = await h.call('POST', '/v1/connectors', {
      apiKey,
      body: {
        key: 'ledger',
        name: 'Ledger',
        version: '1.0.0',
        // An API key on every call, and the app's certificate on every TLS handshake.
        auth: { kind: 'apiKey', clientCertificate: 'app' },
        http: { baseUrl: 'https://api.ledger.example' }
      }
    })
    t.equal(created.statusCode, 201, created.body)

    const refused = await h.call('PUT', '/v1/connectors/ledger/app', {
      apiKey,
      body: { clientCertificate: { certificate: certificate.certificate, privateKey: 'not a key' } }
    })
    t.equal(refused.statusCode, 400)
    t.same(
      refused.json().error.details.map((d: { path: string }) => d.path),
      ['body.clientCertificate.privateKey'],
      'the field at fault'
    )
    const shape = await h.call('PUT', '/v1/connectors/ledger/app', {
      apiKey,
      body: { clientCertificate: { certificate: certificate.certificate } }
    })
    t.equal(shape.statusCode, 400, 'a certificate without its key is refused by the schema')
    t.match(JSON.stringify(shape.json().error.details), /privateKey/)

    const saved = await h.call('PUT', '/v1/connectors/ledger/app', { apiKey, body: { clientCertificate: certificate } })
    t.equal(saved.statusCode, 200, saved.body)
    const read = await h.call('GET', '/v1/connectors/ledger/app', { apiKey })
    t.equal(read.statusCode, 200)
    t.match(read.json(), {
      clientId: null,
      clientCertificate: {
        subject: /CN=acme-integration/,
        issuer: /CN=Latchkey Test CA/,
        fingerprint256: /^[0-9A-F:]+$/
      }
    })
    const keyBody = certificate.privateKey.split('\n').filter((line) => line.length > 8 && !line.startsWith('-----'))
    for (const answer of [refused, shape, saved, read])
      for (const line of keyBody) t.notOk(answer.body.includes(line), 'the key is in no answer')
    for (const line of keyBody) t.notOk(h.logs.join('').includes(line), 'nor in the log')

    const removed = await h.call('PUT', '/v1/connectors/ledger/app', { apiKey, body: { clientCertificate: null } })
    t.equal(removed.statusCode, 400, 'the scheme needs one: removing it is refused')
    t.match(removed.json().error.details[0], { path: 'body.clientCertificate', message: /is required/ })
    const elsewhere = await h.call('PUT', '/v1/connectors/ledger/app', {
      apiKey,
      body: { overrides: { baseUrl: 'https://sandbox.ledger.example' } }
    })
    t.equal(elsewhere.statusCode, 200, 'an edit that omits it keeps it')
    t.match((await h.call('GET', '/v1/connectors/ledger/app', { apiKey })).json(), {
      overrides: { baseUrl: 'https://sandbox.ledger.example' },
      clientCertificate: { subject: /CN=acme-integration/ }
    })
  }
)
