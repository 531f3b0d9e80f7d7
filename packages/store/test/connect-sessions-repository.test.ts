import t from 'tap'
import { freshStore } from './helpers.js'

t.test('a session opens with its token until it expires; the token is stored hashed', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const now = new Date()
  const created = await store.sessions.create({
    tenantId: tenant.id,
    token: 'SESSION-TOKEN',
    externalId: 'cust-1',
    connectors: ['box', 'slack'],
    expiresAt: new Date(now.getTime() + 60_000)
  })
  t.match(created, { tenant_id: tenant.id, external_id: 'cust-1', connectors: ['box', 'slack'] })
  t.notMatch(JSON.stringify(await store.db.selectFrom('connect_sessions').selectAll().execute()), /SESSION-TOKEN/)

  t.equal((await store.sessions.findActive('SESSION-TOKEN', now))?.id, created.id)
  t.equal(await store.sessions.findActive('OTHER-TOKEN', now), undefined, 'another token opens nothing')
  t.equal(
    await store.sessions.findActive('SESSION-TOKEN', new Date(now.getTime() + 60_001)),
    undefined,
    'an expired session opens nothing'
  )
})

t.test('a session without a connector list offers every connector (null, not [])', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const created = await store.sessions.create({
    tenantId: tenant.id,
    token: 'T',
    externalId: 'cust-1',
    connectors: null,
    expiresAt: new Date(Date.now() + 60_000)
  })
  t.equal(created.connectors, null)
})

t.test('deleteExpired removes only sessions that expired before the cut-off, and counts them', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const cutOff = new Date()
  for (const [token, offsetMs] of [
    ['OLD-1', -120_000],
    ['OLD-2', -60_000],
    ['LIVE', 60_000]
  ] as const)
    await store.sessions.create({
      tenantId: tenant.id,
      token,
      externalId: 'cust-1',
      connectors: null,
      expiresAt: new Date(cutOff.getTime() + offsetMs)
    })
  t.equal(await store.sessions.deleteExpired(cutOff), 2)
  t.equal(await store.sessions.deleteExpired(cutOff), 0, 'nothing left to delete')
  t.ok(await store.sessions.findActive('LIVE', cutOff), 'the live session stays')
})

t.test('a session keeps its redirect pages and language, and is found by id while active', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const now = new Date()
  const created = await store.sessions.create({
    tenantId: tenant.id,
    token: 'T',
    externalId: 'cust-1',
    connectors: null,
    successUrl: 'https://app.example.com/done',
    failureUrl: 'https://app.example.com/failed',
    locale: 'fr',
    expiresAt: new Date(now.getTime() + 60_000)
  })
  t.match(created, {
    success_url: 'https://app.example.com/done',
    failure_url: 'https://app.example.com/failed',
    locale: 'fr'
  })
  t.equal((await store.sessions.findActiveById(created.id, now))?.tenant_id, tenant.id)
  t.equal(await store.sessions.findActiveById(created.id, new Date(now.getTime() + 60_001)), undefined, 'expired')
  t.equal(await store.sessions.findActiveById('not-a-uuid', now), undefined, 'a malformed id is no session')
  t.equal(await store.sessions.findActiveById('00000000-0000-4000-8000-000000000000', now), undefined, 'unknown')
})
