import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Stripe: Stripe with a secret or restricted API key, sent as a bearer token.
 *
 * @see https://docs.stripe.com/keys
 */
export const stripe = defineConnector({
  key: 'stripe',
  name: 'Stripe',
  version: '1.0.0',
  description: 'Stripe with a secret or restricted API key, sent as a bearer token.',
  docsUrl: 'https://docs.stripe.com/keys',
  auth: {
    kind: 'apiKey',
    inputLabel: 'Secret key',
    pattern: '(sk|rk)_(live|test)_[A-Za-z0-9]+',
    helpText: 'Developers → API keys in the Stripe Dashboard; a restricted key (rk_) is best.'
  },
  http: { baseUrl: 'https://api.stripe.com/v1' },
  verification: { path: '/account', identity: { account: 'id', name: 'settings.dashboard.display_name' } }
})
