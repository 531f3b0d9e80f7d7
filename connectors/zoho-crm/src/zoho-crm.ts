import { defineConnector } from '@latchkey/connector-sdk'

/**
 * The Zoho data centres Zoho CRM documents, each with the Zoho Accounts server that issues,
 * refreshes and revokes its tokens, and the host the authorization request goes to.
 *
 * Accounts servers, from the CRM "Multi DC Support" page (US, AU, EU, IN, CN, JP, CA) and the
 * CRM "Generate Access Token and Refresh Token" page (which adds SA, `accounts.zoho.sa`).
 *
 * The authorization request: "You must make the authorization request from
 * https://accounts.zoho.com for the EU, AU, and IN domains. After the request is successful,
 * the system automatically redirects you to your domain. For the CN domain, make the
 * authorization request from https://accounts.zoho.com.cn." Zoho Accounts adds that this is
 * the server "where your app is registered": an app with Multi DC enabled is asked for at its
 * own data centre whatever the user's. JP, CA and SA are not named in that note; they are
 * sent to `accounts.zoho.com` as the Multi DC flow describes (a tenant whose app is
 * registered elsewhere overrides the authorize URL in its app).
 *
 * @see https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html
 * @see https://www.zoho.com/crm/developer/docs/api/v4/access-refresh.html
 * @see https://www.zoho.com/accounts/protocol/oauth/multi-dc.html
 */
const REGIONS = [
  {
    value: 'us',
    label: 'United States (zoho.com)',
    accountsHost: 'accounts.zoho.com',
    authorizeHost: 'accounts.zoho.com'
  },
  { value: 'eu', label: 'Europe (zoho.eu)', accountsHost: 'accounts.zoho.eu', authorizeHost: 'accounts.zoho.com' },
  { value: 'in', label: 'India (zoho.in)', accountsHost: 'accounts.zoho.in', authorizeHost: 'accounts.zoho.com' },
  {
    value: 'au',
    label: 'Australia (zoho.com.au)',
    accountsHost: 'accounts.zoho.com.au',
    authorizeHost: 'accounts.zoho.com'
  },
  { value: 'jp', label: 'Japan (zoho.jp)', accountsHost: 'accounts.zoho.jp', authorizeHost: 'accounts.zoho.com' },
  {
    value: 'ca',
    label: 'Canada (zohocloud.ca)',
    accountsHost: 'accounts.zohocloud.ca',
    authorizeHost: 'accounts.zoho.com'
  },
  {
    value: 'sa',
    label: 'Saudi Arabia (zoho.sa)',
    accountsHost: 'accounts.zoho.sa',
    authorizeHost: 'accounts.zoho.com'
  },
  {
    value: 'cn',
    label: 'China (zoho.com.cn)',
    accountsHost: 'accounts.zoho.com.cn',
    authorizeHost: 'accounts.zoho.com.cn'
  }
] as const

/**
 * Zoho CRM: OAuth 2.0 authorization code through Zoho Accounts, per data centre.
 *
 * - Authorize: `GET https://accounts.zoho.com/oauth/v2/auth` with `scope`, `client_id`,
 *   `response_type=code`, `access_type`, `redirect_uri`; "Multiple scopes can be given which
 *   has to be separated by commas". `access_type=offline` gives a refresh token only "for the
 *   first time"; "To receive another refresh token, include access_type=offline and
 *   prompt=consent", so both are always sent. The web-app flow documents no PKCE (only
 *   Zoho's mobile flow takes `code_challenge`), so none is sent.
 * - Token: `POST {Accounts_URL}/oauth/v2/token` on the user's data centre, the client id and
 *   secret in the form body ("pass the below parameters in the body of your request as
 *   form-data"). The answer is `access_token`, `refresh_token`, `api_domain`, `token_type`,
 *   `expires_in` (3600 seconds). `api_domain` is kept: "Use this domain in your requests to
 *   make API calls to Zoho CRM".
 * - Refresh: the same URL with `grant_type=refresh_token`; the answer has no new refresh token
 *   ("Refresh tokens do not expire until a user revokes them").
 * - Revoke: `POST {Accounts_URL}/oauth/v2/token/revoke?token={refresh_token}` ("the system
 *   revokes all the access tokens generated using that refresh token"): one request with the
 *   refresh token in the query (`revokeRequest.format: "query"`).
 * - API calls: "Authorization=Zoho-oauthtoken<space><access token> or
 *   Authorization=Bearer<space><access token>" (Zoho Accounts); the default Bearer is used.
 * - The callback carries `location` (the user's data centre, e.g. `us`) and `accounts-server`, kept as metadata.
 *
 * @see https://www.zoho.com/crm/developer/docs/api/oauth-overview.html
 * @see https://www.zoho.com/crm/developer/docs/api/auth-request.html
 * @see https://www.zoho.com/accounts/protocol/oauth/web-apps/authorization.html
 * @see https://www.zoho.com/crm/developer/docs/api/v4/access-refresh.html
 * @see https://www.zoho.com/crm/developer/docs/api/v7/token-validity.html
 * @see https://www.zoho.com/crm/developer/docs/api/revoke-tokens.html
 * @see https://www.zoho.com/accounts/protocol/oauth/revoke-refresh-token.html
 * @see https://www.zoho.com/accounts/protocol/oauth/use-access-token.html
 */
export const zohoCrm = defineConnector({
  key: 'zoho-crm',
  name: 'Zoho CRM',
  version: '1.0.0',
  description: 'Leads, contacts, deals and other modules of a Zoho CRM organization, in any Zoho data centre.',
  docsUrl: 'https://www.zoho.com/crm/developer/docs/api/oauth-overview.html',
  parameters: [
    {
      key: 'region',
      label: 'Zoho data centre',
      type: 'dropdown',
      helpText: 'The domain in the address you sign in to Zoho CRM at (crm.zoho.eu is Europe).',
      docsUrl: 'https://www.zoho.com/crm/developer/docs/api/v8/multi-dc.html',
      default: 'us',
      options: REGIONS.map(({ value, label, accountsHost, authorizeHost }) => ({
        value,
        label,
        values: { accountsHost, authorizeHost }
      }))
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.region.authorizeHost}}/oauth/v2/auth',
    tokenUrl: 'https://{{parameters.region.accountsHost}}/oauth/v2/token',
    // `POST {Accounts_URL}/oauth/v2/token/revoke?token={refresh_token}`: the refresh token in
    // the query, one request (revoking it "revokes all the access tokens generated using that
    // refresh token", and Zoho answers a token it no longer knows with "400 Bad Request", so
    // RFC 7009's second request for the access token would fail the job).
    revokeUrl: 'https://{{parameters.region.accountsHost}}/oauth/v2/token/revoke',
    revokeRequest: { format: 'query' },
    /**
     * "The format to define a scope is scope=service_name.scope_name.operation_type"; the
     * scopes of the CRM scope list, and the READ operation the Users API documents.
     * @see https://www.zoho.com/crm/developer/docs/api/v7/scopes.html
     * @see https://www.zoho.com/crm/developer/docs/api/v8/get-users.html
     */
    scopes: {
      'ZohoCRM.users.ALL': 'Full access to users',
      'ZohoCRM.users.READ': 'Get user data',
      'ZohoCRM.org.ALL': 'Full access to the organization',
      'ZohoCRM.settings.ALL': 'Full access to settings and metadata (modules, fields, layouts, ...)',
      'ZohoCRM.modules.ALL': 'Read, create, update and delete records in all modules',
      'ZohoCRM.bulk.ALL': 'Bulk read and write',
      'ZohoCRM.bulk.READ': 'Bulk read',
      'ZohoCRM.bulk.CREATE': 'Bulk write',
      'ZohoCRM.notifications.READ': 'Read notification channels',
      'ZohoCRM.notifications.CREATE': 'Enable notification channels',
      'ZohoCRM.notifications.UPDATE': 'Update notification channels',
      'ZohoCRM.notifications.DELETE': 'Disable notification channels',
      'ZohoCRM.coql.READ': 'Query records with COQL'
    },
    defaultScopes: ['ZohoCRM.users.READ', 'ZohoCRM.modules.ALL'],
    scopeIncludes: { 'ZohoCRM.users.ALL': ['ZohoCRM.users.READ'] },
    scopeDelimiter: ',',
    customerSelectsScopes: true,
    offlineAccess: { authorizeParams: { access_type: 'offline' } },
    // Without it a second connection of the same user gets no refresh token.
    authorizeParams: { prompt: 'consent' },
    pkce: false,
    clientAuthMethod: 'client_secret_post',
    tokenResponse: { keepFields: ['api_domain'] },
    /**
     * "the location of the user's DC will be included as the parameter location", beside
     * `accounts-server` (`&location=in&accounts-server=https://accounts.zoho.in`): both kept, to
     * tell which data centre a connection is in. Tokens still go to the chosen region's server,
     * never to a host the callback names.
     * @see https://www.zoho.com/accounts/protocol/oauth/multi-dc/client-authorization.html
     */
    callbackParams: ['location', 'accounts-server']
  },
  http: {
    baseUrl: '{{metadata.api_domain}}/crm/v8',
    // The API domains of Zoho's data centres (the CRM Multi DC page names www.zohoapis.eu and
    // www.zohoapis.com.cn; Zoho's Bigin Multi DC page, the same API domains, lists them all).
    // https://www.bigin.com/developer/docs/apis/multi-dc.html
    originHosts: [
      'www.zohoapis.com',
      'www.zohoapis.eu',
      'www.zohoapis.in',
      'www.zohoapis.com.au',
      'www.zohoapis.jp',
      'www.zohoapis.ca',
      'www.zohoapis.sa',
      'www.zohoapis.com.cn'
    ]
  },
  // GET /users?type=CurrentUser ("To get the current CRM user"), needs ZohoCRM.users.READ:
  // `{ "users": [{ "id", "full_name", "email", ... }] }`.
  // https://www.zoho.com/crm/developer/docs/api/v8/get-users.html
  verification: {
    path: '/users',
    query: { type: 'CurrentUser' },
    identity: { email: 'users.0.email', name: 'users.0.full_name', id: 'users.0.id' }
  }
})
