import t from 'tap'
import { freshStore } from './helpers.js'

t.test('custom connectors: upsert replaces by key, list is sorted by key, scoped to the tenant', async (t) => {
  const { store } = await freshStore(t)
  const a = (await store.tenants.create('A')).tenant
  const b = (await store.tenants.create('B')).tenant
  await store.customConnectors.upsert(a.id, 'zeta', { key: 'zeta', name: 'Zeta' })
  await store.customConnectors.upsert(a.id, 'alpha', { key: 'alpha', name: 'Alpha' })
  await store.customConnectors.upsert(a.id, 'zeta', { key: 'zeta', name: 'Zeta 2' })

  t.same(await store.customConnectors.list(a.id), [
    { key: 'alpha', name: 'Alpha' },
    { key: 'zeta', name: 'Zeta 2' }
  ])
  t.same(await store.customConnectors.get(a.id, 'zeta'), { key: 'zeta', name: 'Zeta 2' }, 'the second upsert won')
  t.equal(await store.customConnectors.get(a.id, 'missing'), undefined)
  t.same(await store.customConnectors.list(b.id), [])
  t.equal(await store.customConnectors.get(b.id, 'zeta'), undefined, 'another tenant sees none of them')
})
