import t from 'tap'
import { shopify } from '@latchkey/connector-shopify'
import { runRedirectScenario } from './scenario.js'

// https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant
// The shop's own host; comma-separated scopes; a JSON token request; offline access tokens
// that do not expire; API calls carry the token in `X-Shopify-Access-Token`.
t.test("Shopify: the shop's host, comma scopes, JSON token request, the token header", async (t) => {
  await runRedirectScenario(t, {
    connector: shopify,
    parameters: { shop: 'acme-store' },
    site: { template: '{{parameters.shop}}', expected: 'acme-store' },
    provider: {
      requireJsonBody: true,
      clientAuth: 'client_secret_post',
      scopeDelimiter: ',',
      expiresIn: 'absent',
      issueRefreshTokens: false,
      apiTokenHeader: 'X-Shopify-Access-Token'
    },
    authorize: { scope: 'read_products', pkce: false },
    // https://shopify.dev/docs/api/admin-rest/latest/resources/shop
    verification: {
      path: '/api/shop.json',
      answer: { shop: { id: 548380009, name: 'Acme Store', myshopify_domain: 'acme-store.myshopify.com' } },
      account: { shop: 'Acme Store', domain: 'acme-store.myshopify.com' }
    },
    call: { url: '/products.json?limit=5', providerPath: '/api/products.json', auth: 'header' },
    refresh: 'none',
    revoke: 'none'
  })
})
