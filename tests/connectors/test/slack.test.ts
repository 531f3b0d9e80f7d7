import t from 'tap'
import { slack } from '@latchkey/connector-slack'
import { checkActions, checkMissingScope } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://api.slack.com/authentication/oauth-v2
// Comma-separated scopes; `oauth.v2.access` answers a bot token at the top level and the
// user's token under `authed_user` (user scopes are asked for as `user_scope`), errors with
// status 200 (`ok: false`); tokens do not expire without token rotation. API auth failures
// are `200 {"ok": false, "error": "invalid_auth"}`. Revocation: `auth.revoke` authenticated
// with the token itself.
const provider = {
  nestedToken: true,
  scopeDelimiter: ',',
  errorsIn200: true,
  expiresIn: 'absent',
  issueRefreshTokens: false,
  apiAuthErrorStyle: 'slack',
  revokeAuth: 'bearer',
  clientAuth: 'client_secret_post'
} as const
const common: Omit<RedirectScenario, 'authorize' | 'call'> = {
  connector: slack,
  provider,
  metadata: () => ({ 'team.id': 'T123', 'team.name': 'Quirky Team', 'authed_user.id': 'U123' }),
  // https://api.slack.com/methods/auth.test
  verification: {
    path: '/api/auth.test',
    answer: { ok: true, url: 'https://acme.slack.com/', team: 'Acme', user: 'ada', team_id: 'T123', user_id: 'U123' },
    account: { team: 'Acme', user: 'ada' }
  },
  refresh: 'none',
  revoke: [{ method: 'POST', authorization: 'bearer', token: 'access' }]
}

// https://docs.slack.dev/apis/web-api/pagination: `cursor` is the answer's `response_metadata.next_cursor`,
// sent with `limit`. The emulator's cursors are opaque to Latchkey, which sends back what the answer said.
const cursorAt = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const CHANNELS = Array.from({ length: 450 }, (_, i) => ({ id: `C${1000 + i}`, name: `channel-${i}`, is_channel: true }))
const MEMBERS = Array.from({ length: 250 }, (_, i) => ({ id: `U${1000 + i}`, name: `person-${i}` }))
const MESSAGES = Array.from({ length: 230 }, (_, i) => ({
  type: 'message',
  ts: `1712345678.${String(i).padStart(6, '0')}`
}))

t.test('Slack as a bot: the top-level bot token, team kept, errors in 200s, bearer revocation', async (t) => {
  await runRedirectScenario(t, {
    ...common,
    // Created for its actions: the scopes asked for are theirs, comma-separated.
    actions: ['list_channels', 'post_message', 'list_users', 'channel_history'],
    authorize: { scope: 'channels:read,chat:write,users:read,channels:history', pkce: false },
    call: {
      method: 'POST',
      url: '/chat.postMessage',
      body: { channel: 'C123', text: 'Hello' },
      providerPath: '/api/chat.postMessage',
      auth: 'bearer'
    },
    async whileConnected(t, context) {
      const { system, provider, connectionId } = context
      await checkActions(t, context, [
        {
          action: 'list_channels',
          input: { exclude_archived: true },
          // https://docs.slack.dev/reference/methods/conversations.list
          serves: {
            path: '/api/conversations.list',
            collection: {
              items: CHANNELS,
              style: 'cursor',
              param: 'cursor',
              cursorPath: 'response_metadata.next_cursor',
              itemsPath: 'channels',
              limitParam: 'limit'
            }
          },
          pages: 10,
          requests: [
            { path: '/api/conversations.list', query: { exclude_archived: 'true', limit: '200' } },
            {
              path: '/api/conversations.list',
              query: { exclude_archived: 'true', limit: '200', cursor: cursorAt(200) }
            },
            {
              path: '/api/conversations.list',
              query: { exclude_archived: 'true', limit: '200', cursor: cursorAt(400) }
            }
          ],
          answer: { output: CHANNELS, pages: 3, more: false }
        },
        {
          action: 'list_users',
          // https://docs.slack.dev/reference/methods/users.list (one page asked for: more are left)
          serves: {
            path: '/api/users.list',
            collection: {
              items: MEMBERS,
              style: 'cursor',
              param: 'cursor',
              cursorPath: 'response_metadata.next_cursor',
              itemsPath: 'members',
              limitParam: 'limit'
            }
          },
          requests: [{ path: '/api/users.list', query: { limit: '200' } }],
          answer: { output: MEMBERS.slice(0, 200), pages: 1, more: true }
        },
        {
          action: 'channel_history',
          input: { channel: 'C1000', oldest: '1712000000.000000' },
          // https://docs.slack.dev/reference/methods/conversations.history (`has_more` with the cursor)
          serves: {
            path: '/api/conversations.history',
            collection: {
              items: MESSAGES,
              style: 'cursor',
              param: 'cursor',
              cursorPath: 'response_metadata.next_cursor',
              hasMorePath: 'has_more',
              itemsPath: 'messages',
              limitParam: 'limit'
            }
          },
          pages: 5,
          requests: [
            {
              path: '/api/conversations.history',
              query: { channel: 'C1000', oldest: '1712000000.000000', limit: '200' }
            },
            {
              path: '/api/conversations.history',
              query: { channel: 'C1000', oldest: '1712000000.000000', limit: '200', cursor: cursorAt(200) }
            }
          ],
          answer: { output: MESSAGES, pages: 2, more: false }
        },
        {
          action: 'post_message',
          input: { channel: 'C1000', text: 'Deploy finished', thread_ts: '1712345678.000100' },
          // https://docs.slack.dev/reference/methods/chat.postMessage (a JSON body)
          answer: {
            echo: { method: 'POST', path: '/api/chat.postMessage' },
            sentBody: { channel: 'C1000', text: 'Deploy finished', thread_ts: '1712345678.000100' }
          }
        }
      ])
      t.match(
        (await system.api('GET', `/v1/connections/${connectionId}/token`)).body.accessToken,
        /^qbot_/,
        'the bot token is the one used'
      )
      provider.setModes({ apiRefusesAll: true })
      const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'POST',
        url: '/conversations.list'
      })
      t.match(answer.body, { status: 200, body: { ok: false, error: 'invalid_auth' } }, 'Slack says no with a 200')
      t.match(
        (await system.api('GET', `/v1/connections/${connectionId}`)).body,
        { status: 'error', health: 'red' },
        'and the connection turns red'
      )
      provider.setModes({ apiRefusesAll: false })
    }
  })
})

t.test('Slack as the person: user_scope on the authorize URL, the token under authed_user', async (t) => {
  await runRedirectScenario(t, {
    ...common,
    scheme: 'user',
    authorize: { scope: undefined, pkce: false, params: { user_scope: 'search:read' } },
    call: { url: '/search.messages?query=launch', providerPath: '/api/search.messages', auth: 'bearer' },
    async whileConnected(t, context) {
      const { system, connectionId } = context
      t.match(
        (await system.api('GET', `/v1/connections/${connectionId}/token`)).body.accessToken,
        /^qat_/,
        "the person's token is the one used"
      )
      t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.scheme, 'user')
      // Granted search:read only: reading a channel's messages needs channels:history, refused before any request.
      await checkMissingScope(t, context, 'channel_history', { channel: 'C1000' }, ['channels:history'])
    }
  })
})
