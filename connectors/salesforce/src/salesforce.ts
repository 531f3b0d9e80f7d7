import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Salesforce: Salesforce orgs, production or sandbox. The token answer's `instance_url` becomes the API base URL.
 *
 * @see https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 */
export const salesforce = defineConnector({
  key: 'salesforce',
  name: 'Salesforce',
  version: '1.0.0',
  description: "Salesforce orgs, production or sandbox.",
  docsUrl: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm',
  parameters: [{ key: 'environment', label: 'Environment', type: 'dropdown', options: [{ value: 'login', label: 'Production' }, { value: 'test', label: 'Sandbox' }], default: 'login' }],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/token',
    revokeUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/revoke',
    revokeRequest: { tokenTypeHint: false },
    clientAuthMethod: 'client_secret_post',
    scopes: { api: 'Access and manage data', refresh_token: 'Perform requests at any time', id: 'Access the identity URL', openid: 'OpenID Connect' },
    defaultScopes: ['api', 'refresh_token'],
    tokenResponse: { keepFields: ['instance_url', 'id'] }
  },
  http: { baseUrl: '{{metadata.instance_url}}/services/data/v61.0' },
  verification: { path: '/limits' }
})
