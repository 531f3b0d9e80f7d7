import t from 'tap'
import { checkIcon } from '@latchkey/connector-sdk'
import { PUBLIC_URL, startHarness } from './harness.js'

const OWN_ICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4" fill="#0b7a4b"/></svg>'

t.test('every catalog connector has an icon served at its iconUrl: an SVG that stands alone', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const { connectors } = (await h.call('GET', '/v1/connectors', { apiKey: tenant.apiKey })).json() as {
    connectors: { key: string; name: string; source: string; iconUrl: string }[]
  }
  const catalog = connectors.filter((c) => c.source === 'catalog')
  t.ok(catalog.length >= 60, `${catalog.length} catalog connectors`)
  for (const connector of catalog) {
    t.equal(connector.iconUrl, `${PUBLIC_URL}/icons/${connector.key}.svg`, connector.key)
    // Served without any key: the wizard and the console load it as an <img>.
    const answer = await h.call('GET', new URL(connector.iconUrl).pathname)
    t.equal(answer.statusCode, 200, connector.key)
    t.match(answer.headers['content-type'], /^image\/svg\+xml/, connector.key)
    t.match(answer.headers['content-security-policy'], /default-src 'none'.*sandbox/, connector.key)
    t.equal(answer.headers['x-content-type-options'], 'nosniff', connector.key)
    t.equal(checkIcon(answer.body), undefined, `${connector.key}'s icon passes the icon check`)
    t.match(answer.body, `aria-label="${connector.name.replace(/&/g, '&#38;')}"`, `${connector.key} is labelled`)
  }
  const github = await h.call('GET', '/icons/github.svg')
  t.match(github.body, /fill="#24292f"[\s\S]*>GH</, "GitHub ships its own icon: a monogram in the brand's colour")
})

t.test('unknown or malformed icon names are refused; a custom connector is not served there', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const unknown = await h.call('GET', '/icons/no-such-connector.svg')
  t.equal(unknown.statusCode, 404)
  t.equal(unknown.json().error.code, 'not_found')
  for (const path of ['/icons/github.png', '/icons/..%2Fgithub.svg', '/icons/GitHub.svg'])
    t.equal((await h.call('GET', path)).statusCode, 400, path)
  t.equal(
    (await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: { ...h.sandbox(), key: 'mine' } }))
      .statusCode,
    201
  )
  t.equal((await h.call('GET', '/icons/mine.svg')).statusCode, 404, "a tenant's own connector is not public")
})

t.test(
  "a custom connector's icon travels as a data: URL in its summary; an unsafe icon is refused at `icon`",
  async (t) => {
    const h = await startHarness(t)
    const tenant = await h.createTenant()
    const created = await h.call('POST', '/v1/connectors', {
      apiKey: tenant.apiKey,
      body: { ...h.sandbox(), key: 'drawn', icon: OWN_ICON }
    })
    t.equal(created.statusCode, 201, created.body)
    const iconUrl = (created.json() as { iconUrl: string }).iconUrl
    t.match(iconUrl, /^data:image\/svg\+xml;base64,/)
    t.equal(Buffer.from(iconUrl.split(',')[1]!, 'base64').toString(), OWN_ICON, 'the icon it shipped')
    const plain = await h.call('POST', '/v1/connectors', {
      apiKey: tenant.apiKey,
      body: { ...h.sandbox(), key: 'plain' }
    })
    const monogram = Buffer.from((plain.json() as { iconUrl: string }).iconUrl.split(',')[1]!, 'base64').toString()
    t.equal(checkIcon(monogram), undefined)
    t.match(monogram, />SA</, 'one that ships none gets a monogram of its name')
    const listed = (await h.call('GET', '/v1/connectors/drawn', { apiKey: tenant.apiKey })).json() as {
      iconUrl: string
    }
    t.equal(listed.iconUrl, iconUrl, 'read back the same')

    const unsafe = await h.call('POST', '/v1/connectors', {
      apiKey: tenant.apiKey,
      body: {
        ...h.sandbox(),
        key: 'unsafe',
        icon: '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://logos.example/a.png"/></svg>'
      }
    })
    t.equal(unsafe.statusCode, 400)
    t.match(unsafe.body, /icon/)
    t.match(unsafe.body, /must not link to anything outside itself/)
    t.equal(
      (await h.call('GET', '/v1/connectors/unsafe', { apiKey: tenant.apiKey })).statusCode,
      404,
      'nothing was saved'
    )
  }
)
