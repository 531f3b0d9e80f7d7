import t from 'tap'
import { xero } from '@latchkey/connector-xero'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'
import type { RedirectScenario } from './scenario.js'

// https://developer.xero.com/documentation/oauth2/auth-flow
// https://developer.xero.com/documentation/oauth2/scopes
// https://developer.xero.com/faq/oauth2
// The standard code flow of a web app: space-separated scopes plus `offline_access` for a
// refresh token, the client in HTTP Basic at identity.xero.com/connect/token (Xero's SDKs),
// no PKCE (documented for the separate secret-less "Auth Code with PKCE" apps only).
// "When you perform a token refresh, you should replace your existing refresh token with the
// new one returned in the response": rotating refresh tokens. Revocation: the refresh token
// as `token`, form-encoded, at identity.xero.com/connect/revocation, which removes the
// user's connections (https://github.com/XeroAPI/xero-python/blob/master/xero_python/api_client/oauth2.py).
// The tenant: GET https://api.xero.com/connections at the API's origin
// (https://github.com/XeroAPI/Xero-OpenAPI/blob/master/xero-identity.yaml), then
// `xero-tenant-id` on every Accounting API call.
const TENANT = 'fe79f7dd-b6d4-4a92-ba7b-538af6289c58'
const API = '/api/api.xro/2.0'
const CONNECTIONS = [
  {
    id: '7cb59f93-2964-421d-bb5e-a0f7a4572a44',
    tenantId: TENANT,
    tenantName: 'Demo Company (NZ)',
    tenantType: 'ORGANISATION',
    createdDateUtc: '2019-12-07T18:46:19.5165400',
    updatedDateUtc: '2019-12-07T18:46:19.5187840'
  }
]
const oauthApp = {
  connector: xero,
  provider: { clientAuth: 'client_secret_basic', rotateRefreshTokens: true, revokeFormat: 'form' },
  baseUrl: (_, root) => `${root}${API}`,
  verification: {
    path: '/connections',
    answer: CONNECTIONS,
    account: { tenantId: TENANT, tenantName: 'Demo Company (NZ)', tenantType: 'ORGANISATION' }
  },
  call: { url: '/Contacts', providerPath: `${API}/Contacts`, auth: 'bearer' },
  refresh: 'rotating',
  // The refresh token (which ends the grant), then the access token: the runtime's RFC 7009 order.
  revoke: [
    { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
    { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'access' }
  ]
} satisfies Omit<RedirectScenario, 'authorize'>

t.test('Xero: offline_access, Basic client auth, rotating refresh tokens, the tenant from /connections', async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    authorize: {
      scope: 'accounting.settings.read accounting.transactions.read accounting.contacts.read offline_access',
      pkce: false
    },
    whileConnected: async (t, { system, provider, connectionId }) => {
      // A plain call names the tenant the verification found, as every Accounting API call must.
      const call = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url: '/Invoices' })
      t.equal(call.body.status, 200)
      t.equal(provider.counters.lastApiHeaders?.['xero-tenant-id'], TENANT, 'xero-tenant-id on a plain /http call')
      t.equal(provider.counters.lastApiHeaders?.accept, 'application/json')
    }
  })
})

// https://developer.xero.com/documentation/api/requests-and-responses (paging);
// `getInvoices` in https://github.com/XeroAPI/Xero-OpenAPI/blob/master/xero_accounting.yaml:
// `page` from 1, "Up to 100 invoices", `pageSize`.
const INVOICES = Array.from({ length: 230 }, (_, i) => ({ InvoiceID: `inv-${i}`, InvoiceNumber: `INV-${i + 1}` }))

t.test('Xero: a connection for the actions asks for their scopes; invoices by page', async (t) => {
  await runRedirectScenario(t, {
    ...oauthApp,
    actions: ['get_organisation', 'list_invoices'],
    authorize: { scope: 'accounting.settings.read accounting.transactions.read offline_access', pkce: false },
    whileConnected: async (t, context) => {
      context.provider.setApiAnswer(`${API}/Organisation`, {
        Status: 'OK',
        Organisations: [{ Name: 'Demo Company (NZ)', CountryCode: 'NZ', BaseCurrency: 'NZD' }]
      })
      await checkActions(t, context, [
        {
          action: 'get_organisation',
          answer: { output: { Name: 'Demo Company (NZ)', CountryCode: 'NZ', BaseCurrency: 'NZD' } }
        },
        {
          action: 'list_invoices',
          input: { statuses: 'AUTHORISED' },
          serves: {
            path: `${API}/Invoices`,
            collection: { items: INVOICES, style: 'page', param: 'page', limitParam: 'pageSize', itemsPath: 'Invoices' }
          },
          pages: 5,
          requests: [
            { path: `${API}/Invoices`, query: { Statuses: 'AUTHORISED', pageSize: '100', page: '1' } },
            { path: `${API}/Invoices`, query: { Statuses: 'AUTHORISED', pageSize: '100', page: '2' } },
            { path: `${API}/Invoices`, query: { Statuses: 'AUTHORISED', pageSize: '100', page: '3' } }
          ],
          answer: { output: INVOICES, pages: 3, more: false }
        }
      ])
    }
  })
})
