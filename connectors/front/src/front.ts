import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Front: conversations, messages, contacts and teammates of a Front company, through an OAuth
 * app or an API token.
 *
 * OAuth 2.0 authorization code ("Front's OAuth implementation only supports the authorization
 * code grant type"): the admin is sent to `https://app.frontapp.com/oauth/authorize` with
 * `response_type=code`, `client_id`, `redirect_uri` and `state`; the scopes are chosen when the
 * app's OAuth is set up, not in the request, so none is sent, and no PKCE is documented. Front
 * redirects back with `code` and `state`; the code goes to `https://app.frontapp.com/oauth/token`
 * ("Your request MUST be authenticated with Basic authentication using your OAuth application
 * Client ID and Client Secret"). The answer carries `access_token`, `refresh_token`,
 * `expires_at` ("the access_token expiration time") and `token_type`; the access token expires
 * "after an hour" and is refreshed at the same URL with `grant_type=refresh_token`, which
 * answers "the same, or new" refresh token. No revocation endpoint is documented, so none is
 * declared.
 *
 * "API calls will always work with https://api2.frontapp.com as the base URL", and every token
 * "MUST be preceded by Bearer" in the Authorization header.
 *
 * @see https://dev.frontapp.com/docs/oauth
 * @see https://dev.frontapp.com/docs/authentication
 * @see https://dev.frontapp.com/docs/base-url
 * @see https://dev.frontapp.com/docs/create-and-revoke-api-tokens
 */
export const front = defineConnector({
  key: 'front',
  name: 'Front',
  version: '1.0.0',
  description: 'Conversations, messages, contacts and teammates of a Front company, through OAuth or an API token.',
  docsUrl: 'https://dev.frontapp.com/docs/oauth',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Front',
      authorizeUrl: 'https://app.frontapp.com/oauth/authorize',
      tokenUrl: 'https://app.frontapp.com/oauth/token',
      pkce: false,
      clientAuthMethod: 'client_secret_basic',
      // The answer names an absolute expiry; the pages read do not say its format (ISO 8601 and
      // epoch seconds or milliseconds are all read).
      tokenResponse: { expiresAtPath: 'expires_at' }
    },
    {
      kind: 'apiKey',
      key: 'api_token',
      label: 'API token',
      input: {
        label: 'API token',
        helpText: 'Settings → Developers → API Tokens in Front (admins only), with the scopes the flows need.',
        docsUrl: 'https://dev.frontapp.com/docs/create-and-revoke-api-tokens'
      },
      send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
    }
  ],
  http: { baseUrl: 'https://api2.frontapp.com' },
  // GET /me ("API Token details"): the company the token belongs to, `{ "_links", "id", "name" }`.
  // https://dev.frontapp.com/reference/api-token-details
  verification: { path: '/me', identity: { company: 'name', companyId: 'id' } }
})
