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

t.test('replaceAndLog: the token set and its event in one statement, neither when the version moved', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const connection = await addConnection(store, tenant, { status: 'connected' })
  const write = (accessToken: string) => ({
    tokenSet: { accessToken },
    expiresAt: minutes(60),
    refreshDueAt: minutes(55)
  })
  await store.credentials.put(tenant.id, connection.id, write('a'))
  const event = {
    kind: 'token.refreshed',
    level: 'info',
    message: 'Token refreshed',
    detail: { reason: 'due' }
  } as const
  t.equal(await store.credentials.replaceAndLog(connection.id, 1, write('b'), event), 2)
  t.equal(
    await store.credentials.replaceAndLog(connection.id, 1, write('stale'), event),
    undefined,
    'a writer that saw version 1 loses'
  )
  t.same((await store.credentials.get(connection.id))?.tokenSet, { accessToken: 'b' })
  const events = await store.events.list(tenant.id, connection.id, 10)
  t.equal(events.length, 1, 'one event: the losing write logged nothing')
  t.match(events[0], { kind: 'token.refreshed', level: 'info', message: 'Token refreshed', detail: { reason: 'due' } })
  const raw = await store.db.selectFrom('credentials').select('token_set_enc').executeTakeFirstOrThrow()
  t.notMatch(raw.token_set_enc, /"b"/, 'encrypted at rest')
})

t.test('withConnection: what a refresh reads, in one query, tenant-scoped', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const { tenant: other } = await store.tenants.create('Other')
  const connection = await addConnection(store, tenant, { status: 'connected' })
  t.same(await store.credentials.withConnection(tenant.id, connection.id), {
    connection: await store.connections.get(tenant.id, connection.id),
    credential: undefined
  })
  const expiresAt = minutes(60)
  const refreshDueAt = minutes(55)
  await store.credentials.put(tenant.id, connection.id, { tokenSet: { accessToken: 'a' }, expiresAt, refreshDueAt })
  const read = await store.credentials.withConnection(tenant.id, connection.id)
  t.same(read?.connection, await store.connections.get(tenant.id, connection.id), 'the whole row, nothing extra')
  t.same(read?.credential, {
    connectionId: connection.id,
    tokenSet: { accessToken: 'a' },
    expiresAt,
    refreshDueAt,
    version: 1
  })
  t.equal(
    await store.credentials.withConnection(other.id, connection.id),
    undefined,
    "another tenant's id finds nothing"
  )
  t.equal(await store.credentials.withConnection(tenant.id, 'not-a-uuid'), undefined)
})
