import t from 'tap'
import { asana } from '@latchkey/connector-asana'
import { runRedirectScenario } from './scenario.js'

// https://developers.asana.com/docs/oauth
// Authorization code grant with PKCE (https://developers.asana.com/docs/openid-connect);
// client id and secret in the form body of the token request; access tokens last an hour
// (`expires_in: 3600`) and the token answer names the user in `data`; refresh answers carry
// no new refresh token, so the first one stays in use. Revocation at `/-/oauth_revoke`
// (client id, secret and token in a form body).
const USER = { gid: '4673218951', name: 'Greg Sanchez', email: 'gsanchez@example.com' }

t.test('Asana: PKCE, client in the body, a reusable refresh token, revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: asana,
    provider: {
      clientAuth: 'client_secret_post',
      refreshReturnsRefreshToken: false,
      revokeFormat: 'form',
      extraTokenFields: { data: { id: 4673218951, ...USER } }
    },
    authorize: { scope: 'default', pkce: true },
    // https://developers.asana.com/reference/getuser (`GET /users/me`, wrapped in `data`)
    verification: {
      path: '/api/users/me',
      answer: { data: { ...USER, resource_type: 'user', workspaces: [{ gid: '1579', name: 'ACME, Inc' }] } },
      account: { user: USER.email, id: USER.gid, name: USER.name }
    },
    call: { url: '/workspaces', providerPath: '/api/workspaces', auth: 'bearer' },
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
