import t from 'tap'
import { Catalog, DiscoveryCache } from '../../src/index.js'
import { startRuntime } from '../helpers.js'

t.test('the custom definition and discovery caches are bounded', async (t) => {
  const { runtime, store, tenantId } = await startRuntime(t, { connectors: [] })
  for (let i = 0; i < 5; i++)
    await runtime.connectors.createCustom(tenantId, {
      key: `custom-${i}`,
      name: `Custom ${i}`,
      version: '1.0.0',
      auth: {
        kind: 'apiKey',
        label: 'API key',
        send: [{ in: 'header', name: 'x-key', value: '{{credentials.apiKey}}' }]
      }
    })
  const catalog = new Catalog([], store.customConnectors, undefined, 2)
  for (let i = 0; i < 5; i++) {
    t.equal((await catalog.get(tenantId, `custom-${i}`))?.source, 'custom')
    t.ok(catalog.size <= 2, `at most 2 held after ${i + 1}`)
  }
  t.equal(await catalog.get(tenantId, 'missing'), undefined, 'a missing one is remembered as missing')
  t.equal(catalog.size, 2)

  const discovery = new DiscoveryCache({ timeoutMs: 200 }, Date.now, 2)
  for (const issuer of ['https://a.invalid', 'https://b.invalid', 'https://c.invalid'])
    await discovery.metadata(issuer).catch(() => undefined)
  t.ok(discovery.size <= 2)
})
