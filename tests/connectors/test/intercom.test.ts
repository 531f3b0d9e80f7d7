import t from 'tap'
import { intercom } from '@latchkey/connector-intercom'
import { checkRateLimitWaitedOut, runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth
// https://intercom-developer-hub.readme.io/reference/using-oauth
// The authorize request carries client_id, state and redirect_uri (permissions are set on the
// app: no scope; no PKCE); the code is exchanged at /auth/eagle/token with the client id and
// secret as parameters; the token does not expire and comes without a refresh token; no
// revocation endpoint. A 429 says when it resets in X-RateLimit-Reset (UNIX timestamp):
// https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting
// https://developers.intercom.com/docs/references/2.15/rest-api/api.intercom.io/admins/identifyadmin
const ADMIN = {
  type: 'admin',
  id: '1295',
  name: 'Joe Example',
  email: 'jdoe@example.com',
  email_verified: true,
  app: { type: 'app', id_code: 'abc123', name: 'ProjectMap', region: 'EU' }
}
const verification = {
  path: '/api/me',
  answer: ADMIN,
  account: { email: ADMIN.email, name: ADMIN.name, workspace: 'ProjectMap', workspaceId: 'abc123' }
}

t.test('Intercom: OAuth without scope or PKCE, a token that does not expire, rate limits waited out', async (t) => {
  await runRedirectScenario(t, {
    connector: intercom,
    parameters: { region: 'eu' },
    provider: { clientAuth: 'client_secret_post', expiresIn: 'absent', issueRefreshTokens: false },
    authorize: { scope: undefined, pkce: false },
    verification,
    call: { url: '/contacts', providerPath: '/api/contacts', auth: 'bearer' },
    refresh: 'none',
    revoke: 'none',
    whileConnected: async (t, context) => {
      const started = Date.now()
      await checkRateLimitWaitedOut(t, context, 429, '/conversations')
      // The emulator's reset is at least a second ahead; without the declaration the retry
      // would come after the 200 ms backoff.
      t.ok(Date.now() - started >= 900, 'the retry waited until X-RateLimit-Reset')
    }
  })
})

t.test('Intercom: a private app’s access token as Bearer, on the EU host', async (t) => {
  await runCredentialScenario(t, {
    connector: intercom,
    scheme: 'access_token',
    parameters: { region: 'eu' },
    site: { template: '{{parameters.region.apiHost}}', expected: 'api.eu.intercom.io' },
    credentials: { apiKey: 'dG9rOmNdrWt0-CANARY' },
    provider: { apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer dG9rOmNdrWt0-CANARY' }] },
    accepts: () => undefined,
    verification: { ...verification, path: '/api/me' },
    call: { url: '/contacts', providerPath: '/api/contacts', auth: 'declared' }
  })
})
