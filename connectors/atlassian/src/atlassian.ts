import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Atlassian (Jira Cloud): Jira Cloud through Atlassian's OAuth 2.0 (3LO): the `audience` and `prompt` authorize params, JSON token requests, and the accessible-resources call that names the cloud site.
 *
 * @see https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
 */
export const atlassian = defineConnector({
  key: 'atlassian',
  name: 'Atlassian (Jira Cloud)',
  version: '1.0.0',
  description: "Jira Cloud through Atlassian's OAuth 2.",
  docsUrl: 'https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json',
    scopes: { 'read:jira-work': 'Read Jira project and issue data', 'write:jira-work': 'Create and edit issues', 'read:jira-user': 'View user information', 'read:me': 'Read the user profile' },
    defaultScopes: ['read:jira-work', 'read:me'],
    customerSelectsScopes: true,
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    offlineAccess: { scope: 'offline_access' }
  },
  http: { baseUrl: 'https://api.atlassian.com' },
  verification: { path: '/oauth/token/accessible-resources', identity: { site: '0.name', cloudId: '0.id' } }
})
