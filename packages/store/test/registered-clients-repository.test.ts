import t from 'tap'
import { addConnection, freshStore } from './helpers.js'

const ISSUER = 'https://auth.example.com'
const REDIRECT = 'https://latchkey.example.com/oauth/callback/'

t.test(
  'registered clients: one per tenant, server and redirect URI; the first kept wins; secrets encrypted',
  async (t) => {
    const { store } = await freshStore(t)
    const { tenant } = await store.tenants.create('Acme')
    const { tenant: other } = await store.tenants.create('Globex')
    t.equal(await store.registeredClients.find(tenant.id, ISSUER, REDIRECT), undefined, 'none yet')

    const first = await store.registeredClients.add(tenant.id, ISSUER, REDIRECT, {
      clientId: 'client-1',
      clientSecret: 'secret-1',
      tokenEndpointAuthMethod: 'client_secret_basic',
      expiresAt: undefined
    })
    t.match(first, { clientId: 'client-1', clientSecret: 'secret-1', expiresAt: null, issuer: ISSUER })
    const raced = await store.registeredClients.add(tenant.id, ISSUER, REDIRECT, {
      clientId: 'client-2',
      clientSecret: 'secret-2',
      tokenEndpointAuthMethod: 'client_secret_basic',
      expiresAt: undefined
    })
    t.equal(raced.id, first.id, 'a second registration for the same server returns the first one')
    t.equal(raced.clientId, 'client-1')

    const row = await store.db.selectFrom('registered_clients').selectAll().executeTakeFirstOrThrow()
    t.notMatch(String(row.client_secret_enc), /secret-1/, 'encrypted at rest')
    t.equal(await store.registeredClients.get(other.id, first.id), undefined, "another tenant's id finds nothing")
    t.equal(await store.registeredClients.find(other.id, ISSUER, REDIRECT), undefined)

    const expiresAt = new Date('2030-01-01T00:00:00Z')
    const successor = await store.registeredClients.supersede(tenant.id, first.id, {
      clientId: 'client-3',
      clientSecret: undefined,
      tokenEndpointAuthMethod: 'none',
      expiresAt
    })
    t.match(successor, { clientId: 'client-3', clientSecret: undefined, tokenEndpointAuthMethod: 'none' })
    t.not(successor?.id, first.id, 'a new client, under its own id')
    t.same(successor?.expiresAt, expiresAt)
    t.equal((await store.registeredClients.find(tenant.id, ISSUER, REDIRECT))?.id, successor?.id, 'the current one')
    t.match(
      await store.registeredClients.get(tenant.id, first.id),
      { clientId: 'client-1', clientSecret: 'secret-1' },
      'the superseded one is kept, whole, for the connections made with it'
    )
    const late = await store.registeredClients.supersede(tenant.id, first.id, {
      clientId: 'client-4',
      clientSecret: 'secret-4',
      tokenEndpointAuthMethod: 'client_secret_basic',
      expiresAt: undefined
    })
    t.equal(late?.id, successor?.id, 'superseding it again (another process, late) returns the current one')
    t.equal(
      await store.registeredClients.supersede(other.id, first.id, { ...successor!, expiresAt: undefined }),
      undefined,
      "another tenant's id supersedes nothing"
    )
    t.equal(
      (await store.db.selectFrom('registered_clients').select('id').execute()).length,
      2,
      'the late registration was not kept'
    )

    const connection = await store.connections.create({
      tenantId: tenant.id,
      connectorKey: 'mcp',
      externalId: null,
      label: null,
      parameters: {},
      requestedScopes: [],
      client: null
    })
    t.equal(connection.registered_client_id, null)
    const named = await store.connections.useRegisteredClient(tenant.id, connection.id, first.id)
    t.equal(named?.registered_client_id, first.id, 'a connection names the client it is connected with')
    t.equal(await store.connections.useRegisteredClient(other.id, connection.id, null), undefined)
    t.equal(await store.connections.useRegisteredClient(tenant.id, 'not-a-uuid', null), undefined)
    t.equal((await store.connections.useRegisteredClient(tenant.id, connection.id, null))?.registered_client_id, null)
  }
)

t.test(
  'superseded clients are pruned once no connection names them and no revocation of the tenant is pending',
  async (t) => {
    const { store } = await freshStore(t)
    const { tenant } = await store.tenants.create('Acme')
    const { tenant: other } = await store.tenants.create('Globex')
    const client = (clientId: string) => ({
      clientId,
      clientSecret: 's',
      tokenEndpointAuthMethod: 'client_secret_basic' as const,
      expiresAt: undefined
    })
    const named = await store.registeredClients.add(tenant.id, ISSUER, REDIRECT, client('named'))
    const loose = await store.registeredClients.add(tenant.id, `${ISSUER}/2`, REDIRECT, client('loose'))
    const current = await store.registeredClients.supersede(tenant.id, named.id, client('current'))
    await store.registeredClients.supersede(tenant.id, loose.id, client('current-2'))
    const elsewhere = await store.registeredClients.add(other.id, ISSUER, REDIRECT, client('globex'))
    await store.registeredClients.supersede(other.id, elsewhere.id, client('globex-2'))
    const connection = await addConnection(store, tenant)
    await store.connections.useRegisteredClient(tenant.id, connection.id, named.id)
    const ids = async () =>
      (await store.db.selectFrom('registered_clients').select('id').execute()).map((row) => row.id).sort()
    const all = await ids()
    t.equal(all.length, 6)

    const hourAgo = new Date(Date.now() - 3_600_000)
    t.equal(await store.registeredClients.pruneSuperseded(hourAgo, 100), 0, 'superseded too recently')

    // The tenant has a revocation pending: its snapshot may name an old client.
    const otherConnection = await addConnection(store, other)
    const revocation = await store.revocations.create(other.id, otherConnection.id, 'sealed', {})
    const later = new Date(Date.now() + 1_000)
    t.equal(await store.registeredClients.pruneSuperseded(later, 100), 1, "only the tenant's unnamed old client")
    t.same(await ids(), all.filter((id) => id !== loose.id).sort())
    t.ok(await store.registeredClients.get(tenant.id, named.id), 'a connection names it: kept')
    t.ok(await store.registeredClients.get(tenant.id, current?.id ?? ''), 'current clients are never pruned')
    t.ok(await store.registeredClients.get(other.id, elsewhere.id), 'kept while a revocation is pending')

    await store.revocations.finish(revocation, 'done', null)
    t.equal(await store.registeredClients.pruneSuperseded(later, 100), 1, 'once it finished')
    t.equal(await store.registeredClients.get(other.id, elsewhere.id), undefined)
    await store.connections.delete(tenant.id, connection.id)
    t.equal(await store.registeredClients.pruneSuperseded(later, 100), 1, 'once its last connection is gone')
    t.equal((await ids()).length, 3, 'the current ones remain')
  }
)
