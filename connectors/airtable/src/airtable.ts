import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Airtable: Airtable bases. Airtable requires PKCE and Basic client authentication.
 *
 * @see https://airtable.com/developers/web/api/oauth-reference
 */
export const airtable = defineConnector({
  key: 'airtable',
  name: 'Airtable',
  version: '1.0.0',
  description: "Airtable bases.",
  docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://airtable.com/oauth2/v1/authorize',
    tokenUrl: 'https://airtable.com/oauth2/v1/token',
    clientAuthMethod: 'client_secret_basic',
    pkce: true,
    scopes: { 'data.records:read': 'Read records', 'data.records:write': 'Create, edit and delete records', 'schema.bases:read': 'Read base schemas', 'user.email:read': 'See the email address' },
    defaultScopes: ['data.records:read', 'schema.bases:read', 'user.email:read'],
    customerSelectsScopes: true
  },
  http: { baseUrl: 'https://api.airtable.com/v0' },
  verification: { path: '/meta/whoami', identity: { user: 'email', id: 'id' } }
})
