import t from 'tap'
import { helpScout } from '@latchkey/connector-help-scout'
import { runRedirectScenario } from './scenario.js'

// https://developer.helpscout.com/mailbox-api/overview/authentication/
// The Authorization Code flow: no scopes and no PKCE documented; the code exchanged at
// https://api.helpscout.net/v2/oauth2/token with the client id and secret in the body (JSON,
// form or query accepted); token answers carry a refresh token, and Help Scout's PHP SDK keeps
// the one of each refresh answer (the emulator issues a new one each time). No revocation
// endpoint is documented. GET /v2/users/me is the page's example call.
t.test('Help Scout: client in the body, no scopes, refresh, the user from /users/me', async (t) => {
  await runRedirectScenario(t, {
    connector: helpScout,
    provider: { clientAuth: 'client_secret_post', rotateRefreshTokens: true },
    authorize: { scope: undefined, pkce: false },
    verification: {
      path: '/api/users/me',
      answer: { id: 1234, firstName: 'Vernon', lastName: 'Bear', email: 'vbear@scout.com', role: 'owner' },
      account: { user: 'vbear@scout.com', id: 1234 }
    },
    call: { url: '/mailboxes', providerPath: '/api/mailboxes', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none'
  })
})
