import t from 'tap'
import { box } from '@latchkey/connector-box'
import { runRedirectScenario } from './scenario.js'

// https://developer.box.com/guides/authentication/oauth2/
// Client id and secret in the form body; access tokens last 60 minutes; refresh tokens are
// single use. Revocation: https://developer.box.com/reference/post-oauth2-revoke/ (form
// body with client_id, client_secret and the token).
t.test('Box: client in the body, single-use refresh tokens, RFC 7009 revocation in a form', async (t) => {
  await runRedirectScenario(t, {
    connector: box,
    provider: { clientAuth: 'client_secret_post', rotateRefreshTokens: true, revokeFormat: 'form' },
    authorize: { scope: 'root_readwrite', pkce: false },
    call: { url: '/folders/0/items', providerPath: '/api/folders/0/items', auth: 'bearer' },
    refresh: 'rotating',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
