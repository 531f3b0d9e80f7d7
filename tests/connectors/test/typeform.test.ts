import t from 'tap'
import { typeform } from '@latchkey/connector-typeform'
import { runRedirectScenario } from './scenario.js'

// https://www.typeform.com/developers/get-started/applications/
// https://www.typeform.com/developers/get-started/scopes/
// Space-separated scopes plus `offline` for a refresh token; client id and secret in the
// token request's body; no PKCE and no revocation endpoint documented. Whether refresh
// tokens rotate is not stated in the pages checked: the emulator's default (refresh answers
// carry the refresh token) stands in.
t.test('Typeform: the offline scope, client in the body, no revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: typeform,
    provider: { clientAuth: 'client_secret_post' },
    authorize: { scope: 'accounts:read forms:read offline', pkce: false },
    // GET /me with `accounts:read`.
    verification: {
      path: '/api/me',
      answer: { alias: 'ada', email: 'ada@example.com', language: 'en' },
      account: { email: 'ada@example.com' }
    },
    call: { url: '/forms?page_size=10', providerPath: '/api/forms', auth: 'bearer' },
    refresh: 'reusable',
    revoke: 'none'
  })
})
