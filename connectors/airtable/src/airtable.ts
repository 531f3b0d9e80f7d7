import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Airtable bases, through OAuth (PKCE required, Basic client authentication, single-use
 * refresh tokens) or a personal access token the customer creates in Airtable's builder hub.
 *
 * @see https://airtable.com/developers/web/api/oauth-reference
 * @see https://airtable.com/developers/web/guides/personal-access-tokens
 */
export const airtable = defineConnector({
  key: 'airtable',
  name: 'Airtable',
  version: '1.1.0',
  description: 'Airtable bases.',
  docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Airtable',
      authorizeUrl: 'https://airtable.com/oauth2/v1/authorize',
      tokenUrl: 'https://airtable.com/oauth2/v1/token',
      clientAuthMethod: 'client_secret_basic',
      pkce: true,
      scopes: {
        'data.records:read': 'Read records',
        'data.records:write': 'Create, edit and delete records',
        'schema.bases:read': 'Read base schemas',
        'user.email:read': 'See the email address'
      },
      defaultScopes: ['data.records:read', 'schema.bases:read', 'user.email:read'],
      customerSelectsScopes: true
    },
    {
      kind: 'apiKey',
      key: 'personal_access_token',
      label: 'Personal access token',
      inputLabel: 'Personal access token',
      pattern: 'pat[A-Za-z0-9]+\\.[A-Za-z0-9]+',
      helpText: 'Create one at airtable.com/create/tokens with the scopes and bases this application needs.'
    }
  ],
  http: { baseUrl: 'https://api.airtable.com/v0' },
  verification: { path: '/meta/whoami', identity: { user: 'email', id: 'id' } }
})
