import { defineConnector } from '@latchkey/connector-sdk'

const AUTHORIZE_URL = 'https://slack.com/oauth/v2/authorize'
const TOKEN_URL = 'https://slack.com/api/oauth.v2.access'
const REVOKE_URL = 'https://slack.com/api/auth.revoke'
/** `auth.revoke` takes the token itself as the bearer credential. */
const REVOKE_REQUEST = { authentication: 'bearer', token: 'access', format: 'none' } as const
const KEEP = ['team.id', 'team.name', 'authed_user.id']

/**
 * Slack (OAuth v2), as a bot or as the person. `oauth.v2.access` answers the bot token at the
 * top level and the person's token under `authed_user`; user-token scopes are asked for as
 * `user_scope`. Slack answers errors with status 200 and `ok: false`, declared as auth failures.
 *
 * @see https://api.slack.com/authentication/oauth-v2
 * @see https://api.slack.com/authentication/token-types
 */
export const slack = defineConnector({
  key: 'slack',
  name: 'Slack',
  version: '1.1.0',
  description: 'Slack workspaces (OAuth v2), as a bot or as yourself.',
  docsUrl: 'https://api.slack.com/authentication/oauth-v2',
  auth: [
    {
      key: 'bot',
      label: 'As a bot (the app posts as itself)',
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: AUTHORIZE_URL,
      tokenUrl: TOKEN_URL,
      revokeUrl: REVOKE_URL,
      revokeRequest: REVOKE_REQUEST,
      clientAuthMethod: 'client_secret_post',
      pkce: false,
      scopeDelimiter: ',',
      scopes: {
        'channels:read': 'View basic information about public channels',
        'chat:write': 'Send messages as the app',
        'users:read': 'View people in the workspace',
        'team:read': 'View the workspace name and domain'
      },
      defaultScopes: ['channels:read', 'chat:write'],
      customerSelectsScopes: true,
      tokenResponse: { keepFields: KEEP }
    },
    {
      key: 'user',
      label: 'As yourself (a user token)',
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: AUTHORIZE_URL,
      tokenUrl: TOKEN_URL,
      revokeUrl: REVOKE_URL,
      revokeRequest: REVOKE_REQUEST,
      clientAuthMethod: 'client_secret_post',
      pkce: false,
      scopeDelimiter: ',',
      scopeParam: 'user_scope',
      scopes: {
        'search:read': 'Search messages and files',
        'channels:history': 'Read messages in public channels you are in',
        'chat:write': 'Send messages as you',
        'users:read': 'View people in the workspace'
      },
      defaultScopes: ['search:read'],
      customerSelectsScopes: true,
      tokenResponse: { accessTokenPath: 'authed_user.access_token', keepFields: KEEP }
    }
  ],
  http: { baseUrl: 'https://slack.com/api', authFailures: [{ path: 'error', equals: ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'] }] },
  verification: { path: '/auth.test', identity: { team: 'team', user: 'user' } }
})
