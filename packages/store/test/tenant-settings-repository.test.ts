import { createHash } from 'node:crypto'
import t from 'tap'
import { freshStore } from './helpers.js'

t.test('settings are created by the first write, replaced by the next, and kept per tenant', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const { tenant: other } = await store.tenants.create('Other')
  t.equal(await store.settings.get(tenant.id), undefined, 'nothing before the first write')
  const first = await store.settings.put(tenant.id, {
    displayName: 'Acme Flows',
    accentColor: '#0b5cad',
    embedOrigins: ['https://app.acme.test'],
    redirectUrls: ['https://app.acme.test/connected']
  })
  t.match(first, {
    display_name: 'Acme Flows',
    accent_color: '#0b5cad',
    embed_origins: ['https://app.acme.test'],
    redirect_urls: ['https://app.acme.test/connected'],
    logo_hash: null
  })
  await store.settings.put(tenant.id, { displayName: null, accentColor: null, embedOrigins: [], redirectUrls: [] })
  t.match(await store.settings.get(tenant.id), { display_name: null, embed_origins: [], redirect_urls: [] })
  t.equal(await store.settings.get(other.id), undefined, 'another tenant has none')
})

t.test('a logo is stored with its hash, left alone by other writes, and removed', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])
  const set = await store.settings.setLogo(tenant.id, { bytes, type: 'image/png' })
  const hash = createHash('sha256').update(bytes).digest('hex')
  t.equal(set.logo_hash, hash)
  t.notOk('logo' in set, 'reads never carry the bytes')
  await store.settings.put(tenant.id, { displayName: 'A', accentColor: null, embedOrigins: [], redirectUrls: [] })
  t.same(await store.settings.logo(tenant.id), { bytes, type: 'image/png', hash }, 'a settings write keeps the logo')
  await store.settings.setLogo(tenant.id, null)
  t.equal(await store.settings.logo(tenant.id), undefined)
  t.match(await store.settings.get(tenant.id), { display_name: 'A', logo_hash: null, logo_type: null })
})
