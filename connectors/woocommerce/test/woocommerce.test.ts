import t from 'tap'
import {
  TemplateError,
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { woocommerce } from '../src/index.js'

const render = (host: string) =>
  resolveEndpoints(woocommerce, { parameters: { host }, config: {}, metadata: {} }).baseUrl

/** Whether a typed-in value passes its field's pattern, matched whole as the API matches it. */
const accepts = (pattern: string | undefined, value: string) => new RegExp(`^(?:${pattern ?? ''})$`, 'u').test(value)

t.test('the WooCommerce definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, woocommerce)
  t.same(validateConnectorDefinition(woocommerce).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(woocommerce))).issues, [])
})

t.test('consumer key and secret go as HTTP Basic, the key as the user name', async (t) => {
  const scheme = resolveAuthScheme(woocommerce)
  if (scheme?.kind !== 'basic') throw new Error('WooCommerce authenticates with HTTP Basic over HTTPS')
  t.same(scheme.send, [{ in: 'basic', username: '{{credentials.username}}', password: '{{credentials.password}}' }])
  const [key, secret] = scheme.inputs
  t.match(key, { key: 'username', label: 'Consumer key', secret: false, required: true })
  t.match(secret, { key: 'password', label: 'Consumer secret', secret: true, required: true })
  t.ok(accepts(key?.pattern, 'ck_0123456789abcdef0123456789abcdef01234567'))
  t.ok(accepts(secret?.pattern, 'cs_0123456789abcdef0123456789abcdef01234567'))
  t.notOk(
    accepts(key?.pattern, 'cs_0123456789abcdef0123456789abcdef01234567'),
    'the secret pasted as the key is refused'
  )
  t.notOk(
    accepts(secret?.pattern, 'ck_0123456789abcdef0123456789abcdef01234567'),
    'the key pasted as the secret is refused'
  )
  t.notOk(accepts(key?.pattern, ' ck_0123456789abcdef0123456789abcdef01234567'), 'stray spaces are refused')
})

t.test('the API is wc/v3 under wp-json on the store’s own host, always https', async (t) => {
  t.equal(render('shop.example.com'), 'https://shop.example.com/wp-json/wc/v3')
  t.equal(render('example.co.uk'), 'https://example.co.uk/wp-json/wc/v3')
  t.throws(() => render('evil.example/x'), TemplateError, 'a value can never change the host')
  t.notOk('rateLimit' in (woocommerce.http ?? {}), 'the REST API documents no rate limits')
})

t.test('the host is a bare host name', async (t) => {
  t.match(validateParameters(woocommerce, { host: 'shop.example.com' }), {
    ok: true,
    values: { host: 'shop.example.com' }
  })
  t.same(validateParameters(woocommerce, {}).issues, [{ path: 'parameters.host', message: 'Store host is required' }])
  for (const pasted of [
    'https://shop.example.com',
    'shop.example.com/',
    'shop.example.com/wp-json',
    'shop.example.com:8443',
    'shop'
  ])
    t.same(
      validateParameters(woocommerce, { host: pasted }).issues,
      [{ path: 'parameters.host', message: 'Only the host name, such as shop.example.com: no https://, path or port' }],
      `refused: ${pasted}`
    )
})

t.test('the verification reads three environment fields of the system status, nothing more', async (t) => {
  t.same(woocommerce.verification, {
    path: '/system_status',
    query: { _fields: 'environment.home_url,environment.site_url,environment.version' },
    identity: { store: 'environment.home_url', siteUrl: 'environment.site_url', version: 'environment.version' }
  })
})
