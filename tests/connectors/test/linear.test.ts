import t from 'tap'
import { linear } from '@latchkey/connector-linear'
import { runRedirectScenario } from './scenario.js'

// https://linear.app/developers/oauth-2-0-authentication
// Comma-separated scopes (`read` always present); PKCE; the code exchanged at
// `POST https://api.linear.app/oauth/token` in a form body with the client id and secret;
// refresh tokens for every OAuth2 application since April 1, 2026, each refresh answering a
// new one. No revocation is declared (see the connector).
// https://linear.app/developers/graphql: one GraphQL endpoint, OAuth tokens as Bearer.
const VIEWER = { id: '2f9e8a4c-1b6d-4f0e-9c3a-7d5b8e1f2a60', name: 'Ada Lovelace', email: 'ada@example.com' }

t.test('Linear: comma scopes, PKCE, client in the body, rotating refresh tokens', async (t) => {
  await runRedirectScenario(t, {
    connector: linear,
    provider: { clientAuth: 'client_secret_post', scopeDelimiter: ',', rotateRefreshTokens: true },
    authorize: { scope: 'read', pkce: true },
    call: {
      method: 'POST',
      url: '/graphql',
      body: { query: '{ issues(first: 10) { nodes { id title } } }' },
      providerPath: '/api/graphql',
      auth: 'bearer'
    },
    refresh: 'rotating',
    // Linear has one endpoint, so the viewer's answer is served only now (before, the call above
    // had to reach `/graphql` itself): a verification on demand keeps the documented identity.
    whileConnected: async (t, { system, provider, connectionId }) => {
      provider.setApiAnswer('/api/graphql', { data: { viewer: VIEWER } })
      const verified = await system.api('POST', `/v1/connections/${connectionId}/verify`)
      t.equal(verified.status, 200, 'verified on demand')
      const connection = (await system.api('GET', `/v1/connections/${connectionId}`)).body
      t.same(connection.account, { user: VIEWER.email, id: VIEWER.id, name: VIEWER.name }, 'the viewer is kept')
      t.equal(connection.health, 'green')
    },
    revoke: 'none'
  })
})
