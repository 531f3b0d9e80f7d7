import t from 'tap'
import { clickup } from '@latchkey/connector-clickup'
import { runRedirectScenario } from './scenario.js'

// https://developer.clickup.com/docs/authentication
// The authorize request carries only `client_id`, `redirect_uri` and `state` (no scopes, no
// PKCE); the code exchange, its parameters (`client_id`, `client_secret`, `code`) in the query
// string, answers an `access_token` that never expires, with no refresh token
// (https://developer.clickup.com/reference/getaccesstoken); the token goes in the
// `Authorization` header as is, without a `Bearer ` prefix; no revocation endpoint.
const USER = { id: 123, username: 'John Doe', email: 'johndoe@example.com' }

t.test('ClickUp: no scopes, a token that never expires, Authorization without Bearer', async (t) => {
  await runRedirectScenario(t, {
    connector: clickup,
    // The emulator reads the token from the raw `Authorization` value: "Bearer <token>" would be refused.
    provider: {
      clientAuth: 'client_secret_post',
      // A form body is refused: the parameters must be in the query string.
      queryTokenRequests: true,
      expiresIn: 'absent',
      issueRefreshTokens: false,
      apiTokenHeader: 'Authorization'
    },
    authorize: { scope: undefined, pkce: false },
    // https://developer.clickup.com/reference/getauthorizeduser (`GET /v2/user`)
    verification: {
      path: '/api/user',
      answer: { user: { ...USER, color: '#827718', profilePicture: null } },
      account: { user: USER.email, id: USER.id, name: USER.username }
    },
    call: { url: '/team', providerPath: '/api/team', auth: 'header' },
    refresh: 'none',
    revoke: 'none'
  })
})
