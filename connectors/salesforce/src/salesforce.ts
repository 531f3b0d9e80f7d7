import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Salesforce: Salesforce orgs, production or sandbox. The token answer's `instance_url` becomes
 * the API base URL, on the hosts Salesforce documents for an org: its My Domain
 * (`MyDomainName.my.salesforce.com`), a sandbox's (`MyDomainName--SandboxName.sandbox.my.salesforce.com`),
 * the partitioned domains of other non-production orgs (`MyDomainName.develop.my.salesforce.com`,
 * and `scratch`, `patch`, `demo`, `trailblaze`), and instanced URLs (`InstanceName.salesforce.com`).
 *
 * @see https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm
 * @see https://help.salesforce.com/s/articleView?id=sf.domain_name_url_formats_what_determines.htm&type=5
 * @see https://help.salesforce.com/s/articleView?id=xcloud.domain_name_move.htm&type=5
 * @see https://help.salesforce.com/s/articleView?id=xcloud.domain_name_considerations.htm&type=5
 * @see https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_mydomainlog.htm
 */
export const salesforce = defineConnector({
  key: 'salesforce',
  name: 'Salesforce',
  version: '1.0.0',
  description: 'Salesforce orgs, production or sandbox.',
  docsUrl: 'https://help.salesforce.com/s/articleView?id=sf.remoteaccess_oauth_web_server_flow.htm',
  parameters: [
    {
      key: 'environment',
      label: 'Environment',
      type: 'dropdown',
      options: [
        { value: 'login', label: 'Production' },
        { value: 'test', label: 'Sandbox' }
      ],
      default: 'login'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/authorize',
    tokenUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/token',
    revokeUrl: 'https://{{parameters.environment}}.salesforce.com/services/oauth2/revoke',
    revokeRequest: { tokenTypeHint: false },
    clientAuthMethod: 'client_secret_post',
    scopes: {
      api: 'Access and manage data',
      refresh_token: 'Perform requests at any time',
      id: 'Access the identity URL',
      openid: 'OpenID Connect'
    },
    defaultScopes: ['api', 'refresh_token'],
    tokenResponse: { keepFields: ['instance_url', 'id'] }
  },
  http: {
    baseUrl: '{{metadata.instance_url}}/services/data/v61.0',
    originHosts: [
      '*.my.salesforce.com',
      '*.sandbox.my.salesforce.com',
      '*.develop.my.salesforce.com',
      '*.scratch.my.salesforce.com',
      '*.patch.my.salesforce.com',
      '*.demo.my.salesforce.com',
      '*.trailblaze.my.salesforce.com',
      '*.salesforce.com'
    ]
  },
  verification: { path: '/limits' }
})
