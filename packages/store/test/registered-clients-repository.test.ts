import t from 'tap'
import { freshStore } from './helpers.js'

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
