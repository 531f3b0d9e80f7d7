import t from 'tap'
import { startAuthorizationServer, testMcpConnector } from '@latchkey/testkit'
import { deliverCallback, startHarness, startInBrowser } from './harness.js'
import type { Harness } from './harness.js'

/** A connector for any MCP server the end customer names: the URL alone, no app to set. */
const MCP_CONNECTOR = testMcpConnector()

async function tenantWithConnector(h: Harness, name: string): Promise<string> {
  const { apiKey } = await h.createTenant(name)
  const created = await h.call('POST', '/v1/connectors', { apiKey, body: MCP_CONNECTOR })
  if (created.statusCode !== 201) throw new Error(`connector: ${created.body}`)
  return apiKey
}

async function connection(h: Harness, apiKey: string, serverUrl: string): Promise<string> {
  const created = await h.call('POST', '/v1/connections', {
    apiKey,
    body: { connector: 'mcp', parameters: { serverUrl } }
  })
  if (created.statusCode !== 201) throw new Error(`connection: ${created.body}`)
  return (created.json() as { id: string }).id
}

t.test(
  'an MCP server from its URL alone: discovered, a client registered once per tenant, tokens for that resource, refreshed with it',
  async (t) => {
    const h = await startHarness(t, { registration: true, protectedResource: true })
    const resourceUrl = h.server.resourceUrl ?? ''
    const apiKey = await tenantWithConnector(h, 'Acme')

    const summary = (await h.call('GET', '/v1/connectors/mcp', { apiKey })).json()
    t.match(summary, {
      appConfigured: false,
      schemes: [{ clientRegistration: 'dynamic', protectedResource: '{{parameters.serverUrl}}', redirect: true }]
    })

    const first = await connection(h, apiKey, resourceUrl)
    const { providerUrl, cookie } = await startInBrowser(h, apiKey, first)
    const authorize = new URL(providerUrl)
    t.equal(authorize.origin, h.server.issuer, 'the authorization server the resource named')
    t.equal(authorize.searchParams.get('resource'), resourceUrl, 'RFC 8707 resource on the authorize request')
    t.equal(h.server.counters.registrations, 1, 'a client was registered')
    const registered = await h.store.db.selectFrom('registered_clients').selectAll().executeTakeFirstOrThrow()
    t.equal(authorize.searchParams.get('client_id'), registered.client_id, 'and it is the one asking')
    t.equal(registered.issuer, h.server.issuer)
    const opened = await h.store.registeredClients.get(registered.tenant_id, registered.id)
    t.ok(opened?.clientSecret, 'a confidential client')
    t.notMatch(String(registered.client_secret_enc), opened?.clientSecret ?? '-', 'its secret is encrypted at rest')

    const page = await deliverCallback(h, await h.server.approve(providerUrl), cookie)
    t.match(page.body, /Authorization completed successfully/)
    t.match((await h.call('GET', `/v1/connections/${first}`, { apiKey })).json(), {
      status: 'connected',
      scopes: { granted: ['read'] }
    })
    const call = async (id: string) =>
      (await h.call('POST', `/v1/connections/${id}/http`, { apiKey, body: { method: 'POST', url: '/' } })).json()
    t.match(
      await call(first),
      { status: 200, body: { sub: 'alice', audience: resourceUrl, clientId: registered.client_id } },
      'the MCP server accepts the token: it was issued for it'
    )

    const refreshed = await h.call('POST', `/v1/connections/${first}/refresh`, { apiKey })
    t.equal(refreshed.statusCode, 200)
    t.match(await call(first), { status: 200, body: { audience: resourceUrl } }, 'a refreshed token is for it too')
    t.same(h.server.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })

    const second = await connection(h, apiKey, resourceUrl)
    const again = await startInBrowser(h, apiKey, second)
    t.equal(h.server.counters.registrations, 1, "the tenant's second connection reuses its client")
    t.equal(new URL(again.providerUrl).searchParams.get('client_id'), registered.client_id)

    const otherKey = await tenantWithConnector(h, 'Globex')
    const other = await startInBrowser(h, otherKey, await connection(h, otherKey, resourceUrl))
    t.equal(h.server.counters.registrations, 2, 'another tenant registers a client of its own')
    t.not(new URL(other.providerUrl).searchParams.get('client_id'), registered.client_id)
    t.notMatch(h.logs.join('\n'), opened?.clientSecret ?? '-', 'the registered secret is in no log')
  }
)

t.test(
  'a server that does not register clients, or a URL that is no protected resource, is refused with a reason',
  async (t) => {
    const h = await startHarness(t, { registration: true, protectedResource: true })
    const closed = await startAuthorizationServer({ clients: [], protectedResource: true })
    t.teardown(() => closed.close())
    const apiKey = await tenantWithConnector(h, 'Acme')

    const noRegistration = await h.call(
      'POST',
      `/v1/connections/${await connection(h, apiKey, closed.resourceUrl ?? '')}/authorize`,
      {
        apiKey
      }
    )
    t.match(
      { status: noRegistration.statusCode, code: noRegistration.json().error.code },
      { status: 409, code: 'provider_incompatible' }
    )
    t.match(
      noRegistration.json().error.message,
      /offers no dynamic client registration.*PUT \/v1\/connectors\/mcp\/app/
    )

    const notAResource = await h.call(
      'POST',
      `/v1/connections/${await connection(h, apiKey, h.server.apiBaseUrl)}/authorize`,
      {
        apiKey
      }
    )
    t.match(
      { status: notAResource.statusCode, code: notAResource.json().error.code },
      { status: 409, code: 'provider_incompatible' }
    )
    t.match(notAResource.json().error.message, /protected resource's metadata could not be read/)
    t.equal(h.server.counters.registrations, 0, 'nothing registered')
    t.equal(await h.store.db.selectFrom('registered_clients').select('id').executeTakeFirst(), undefined)
  }
)

/** The test MCP connector without scopes of its own: it asks for what the server says. */
async function scopelessConnection(h: Harness, apiKey: string): Promise<string> {
  const plain = testMcpConnector('mcp-any')
  const definition = { ...plain, auth: { ...plain.auth, scopes: undefined, defaultScopes: undefined } }
  const saved = await h.call('POST', '/v1/connectors', { apiKey, body: definition })
  if (saved.statusCode !== 201) throw new Error(`connector: ${saved.body}`)
  const created = await h.call('POST', '/v1/connections', {
    apiKey,
    body: { connector: 'mcp-any', parameters: { serverUrl: h.server.resourceUrl } }
  })
  return (created.json() as { id: string }).id
}

t.test(
  'a connector that declares no scopes asks for those the MCP server lists (RFC 9728 scopes_supported)',
  async (t) => {
    const h = await startHarness(t, { registration: true, protectedResource: true })
    const { apiKey } = await h.createTenant('Acme')
    const id = await scopelessConnection(h, apiKey)
    const authorize = await h.call('POST', `/v1/connections/${id}/authorize`, { apiKey })
    t.same(authorize.json().scopes, ['read', 'write'], 'the scopes the server lists')
    const { providerUrl, cookie } = await startInBrowser(h, apiKey, id)
    t.equal(new URL(providerUrl).searchParams.get('scope'), 'read write')
    await deliverCallback(h, await h.server.approve(providerUrl), cookie)
    t.match((await h.call('GET', `/v1/connections/${id}`, { apiKey })).json(), {
      status: 'connected',
      scopes: { granted: ['read', 'write'] }
    })
  }
)

t.test("the scope an MCP server's 401 challenge names is asked for, not every scope it lists", async (t) => {
  const h = await startHarness(t, { registration: true, protectedResource: true, challengeScopes: ['read'] })
  const { apiKey } = await h.createTenant('Acme')
  const id = await scopelessConnection(h, apiKey)
  const { providerUrl, cookie } = await startInBrowser(h, apiKey, id)
  t.equal(new URL(providerUrl).searchParams.get('scope'), 'read', 'what the challenge asked for')
  await deliverCallback(h, await h.server.approve(providerUrl), cookie)
  t.match((await h.call('GET', `/v1/connections/${id}`, { apiKey })).json(), {
    status: 'connected',
    scopes: { granted: ['read'] }
  })
})
