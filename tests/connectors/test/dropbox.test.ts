import t from 'tap'
import { dropbox } from '@latchkey/connector-dropbox'
import { runRedirectScenario } from './scenario.js'

// https://developers.dropbox.com/oauth-guide and
// https://www.dropbox.com/developers/documentation/http/documentation#oauth2-token
// `token_access_type=offline` for a refresh token; short-lived (4 h) access tokens; refresh
// answers carry no new refresh token; `account_id` in the token answer. Revocation is
// `POST /2/auth/token/revoke` authenticated with the access token itself, no body.
t.test(
  'Dropbox: offline access, kept account id, refresh without a new refresh token, bearer revocation',
  async (t) => {
    await runRedirectScenario(t, {
      connector: dropbox,
      provider: {
        refreshReturnsRefreshToken: false,
        accessTokenTtlSeconds: 14_400,
        extraTokenFields: { account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc', uid: '12345' },
        revokeAuth: 'bearer'
      },
      authorize: {
        scope: 'account_info.read files.metadata.read',
        pkce: true,
        params: { token_access_type: 'offline' }
      },
      metadata: () => ({ account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc' }),
      // https://www.dropbox.com/developers/documentation/http/documentation#users-get_current_account
      verification: {
        path: '/api/users/get_current_account',
        answer: {
          account_id: 'dbid:AAH4f99T0taONIb-OurWxbNQ6ywGRopQngc',
          email: 'ada@example.com',
          name: { display_name: 'Ada Lovelace' }
        },
        account: { email: 'ada@example.com', name: 'Ada Lovelace' }
      },
      call: {
        method: 'POST',
        url: '/files/list_folder',
        body: { path: '' },
        providerPath: '/api/files/list_folder',
        auth: 'bearer'
      },
      refresh: 'reusable',
      revoke: [{ method: 'POST', authorization: 'bearer', token: 'access' }]
    })
  }
)
