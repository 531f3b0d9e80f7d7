import t from 'tap'
import { slack } from '@latchkey/connector-slack'
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

t.test('Slack as a bot: the top-level bot token, team kept, errors in 200s, bearer revocation', async (t) => {
  await runRedirectScenario(t, {
    ...common,
    authorize: { scope: 'channels:read,chat:write', pkce: false },
    call: {
      method: 'POST',
      url: '/chat.postMessage',
      body: { channel: 'C123', text: 'Hello' },
      providerPath: '/api/chat.postMessage',
      auth: 'bearer'
    },
    async whileConnected(t, { system, provider, connectionId }) {
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
    async whileConnected(t, { system, connectionId }) {
      t.match(
        (await system.api('GET', `/v1/connections/${connectionId}/token`)).body.accessToken,
        /^qat_/,
        "the person's token is the one used"
      )
      t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.scheme, 'user')
    }
  })
})
