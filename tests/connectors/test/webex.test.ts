import t from 'tap'
import { webex } from '@latchkey/connector-webex'
import { runRedirectScenario } from './scenario.js'

// https://developer.webex.com/docs/integrations
// https://github.com/WebexSamples/webex-flask-oauth-example (Webex's sample of the token and refresh requests)
// https://developer.webex.com/docs/api/v1/people/get-my-own-details
// An integration: space-separated scopes, the client id and secret in the token request's
// form body (client_secret_post), PKCE offered ("Authorization Code Flow ... with PKCE").
// The refresh answer carries a refresh token; whether it is a new one is not stated in the
// pages read, so the emulator's default (the refresh token is sent back) stands in. No
// revocation endpoint is documented.
t.test('Webex: an integration, the client in the body, PKCE, no revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: webex,
    provider: { clientAuth: 'client_secret_post' },
    authorize: { scope: 'spark:people_read', pkce: true },
    // GET /v1/people/me, the answer's fields as the reference lists them.
    verification: {
      path: '/api/people/me',
      answer: {
        id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY',
        emails: ['ada@example.com'],
        displayName: 'Ada Lovelace',
        firstName: 'Ada',
        lastName: 'Lovelace',
        orgId: 'Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi85NmFiYzJhYS0zZGNjLTExZTUtYTE1Mi1mZTM0ODE5Y2RjOWE',
        type: 'person'
      },
      account: {
        id: 'Y2lzY29zcGFyazovL3VzL1BFT1BMRS9mNWIzNjE4Ny1jOGRkLTQ3MjctOGIyZi1mOWM0NDdmMjkwNDY',
        name: 'Ada Lovelace',
        email: 'ada@example.com'
      }
    },
    call: { url: '/rooms?max=10', providerPath: '/api/rooms', auth: 'bearer' },
    refresh: 'reusable',
    revoke: 'none'
  })
})
