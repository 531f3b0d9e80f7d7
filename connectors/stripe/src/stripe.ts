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
  verification: { path: '/account', identity: { account: 'id', name: 'settings.dashboard.display_name' } },
  // API keys have no OAuth scopes (a restricted key's permissions are set in the Dashboard), so no action names any.
  // Lists: the objects in `data`, newest first; the next page is `starting_after` = the last object's id while
  // `has_more`, with `limit` between 1 and 100. https://docs.stripe.com/api/pagination
  // Writes take form-encoded bodies. https://docs.stripe.com/api
  actions: [
    {
      key: 'list_customers',
      name: 'List customers',
      method: 'GET',
      // https://docs.stripe.com/api/customers/list
      path: '/customers',
      query: { email: '{{input.email}}' },
      input: {
        type: 'object',
        properties: {
          email: { type: 'string', maxLength: 512, description: 'Only customers with this email (case-sensitive)' }
        },
        additionalProperties: false
      },
      output: 'data',
      pagination: {
        style: 'cursor',
        param: 'starting_after',
        cursorFromLastItem: 'id',
        hasMorePath: 'has_more',
        limitParam: 'limit',
        limit: 100
      }
    },
    {
      key: 'create_customer',
      name: 'Create a customer',
      method: 'POST',
      // https://docs.stripe.com/api/customers/create
      path: '/customers',
      bodyFormat: 'form',
      body: {
        email: '{{input.email}}',
        name: '{{input.name}}',
        phone: '{{input.phone}}',
        description: '{{input.description}}'
      },
      input: {
        type: 'object',
        properties: {
          email: { type: 'string', maxLength: 512 },
          name: { type: 'string', maxLength: 256, description: 'The full name or business name' },
          phone: { type: 'string', maxLength: 20 },
          description: { type: 'string', maxLength: 5000, description: 'Shown beside the customer in the Dashboard' }
        },
        additionalProperties: false
      }
    },
    {
      key: 'list_invoices',
      name: 'List invoices',
      description: "All invoices, or a customer's; newest first.",
      method: 'GET',
      // https://docs.stripe.com/api/invoices/list
      path: '/invoices',
      query: { customer: '{{input.customer}}', status: '{{input.status}}' },
      input: {
        type: 'object',
        properties: {
          customer: { type: 'string', description: 'Only invoices of this customer id (cus_…)' },
          status: { enum: ['draft', 'open', 'paid', 'uncollectible', 'void'] }
        },
        additionalProperties: false
      },
      output: 'data',
      pagination: {
        style: 'cursor',
        param: 'starting_after',
        cursorFromLastItem: 'id',
        hasMorePath: 'has_more',
        limitParam: 'limit',
        limit: 100
      }
    },
    {
      key: 'list_charges',
      name: 'List charges',
      description: "All charges, or a customer's; newest first.",
      method: 'GET',
      // https://docs.stripe.com/api/charges/list
      path: '/charges',
      query: { customer: '{{input.customer}}' },
      input: {
        type: 'object',
        properties: { customer: { type: 'string', description: 'Only charges of this customer id (cus_…)' } },
        additionalProperties: false
      },
      output: 'data',
      pagination: {
        style: 'cursor',
        param: 'starting_after',
        cursorFromLastItem: 'id',
        hasMorePath: 'has_more',
        limitParam: 'limit',
        limit: 100
      }
    }
  ]
})
