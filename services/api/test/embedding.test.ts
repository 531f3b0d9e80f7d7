import t from 'tap'
import { monogramIcon } from '@latchkey/connector-sdk'
import { startHarness, PUBLIC_URL } from './harness.js'
import type { Harness } from './harness.js'

/** A 1×1 PNG: the smallest real image a logo upload can be. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

function upload(h: Harness, apiKey: string, bytes: Buffer | string, type: string) {
  return h.app.inject({
    method: 'PUT',
    url: '/v1/settings/logo',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': type },
    payload: bytes
  })
}

t.test('settings: empty until set, every bad field named at once, replaced as a whole', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  t.equal((await h.call('GET', '/v1/settings')).statusCode, 401, 'the API key is needed')
  t.same((await h.call('GET', '/v1/settings', { apiKey: tenant.apiKey })).json(), {
    displayName: null,
    accentColor: null,
    embedOrigins: [],
    redirectUrls: [],
    logoUrl: null,
    updatedAt: null
  })
  const bad = await h.call('PUT', '/v1/settings', {
    apiKey: tenant.apiKey,
    body: {
      accentColor: '#ffdd00',
      embedOrigins: ['https://app.acme.test/path', 'http://app.acme.test', '*', 'https://ok.acme.test'],
      redirectUrls: ['https://app.acme.test/done#x', 'ftp://app.acme.test/']
    }
  })
  t.equal(bad.statusCode, 400)
  t.same(
    (bad.json().error.details as { path: string }[]).map((d) => d.path),
    [
      'body.accentColor',
      'body.embedOrigins[0]',
      'body.embedOrigins[1]',
      'body.embedOrigins[2]',
      'body.redirectUrls[0]',
      'body.redirectUrls[1]'
    ],
    'every problem, by its path'
  )
  t.match(bad.json().error.details[0].message, /too light for the white text.*contrast 1\.\d:1, needs 4\.5:1/)
  t.match(bad.json().error.details[1].message, /not an origin.*https:\/\/app\.acme\.test/)
  t.match(bad.json().error.details[2].message, /must use https/)
  t.same((await h.call('GET', '/v1/settings', { apiKey: tenant.apiKey })).json().embedOrigins, [], 'nothing written')

  const saved = await h.call('PUT', '/v1/settings', {
    apiKey: tenant.apiKey,
    body: {
      displayName: '  Acme Flows ',
      accentColor: '#0B5CAD',
      embedOrigins: ['https://app.acme.test/', 'http://localhost:3000', 'https://app.acme.test'],
      redirectUrls: ['https://app.acme.test/connected']
    }
  })
  t.equal(saved.statusCode, 200)
  t.match(saved.json(), {
    displayName: 'Acme Flows',
    accentColor: '#0b5cad',
    embedOrigins: ['https://app.acme.test', 'http://localhost:3000'],
    redirectUrls: ['https://app.acme.test/connected']
  })
  const other = await h.createTenant('Other')
  t.same((await h.call('GET', '/v1/settings', { apiKey: other.apiKey })).json().embedOrigins, [], 'per tenant')
  const cleared = await h.call('PUT', '/v1/settings', { apiKey: tenant.apiKey, body: {} })
  t.match(
    cleared.json(),
    { displayName: null, accentColor: null, embedOrigins: [], redirectUrls: [] },
    'absent = cleared'
  )
})

t.test('a logo: sniffed, capped, served by the API itself with a content-versioned URL', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const answer = await upload(h, tenant.apiKey, PNG, 'image/png')
  t.equal(answer.statusCode, 200)
  const { logoUrl } = answer.json() as { logoUrl: string }
  t.match(logoUrl, new RegExp(`^${PUBLIC_URL}/branding/${tenant.id}/logo\\?v=[0-9a-f]{16}$`))
  const served = await h.app.inject({ method: 'GET', url: logoUrl.slice(PUBLIC_URL.length) })
  t.equal(served.statusCode, 200)
  t.equal(served.headers['content-type'], 'image/png')
  t.equal(served.headers['x-content-type-options'], 'nosniff')
  t.match(served.headers['content-security-policy'], /default-src 'none'.*sandbox/)
  t.same(served.rawPayload, PNG, 'the bytes uploaded')

  const notImage = await upload(h, tenant.apiKey, Buffer.from('GIF89a-not-allowed'), 'image/png')
  t.equal(notImage.statusCode, 400, 'the bytes decide, not the declared type')
  t.match(notImage.json().error.details, [{ path: 'body', message: /PNG, JPEG, WebP or SVG/ }])
  const scripted = await upload(
    h,
    tenant.apiKey,
    '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    'image/svg+xml'
  )
  t.equal(scripted.statusCode, 400)
  t.match(scripted.json().error.details[0].message, /The SVG logo cannot be shown/)
  const svg = await upload(h, tenant.apiKey, monogramIcon('Acme'), 'image/svg+xml')
  t.equal(svg.statusCode, 200, 'a self-contained SVG is a logo')
  t.not(svg.json().logoUrl, logoUrl, 'a new logo has a new URL')
  const huge = await upload(h, tenant.apiKey, Buffer.concat([PNG, Buffer.alloc(256 * 1024)]), 'image/png')
  t.equal(huge.statusCode, 413, 'over 256 KiB')
  const text = await upload(h, tenant.apiKey, 'a logo, in words', 'text/plain')
  t.equal(text.statusCode, 415, 'not an image type')
  t.match(text.json().error.message, /Content-Type image\/png/)

  const removed = await h.app.inject({
    method: 'DELETE',
    url: '/v1/settings/logo',
    headers: { authorization: `Bearer ${tenant.apiKey}` }
  })
  t.equal(removed.json().logoUrl, null)
  t.equal((await h.app.inject({ method: 'GET', url: `/branding/${tenant.id}/logo` })).statusCode, 404)
  t.equal((await h.app.inject({ method: 'GET', url: '/branding/not-a-tenant/logo' })).statusCode, 404)
})

t.test('connect sessions: redirect pages only from the allowlist, a language, branding in the overview', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant('Acme Inc')
  await h.call('PUT', '/v1/settings', {
    apiKey: tenant.apiKey,
    body: {
      displayName: 'Acme Flows',
      accentColor: '#0b5cad',
      embedOrigins: ['https://app.acme.test'],
      redirectUrls: ['https://app.acme.test/connected', 'https://app.acme.test/failed']
    }
  })
  const refused = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: {
      externalId: 'c-1',
      successUrl: 'https://evil.test/connected',
      failureUrl: 'https://app.acme.test/elsewhere',
      locale: 'de'
    }
  })
  t.equal(refused.statusCode, 400)
  t.match(refused.json().error.details, [{ path: 'body.locale' }], 'an unknown language is a schema error first')
  const openRedirect = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: {
      externalId: 'c-1',
      successUrl: 'https://evil.test/connected',
      failureUrl: 'https://app.acme.test/elsewhere'
    }
  })
  t.same(
    (openRedirect.json().error.details as { path: string }[]).map((d) => d.path),
    ['body.successUrl', 'body.failureUrl'],
    'another origin, and another path of an allowed origin, are both refused'
  )
  t.match(openRedirect.json().error.details[0].message, /not one of this tenant's redirect URLs/)

  const created = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: {
      externalId: 'c-1',
      successUrl: 'https://app.acme.test/connected?flow=42',
      failureUrl: 'https://app.acme.test/failed',
      locale: 'fr'
    }
  })
  t.equal(created.statusCode, 201, 'the query of an allowed page is the builder’s to choose')
  const { token, url } = created.json() as { token: string; url: string }
  const overview = await h.call('GET', '/v1/connect/session', { headers: { authorization: `Bearer ${token}` } })
  t.match(overview.json(), {
    branding: { name: 'Acme Flows', accentColor: '#0b5cad', logoUrl: null },
    embedOrigins: ['https://app.acme.test'],
    successUrl: 'https://app.acme.test/connected?flow=42',
    failureUrl: 'https://app.acme.test/failed',
    locale: 'fr'
  })
  const plain = await h.call('POST', '/v1/connect-sessions', { apiKey: tenant.apiKey, body: { externalId: 'c-2' } })
  const plainOverview = await h.call('GET', '/v1/connect/session', {
    headers: { authorization: `Bearer ${plain.json().token}` }
  })
  t.match(plainOverview.json(), { successUrl: null, failureUrl: null, locale: 'en' })

  // Who may frame the wizard page follows the session it was opened for.
  const page = await h.app.inject({ method: 'GET', url: url.slice(PUBLIC_URL.length).split('#')[0]! })
  t.equal(page.statusCode, 200)
  t.match(page.headers['content-security-policy'], /frame-ancestors https:\/\/app\.acme\.test;/)
  const bare = await h.app.inject({ method: 'GET', url: '/connect/' })
  t.match(bare.headers['content-security-policy'], /frame-ancestors 'none'/, 'without a session: nobody')
  const unknown = await h.app.inject({ method: 'GET', url: '/connect/?s=00000000-0000-4000-8000-000000000000' })
  t.match(unknown.headers['content-security-policy'], /frame-ancestors 'none'/, 'an unknown session: nobody')
  const other = await h.createTenant('Other')
  const otherSession = await h.call('POST', '/v1/connect-sessions', { apiKey: other.apiKey, body: { externalId: 'x' } })
  const otherPage = await h.app.inject({
    method: 'GET',
    url: (otherSession.json().url as string).slice(PUBLIC_URL.length).split('#')[0]!
  })
  t.match(
    otherPage.headers['content-security-policy'],
    /frame-ancestors 'none'/,
    "another tenant's origins do not apply"
  )
})
