import { defineConnector } from '@latchkey/connector-sdk'

/** What the bot and user schemes share: one app, one token endpoint, one revocation. */
const SLACK_OAUTH = {
  kind: 'oauth2',
  grant: 'authorization_code',
  authorizeUrl: 'https://slack.com/oauth/v2/authorize',
  tokenUrl: 'https://slack.com/api/oauth.v2.access',
  revokeUrl: 'https://slack.com/api/auth.revoke',
  // `auth.revoke` takes the token itself as the bearer credential.
  revokeRequest: { authentication: 'bearer', token: 'access', format: 'none' },
  clientAuthMethod: 'client_secret_post',
  pkce: false,
  scopeDelimiter: ',',
  customerSelectsScopes: true
} as const
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
      ...SLACK_OAUTH,
      key: 'bot',
      label: 'As a bot (the app posts as itself)',
      scopes: {
        'channels:read': 'View basic information about public channels',
        'chat:write': 'Send messages as the app',
        'users:read': 'View people in the workspace',
        'team:read': 'View the workspace name and domain'
      },
      defaultScopes: ['channels:read', 'chat:write'],
      tokenResponse: { keepFields: KEEP }
    },
    {
      ...SLACK_OAUTH,
      key: 'user',
      label: 'As yourself (a user token)',
      scopeParam: 'user_scope',
      scopes: {
        'search:read': 'Search messages and files',
        'channels:history': 'Read messages in public channels you are in',
        'chat:write': 'Send messages as you',
        'users:read': 'View people in the workspace'
      },
      defaultScopes: ['search:read'],
      tokenResponse: { accessTokenPath: 'authed_user.access_token', keepFields: KEEP }
    }
  ],
  http: {
    baseUrl: 'https://slack.com/api',
    authFailures: [
      { path: 'error', equals: ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'] }
    ]
  },
  verification: { path: '/auth.test', identity: { team: 'team', user: 'user' } }
})
