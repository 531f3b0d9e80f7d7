import t from 'tap'
import { basecamp } from '@latchkey/connector-basecamp'
import { runRedirectScenario } from './scenario.js'

// https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md
// Standard `response_type=code` / `grant_type` (the legacy `type=web_server` is "not
// recommended"), no scopes, no PKCE; client id and secret in the token request's body;
// two-week access tokens, refreshed with grant_type=refresh_token, whose answer has "the same
// format as the initial token exchange", a refresh token included (the emulator issues a new
// one each time; Latchkey must keep the newest). No revocation endpoint is documented.
// https://github.com/basecamp/bc3-api/blob/master/README.md: "All URLs start with
// https://3.basecampapi.com/999999999/", the account ID first.
t.test('Basecamp: Launchpad OAuth 2.0 without scopes, the account ID in every API path', async (t) => {
  await runRedirectScenario(t, {
    connector: basecamp,
    provider: { clientAuth: 'client_secret_post', accessTokenTtlSeconds: 1209600, rotateRefreshTokens: true },
    parameters: { accountId: '99999999' },
    // The app's base URL override keeps the connector's {{parameters.accountId}}.
    baseUrl: (_, root) => `${root}/api/{{parameters.accountId}}`,
    authorize: { scope: undefined, pkce: false },
    call: { url: '/projects.json', providerPath: '/api/99999999/projects.json', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none'
  })
})
