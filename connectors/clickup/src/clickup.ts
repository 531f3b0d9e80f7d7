import { defineConnector } from '@latchkey/connector-sdk'

/**
 * ClickUp: tasks, lists and Workspaces. Authorization code grant at `https://app.clickup.com/api`
 * (which takes `client_id`, `redirect_uri` and `state`: no scopes, no PKCE); the user picks the
 * Workspaces to authorize there. The code is exchanged at `https://api.clickup.com/api/v2/oauth/token`
 * with the client id and secret; the answer is an `access_token` without expiry and without a
 * refresh token. Every API call carries the token in the `Authorization` header as is, without
 * a `Bearer ` prefix. ClickUp documents no revocation endpoint.
 *
 * ClickUp's reference lists `client_id`, `client_secret` and `code` as query parameters of the
 * token request, so they are sent there (`tokenRequestFormat: "query"` with `client_secret_post`),
 * with no body.
 *
 * @see https://developer.clickup.com/docs/authentication
 * @see https://developer.clickup.com/reference/getaccesstoken
 * @see https://developer.clickup.com/reference/getauthorizeduser
 */
export const clickup = defineConnector({
  key: 'clickup',
  name: 'ClickUp',
  version: '1.0.0',
  description: 'Tasks, lists and Workspaces in ClickUp.',
  docsUrl: 'https://developer.clickup.com/docs/authentication',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    // "Authorization URL: https://app.clickup.com/api", "Access Token URL: https://api.clickup.com/api/v2/oauth/token".
    authorizeUrl: 'https://app.clickup.com/api',
    tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
    // ClickUp's OAuth has no scopes: the user authorizes one or more Workspaces instead.
    scopes: {},
    pkce: false,
    // "Query Params: client_id, client_secret, code" on POST /oauth/token.
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'query'
  },
  http: {
    baseUrl: 'https://api.clickup.com/api/v2',
    // "Include the token in the Authorization header of your requests" (`Authorization: {token}`, no prefix).
    tokenPlacement: { in: 'header', name: 'Authorization', prefix: '' }
  },
  // GET /user: `{ "user": { "id", "username", "email", "color", "profilePicture" } }`.
  verification: { path: '/user', identity: { user: 'user.email', id: 'user.id', name: 'user.username' } }
})
