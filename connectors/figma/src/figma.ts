import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Figma: files, comments, components, projects, variables and webhooks through the Figma REST
 * API, as the person who connects (an OAuth app) or with a personal access token.
 *
 * OAuth 2.0 authorization code, as Figma's OAuth apps guide and its OpenAPI document
 * (`components.securitySchemes.OAuth2`) give it:
 * - Authorize: "To authenticate a user, ask them to visit the following URL: `GET
 *   https://www.figma.com/oauth? client_id=:client_id& redirect_uri=:callback& scope=:scope&
 *   state=:state& response_type=code`". `scope` is "A space-separated or comma-separated list of
 *   scopes"; `code_challenge` is "Optional but highly recommended ... Only the S256 method for
 *   generating the code challenge is supported", so PKCE stays on.
 * - Token: "make a `POST` request to `https://api.figma.com/v1/oauth/token`", form-encoded,
 *   and "Use the `HTTP Basic Authentication` scheme to send your `client_id` and
 *   `client_secret`". Codes "expire **30 seconds** after being issued". The answer carries
 *   `user_id_string` (the numeric `user_id` "is deprecated"), kept on the connection.
 * - Refresh: a separate endpoint, "make a `POST` request to
 *   `https://api.figma.com/v1/oauth/refresh`", with Basic client authentication again; its
 *   answer is `access_token`, `token_type` and `expires_in` only: "A refresh token can be
 *   reused as many times as necessary", so the one from the code exchange is kept. "By
 *   default, access tokens expire after 90 days." The OpenAPI document names the same
 *   `refreshUrl`. (The guide lists `refresh_token` as the refresh request's only parameter;
 *   Latchkey also sends `grant_type=refresh_token`, which it cannot leave out.)
 * - Revocation: neither the guide nor the OpenAPI document names a revoke endpoint, so none is
 *   declared: disconnecting deletes the tokens here only.
 * - Scopes: the table of Figma's scopes page, with its descriptions. The admin-only
 *   `org:activity_log_read`, `org:developer_log_read` and `org:discovery_read` (Enterprise,
 *   organization admins) and the deprecated `files:read` are declared too, so a tenant's app
 *   that uses them works; the default asks only for `current_user:read`, which the
 *   verification needs.
 * - Figma for Government has its own token URL (`https://api.figma-gov.com/v1/oauth/token`);
 *   its authorize, refresh and API hosts are not given on the page, so it is not offered.
 *
 * The personal access token, the second scheme: "passing the token to the API in the
 * X-Figma-Token header of your request". Its scopes are picked when it is generated. Figma
 * documents no format for it, so no pattern is checked.
 *
 * Rate limits: a 429 carries `Retry-After` ("In seconds, how long before you should retry
 * sending the request"), which Latchkey always reads; `X-Figma-Plan-Tier`,
 * `X-Figma-Rate-Limit-Type` and `X-Figma-Upgrade-Link` describe the limit, not the wait, so no
 * reset header is declared.
 *
 * The API base is `https://api.figma.com` (the OpenAPI `servers`), without a version: most
 * endpoints are under `/v1`, the webhooks under `/v2`.
 *
 * @see https://developers.figma.com/docs/rest-api/oauth-apps/
 * @see https://developers.figma.com/docs/rest-api/scopes/
 * @see https://developers.figma.com/docs/rest-api/personal-access-tokens/
 * @see https://developers.figma.com/docs/rest-api/rate-limits/
 * @see https://developers.figma.com/docs/rest-api/users-endpoints/
 * @see https://github.com/figma/rest-api-spec/blob/main/openapi/openapi.yaml
 */
export const figma = defineConnector({
  key: 'figma',
  name: 'Figma',
  version: '1.0.0',
  description:
    'Files, comments, components, variables and webhooks in Figma, through OAuth or a personal access token.',
  docsUrl: 'https://developers.figma.com/docs/rest-api/oauth-apps/',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Figma',
      authorizeUrl: 'https://www.figma.com/oauth',
      tokenUrl: 'https://api.figma.com/v1/oauth/token',
      refreshUrl: 'https://api.figma.com/v1/oauth/refresh',
      // https://developers.figma.com/docs/rest-api/scopes/
      scopes: {
        'current_user:read': 'Read your name, email, and profile image.',
        'file_comments:read': 'Read the comments for files.',
        'file_comments:write': 'Post and delete comments and comment reactions in files.',
        'file_content:read': 'Read the contents of files, such as nodes and the editor type.',
        'file_dev_resources:read': 'Read dev resources in files.',
        'file_dev_resources:write': 'Write dev resources to files.',
        'file_metadata:read': 'Read metadata of files.',
        'file_variables:read': 'Read variables in files. Note: Enterprise plan only.',
        'file_variables:write': 'Write variables and collections in files. Note: Enterprise plan only.',
        'file_versions:read': 'Read the version history for files you can access.',
        'files:read': 'Deprecated. Read files, projects, users, versions, comments, components, styles, and webhooks.',
        'library_analytics:read': 'Read your design system analytics. Note: Enterprise plan only.',
        'library_assets:read': 'Read data of individual published components and styles.',
        'library_content:read': 'Read published components and styles of files.',
        'org:activity_log_read':
          'Read organization activity logs. Note: Enterprise plan only. Must be an organization admin.',
        'org:developer_log_read':
          'Read organization developer logs. Note: Enterprise plan with Governance+ only. Must be an organization admin.',
        'org:discovery_read':
          'Read text event data in the organization. Note: Enterprise plans with Governance+ only. Must be an organization admin.',
        'project_metadata:read': 'Read metadata of projects.',
        'projects:read': 'List projects and files in projects.',
        'selections:read': 'Read most recent selection in files you can access.',
        'team_library_content:read': 'Read published components and styles of teams.',
        'webhooks:read': 'Read metadata of webhooks.',
        'webhooks:write': 'Create and manage webhooks.'
      },
      defaultScopes: ['current_user:read'],
      scopeDelimiter: ' ',
      customerSelectsScopes: true,
      pkce: true,
      clientAuthMethod: 'client_secret_basic',
      // The Figma user who authorized the app; `user_id_string`, as the numeric `user_id` is deprecated.
      tokenResponse: { keepFields: ['user_id_string'] }
    },
    {
      kind: 'apiKey',
      key: 'personal_access_token',
      label: 'Personal access token',
      input: {
        label: 'Personal access token',
        helpText:
          'Figma settings → Security → Personal access tokens → Generate new token, with the expiration and scopes the flows need.',
        docsUrl: 'https://developers.figma.com/docs/rest-api/personal-access-tokens/'
      },
      send: [{ in: 'header', name: 'X-Figma-Token', value: '{{credentials.apiKey}}' }]
    }
  ],
  http: { baseUrl: 'https://api.figma.com' },
  /**
   * GET /v1/me: "Returns the user information for the currently authenticated user" (`id`,
   * `handle`, `img_url`, and `email`, "only present on the /v1/me endpoint"). OAuth tokens
   * need `current_user:read` for it.
   * @see https://developers.figma.com/docs/rest-api/users-endpoints/
   */
  verification: { path: '/v1/me', identity: { id: 'id', handle: 'handle', email: 'email' } }
})
