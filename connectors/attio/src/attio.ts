import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Attio: the records, lists and notes of one Attio workspace, through an OAuth app or a
 * workspace access token (API key).
 *
 * OAuth 2.0 authorization code ("Attio supports OAuth 2.0 using the Authorization Code Grant
 * Flow (RFC 6749 section 4.1)"): `GET https://app.attio.com/authorize` takes `client_id`,
 * `response_type=code`, `redirect_uri` and `state` only (scopes are configured on the app in
 * the developer dashboard, so none is sent; no PKCE is documented). `POST
 * https://app.attio.com/oauth/token` takes `client_id`, `client_secret`, `grant_type` ("This
 * should always be authorization_code") and `code`, and answers `access_token` and
 * `token_type` only: no refresh token and no lifetime, as "Attio access tokens do not
 * currently expire" (Identify). No revocation endpoint is documented (the OAuth reference has
 * authorize, token and introspect), so none is declared.
 *
 * Both kinds of token go as `Authorization: Bearer <access_token>`.
 *
 * @see https://docs.attio.com/rest-api/guides/configuring-oauth
 * @see https://docs.attio.com/docs/oauth/authorize
 * @see https://docs.attio.com/docs/oauth/token
 * @see https://docs.attio.com/rest-api/guides/authentication
 * @see https://docs.attio.com/rest-api/endpoint-reference/meta/identify
 */
export const attio = defineConnector({
  key: 'attio',
  name: 'Attio',
  version: '1.0.0',
  description: 'Records, lists, notes and tasks of an Attio workspace, through OAuth or an access token.',
  docsUrl: 'https://docs.attio.com/rest-api/guides/authentication',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Attio',
      authorizeUrl: 'https://app.attio.com/authorize',
      tokenUrl: 'https://app.attio.com/oauth/token',
      pkce: false,
      // `client_id` and `client_secret` are fields of the token request.
      clientAuthMethod: 'client_secret_post'
    },
    {
      kind: 'apiKey',
      key: 'api_key',
      label: 'Access token',
      input: {
        label: 'Workspace access token',
        helpText: 'Workspace settings → Developers → access tokens, with the scopes the flows need.',
        docsUrl: 'https://attio.com/help/apps/other-apps/generating-an-api-key'
      },
      // "Both OAuth access tokens and single-workspace access token are used in the same way."
      send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
    }
  ],
  http: {
    baseUrl: 'https://api.attio.com/v2',
    // Identify answers a revoked or unknown token with `200 {"active": false}` ("Unknown,
    // revoked, and deleted tokens are not treated as an error"); other answers carry no
    // top-level `active`.
    authFailures: [{ status: 200, path: 'active', equals: [false] }]
  },
  // GET /v2/self: the token's workspace (`workspace_id`, `workspace_name`, `workspace_slug`)
  // and scopes, for any scope.
  verification: {
    path: '/self',
    identity: { workspace: 'workspace_name', workspaceId: 'workspace_id', workspaceSlug: 'workspace_slug' }
  }
})
