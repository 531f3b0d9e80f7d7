import t from 'tap'
import { pipedrive } from '@latchkey/connector-pipedrive'
import { runRedirectScenario } from './scenario.js'

// https://pipedrive.readme.io/docs/marketplace-oauth-authorization
// https://developers.pipedrive.com/docs/api/v1/Oauth
// The authorize request carries no scope (scopes are set on the registered app) and no PKCE;
// token and refresh requests authenticate the app with HTTP Basic; granted scopes come back
// comma-separated; the token answer names the company's API host in `api_domain`
// (https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses);
// the refresh token stays the same. Revocation at `/oauth/revoke`: a form with `token` and
// `token_type_hint`, the app in HTTP Basic (Pipedrive's official client, src/versions/v1/configuration.ts).
const USER = {
  id: 123456,
  name: 'Ada Lovelace',
  email: 'ada@acme.example',
  company_id: 7654321,
  company_domain: 'acme'
}

t.test('Pipedrive: Basic client auth, no scope parameter, api_domain kept, revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: pipedrive,
    provider: {
      clientAuth: 'client_secret_basic',
      scopeDelimiter: ',',
      revokeFormat: 'form',
      extraTokenFields: { api_domain: 'https://acme.pipedrive.com' }
    },
    // The token answer's api_domain names a real Pipedrive host, which the test cannot reach:
    // the tenant app's base URL override, written out, points the API at the emulator instead.
    baseUrl: (provider) => `${provider.url}/api/v1`,
    authorize: { scope: undefined, pkce: false },
    metadata: () => ({ api_domain: 'https://acme.pipedrive.com' }),
    // https://developers.pipedrive.com/docs/api/v1/Users#getCurrentUser
    verification: {
      path: '/api/v1/users/me',
      answer: { success: true, data: { ...USER, company_name: 'Acme', active_flag: true } },
      account: { user: USER.email, id: USER.id, company: USER.company_domain }
    },
    call: { url: '/deals?limit=10', providerPath: '/api/v1/deals', auth: 'bearer' },
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
