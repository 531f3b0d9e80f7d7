import { defineConnector } from '@latchkey/connector-sdk'

/**
 * HubSpot: HubSpot CRM. Client credentials go in the token request body.
 *
 * @see https://developers.hubspot.com/docs/api/oauth-quickstart-guide
 */
export const hubspot = defineConnector({
  key: 'hubspot',
  name: 'HubSpot',
  version: '1.0.0',
  description: 'HubSpot CRM.',
  docsUrl: 'https://developers.hubspot.com/docs/api/oauth-quickstart-guide',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://app.hubspot.com/oauth/authorize',
    tokenUrl: 'https://api.hubapi.com/oauth/v1/token',
    clientAuthMethod: 'client_secret_post',
    pkce: false,
    scopes: {
      oauth: 'Basic OAuth access',
      'crm.objects.contacts.read': 'Read contacts',
      'crm.objects.contacts.write': 'Write contacts',
      'crm.objects.companies.read': 'Read companies'
    },
    defaultScopes: ['oauth', 'crm.objects.contacts.read'],
    customerSelectsScopes: true
  },
  http: { baseUrl: 'https://api.hubapi.com' },
  verification: { path: '/account-info/v3/details', identity: { portal: 'portalId' } }
})
