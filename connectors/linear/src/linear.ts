import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Linear: issues, projects and teams through Linear's GraphQL API. Authorization code grant
 * with PKCE; scopes joined with commas (`read` is always granted); the token request is a
 * form-encoded body carrying the client id and secret. All OAuth2 applications use refresh
 * tokens (short-lived access tokens) since April 1, 2026.
 *
 * Not declared: a revoke URL. Linear's page on OAuth could not be read past the token
 * exchange here, so the shape of its revocation request is unverified and left out
 * (disconnect only deletes the tokens).
 *
 * @see https://linear.app/developers/oauth-2-0-authentication
 * @see https://linear.app/developers/graphql
 */
export const linear = defineConnector({
  key: 'linear',
  name: 'Linear',
  version: '1.0.0',
  description: 'Issues, projects and teams in Linear.',
  docsUrl: 'https://linear.app/developers/oauth-2-0-authentication',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://linear.app/oauth/authorize',
    // "POST https://api.linear.app/oauth/token", `Content-Type: application/x-www-form-urlencoded`.
    tokenUrl: 'https://api.linear.app/oauth/token',
    scopes: {
      read: "(Default) Read access for the user's account. This scope will always be present.",
      write:
        "Write access for the user's account. If your application only needs to create comments, use a more targeted scope",
      'issues:create': 'Allows creating new issues and their attachments',
      'comments:create': 'Allows creating new issue comments',
      'timeSchedule:write': 'Allows creating and modifying time schedules',
      admin:
        "Full access to admin level endpoints. You should never ask for this permission unless it's absolutely needed"
    },
    defaultScopes: ['read'],
    // "Comma separated list of scopes".
    scopeDelimiter: ',',
    customerSelectsScopes: true,
    // "Linear supports the PKCE flow" (`code_challenge`, `code_challenge_method`).
    pkce: true,
    clientAuthMethod: 'client_secret_post'
  },
  // "Linear's GraphQL endpoint is: https://api.linear.app/graphql"; OAuth tokens as `Authorization: Bearer`.
  http: { baseUrl: 'https://api.linear.app' },
  // The authenticated user is the GraphQL `viewer`.
  verification: {
    method: 'POST',
    path: '/graphql',
    body: '{"query": "{ viewer { id name email } }"}',
    identity: { user: 'data.viewer.email', id: 'data.viewer.id', name: 'data.viewer.name' }
  }
})
