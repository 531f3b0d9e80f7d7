import t from 'tap'
import { bitbucket } from '@latchkey/connector-bitbucket'
import { runRedirectScenario } from './scenario.js'

// https://developer.atlassian.com/cloud/bitbucket/oauth-2
// The consumer's key and secret with HTTP Basic (`curl -u "client_id:secret"`); access
// tokens last two hours; no PKCE and no revocation endpoint documented.
// https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003
// "Consumers must support rotating refresh tokens; each use of a refresh token will generate a new refresh token."
t.test('Bitbucket Cloud: Basic client auth, rotating refresh tokens, no revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: bitbucket,
    provider: { clientAuth: 'client_secret_basic', rotateRefreshTokens: true, accessTokenTtlSeconds: 7200 },
    // The consumer's permissions decide the grant: no scope is asked for.
    authorize: { scope: undefined, pkce: false },
    // https://developer.atlassian.com/cloud/bitbucket/rest/api-group-users/ (GET /2.0/user)
    verification: {
      path: '/api/user',
      answer: {
        type: 'user',
        uuid: '{d301aafa-d676-4ee0-88be-962be7417567}',
        display_name: 'Ada Lovelace',
        created_on: '2019-01-09T12:00:00.000000+00:00',
        links: { avatar: { href: 'https://secure.gravatar.com/avatar/ada.png' } }
      },
      account: { uuid: '{d301aafa-d676-4ee0-88be-962be7417567}', name: 'Ada Lovelace' }
    },
    call: { url: '/repositories/acme?pagelen=10', providerPath: '/api/repositories/acme', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none'
  })
})
