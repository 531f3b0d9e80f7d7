import t from 'tap'
import { google } from '@latchkey/connector-google'
import { runRedirectScenario } from './scenario.js'

// https://developers.google.com/identity/protocols/oauth2/web-server
// `access_type=offline` and `prompt=consent` for a refresh token every time; PKCE; refresh
// answers carry no new refresh token. Revocation: `POST https://oauth2.googleapis.com/revoke`
// with `token=` in a form body.
t.test('Google: offline access with consent, PKCE, refresh without a new refresh token, revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: google,
    provider: {
      clientAuth: 'client_secret_post',
      refreshReturnsRefreshToken: false,
      accessTokenTtlSeconds: 3599,
      revokeFormat: 'form'
    },
    authorize: { scope: 'openid email', pkce: true, params: { access_type: 'offline', prompt: 'consent' } },
    // https://developers.google.com/identity/openid-connect/openid-connect#obtaininguserprofileinformation
    verification: {
      path: '/api/oauth2/v3/userinfo',
      answer: { sub: '110169484474386276334', email: 'ada@example.com', email_verified: true, name: 'Ada Lovelace' },
      account: { email: 'ada@example.com', name: 'Ada Lovelace' }
    },
    call: { url: '/drive/v3/files?pageSize=10', providerPath: '/api/drive/v3/files', auth: 'bearer' },
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
