import t from 'tap'
import { contrastWithWhite, isAllowedRedirect } from '../../src/index.js'
import { PUBLIC_URL, rejection, startRuntime } from '../helpers.js'

t.test('contrast with white text follows WCAG: black 21:1, white 1:1, the 4.5:1 line between', async (t) => {
  t.equal(Math.round(contrastWithWhite('#000000') * 10) / 10, 21)
  t.equal(contrastWithWhite('#ffffff'), 1)
  t.ok(contrastWithWhite('#767676') >= 4.5, '#767676 is the lightest grey that passes')
  t.ok(contrastWithWhite('#777777') < 4.5)
})

t.test('a redirect is allowed only to the origin and path of an allowed URL, any query', async (t) => {
  const allowed = ['https://app.example.com/connected', 'http://localhost:3000/done']
  t.ok(isAllowedRedirect('https://app.example.com/connected', allowed))
  t.ok(isAllowedRedirect('https://app.example.com/connected?flow=1&x=2', allowed), 'the query is the builder’s')
  t.ok(isAllowedRedirect('http://localhost:3000/done', allowed))
  t.notOk(isAllowedRedirect('https://app.example.com/connected/more', allowed), 'another path')
  t.notOk(isAllowedRedirect('https://app.example.com.evil.test/connected', allowed), 'a look-alike host')
  t.notOk(isAllowedRedirect('https://app.example.com:8443/connected', allowed), 'another port')
  t.notOk(isAllowedRedirect('http://app.example.com/connected', allowed), 'plain http off loopback')
  t.notOk(isAllowedRedirect('https://user:pw@app.example.com/connected', allowed), 'credentials in the URL')
  t.notOk(isAllowedRedirect('https://app.example.com/connected#x', allowed), 'a fragment')
  t.notOk(isAllowedRedirect('javascript:alert(1)', allowed))
  t.notOk(isAllowedRedirect('/connected', allowed), 'a relative URL')
  t.notOk(isAllowedRedirect('https://app.example.com/connected', []), 'nothing allowed, nothing goes')
})

t.test('settings: validated field by field, stored per tenant, branding falls back to the tenant name', async (t) => {
  const { runtime, store, tenantId } = await startRuntime(t, { connectors: [] })
  t.match(await runtime.settings.branding(tenantId), { accentColor: null, logoUrl: null, embedOrigins: [] })
  const tenant = await store.tenants.get(tenantId)
  t.equal((await runtime.settings.branding(tenantId)).name, tenant?.name, 'the tenant’s own name by default')
  t.match(
    await rejection(
      runtime.settings.update(tenantId, {
        displayName: 'x'.repeat(101),
        accentColor: 'blue',
        embedOrigins: ['https://a.test?x=1', 'not a url'],
        redirectUrls: Array.from({ length: 21 }, (_, i) => `https://a.test/${i}`)
      })
    ),
    {
      code: 'invalid_request',
      details: [
        { path: 'body.displayName', message: /longer than 100/ },
        { path: 'body.accentColor', message: 'blue is not a colour like #0b5cad.' },
        { path: 'body.embedOrigins[0]', message: /not an origin/ },
        { path: 'body.embedOrigins[1]', message: 'not a url is not an absolute URL' },
        { path: 'body.redirectUrls', message: 'At most 20 entries are allowed.' }
      ]
    }
  )
  const view = await runtime.settings.update(tenantId, {
    displayName: '   ',
    accentColor: '#1A4D2E',
    embedOrigins: ['http://127.0.0.1:8080', 'https://[::1]:9'],
    redirectUrls: ['https://app.test/back?keep=1']
  })
  t.match(view, {
    displayName: null,
    accentColor: '#1a4d2e',
    embedOrigins: ['http://127.0.0.1:8080', 'https://[::1]:9'],
    redirectUrls: ['https://app.test/back?keep=1']
  })
  t.match(await runtime.settings.branding(tenantId), { name: tenant?.name, accentColor: '#1a4d2e' })

  const svg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'
  const withLogo = await runtime.settings.setLogo(tenantId, Buffer.from(svg))
  t.match(withLogo.logoUrl, new RegExp(`^${PUBLIC_URL}/branding/${tenantId}/logo\\?v=[0-9a-f]{16}$`))
  t.match(await runtime.settings.logo(tenantId), { type: 'image/svg+xml' })
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])
  t.match(await runtime.settings.setLogo(tenantId, jpeg), { logoUrl: /\?v=/ })
  t.match(await runtime.settings.logo(tenantId), { type: 'image/jpeg' })
  const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])
  await runtime.settings.setLogo(tenantId, webp)
  t.match(await runtime.settings.logo(tenantId), { type: 'image/webp' })
  t.match(await rejection(runtime.settings.setLogo(tenantId, Buffer.alloc(0))), {
    details: [{ path: 'body', message: 'The logo is empty.' }]
  })
  t.match(await rejection(runtime.settings.setLogo(tenantId, Buffer.alloc(256 * 1024 + 1, 0x89))), {
    details: [{ message: /larger than 256 KiB/ }]
  })
  t.equal((await runtime.settings.removeLogo(tenantId)).logoUrl, null)
  t.match(await rejection(runtime.settings.logo(tenantId)), { code: 'not_found' })
  t.equal((await runtime.settings.get(tenantId)).accentColor, '#1a4d2e', 'removing the logo keeps the rest')
})
