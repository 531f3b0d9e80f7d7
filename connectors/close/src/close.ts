import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Close: leads, contacts, opportunities and activities, through an OAuth app or an API key.
 *
 * OAuth 2.0 authorization code: the user is sent to `https://app.close.com/oauth2/authorize/`
 * with `client_id` and `response_type=code` (and the redirect URI), picks an organization on
 * the consent screen, and the code is exchanged with "a POST request with form-encoded
 * parameters to https://api.close.com/oauth2/token/", the client id and secret in that body.
 * "All OAuth applications are granted the all.full_access offline_access scopes": the
 * authorize example names no scope, so none is sent. The answer carries `expires_in` (3600),
 * a refresh token (with `offline_access`), `organization_id` and `user_id`, kept. Refreshing
 * rotates: "the authorization server issues a new Refresh Token and the client must discard
 * the old Refresh Token and replace it with the new one". Calls use `Authorization: Bearer`.
 * The OAuth guide documents no PKCE, and no revocation endpoint in the part of it that could
 * be read, so neither is declared.
 *
 * API key: "The API key acts as the username and the password is always empty"
 * (`curl https://api.close.com/api/v1/me/ -u yourapikey:`).
 *
 * @see https://developer.close.com/api/overview/oauth-authentication
 * @see https://developer.close.com/integrations/create-an-oauth-app
 * @see https://developer.close.com/api/overview/api-key-authentication
 */
export const close = defineConnector({
  key: 'close',
  name: 'Close',
  version: '1.0.0',
  description: 'Leads, contacts, opportunities and activities in Close, through OAuth or an API key.',
  docsUrl: 'https://developer.close.com/api/overview/oauth-authentication',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Close',
      authorizeUrl: 'https://app.close.com/oauth2/authorize/',
      tokenUrl: 'https://api.close.com/oauth2/token/',
      // The scopes every Close OAuth app is granted; they are not asked for in the authorize request.
      scopes: {
        'all.full_access': 'The same level of access as an API key',
        offline_access: 'A refresh token, to refresh the access token'
      },
      pkce: false,
      clientAuthMethod: 'client_secret_post',
      tokenResponse: { keepFields: ['organization_id', 'user_id'] }
    },
    {
      kind: 'apiKey',
      key: 'api_key',
      label: 'API key',
      input: {
        label: 'API key',
        helpText: 'Settings → Developer → API Keys in Close.',
        docsUrl: 'https://developer.close.com/api/overview/api-key-authentication'
      },
      // "The API key acts as the username and the password is always empty."
      send: [{ in: 'basic', username: '{{credentials.apiKey}}', password: '' }]
    }
  ],
  http: { baseUrl: 'https://api.close.com/api/v1' },
  // GET /me/: "A special instance of the Users endpoint for the current user" (`id`, `email`,
  // `first_name`, `last_name`, `organizations`, ...).
  // https://developer.close.com/api/resources/users/get-me
  verification: { path: '/me/', identity: { email: 'email', id: 'id' } },
  actions: [
    {
      key: 'list_leads',
      name: 'List leads',
      description: 'Leads of the organization, optionally matching a search query.',
      method: 'GET',
      // Close enforces trailing slashes on resource paths (`/api/v1/lead/`).
      path: '/lead/',
      query: { query: '{{input.query}}', _fields: '{{input.fields}}' },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'A search query, e.g. "company:Acme"' },
          fields: { type: 'string', description: 'Comma-separated fields to return, e.g. "id,display_name"' }
        },
        additionalProperties: false
      },
      output: 'data',
      /**
       * "Most list endpoints (e.g., /api/v1/lead/, /api/v1/contact/) use _limit and _skip";
       * the answer is `data` and `has_more`, "which indicates if you reached the last page".
       * @see https://developer.close.com/api/overview/pagination
       */
      pagination: { style: 'offset', param: '_skip', limitParam: '_limit', limit: 100, hasMorePath: 'has_more' }
    }
  ]
})
