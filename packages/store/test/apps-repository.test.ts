import t from 'tap'
import { freshStore } from './helpers.js'

t.test('an edit without the client secret keeps the stored secret, and only edits an existing app', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  t.equal(
    await store.apps.upsert(tenant.id, 'box', { clientId: 'cid', scopes: null, overrides: {} }),
    false,
    'no app yet: nothing written'
  )
  t.equal(await store.apps.get(tenant.id, 'box'), undefined)

  await store.apps.upsert(tenant.id, 'box', { clientId: 'cid', clientSecret: 'SECRET', scopes: null, overrides: {} })
  t.equal(
    await store.apps.upsert(tenant.id, 'box', {
      clientId: 'cid-2',
      scopes: ['root_readwrite'],
      overrides: { tokenUrl: 'https://t.example' }
    }),
    true
  )
  t.match(await store.apps.get(tenant.id, 'box'), {
    client: { clientId: 'cid-2', clientSecret: 'SECRET' },
    scopes: ['root_readwrite'],
    overrides: { tokenUrl: 'https://t.example' }
  })
})

t.test('configured: connectors with an OAuth client, not those with URL overrides only', async (t) => {
  const { store } = await freshStore(t)
  const a = (await store.tenants.create('A')).tenant
  const b = (await store.tenants.create('B')).tenant
  await store.apps.upsert(a.id, 'box', { clientId: 'cid', clientSecret: 's', scopes: null, overrides: {} })
  await store.apps.upsert(a.id, 'stripe', {
    clientId: null,
    scopes: null,
    overrides: { baseUrl: 'https://stripe-mock.example' }
  })
  t.same([...(await store.apps.configured(a.id)).entries()], [['box', null]])
  t.same([...(await store.apps.configured(b.id)).keys()], [], 'scoped to the tenant')
  await store.apps.upsert(a.id, 'box', {
    clientId: 'cid',
    clientSecret: 's',
    scopes: ['root_readwrite'],
    overrides: {}
  })
  t.same((await store.apps.configured(a.id)).get('box'), ['root_readwrite'], "with the app's default scopes")
})
