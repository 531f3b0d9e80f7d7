import t from 'tap'
import { monday } from '@latchkey/connector-monday'
import { runRedirectScenario } from './scenario.js'

// https://developer.monday.com/apps/docs/oauth-2-1
// https://developer.monday.com/apps/docs/migrating-to-the-new-oauth-flow
// https://github.com/mondaycom/agentic-monday/blob/main/plugins-official/monday-api/skills/monday-oauth-migrate/SKILL.md
// OAuth 2.1: PKCE on the authorize request; JSON token and refresh requests with the client
// id and secret in the body; answers without `expires_in`; "Each refresh returns a new
// refresh_token"; revocation with a JSON body carrying the token and the client.
// https://developer.monday.com/api-reference/docs/getting-started: one GraphQL endpoint, /v2.
const ME = { id: '4012345', name: 'Ada Lovelace', email: 'ada@example.com' }

t.test('monday.com: PKCE, JSON token requests, rotating refresh tokens, JSON revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: monday,
    provider: {
      clientAuth: 'client_secret_post',
      requireJsonBody: true,
      expiresIn: 'absent',
      rotateRefreshTokens: true,
      revokeFormat: 'json'
    },
    authorize: { scope: 'me:read boards:read', pkce: true },
    call: {
      method: 'POST',
      url: '/v2',
      body: { query: 'query { boards(limit: 10) { id name } }' },
      providerPath: '/api/v2',
      auth: 'bearer'
    },
    refresh: 'rotating',
    // One endpoint: the `me` answer is served only now (the call above had to reach /v2 itself),
    // and a verification on demand keeps the documented identity.
    whileConnected: async (t, { system, provider, connectionId }) => {
      provider.setApiAnswer('/api/v2', { data: { me: ME } })
      const verified = await system.api('POST', `/v1/connections/${connectionId}/verify`)
      t.equal(verified.status, 200, 'verified on demand')
      const connection = (await system.api('GET', `/v1/connections/${connectionId}`)).body
      t.same(connection.account, { user: ME.email, id: ME.id, name: ME.name }, 'the me query names the user')
    },
    // One request: the refresh token, in a JSON body with the client id and secret.
    revoke: [{ method: 'POST', contentType: 'application/json', authorization: 'none', token: 'refresh' }]
  })
})
