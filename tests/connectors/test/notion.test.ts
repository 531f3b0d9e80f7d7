import t from 'tap'
import { notion } from '@latchkey/connector-notion'
import { runRedirectScenario } from './scenario.js'

// https://developers.notion.com/docs/authorization
// `owner=user` on the authorize URL, no scopes; the token request is JSON with HTTP Basic
// client authentication; the answer names the workspace and the bot; tokens do not expire.
t.test('Notion: owner=user, JSON token request with Basic auth, workspace kept, long-lived token', async (t) => {
  await runRedirectScenario(t, {
    connector: notion,
    provider: {
      requireJsonBody: true,
      clientAuth: 'client_secret_basic',
      expiresIn: 'absent',
      issueRefreshTokens: false,
      extraTokenFields: { workspace_id: 'ws-1', workspace_name: "Ada's Notion", bot_id: 'bot-1', workspace_icon: null }
    },
    authorize: { scope: undefined, pkce: false, params: { owner: 'user' } },
    metadata: () => ({ workspace_id: 'ws-1', workspace_name: "Ada's Notion", bot_id: 'bot-1' }),
    // https://developers.notion.com/reference/get-self
    verification: {
      path: '/api/users/me',
      answer: { object: 'user', id: 'bot-1', type: 'bot', name: 'Acme Sync' },
      account: { bot: 'Acme Sync' }
    },
    call: { method: 'POST', url: '/search', body: { query: 'Roadmap' }, providerPath: '/api/search', auth: 'bearer' },
    refresh: 'none',
    revoke: 'none'
  })
})
