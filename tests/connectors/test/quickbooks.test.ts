import t from 'tap'
import { quickbooks } from '@latchkey/connector-quickbooks'
import { runRedirectScenario } from './scenario.js'

const REALM = '9130350000000000'

// https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0
// The company (`realmId`) arrives on the callback and is part of every API URL; HTTP Basic
// client authentication; refresh answers carry a (possibly new) refresh token. Revocation
// takes `{"token": ...}` as JSON with Basic client authentication.
t.test('QuickBooks: realmId from the callback in the API URL, Basic auth, JSON revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: quickbooks,
    provider: {
      callbackParams: { realmId: REALM },
      clientAuth: 'client_secret_basic',
      rotateRefreshTokens: true,
      revokeFormat: 'json'
    },
    // The app's base URL override keeps the connector's placeholder.
    baseUrl: (_, root) => `${root}/api/v3/company/{{metadata.realmId}}`,
    authorize: { scope: 'com.intuit.quickbooks.accounting', pkce: false },
    metadata: () => ({ realmId: REALM }),
    // https://developer.intuit.com/app/developer/qbo/docs/api/accounting/all-entities/companyinfo
    verification: {
      path: `/api/v3/company/${REALM}/query`,
      answer: { QueryResponse: { CompanyInfo: [{ CompanyName: 'Sandbox Company_US_1', Id: '1' }] } },
      account: { company: 'Sandbox Company_US_1' }
    },
    call: { url: '/customer/1', providerPath: `/api/v3/company/${REALM}/customer/1`, auth: 'bearer' },
    refresh: 'rotating',
    revoke: [{ method: 'POST', contentType: 'application/json', authorization: 'basic', token: 'refresh' }]
  })
})
