import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Gusto: a company's payroll data (App Integrations / Embedded Payroll APIs) through OAuth 2.0,
 * on Gusto's production host `api.gusto.com` (the demo host `api.gusto-demo.com` is for
 * development; a tenant app's URL overrides can point there).
 *
 * - Authorize at `https://api.gusto.com/oauth/authorize` with `client_id`, `redirect_uri` and
 *   `response_type=code`; the documented request carries no `scope` (an application's scopes
 *   are set up with Gusto), so none is declared or sent.
 * - `POST https://api.gusto.com/oauth/token`: Gusto's examples send a JSON body with
 *   `client_id` and `client_secret`; "The client_secret cannot be passed via API request URLs".
 * - Access tokens expire "2 hours after they are issued" (`expires_in: 7200`). Refresh tokens
 *   rotate: "The previous refresh_token will be revoked on the first usage of the new
 *   access_token".
 * - Since v2023-05-01 a token is restricted to one company ("strict access"): the verification
 *   reads which, from `GET /v1/token_info`.
 * - No PKCE and no revocation endpoint are documented in the pages checked: neither is declared.
 * - `X-Gusto-API-Version` is optional: "If none is provided, your application's minimum API
 *   version is used", so none is pinned here.
 *
 * @see https://docs.gusto.com/app-integrations/docs/oauth2
 * @see https://docs.gusto.com/embedded-payroll/docs/company-access-tokens
 * @see https://docs.gusto.com/app-integrations/v2024-04-01/reference/refresh-access-token
 * @see https://docs.gusto.com/embedded-payroll/reference/get-v1-token-info
 */
export const gusto = defineConnector({
  key: 'gusto',
  name: 'Gusto',
  version: '1.0.0',
  description: "A company's Gusto payroll, employees and benefits, authorized by one of its admins.",
  docsUrl: 'https://docs.gusto.com/app-integrations/docs/oauth2',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://api.gusto.com/oauth/authorize',
    tokenUrl: 'https://api.gusto.com/oauth/token',
    pkce: false,
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json'
  },
  http: { baseUrl: 'https://api.gusto.com', headers: { Accept: 'application/json' } },
  /**
   * `GET /v1/token_info`: "Returns scope and resource information associated with the current
   * access token": `{ scope, resource: { type: "Company", uuid }, resource_owner: { type, uuid } }`.
   */
  verification: {
    path: '/v1/token_info',
    identity: {
      companyUuid: 'resource.uuid',
      resourceType: 'resource.type',
      ownerType: 'resource_owner.type',
      ownerUuid: 'resource_owner.uuid'
    }
  },
  actions: [
    {
      key: 'get_company',
      name: 'Get the company',
      description: 'The connected company (scope `companies:read` on the Gusto application).',
      method: 'GET',
      // https://docs.gusto.com/app-integrations/reference/get-v1-companies
      path: '/v1/companies/{{account.companyUuid}}',
      input: { type: 'object', properties: {}, additionalProperties: false }
    }
  ]
})
