import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Atlassian (Jira Cloud) through OAuth 2.0 (3LO): the `audience` and `prompt` authorize
 * params, JSON token requests, rotating refresh tokens, and the accessible-resources call
 * that finds the site: its cloud id is kept as the account identity and is part of every
 * API URL (`https://api.atlassian.com/ex/jira/{cloudid}/rest/api/3`).
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
    scopes: {
      'read:jira-work': 'Read Jira project and issue data',
      'write:jira-work': 'Create and edit issues',
      'read:jira-user': 'View user information',
      'read:me': 'Read the user profile'
    },
    defaultScopes: ['read:jira-work', 'read:me'],
    customerSelectsScopes: true,
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    offlineAccess: { scope: 'offline_access' }
  },
  http: { baseUrl: 'https://api.atlassian.com/ex/jira/{{account.cloudId}}/rest/api/3' },
  // The first site the person granted access to. Its request goes to the API's origin: the site is not known before it.
  verification: {
    from: 'origin',
    path: '/oauth/token/accessible-resources',
    identity: { site: '0.name', siteUrl: '0.url', cloudId: '0.id' }
  }
})
