import t from 'tap'
import { airtable } from '@latchkey/connector-airtable'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://airtable.com/developers/web/api/oauth-reference
// PKCE is required; confidential clients authenticate with HTTP Basic; access tokens last
// 60 minutes and each refresh token is single use (a new one comes with every refresh).
// No revocation endpoint is documented.
t.test('Airtable: PKCE required, Basic client auth, single-use refresh tokens', async (t) => {
  await runRedirectScenario(t, {
    connector: airtable,
    provider: { requirePkce: true, clientAuth: 'client_secret_basic', rotateRefreshTokens: true },
    authorize: { scope: 'data.records:read schema.bases:read user.email:read', pkce: true },
    // https://airtable.com/developers/web/api/get-user-id-scopes
    verification: {
      path: '/api/meta/whoami',
      answer: { id: 'usrL2PNC5o3H4lBEi', email: 'ada@example.com', scopes: ['data.records:read'] },
      account: { user: 'ada@example.com', id: 'usrL2PNC5o3H4lBEi' }
    },
    call: { url: '/appXYZ/Tasks?maxRecords=3', providerPath: '/api/appXYZ/Tasks', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none'
  })
})

// https://airtable.com/developers/web/guides/personal-access-tokens
// The other scheme: a personal access token, sent as a bearer credential.
t.test('Airtable: or a personal access token, picked as the second scheme', async (t) => {
  await runCredentialScenario(t, {
    connector: airtable,
    scheme: 'personal_access_token',
    credentials: { apiKey: 'patAbCdEfGhIjKlMnO.CANARY0123456789abcdef' },
    verification: {
      path: '/api/meta/whoami',
      answer: { id: 'usrL2PNC5o3H4lBEi', email: 'ada@example.com' },
      account: { user: 'ada@example.com', id: 'usrL2PNC5o3H4lBEi' }
    },
    call: { url: '/appXYZ/Tasks', providerPath: '/api/appXYZ/Tasks', auth: 'api_key' },
    async whileConnected(t, { system, connectionId }) {
      t.equal(
        (await system.api('GET', `/v1/connections/${connectionId}`)).body.scheme,
        'personal_access_token',
        'the connection records the scheme'
      )
    }
  })
})
