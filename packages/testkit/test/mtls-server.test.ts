import t from 'tap'
import { Agent, request } from 'undici'
import { createTestPki, startMtlsServer } from '../src/index.js'
import type { TestCertificate } from '../src/index.js'

t.test('a loopback server that requires client certificates, with certificate-bound tokens', async (t) => {
  const pki = await createTestPki()
  const server = await startMtlsServer(pki)
  t.teardown(() => server.close())
  const agents: Agent[] = []
  t.teardown(() => Promise.all(agents.map((agent) => agent.close())))
  const agent = (client?: TestCertificate): Agent => {
    const made = new Agent({
      connect: { ca: server.ca, ...(client === undefined ? {} : { cert: client.certificate, key: client.privateKey }) }
    })
    agents.push(made)
    return made
  }
  const alice = await pki.issueClient('alice')
  const bob = await pki.issueClient('bob')

  const token = await request(server.tokenUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=app-1',
    dispatcher: agent(alice)
  })
  t.equal(token.statusCode, 200, 'the server certificate verifies for 127.0.0.1 against the CA')
  const issued = (await token.body.json()) as { access_token: string; cnf: Record<string, string> }
  t.ok(issued.cnf['x5t#S256'], 'bound to the certificate (RFC 8705)')

  const me = await request(`${server.apiBaseUrl}/me`, {
    headers: { authorization: `Bearer ${issued.access_token}` },
    dispatcher: agent(alice)
  })
  t.match(await me.body.json(), { subject: 'alice', thumbprint: issued.cnf['x5t#S256'], authorization: 'Bearer' })
  t.equal(server.counters.lastSubject, 'alice')

  const stolen = await request(`${server.apiBaseUrl}/me`, {
    headers: { authorization: `Bearer ${issued.access_token}` },
    dispatcher: agent(bob)
  })
  t.equal(stolen.statusCode, 401, 'a bound token with another certificate')
  t.match(await stolen.body.json(), { error: 'invalid_token', error_description: /does not match/ })

  const before = server.counters.accepted
  for (const [label, client] of [
    ['no certificate', undefined],
    ['an untrusted CA', await pki.issueUntrusted('mallory')],
    ['an expired certificate', await pki.issueClient('old', { expired: true })]
  ] as const) {
    await t.rejects(
      request(`${server.apiBaseUrl}/me`, { dispatcher: agent(client) }).then((r) => r.body.text()),
      `${label}: the handshake fails`
    )
  }
  t.equal(server.counters.accepted, before, 'none of them reached a handler')
  t.ok(server.counters.rejectedHandshakes >= 2, 'the server saw the refused handshakes')
})
