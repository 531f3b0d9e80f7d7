import t from 'tap'
import { woocommerce } from '@latchkey/connector-woocommerce'
import { runCredentialScenario } from './scenario.js'

const KEY = 'ck_0123456789abcdef0123456789abcdef0CANARY1'
const SECRET = 'cs_0123456789abcdef0123456789abcdef0CANARY2'

// https://developer.woocommerce.com/docs/apis/rest-api/authentication/
// https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https
// "HTTP Basic Auth by providing the REST API Consumer Key as the username and the REST API
// Consumer Secret as the password", on the store's own host under /wp-json/wc/v3. Keys do not
// expire and are revoked in the store's settings; a refused key is a 401 ("incorrect API keys").
t.test('WooCommerce: consumer key and secret as HTTP Basic on the store host, the store kept', async (t) => {
  await runCredentialScenario(t, {
    connector: woocommerce,
    parameters: { host: 'shop.example.com' },
    // The emulator serves the store's host under /sites/shop.example.com/.
    site: { template: '{{parameters.host}}', expected: 'shop.example.com' },
    credentials: { username: KEY, password: SECRET },
    accepts: (provider) => provider.addBasicUser(KEY, SECRET),
    // https://woocommerce.github.io/woocommerce-rest-api-docs/#system-status (its example's environment, as `_fields` trims it)
    verification: {
      path: '/api/system_status',
      answer: {
        environment: { home_url: 'https://shop.example.com', site_url: 'https://shop.example.com/wp', version: '9.8.1' }
      },
      account: { store: 'https://shop.example.com', siteUrl: 'https://shop.example.com/wp', version: '9.8.1' }
    },
    call: { url: '/orders?status=processing', providerPath: '/api/orders', auth: 'basic' }
  })
})

t.test('WooCommerce: a consumer secret pasted as the key is named before anything is stored', async (t) => {
  const { startSystem } = await import('@latchkey/test-system')
  const system = await startSystem(t)
  const refused = await system.api('POST', '/v1/connections', {
    connector: 'woocommerce',
    parameters: { host: 'https://shop.example.com/' },
    credentials: { username: SECRET, password: KEY }
  })
  t.equal(refused.status, 400)
  t.same(refused.body.error.details, [
    {
      path: 'body.parameters.host',
      message: 'Only the host name, such as shop.example.com: no https://, path or port'
    },
    { path: 'body.credentials.username', message: 'A consumer key starts with ck_' },
    { path: 'body.credentials.password', message: 'A consumer secret starts with cs_' }
  ])
  t.notOk(JSON.stringify(refused.body).includes(SECRET), 'the secret is not echoed')
  t.same((await system.api('GET', '/v1/connections')).body.connections, [], 'nothing was stored')
})
