import { defineConnector } from '@latchkey/connector-sdk'

/**
 * QuickBooks Online: QuickBooks Online accounting. The company (`realmId`) arrives on the callback and is kept for the API URL; revocation takes a JSON body with Basic client authentication.
 *
 * @see https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0
 */
export const quickbooks = defineConnector({
  key: 'quickbooks',
  name: 'QuickBooks Online',
  version: '1.0.0',
  description: 'QuickBooks Online accounting.',
  docsUrl: 'https://developer.intuit.com/app/developer/qbo/docs/develop/authentication-and-authorization/oauth-2.0',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://appcenter.intuit.com/connect/oauth2',
    tokenUrl: 'https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer',
    revokeUrl: 'https://developer.api.intuit.com/v2/oauth2/tokens/revoke',
    revokeRequest: { format: 'json' },
    clientAuthMethod: 'client_secret_basic',
    pkce: false,
    scopes: {
      'com.intuit.quickbooks.accounting': 'Accounting data',
      openid: 'OpenID Connect',
      email: 'Email address',
      profile: 'Profile'
    },
    defaultScopes: ['com.intuit.quickbooks.accounting'],
    callbackParams: ['realmId']
  },
  http: {
    baseUrl: 'https://quickbooks.api.intuit.com/v3/company/{{metadata.realmId}}',
    headers: { Accept: 'application/json' }
  },
  verification: {
    path: '/query?query=select%20*%20from%20CompanyInfo',
    identity: { company: 'QueryResponse.CompanyInfo.0.CompanyName' }
  }
})
