import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Shopify: Shopify stores. The shop is a parameter in every URL; comma-delimited scopes; the token goes in `X-Shopify-Access-Token`.
 *
 * @see https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant
 */
export const shopify = defineConnector({
  key: 'shopify',
  name: 'Shopify',
  version: '1.0.0',
  description: 'Shopify stores.',
  docsUrl: 'https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens/authorization-code-grant',
  parameters: [
    {
      key: 'shop',
      label: 'Shop name',
      pattern: '[a-z0-9][a-z0-9-]*',
      patternMessage: 'The part before .myshopify.com',
      placeholder: 'my-store'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.shop}}.myshopify.com/admin/oauth/authorize',
    tokenUrl: 'https://{{parameters.shop}}.myshopify.com/admin/oauth/access_token',
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json',
    pkce: false,
    scopeDelimiter: ',',
    scopes: {
      read_products: 'Read products',
      write_products: 'Write products',
      read_orders: 'Read orders',
      read_customers: 'Read customers'
    },
    defaultScopes: ['read_products'],
    customerSelectsScopes: true
  },
  http: {
    baseUrl: 'https://{{parameters.shop}}.myshopify.com/admin/api/2024-10',
    tokenPlacement: { in: 'header', name: 'X-Shopify-Access-Token' }
  },
  verification: { path: '/shop.json', identity: { shop: 'shop.name', domain: 'shop.myshopify_domain' } }
})
