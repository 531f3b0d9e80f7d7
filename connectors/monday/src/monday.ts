import { defineConnector } from '@latchkey/connector-sdk'

/**
 * monday.com: boards, items, docs and workspaces through monday's GraphQL API, as the user
 * who installed the app, with monday's OAuth 2.1 flow.
 *
 * The older flow ("This token will be valid until the user uninstalls your app", token at
 * `https://auth.monday.com/oauth2/token`) is not declared: "All new apps use OAuth 2.1. You
 * can't turn it off for them", and the migration guide says OAuth 2.1 brings "Access tokens
 * now expire", refresh tokens, token revocation and a "New token endpoint URL".
 *
 * - Authorize `GET https://auth.monday.com/oauth2/authorize` with a PKCE code challenge; the
 *   code and the code verifier are exchanged at `https://auth.monday.com/oauth_ms/oauth/token`.
 * - Token and refresh requests: monday's own migration skill shows JSON bodies carrying
 *   `client_id`, `client_secret`, `code` (or `refresh_token`) and `grant_type`, hence
 *   `tokenRequestFormat: 'json'` and `client_secret_post`.
 * - "Each refresh returns a **new** refresh_token. Always replace both the access token AND
 *   the refresh token in storage": rotating refresh tokens (Latchkey keeps the newest).
 *   The documented answer has no `expires_in`; a refused token is refreshed on its 401.
 * - Revocation: `POST https://auth.monday.com/oauth_ms/oauth/revoke`, a JSON body with
 *   `token`, `client_id`, `client_secret` and an optional `token_type_hint`
 *   (`access_token` or `refresh_token`); it answers `{ "success": true }`.
 * - Scopes: the 18 of the "Permission scopes" table. How several are joined in the
 *   authorize request is not written in the pages read: the OAuth default (spaces) is kept.
 *
 * @see https://developer.monday.com/apps/docs/oauth-2-1
 * @see https://developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow
 * @see https://developer.monday.com/apps/docs/oauth
 * @see https://github.com/mondaycom/agentic-monday/blob/main/plugins-official/monday-api/skills/monday-oauth-migrate/SKILL.md
 */
export const monday = defineConnector({
  key: 'monday',
  name: 'monday.com',
  version: '1.0.0',
  description: "Boards, items, docs and workspaces of monday.com through its GraphQL API, with monday's OAuth 2.1.",
  docsUrl: 'https://developer.monday.com/apps/docs/oauth-2-1',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    /** @see https://developer.monday.com/apps/docs/oauth-2-1 ("Authorization | GET https://auth.monday.com/oauth2/authorize") */
    authorizeUrl: 'https://auth.monday.com/oauth2/authorize',
    /** @see https://developer.monday.com/apps/docs/oauth-2-1 (the code and the code verifier are exchanged here) */
    tokenUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
    /**
     * "Token revocation - explicitly revoke tokens when they are no longer needed" (migration guide);
     * the URL and JSON body are those of monday's migration skill. One request, for the refresh token.
     * @see https://github.com/mondaycom/agentic-monday/blob/main/plugins-official/monday-api/skills/monday-oauth-migrate/SKILL.md
     */
    revokeUrl: 'https://auth.monday.com/oauth_ms/oauth/revoke',
    revokeRequest: { format: 'json', tokenTypeHint: true },
    // https://developer.monday.com/apps/docs/oauth: "Permission scopes", as described there.
    scopes: {
      'account:read': 'Read general information about the account',
      'assets:read': 'Read data from assets the user has access to',
      'boards:read': "Read a user's board data",
      'boards:write': "Modify a user's board data",
      'docs:read': "Read a user's docs",
      'docs:write': "Modify a user's docs",
      'me:read': "Read a user's profile information",
      'notifications:write': 'Send notifications on behalf of the user',
      'tags:read': "Read the account's tags",
      'teams:read': "Read information about the account's teams",
      'updates:read': 'Read updates and replies the user can see',
      'updates:write': 'Post or edit updates on behalf of the user',
      'users:read': "Read profile information of the account's users",
      'users:write': "Modify profile information of the account's users",
      'webhooks:read': 'Read existing webhooks configuration',
      'webhooks:write': 'Create and modify webhooks',
      'workspaces:read': "Read a user's workspaces data",
      'workspaces:write': "Modify a user's workspaces data"
    },
    defaultScopes: ['me:read', 'boards:read'],
    customerSelectsScopes: true,
    // "Your app generates a PKCE code verifier and code challenge" (S256, Latchkey's default).
    pkce: true,
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json'
  },
  /**
   * "GraphQL APIs use a single endpoint for all operations (unlike REST APIs). Our API
   * endpoint is: https://api.monday.com/v2". Calls POST `{"query": …}` to `/v2`.
   * @see https://developer.monday.com/api-reference/docs/getting-started
   */
  http: { baseUrl: 'https://api.monday.com' },
  /** The GraphQL `me` query (scope `me:read`): the user the token belongs to. */
  verification: {
    method: 'POST',
    path: '/v2',
    body: '{"query": "query { me { id name email } }"}',
    identity: { user: 'data.me.email', id: 'data.me.id', name: 'data.me.name' }
  }
})
