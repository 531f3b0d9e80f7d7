import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Freshdesk: the agent's API key as the basic-auth user name, with `X` as the password,
 * on the customer's own helpdesk domain.
 *
 * @see https://developers.freshdesk.com/api/
 */
export const freshdesk = defineConnector({
  key: 'freshdesk',
  name: 'Freshdesk',
  version: '1.0.0',
  description: 'Tickets, contacts and companies of a Freshdesk helpdesk, with an agent API key.',
  docsUrl: 'https://developers.freshdesk.com/api/',
  parameters: [
    {
      key: 'domain',
      label: 'Helpdesk domain',
      helpText: 'The part before .freshdesk.com in your helpdesk address.',
      example: 'acme',
      pattern: '[a-z0-9][a-z0-9-]{0,62}',
      patternMessage: 'Only the name before .freshdesk.com, such as "acme"'
    }
  ],
  auth: {
    kind: 'basic',
    label: 'API key',
    username: {
      label: 'API key',
      helpText: 'Profile settings → View API key.',
      docsUrl: 'https://support.freshdesk.com/support/solutions/articles/215517'
    },
    // With the API key as the user name the password is not checked: any placeholder, `X` by convention.
    password: { value: 'X' }
  },
  http: { baseUrl: 'https://{{parameters.domain}}.freshdesk.com/api/v2' },
  // The agent the key belongs to ("View Me" in the API reference).
  verification: { path: '/agents/me', identity: { email: 'contact.email', name: 'contact.name' } }
})
