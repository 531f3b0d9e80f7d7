import t from 'tap'
import type { Test } from 'tap'
import { testMcpConnector } from '@latchkey/testkit'
import type { AuthorizationServer } from '@latchkey/testkit'
import type { Runtime } from '../../src/index.js'
import { connectThrough, startRuntime } from '../helpers.js'

/** A new connection to the test MCP server, connected through the browser's journey; its id. */
async function connectedToMcp(runtime: Runtime, tenantId: string, server: AuthorizationServer): Promise<string> {
  const { id } = await runtime.connections.create(tenantId, {
    connector: 'mcp',
    parameters: { serverUrl: server.resourceUrl ?? '' }
  })
  const { outcome } = await connectThrough(runtime, tenantId, id, (url) => server.approve(url))
  if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
  return id
}

/** A runtime with the test MCP connector, its authorization server, and a way to connect to it. */
async function startedMcp(t: Test) {
  const {
    runtime,
    store,
    stack: started,
    tenantId
  } = await startRuntime(t, { connectors: [testMcpConnector()], stack })
  const server = started.authorizationServer
  const connectedOne = () => connectedToMcp(runtime, tenantId, server)
  /** Two connections: one made with the first client, one after its secret neared expiry and a new client superseded it. */
  const connectedAcrossSupersede = async () => {
    const early = await connectedOne()
    // Its secret about to expire: the next connect registers a new client.
    await store.db
      .updateTable('registered_clients')
      .set({ expires_at: new Date(Date.now() + 60_000) })
      .execute()
    return { early, late: await connectedOne() }
  }
  return { runtime, store, server, tenantId, connectedOne, connectedAcrossSupersede }
}

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

    // The server said the secret expires: the next connect registers again, a new client.
    await store.db
      .updateTable('registered_clients')
      .set({ expires_at: new Date(Date.now() + 60_000) })
      .execute()
    await runtime.connect.authorize(tenantId, ids[0] ?? '')
    t.equal(server.counters.registrations, 2, 'a secret about to expire is not used to start a connect')
    const reconnected = await store.connections.get(tenantId, ids[0] ?? '')
    t.not(reconnected?.registered_client_id, clientId, 'the connection being connected names the new client')
    const after = await store.registeredClients.get(tenantId, reconnected?.registered_client_id ?? '')
    t.not(after?.clientId, before?.clientId, 'registered anew')
    t.equal(after?.expiresAt, null)
    t.equal(
      (await store.connections.get(tenantId, ids[2] ?? ''))?.registered_client_id,
      clientId,
      'the others keep the client they were connected with'
    )

    // The tenant sets an app of its own: it is used, and the connection no longer names the registered client.
    await runtime.connectors.setApp(tenantId, 'mcp', { clientId: 'own-app', clientSecret: 'own-secret' })
    const link = await runtime.connect.authorize(tenantId, ids[1] ?? '')
    t.ok(link.authorizeUrl)
    const second = await store.connections.get(tenantId, ids[1] ?? '')
    t.equal(second?.registered_client_id, null, "the tenant's app is used instead")
    t.equal(server.counters.registrations, 2, 'nothing registered for it')
  }
)

t.test(
  'the registered client refreshes with the resource, and revokes, even once the connection is deleted',
  async (t) => {
    const { runtime, store, server, tenantId, connectedOne } = await startedMcp(t)
    const revocationOf = async (connectionId: string) => {
      await runtime.connections.disconnect(tenantId, connectionId)
      const queued = (await runtime.connections.events(tenantId, connectionId, 1))[0]
      return { revocationId: (queued?.detail as { revocationId: string }).revocationId, tenantId, connectionId }
    }
    const id = await connectedOne()
    t.equal(await runtime.jobs.refresh({ tenantId, connectionId: id, reason: 'forced' }), 'done')
    const token = (await store.credentials.get(id))?.tokenSet.accessToken
    const answer = await fetch(server.resourceUrl ?? '', { headers: { authorization: `Bearer ${token}` } })
    t.equal(answer.status, 200, 'the refreshed token is for the MCP server')

    t.equal(await runtime.jobs.revoke(await revocationOf(id)), 'done', 'revoked with the registered client')
    const gone = await revocationOf(await connectedOne())
    await store.connections.delete(tenantId, gone.connectionId)
    t.equal(await runtime.jobs.revoke(gone), 'done', 'from the snapshot, which names the registered client')
    t.equal(server.counters.revocations, 4, 'refresh and access token, twice')
    t.equal(server.counters.registrations, 1)
  }
)

t.test('a connection made before its client was superseded keeps refreshing with that client', async (t) => {
  const { runtime, store, server, tenantId, connectedAcrossSupersede } = await startedMcp(t)
  const { early, late } = await connectedAcrossSupersede()
  t.equal(server.counters.registrations, 2)
  const [earlyRow, lateRow] = [
    await store.connections.get(tenantId, early),
    await store.connections.get(tenantId, late)
  ]
  t.not(earlyRow?.registered_client_id, lateRow?.registered_client_id, 'two clients')
  // Each refresh token was issued to its own client: each refreshes with it (another client's would be refused).
  for (const id of [early, late]) {
    t.equal(await runtime.jobs.refresh({ tenantId, connectionId: id, reason: 'forced' }), 'done')
    const token = (await store.credentials.get(id))?.tokenSet.accessToken
    const answer = await fetch(server.resourceUrl ?? '', { headers: { authorization: `Bearer ${token}` } })
    t.equal(answer.status, 200, 'refreshed, for the MCP server')
  }
  t.equal((await store.connections.get(tenantId, early))?.status, 'connected')

  // Refreshes read the registered client from memory: a client never changes once registered.
  const clients = store.registeredClients
  const get = clients.get.bind(clients)
  let reads = 0
  clients.get = async (...args) => {
    reads++
    return get(...args)
  }
  t.teardown(() => {
    clients.get = get
  })
  for (let i = 0; i < 2; i++)
    t.equal(await runtime.jobs.refresh({ tenantId, connectionId: early, reason: 'forced' }), 'done')
  t.equal(reads, 0, 'no read of the registered client per refresh')
})

t.test('the sweep drops a superseded client once no connection names it', async (t) => {
  const { runtime, store, tenantId, connectedAcrossSupersede } = await startedMcp(t)
  const { early, late } = await connectedAcrossSupersede()
  const [oldClient, newClient] = [
    (await store.connections.get(tenantId, early))?.registered_client_id ?? '',
    (await store.connections.get(tenantId, late))?.registered_client_id ?? ''
  ]
  // Superseded two hours ago: still named by the early connection, so kept.
  await store.db
    .updateTable('registered_clients')
    .set({ superseded_at: new Date(Date.now() - 2 * 3_600_000) })
    .where('superseded_at', 'is not', null)
    .execute()
  t.match(await runtime.jobs.sweep(), { supersededClients: 0 })
  await store.connections.delete(tenantId, early)
  t.match(await runtime.jobs.sweep(), { supersededClients: 1 })
  t.equal(await store.registeredClients.get(tenantId, oldClient), undefined, 'dropped')
  t.ok(await store.registeredClients.get(tenantId, newClient), 'the current one is kept')
  t.equal(await runtime.jobs.refresh({ tenantId, connectionId: late, reason: 'forced' }), 'done')
})
