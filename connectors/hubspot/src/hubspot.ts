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
      'crm.objects.companies.read': 'Read companies',
      // https://developers.hubspot.com/docs/api/scopes
      'crm.objects.deals.read': 'Read deals'
    },
    defaultScopes: ['oauth', 'crm.objects.contacts.read'],
    customerSelectsScopes: true
  },
  http: { baseUrl: 'https://api.hubapi.com' },
  verification: { path: '/account-info/v3/details', identity: { portal: 'portalId' } },
  // CRM v3 lists page forward by cursor: `after` = the answer's `paging.next.after` (no `paging` on the last page),
  // with `limit`, here 100 a page. Records are in `results`; `properties` (comma-separated) picks the properties
  // returned. https://developers.hubspot.com/docs/api/crm/contacts
  actions: [
    {
      key: 'list_contacts',
      name: 'List contacts',
      method: 'GET',
      // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/contacts/guide
      path: '/crm/v3/objects/contacts',
      query: { properties: '{{input.properties}}', archived: '{{input.archived}}' },
      input: {
        type: 'object',
        properties: {
          properties: { type: 'string', description: 'Comma-separated properties to return (e.g. "email,firstname")' },
          archived: { type: 'boolean', description: 'Only archived contacts' }
        },
        additionalProperties: false
      },
      output: 'results',
      scopes: ['crm.objects.contacts.read'],
      pagination: { style: 'cursor', param: 'after', cursorPath: 'paging.next.after', limitParam: 'limit', limit: 100 }
    },
    {
      key: 'create_contact',
      name: 'Create a contact',
      description: 'A contact by email, the unique identifier HubSpot recommends always sending (it dedupes on it).',
      method: 'POST',
      // The values go in a `properties` object. https://developers.hubspot.com/docs/api/crm/contacts
      path: '/crm/v3/objects/contacts',
      body: {
        properties: {
          email: '{{input.email}}',
          firstname: '{{input.firstname}}',
          lastname: '{{input.lastname}}',
          phone: '{{input.phone}}',
          company: '{{input.company}}'
        }
      },
      input: {
        type: 'object',
        properties: {
          email: { type: 'string', minLength: 3 },
          firstname: { type: 'string' },
          lastname: { type: 'string' },
          phone: { type: 'string' },
          company: { type: 'string' }
        },
        required: ['email'],
        additionalProperties: false
      },
      scopes: ['crm.objects.contacts.write']
    },
    {
      key: 'list_companies',
      name: 'List companies',
      method: 'GET',
      // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/companies/guide
      path: '/crm/v3/objects/companies',
      query: { properties: '{{input.properties}}', archived: '{{input.archived}}' },
      input: {
        type: 'object',
        properties: {
          properties: { type: 'string', description: 'Comma-separated properties to return (e.g. "name,domain")' },
          archived: { type: 'boolean', description: 'Only archived companies' }
        },
        additionalProperties: false
      },
      output: 'results',
      scopes: ['crm.objects.companies.read'],
      pagination: { style: 'cursor', param: 'after', cursorPath: 'paging.next.after', limitParam: 'limit', limit: 100 }
    },
    {
      key: 'list_deals',
      name: 'List deals',
      method: 'GET',
      // https://developers.hubspot.com/docs/api-reference/legacy/crm/objects/deals/guide
      path: '/crm/v3/objects/deals',
      query: { properties: '{{input.properties}}', archived: '{{input.archived}}' },
      input: {
        type: 'object',
        properties: {
          properties: {
            type: 'string',
            description: 'Comma-separated properties to return (e.g. "dealname,amount,dealstage")'
          },
          archived: { type: 'boolean', description: 'Only archived deals' }
        },
        additionalProperties: false
      },
      output: 'results',
      scopes: ['crm.objects.deals.read'],
      pagination: { style: 'cursor', param: 'after', cursorPath: 'paging.next.after', limitParam: 'limit', limit: 100 }
    }
  ]
})
