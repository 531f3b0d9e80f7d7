import t from 'tap'
import { addConnection, freshStore } from './helpers.js'

const minutes = (n: number, from = Date.now()): Date => new Date(from + n * 60_000)

t.test('state gives the version and times without opening the token set', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const connection = await addConnection(store, tenant, { status: 'connected' })
  t.equal(await store.credentials.state(connection.id), undefined, 'no credential yet')
  const expiresAt = minutes(60)
  const refreshDueAt = minutes(55)
  await store.credentials.put(tenant.id, connection.id, { tokenSet: { accessToken: 'a' }, expiresAt, refreshDueAt })
  await store.credentials.put(tenant.id, connection.id, { tokenSet: { accessToken: 'b' }, expiresAt, refreshDueAt })
  t.same(await store.credentials.state(connection.id), { version: 2, refreshDueAt, expiresAt })
})

t.test('due: connected connections whose refresh time has come, most urgent first, up to the limit', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const now = new Date()
  const credentialOf = async (status: 'connected' | 'error', refreshDueAt: Date | null, expiresAt: Date | null) => {
    const connection = await addConnection(store, tenant, { status })
    await store.credentials.put(tenant.id, connection.id, { tokenSet: { accessToken: 'x' }, expiresAt, refreshDueAt })
    return connection.id
  }
  const later = await credentialOf('connected', minutes(-1, now.getTime()), minutes(4, now.getTime()))
  const urgent = await credentialOf('connected', minutes(-10, now.getTime()), null)
  await credentialOf('connected', minutes(10, now.getTime()), minutes(15, now.getTime()))
  await credentialOf('connected', null, null)
  await credentialOf('error', minutes(-20, now.getTime()), null)

  t.same(await store.credentials.due(now, 10), [
    { connectionId: urgent, tenantId: tenant.id, refreshDueAt: minutes(-10, now.getTime()), expiresAt: null },
    {
      connectionId: later,
      tenantId: tenant.id,
      refreshDueAt: minutes(-1, now.getTime()),
      expiresAt: minutes(4, now.getTime())
    }
  ])
  t.same(
    (await store.credentials.due(now, 1)).map((row) => row.connectionId),
    [urgent],
    'the limit keeps the most urgent'
  )

  await store.credentials.stopRefreshing(urgent)
  t.same(
    (await store.credentials.due(now, 10)).map((row) => row.connectionId),
    [later],
    'a connection that stopped refreshing is no longer due'
  )
  t.match(await store.credentials.state(urgent), { refreshDueAt: null }, 'its token set stays')
})

t.test('expiries: by connection id, leaving out connections without a credential', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const expiring = await addConnection(store, tenant)
  const lasting = await addConnection(store, tenant)
  const bare = await addConnection(store, tenant)
  const expiresAt = minutes(30)
  await store.credentials.put(tenant.id, expiring.id, { tokenSet: {}, expiresAt, refreshDueAt: null })
  await store.credentials.put(tenant.id, lasting.id, { tokenSet: {}, expiresAt: null, refreshDueAt: null })

  const byId = await store.credentials.expiries([expiring.id, lasting.id, bare.id])
  t.same(byId.get(expiring.id), expiresAt)
  t.equal(byId.get(lasting.id), null, 'a token set without expiry is there, as null')
  t.notOk(byId.has(bare.id))
  t.equal(byId.size, 2)
  t.equal((await store.credentials.expiries([])).size, 0, 'no ids: an empty map')
})
