import t from 'tap'
import { gusto } from '@latchkey/connector-gusto'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://docs.gusto.com/app-integrations/docs/oauth2
// https://docs.gusto.com/embedded-payroll/docs/company-access-tokens
// No scope on the authorize request; JSON token requests with client_id and client_secret in
// the body; tokens last 2 hours; "The previous refresh_token will be revoked on the first usage
// of the new access_token" (rotating). No revocation endpoint documented.
const COMPANY = '5eca5127-6048-43ad-91ee-b56a0c34bc85'
const OWNER = '367871c2-3f70-4874-adc9-f1736647e8e1'

t.test('Gusto: JSON token requests, rotating refresh tokens, the company from token_info', async (t) => {
  await runRedirectScenario(t, {
    connector: gusto,
    provider: {
      requireJsonBody: true,
      clientAuth: 'client_secret_post',
      rotateRefreshTokens: true,
      accessTokenTtlSeconds: 7200,
      tokenType: 'bearer'
    },
    authorize: { scope: undefined, pkce: false },
    // https://docs.gusto.com/embedded-payroll/reference/get-v1-token-info
    verification: {
      path: '/api/v1/token_info',
      answer: {
        scope: 'companies:read employees:read',
        resource: { type: 'Company', uuid: COMPANY },
        resource_owner: { type: 'CompanyAdmin', uuid: OWNER }
      },
      account: { companyUuid: COMPANY, resourceType: 'Company', ownerType: 'CompanyAdmin', ownerUuid: OWNER }
    },
    call: {
      url: `/v1/companies/${COMPANY}/employees`,
      providerPath: `/api/v1/companies/${COMPANY}/employees`,
      auth: 'bearer'
    },
    refresh: 'rotating',
    revoke: 'none',
    whileConnected: (t, context) =>
      checkActions(t, context, [
        // The company the token is restricted to, from the account the verification kept.
        { action: 'get_company', answer: { echo: { method: 'GET', path: `/api/v1/companies/${COMPANY}`, query: {} } } }
      ])
  })
})
