import t from 'tap'
import { smartsheet } from '@latchkey/connector-smartsheet'
import { runRedirectScenario } from './scenario.js'

// https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth
// https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh
// Space-delimited access scopes, no PKCE; the code exchanged at POST /token with the plain
// client_secret (form-encoded); 7-day access tokens whose refresh answers a new refresh token
// ("you must use them in place of the old ones, which are no longer valid"); revocation with
// DELETE /token, "the access token used to make this request".
t.test('Smartsheet: client secret in the form, rotating refresh tokens, DELETE /token with the bearer', async (t) => {
  await runRedirectScenario(t, {
    connector: smartsheet,
    provider: {
      clientAuth: 'client_secret_post',
      rotateRefreshTokens: true,
      accessTokenTtlSeconds: 604799,
      revokeAuth: 'bearer'
    },
    authorize: { scope: 'READ_SHEETS', pkce: false },
    verification: {
      path: '/api/users/me',
      answer: { id: 48569348493401, email: 'jane.doe@smartsheet.com', firstName: 'Jane', lastName: 'Doe' },
      account: { user: 'jane.doe@smartsheet.com', id: 48569348493401 }
    },
    call: { url: '/sheets?pageSize=10', providerPath: '/api/sheets', auth: 'bearer' },
    refresh: 'rotating',
    // One request: the access token as the bearer credential, no body.
    revoke: [{ method: 'DELETE', authorization: 'bearer', token: 'access' }]
  })
})
