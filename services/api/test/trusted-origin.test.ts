import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import t from 'tap'
import type { Test } from 'tap'
import { connectToQuirky } from './quirky-connection.js'

/** A server standing for an attacker's: it records whatever reaches it. */
async function counterfeitServer(
  t: Test
): Promise<{ url: string; seen: { url: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = []
  const server = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers })
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen }
}

t.test(
  'a token answer naming a counterfeit API host refuses the connection at once; nothing is stored or sent there',
  async (t) => {
    const counterfeit = await counterfeitServer(t)
    const { h, tenant, id, page, quirky } = await connectToQuirky(t, {
      refusalExpected: true,
      modes: { extraTokenFields: { instance_url: counterfeit.url } },
      definition: (definition) => {
        if (definition.auth instanceof Array || definition.auth.kind !== 'oauth2')
          throw new Error('an OAuth 2.0 connector')
        definition.auth.tokenResponse = { keepFields: ['instance_url'] }
        definition.http = {
          baseUrl: '{{metadata.instance_url}}/services/data/v61.0',
          originHosts: ['*.my.salesforce.com', '*.salesforce.com']
        }
        definition.verification = { path: '/limits' }
      }
    })
    t.match(page, /The provider named an API host this connector does not trust/, 'the customer is told at once')
    t.equal(
      quirky.counters.tokenRequests.authorization_code,
      1,
      'the code was exchanged (the answer is what names the host)'
    )
    const connection = (await h.call('GET', `/v1/connections/${id}`, { apiKey: tenant.apiKey })).json()
    t.not(connection.status, 'connected')
    t.match(
      connection.statusReason,
      /untrusted API host for \{\{metadata.instance_url\}\}: "127.0.0.1" is not one of http.originHosts/,
      'the connection says why'
    )
    t.equal(await h.store.credentials.get(id), undefined, 'no tokens were stored')
    const events = (await h.call('GET', `/v1/connections/${id}/events`, { apiKey: tenant.apiKey })).json() as {
      events: { kind: string; detail?: { code?: string } }[]
    }
    t.ok(
      events.events.some((e) => e.kind === 'connect.failed' && e.detail?.code === 'untrusted_origin'),
      'logged as a failed connect'
    )
    t.same(counterfeit.seen, [], 'nothing, the token least of all, reached the counterfeit host')
  }
)

t.test('an API origin in the stored metadata is checked again on every call: 409, nothing sent', async (t) => {
  const counterfeit = await counterfeitServer(t)
  const { h, tenant, id, http, proxy } = await connectToQuirky(t, {
    modes: { instanceUrl: true },
    definition: (definition) => {
      if (definition.auth instanceof Array || definition.auth.kind !== 'oauth2')
        throw new Error('an OAuth 2.0 connector')
      definition.auth.tokenResponse = { keepFields: ['instance_url'] }
      definition.http = { baseUrl: '{{metadata.instance_url}}/services/data/v61.0', originHosts: ['127.0.0.1'] }
      definition.verification = { path: '/limits' }
    }
  })
  // Metadata kept before hosts were checked (or written by anything else) is not trusted either.
  // The counterfeit listens on loopback too: named by another host name, it is not the trusted 127.0.0.1.
  await h.store.db
    .updateTable('connections')
    .set({ metadata: JSON.stringify({ instance_url: counterfeit.url.replace('127.0.0.1', 'localhost') }) })
    .where('id', '=', id)
    .execute()
  const call = await http({ method: 'GET', url: '/sobjects' })
  t.equal(call.statusCode, 409, call.body)
  t.match(call.json(), {
    error: { code: 'untrusted_origin', message: /untrusted API host .*the connection must be connected again/ }
  })
  t.equal((await proxy('sobjects')).statusCode, 409, 'the proxy too')
  t.equal(
    (await h.call('POST', `/v1/connections/${id}/verify`, { apiKey: tenant.apiKey })).json().ok,
    false,
    'and verifying on demand'
  )
  t.same(counterfeit.seen, [], 'nothing, the token least of all, reached the counterfeit host')
})

t.test('plain http is refused even on a listed host that is not loopback', async (t) => {
  const { h, tenant, id, page } = await connectToQuirky(t, {
    refusalExpected: true,
    modes: { extraTokenFields: { instance_url: 'http://acme.my.salesforce.com' } },
    definition: (definition) => {
      if (definition.auth instanceof Array || definition.auth.kind !== 'oauth2')
        throw new Error('an OAuth 2.0 connector')
      definition.auth.tokenResponse = { keepFields: ['instance_url'] }
      definition.http = {
        baseUrl: '{{metadata.instance_url}}/services/data/v61.0',
        originHosts: ['*.my.salesforce.com']
      }
    }
  })
  t.match(page, /does not trust/)
  const connection = (await h.call('GET', `/v1/connections/${id}`, { apiKey: tenant.apiKey })).json()
  t.match(
    connection.statusReason,
    /plain http is only allowed for loopback hosts \(got "http:\/\/acme.my.salesforce.com"\)/
  )
})

t.test('an instance URL on a listed host is used as the API base', async (t) => {
  const { quirky, http } = await connectToQuirky(t, {
    modes: { instanceUrl: true },
    definition: (definition) => {
      if (definition.auth instanceof Array || definition.auth.kind !== 'oauth2')
        throw new Error('an OAuth 2.0 connector')
      definition.auth.tokenResponse = { keepFields: ['instance_url'] }
      definition.http = { baseUrl: '{{metadata.instance_url}}/services/data/v61.0', originHosts: ['127.0.0.1'] }
    }
  })
  const call = await http({ method: 'GET', url: '/sobjects' })
  t.equal(call.statusCode, 200, call.body)
  t.match(call.json(), { status: 200, body: { path: '/instance/services/data/v61.0/sobjects' } })
  t.equal(quirky.counters.lastApiAuth, 'bearer')
})

t.test('account identity values holding NUL or lone surrogates are stored with U+FFFD instead', async (t) => {
  const { h, quirky, tenant, id } = await connectToQuirky(t, {
    definition: (definition) => {
      definition.verification = { path: '/me', identity: { login: 'login', name: 'name', long: 'long', pair: 'pair' } }
    }
  })
  quirky.setApiAnswer('/api/v2/me', {
    login: 'a\u0000b',
    name: 'x\ud800y\udc00z',
    long: `${'a'.repeat(255)}\u{1F600}`,
    pair: 'ok \u{1F600}'
  })
  const verified = await h.call('POST', `/v1/connections/${id}/verify`, { apiKey: tenant.apiKey })
  t.equal(verified.statusCode, 200, verified.body)
  const account = { login: 'a\uFFFDb', name: 'x\uFFFDy\uFFFDz', long: `${'a'.repeat(255)}\uFFFD`, pair: 'ok \u{1F600}' }
  t.same(verified.json(), { ok: true, status: 200, account, reason: null })
  t.same((await h.call('GET', `/v1/connections/${id}`, { apiKey: tenant.apiKey })).json().account, account, 'as stored')
})
