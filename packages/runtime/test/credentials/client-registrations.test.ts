import t from 'tap'
import { testMcpConnector } from '@latchkey/testkit'
import { startRuntime } from '../helpers.js'

const stack = { authorizationServer: { clients: [], registration: true, protectedResource: true } } as const

t.test(
  'concurrent first connects register one client; an expired secret is registered again; a tenant app wins',
  async (t) => {
    const {
      runtime,
      store,
      stack: started,
      tenantId
    } = await startRuntime(t, {
      connectors: [testMcpConnector()],
      stack
    })
    const server = started.authorizationServer
    const ids = await Promise.all(
      [1, 2, 3].map(
        async (n) =>
          (
            await runtime.connections.create(tenantId, {
              connector: 'mcp',
              externalId: `c${n}`,
              parameters: { serverUrl: server.resourceUrl ?? '' }
            })
          ).id
      )
    )
    await Promise.all(ids.map((id) => runtime.connect.authorize(tenantId, id)))
    t.equal(server.counters.registrations, 1, 'three connects at once, one registration')
    const rows = await store.db.selectFrom('connections').select('registered_client_id').execute()
    const named = new Set(rows.map((row) => row.registered_client_id))
    t.equal(named.size, 1, 'every connection names the same client')
    const clientId = [...named][0] ?? ''
    const before = await store.registeredClients.get(tenantId, clientId)

    // The server said the secret expires: the next connect registers again, under the same id.
    await store.db
      .updateTable('registered_clients')
      .set({ expires_at: new Date(Date.now() + 60_000) })
      .execute()
    await runtime.connect.authorize(tenantId, ids[0] ?? '')
    t.equal(server.counters.registrations, 2, 'a secret about to expire is not used to start a connect')
    const after = await store.registeredClients.get(tenantId, clientId)
    t.not(after?.clientId, before?.clientId, 'a new client, kept in place of the old')
    t.equal(after?.expiresAt, null)

    // The tenant sets an app of its own: it is used, and the connection no longer names the registered client.
    await runtime.connectors.setApp(tenantId, 'mcp', { clientId: 'own-app', clientSecret: 'own-secret' })
    const link = await runtime.connect.authorize(tenantId, ids[1] ?? '')
    t.ok(link.authorizeUrl)
    const second = await store.connections.get(tenantId, ids[1] ?? '')
    t.equal(second?.registered_client_id, null, "the tenant's app is used instead")
    t.equal(server.counters.registrations, 2, 'nothing registered for it')
  }
)
