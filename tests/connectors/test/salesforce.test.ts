import t from 'tap'
import { salesforce } from '@latchkey/connector-salesforce'
import { runRedirectScenario } from './scenario.js'

// https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
// Production (`login`) or sandbox (`test`) login host; the token answer's `instance_url` is
// the API host; no `expires_in`; refresh answers carry no refresh token. Revocation:
// `POST /services/oauth2/revoke` with `token=` (no token type hint).
t.test('Salesforce: a sandbox org, instance_url kept, revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: salesforce,
    parameters: { environment: 'test' },
    site: { template: '{{parameters.environment}}', expected: 'test' },
    provider: {
      instanceUrl: true,
      expiresIn: 'absent',
      refreshReturnsRefreshToken: false,
      clientAuth: 'client_secret_post',
      extraTokenFields: {
        id: 'https://test.salesforce.com/id/00Dxx0000001gPL/005xx000001Sv6A',
        issued_at: '1700000000000',
        signature: 'sig'
      }
    },
    // The token answer's instance_url names the emulator on 127.0.0.1, which is not one of the
    // Salesforce hosts the connector trusts (http.originHosts): the tenant app's base URL
    // override, written out, points the API at the emulator's instance instead.
    baseUrl: (provider) => `${provider.url}/instance/services/data/v61.0`,
    authorize: { scope: 'api refresh_token', pkce: true },
    metadata: (provider) => ({
      instance_url: `${provider.url}/instance`,
      id: 'https://test.salesforce.com/id/00Dxx0000001gPL/005xx000001Sv6A'
    }),
    // https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_limits.htm
    verification: {
      path: '/instance/services/data/v61.0/limits',
      answer: { DailyApiRequests: { Max: 15000, Remaining: 14998 } },
      account: {}
    },
    call: {
      url: '/sobjects/Account/describe',
      providerPath: '/instance/services/data/v61.0/sobjects/Account/describe',
      auth: 'bearer'
    },
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
