import { defineConnector } from '@latchkey/connector-sdk'

/**
 * GitLab: GitLab.com or a self-managed instance (host parameter). RFC 7009 revocation.
 *
 * @see https://docs.gitlab.com/ee/api/oauth2.html
 */
export const gitlab = defineConnector({
  key: 'gitlab',
  name: 'GitLab',
  version: '1.0.0',
  description: 'GitLab.',
  docsUrl: 'https://docs.gitlab.com/ee/api/oauth2.html',
  parameters: [
    {
      key: 'host',
      label: 'GitLab host',
      default: 'gitlab.com',
      pattern: '[a-z0-9.-]+(:[0-9]+)?',
      patternMessage: 'A host name such as gitlab.com'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.host}}/oauth/authorize',
    tokenUrl: 'https://{{parameters.host}}/oauth/token',
    revokeUrl: 'https://{{parameters.host}}/oauth/revoke',
    clientAuthMethod: 'client_secret_post',
    scopes: {
      read_user: 'Read the user profile',
      read_api: 'Read the API',
      api: 'Full API access',
      read_repository: 'Read repositories'
    },
    defaultScopes: ['read_user', 'read_api'],
    customerSelectsScopes: true
  },
  http: {
    baseUrl: 'https://{{parameters.host}}/api/v4',
    rateLimit: { resetHeader: 'ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  verification: { path: '/user', identity: { user: 'username', name: 'name' } }
})
