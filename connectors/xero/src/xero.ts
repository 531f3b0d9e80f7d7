import { defineConnector } from '@latchkey/connector-sdk'

/** The tenant (organisation) the verification found, sent as Xero asks on every organisation call. */
const tenantHeader = { 'xero-tenant-id': '{{account.tenantId}}' }

/**
 * Xero: the Accounting API of a Xero organisation, through the standard OAuth 2.0
 * authorization code flow of a web app (client id and secret).
 *
 * - Authorize at `https://login.xero.com/identity/connect/authorize`, exchange and refresh at
 *   `https://identity.xero.com/connect/token` (the `securitySchemes` of Xero's OpenAPI document
 *   and its SDKs), the client authenticating with HTTP Basic (`xero-node`'s token requests send
 *   `Authorization: Basic base64(client_id:client_secret)`).
 * - "To get a refresh token, you must request the offline_access scope."
 * - Refresh tokens rotate: "When you perform a token refresh, you should replace your existing
 *   refresh token with the new one returned in the response"; unused ones expire after 60 days.
 * - Access tokens last 30 minutes (`expires_in: 1800`).
 * - Revocation: `POST https://identity.xero.com/connect/revocation` with the refresh token as
 *   `token`, which "revokes access tokens and remove[s] all a user's connections" (Xero's Python
 *   SDK). Xero's examples send `token` alone, so no `token_type_hint`. The runtime treats a
 *   form, client-authenticated revocation as RFC 7009 and also revokes the access token after the
 *   refresh token; Xero documents only the refresh token's revocation, which already ends the grant.
 * - One grant may connect several tenants: `GET https://api.xero.com/connections` lists them, and
 *   every organisation call names one in the `xero-tenant-id` header. The verification keeps the
 *   first connection's tenant as the account.
 * - PKCE: Xero documents it for its separate "Auth Code with PKCE" app type, which has no client
 *   secret; the standard flow of a web app documents no `code_challenge`, so none is sent.
 *
 * `xero-tenant-id` is in `http.headers` from the account, so every call (plain `/http`, the
 * proxy and the actions) names the tenant; the verification request itself, made before the
 * account is known, goes without it, as `/connections` wants.
 *
 * @see https://developer.xero.com/documentation/oauth2/auth-flow
 * @see https://developer.xero.com/documentation/oauth2/scopes
 * @see https://developer.xero.com/faq/oauth2
 * @see https://developer.xero.com/documentation/oauth2/pkce-flow
 * @see https://github.com/XeroAPI/Xero-OpenAPI/blob/master/xero_accounting.yaml
 * @see https://github.com/XeroAPI/xero-python/blob/master/xero_python/api_client/oauth2.py
 */
export const xero = defineConnector({
  key: 'xero',
  name: 'Xero',
  version: '1.0.0',
  description: 'Invoices, contacts and settings of a Xero organisation through the Accounting API.',
  docsUrl: 'https://developer.xero.com/documentation/oauth2/auth-flow',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://login.xero.com/identity/connect/authorize',
    tokenUrl: 'https://identity.xero.com/connect/token',
    revokeUrl: 'https://identity.xero.com/connect/revocation',
    // `token=<refresh token>` without a type hint, as Xero's SDKs send it; revoking it ends the whole grant.
    revokeRequest: { token: 'refresh', tokenTypeHint: false },
    /**
     * The OpenID and Accounting API scopes of Xero's scope page and OpenAPI `securitySchemes`
     * (descriptions from the scope page where it gives one).
     * @see https://developer.xero.com/documentation/oauth2/scopes
     */
    scopes: {
      openid: "Your application intends to use the user's identity",
      profile: 'First name, last name and Xero user id',
      email: 'Email address',
      offline_access: 'Receive a refresh token to maintain an offline connection',
      'accounting.transactions': 'View and manage your business transactions',
      'accounting.transactions.read': 'View your business transactions',
      'accounting.reports.read': 'View your reports',
      'accounting.journals.read': 'Read-only access to journals',
      'accounting.settings': 'Read-write access to organisation and account settings',
      'accounting.settings.read': 'Read-only access to organisation and account settings',
      'accounting.contacts': 'Read-write access to contacts and contact groups',
      'accounting.contacts.read': 'Read-only access to contacts and contact groups',
      'accounting.attachments': 'Read-write access to attachments',
      'accounting.attachments.read': 'Read-only access to attachments',
      'accounting.budgets.read': 'Read-only access to budgets'
    },
    defaultScopes: ['accounting.settings.read', 'accounting.transactions.read', 'accounting.contacts.read'],
    // Every read operation of the OpenAPI document accepts either scope (`security: [accounting.X, accounting.X.read]`).
    scopeIncludes: {
      'accounting.transactions': ['accounting.transactions.read'],
      'accounting.settings': ['accounting.settings.read'],
      'accounting.contacts': ['accounting.contacts.read'],
      'accounting.attachments': ['accounting.attachments.read']
    },
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    offlineAccess: { scope: 'offline_access' },
    pkce: false,
    clientAuthMethod: 'client_secret_basic'
  },
  http: {
    baseUrl: 'https://api.xero.com/api.xro/2.0',
    /**
     * "By default all successful responses on the accounting API are returned as XML";
     * "JSON formatted responses are also supported by setting the Accept value … to application/json".
     * @see https://developer.xero.com/documentation/api/requests-and-responses
     */
    headers: { Accept: 'application/json', ...tenantHeader }
  },
  /**
   * `GET https://api.xero.com/connections` (any access token, no tenant header): the tenants
   * connected to the app, `[{ id, tenantId, tenantType, tenantName, … }]`. It sits at the API's
   * origin, outside `/api.xro/2.0`.
   * @see https://github.com/XeroAPI/Xero-OpenAPI/blob/master/xero-identity.yaml
   */
  verification: {
    from: 'origin',
    path: '/connections',
    identity: { tenantId: '0.tenantId', tenantName: '0.tenantName', tenantType: '0.tenantType' }
  },
  actions: [
    {
      key: 'get_organisation',
      name: 'Get the organisation',
      description: "The connected organisation's details (name, country, base currency, financial year).",
      method: 'GET',
      // `getOrganisations`: security accounting.settings or accounting.settings.read.
      path: '/Organisation',
      headers: tenantHeader,
      input: { type: 'object', properties: {}, additionalProperties: false },
      output: 'Organisations.0',
      scopes: ['accounting.settings.read']
    },
    {
      key: 'list_invoices',
      name: 'List invoices',
      description: 'Sales invoices (ACCREC) and purchase bills (ACCPAY), filtered and ordered as Xero allows.',
      method: 'GET',
      // `getInvoices`: `page` (from 1), `pageSize`, "Up to 100 invoices will be returned in a single API call".
      path: '/Invoices',
      headers: tenantHeader,
      query: { where: '{{input.where}}', order: '{{input.order}}', Statuses: '{{input.statuses}}' },
      input: {
        type: 'object',
        properties: {
          where: { type: 'string', description: 'A filter, e.g. Type=="ACCREC" AND Status=="AUTHORISED"' },
          order: { type: 'string', description: 'e.g. "InvoiceNumber ASC"' },
          statuses: { type: 'string', description: 'Comma-separated statuses, e.g. "DRAFT,SUBMITTED"' }
        },
        additionalProperties: false
      },
      output: 'Invoices',
      scopes: ['accounting.transactions.read'],
      pagination: { style: 'page', param: 'page', limitParam: 'pageSize', limit: 100 }
    }
  ]
})
