import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Slack: Slack workspaces (OAuth v2). The bot token is at the top level of the answer; the team is kept. Slack answers errors with status 200 and `ok: false`, declared as auth failures.
 *
 * @see https://api.slack.com/authentication/oauth-v2
 */
export const slack = defineConnector({
  key: 'slack',
  name: 'Slack',
  version: '1.0.0',
  description: "Slack workspaces (OAuth v2).",
  docsUrl: 'https://api.slack.com/authentication/oauth-v2',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://slack.com/oauth/v2/authorize',
    tokenUrl: 'https://slack.com/api/oauth.v2.access',
    revokeUrl: 'https://slack.com/api/auth.revoke',
    revokeRequest: { authentication: 'bearer', token: 'access', format: 'none' },
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
    tokenResponse: { keepFields: ['team.id', 'team.name', 'authed_user.id'] }
  },
  http: { baseUrl: 'https://slack.com/api', authFailures: [{ path: 'error', equals: ['invalid_auth', 'not_authed', 'token_revoked', 'token_expired', 'account_inactive'] }] },
  verification: { path: '/auth.test', identity: { team: 'team', user: 'user' } }
})
