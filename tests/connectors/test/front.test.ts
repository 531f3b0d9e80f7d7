import t from 'tap'
import { front } from '@latchkey/connector-front'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://dev.frontapp.com/docs/oauth
// The authorize request carries response_type, client_id, redirect_uri and state (scopes are
// set up on the app: none sent; no PKCE); the token request "MUST be authenticated with Basic
// authentication"; the answer gives the expiry as `expires_at` (no `expires_in`), the access
// token lasting an hour; a refresh answers "the same, or new" refresh token; no revocation.
// https://dev.frontapp.com/reference/api-token-details
const COMPANY = {
  _links: { self: 'https://acme.api.frontapp.com/me' },
  id: 'cmp_k30',
  name: 'Dunder Mifflin Paper Company, Inc.'
}
const verification = {
  path: '/api/me',
  answer: COMPANY,
  account: { company: COMPANY.name, companyId: COMPANY.id }
}

t.test('Front: Basic client authentication, the expiry read from expires_at, refresh', async (t) => {
  await runRedirectScenario(t, {
    connector: front,
    provider: { clientAuth: 'client_secret_basic', expiresIn: 'absolute', accessTokenTtlSeconds: 3600 },
    authorize: { scope: undefined, pkce: false },
    verification,
    call: { url: '/conversations?limit=10', providerPath: '/api/conversations', auth: 'bearer' },
    refresh: 'reusable',
    revoke: 'none',
    whileConnected: async (t, { system, connectionId }) => {
      const token = (await system.api('GET', `/v1/connections/${connectionId}/token`)).body
      const inSeconds = (Date.parse(token.expiresAt) - Date.now()) / 1000
      t.ok(inSeconds > 3500 && inSeconds <= 3600, `the access token expires in an hour (${Math.round(inSeconds)} s)`)
    }
  })
})

// https://dev.frontapp.com/docs/create-and-revoke-api-tokens
t.test('Front: an API token as Bearer', async (t) => {
  await runCredentialScenario(t, {
    connector: front,
    scheme: 'api_token',
    credentials: { apiKey: 'eyJhbGciOi-front-CANARY' },
    provider: { apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer eyJhbGciOi-front-CANARY' }] },
    accepts: () => undefined,
    verification,
    call: { url: '/conversations', providerPath: '/api/conversations', auth: 'declared' }
  })
})
