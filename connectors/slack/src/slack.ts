import { defineConnector, monogramIcon } from '@latchkey/connector-sdk'

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
  /** A monogram in the brand's colour (no third-party logo is copied). */
  icon: monogramIcon('Slack', { background: '#4a154b' }),
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
        'team:read': 'View the workspace name and domain',
        // https://docs.slack.dev/reference/scopes/channels.history
        'channels:history': 'View messages and other content in public channels that your Slack app has been added to'
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
  verification: { path: '/auth.test', identity: { team: 'team', user: 'user' } },
  // Cursor paging everywhere: `cursor` = the answer's `response_metadata.next_cursor` (empty on the last page), with
  // `limit` (under 1000, no more than 200 recommended). https://docs.slack.dev/apis/web-api/pagination
  // Errors still answer 200 with `ok: false`; the auth failures among them are declared in `http.authFailures`.
  actions: [
    {
      key: 'list_channels',
      name: 'List public channels',
      description: 'The public channels of the workspace (conversations.list with its default type, public_channel).',
      method: 'GET',
      // https://docs.slack.dev/reference/methods/conversations.list
      path: '/conversations.list',
      query: { exclude_archived: '{{input.exclude_archived}}', team_id: '{{input.team_id}}' },
      input: {
        type: 'object',
        properties: {
          exclude_archived: { type: 'boolean', description: 'Leave archived channels out' },
          team_id: { type: 'string', description: 'The workspace to list, for org-level tokens only' }
        },
        additionalProperties: false
      },
      output: 'channels',
      scopes: ['channels:read'],
      pagination: {
        style: 'cursor',
        param: 'cursor',
        cursorPath: 'response_metadata.next_cursor',
        limitParam: 'limit',
        limit: 200
      }
    },
    {
      key: 'post_message',
      name: 'Post a message',
      description: 'Sends a message to a channel, or as a reply in a thread (thread_ts).',
      method: 'POST',
      // JSON bodies are accepted. https://docs.slack.dev/reference/methods/chat.postMessage
      path: '/chat.postMessage',
      body: { channel: '{{input.channel}}', text: '{{input.text}}', thread_ts: '{{input.thread_ts}}' },
      input: {
        type: 'object',
        properties: {
          channel: { type: 'string', minLength: 1, description: 'A channel id (C0123…) or name' },
          text: { type: 'string', minLength: 1 },
          thread_ts: { type: 'string', description: "The parent message's ts, to reply in its thread" }
        },
        required: ['channel', 'text'],
        additionalProperties: false
      },
      scopes: ['chat:write']
    },
    {
      key: 'list_users',
      name: 'List people in the workspace',
      method: 'GET',
      // https://docs.slack.dev/reference/methods/users.list
      path: '/users.list',
      query: { team_id: '{{input.team_id}}' },
      input: {
        type: 'object',
        properties: { team_id: { type: 'string', description: 'The workspace to list, for org-level tokens only' } },
        additionalProperties: false
      },
      output: 'members',
      scopes: ['users:read'],
      pagination: {
        style: 'cursor',
        param: 'cursor',
        cursorPath: 'response_metadata.next_cursor',
        limitParam: 'limit',
        limit: 200
      }
    },
    {
      key: 'channel_history',
      name: "Read a public channel's messages",
      description:
        'Messages of a public channel the app or person is in, newest first; oldest and latest bound the range.',
      method: 'GET',
      // `has_more` says whether more follow; apps distributed outside the Marketplace are held to 15 messages a page
      // (and one call a minute). https://docs.slack.dev/reference/methods/conversations.history
      path: '/conversations.history',
      query: { channel: '{{input.channel}}', oldest: '{{input.oldest}}', latest: '{{input.latest}}' },
      input: {
        type: 'object',
        properties: {
          channel: { type: 'string', minLength: 1, description: 'The channel id' },
          oldest: { type: 'string', description: 'Only messages after this Unix timestamp (e.g. "1234567890.123456")' },
          latest: { type: 'string', description: 'Only messages before this Unix timestamp' }
        },
        required: ['channel'],
        additionalProperties: false
      },
      output: 'messages',
      scopes: ['channels:history'],
      pagination: {
        style: 'cursor',
        param: 'cursor',
        cursorPath: 'response_metadata.next_cursor',
        hasMorePath: 'has_more',
        limitParam: 'limit',
        limit: 200
      }
    }
  ]
})
