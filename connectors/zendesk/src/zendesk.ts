import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Zendesk Support: every URL lives under the customer's own subdomain, given as a
 * parameter when connecting. Zendesk's token revocation is not RFC 7009
 * (`DELETE /api/v2/oauth/tokens/{id}`), so no revoke URL is declared here.
 *
 * @see https://developer.zendesk.com/documentation/ticketing/working-with-oauth/using-oauth-authentication-with-your-application/
 */
export const zendesk = defineConnector({
  key: 'zendesk',
  name: 'Zendesk',
  version: '1.0.0',
  description: 'Tickets, users and organizations in Zendesk Support.',
  docsUrl:
    'https://developer.zendesk.com/documentation/ticketing/working-with-oauth/using-oauth-authentication-with-your-application/',
  parameters: [
    {
      key: 'subdomain',
      label: 'Zendesk subdomain',
      type: 'text',
      required: true,
      pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
      patternMessage: 'Use only the part before .zendesk.com: lower-case letters, digits and dashes',
      helpText: 'If your Zendesk address is https://acme.zendesk.com, enter acme.',
      placeholder: 'acme'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.subdomain}}.zendesk.com/oauth/authorizations/new',
    tokenUrl: 'https://{{parameters.subdomain}}.zendesk.com/oauth/tokens',
    scopes: {
      read: 'Read everything the user can see',
      write: 'Create and change everything the user can change',
      'tickets:read': 'Read tickets',
      'tickets:write': 'Create and update tickets',
      'users:read': 'Read users',
      'users:write': 'Create and update users',
      'organizations:read': 'Read organizations',
      'organizations:write': 'Create and update organizations',
      'hc:read': 'Read Help Center content',
      'hc:write': 'Create and update Help Center content'
    },
    defaultScopes: ['read'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    pkce: true,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://{{parameters.subdomain}}.zendesk.com/api/v2' }
})
