import t from 'tap'
import { Catalog, DiscoveryCache } from '../../src/index.js'
import { schemeIn } from '../../src/connectors/catalog.js'
import { startRuntime } from '../helpers.js'

t.test("a definition's schemes are resolved once, found by key, the first when none is named", async (t) => {
  const definition = {
    key: 'two',
    name: 'Two',
    version: '1.0.0',
    auth: [
      { kind: 'apiKey', key: 'key', label: 'API key' },
      { kind: 'basic', key: 'login' }
    ],
    http: { baseUrl: 'https://api.two.example' }
  } as const
  const first = schemeIn(definition as never, null)
  t.match(first, { kind: 'apiKey', key: 'key' })
  t.match(schemeIn(definition as never, 'login'), { kind: 'basic', key: 'login' })
  t.equal(schemeIn(definition as never, 'key'), first, 'the same resolved object: resolved once per definition')
  t.equal(schemeIn(definition as never, 'gone'), undefined)
  const replaced = { ...definition }
  t.not(schemeIn(replaced as never, null), first, 'a replaced definition is resolved anew')
})

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
