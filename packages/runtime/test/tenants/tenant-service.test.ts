import t from 'tap'
import { startRuntime } from '../helpers.js'

t.test('a tenant’s API key is shown once, authenticates, and is remembered only briefly', async (t) => {
  const { runtime, store } = await startRuntime(t, { connectors: [] })
  const created = await runtime.tenants.create('Globex')
  t.match(created, { name: 'Globex', id: /^[0-9a-f-]{36}$/, apiKey: /./ })
  t.equal(await runtime.tenants.authenticate('not-a-key'), undefined)
  t.match(await runtime.tenants.authenticate(created.apiKey), { id: created.id, name: 'Globex' })

  // Remembered: a lookup that would now fail is not made within ten seconds.
  let lookups = 0
  const find = store.tenants.findByApiKey.bind(store.tenants)
  store.tenants.findByApiKey = (...args) => ((lookups += 1), find(...args))
  t.match(await runtime.tenants.authenticate(created.apiKey), { id: created.id })
  t.equal(lookups, 0, 'served from memory')
  t.equal(await runtime.tenants.authenticate('still-not-a-key'), undefined)
  t.equal(lookups, 1, 'unknown keys are always looked up')
})
