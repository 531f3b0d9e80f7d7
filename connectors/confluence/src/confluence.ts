import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Confluence Cloud through Atlassian's OAuth 2.0 (3LO), the same authorization server as
 * Jira's (`connectors/atlassian`): the `audience=api.atlassian.com` and `prompt=consent`
 * authorize params, `offline_access` for a refresh token, token requests with the client id
 * and secret in a JSON body, and rotating refresh tokens ("Refresh tokens are implemented
 * using rotating refresh tokens"). No revocation endpoint is documented for 3LO apps, so none
 * is declared.
 *
 * "Requests that use OAuth 2.0 (3LO) are made via api.atlassian.com (not
 * https://your-domain.atlassian.net)": the accessible-resources call names the site and its
 * cloud id, which is then part of every API URL,
 * `https://api.atlassian.com/ex/confluence/{cloudid}/wiki/…` (REST v1 under `/rest/api`,
 * v2 under `/api/v2`).
 *
 * Only the classic Confluence scopes read in Atlassian's scope table are declared ("When
 * choosing your scopes, the recommendation is to use classic scopes").
 *
 * @see https://developer.atlassian.com/cloud/confluence/oauth-2-authorization-code-grants-3lo-for-apps/
 * @see https://developer.atlassian.com/cloud/oauth/getting-started/making-calls-to-api/
 * @see https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/
 * @see https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/
 */
export const confluence = defineConnector({
  key: 'confluence',
  name: 'Confluence Cloud',
  version: '1.0.0',
  description: "Confluence Cloud pages, spaces and content through Atlassian's OAuth 2.0 (3LO).",
  docsUrl: 'https://developer.atlassian.com/cloud/confluence/oauth-2-authorization-code-grants-3lo-for-apps/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://auth.atlassian.com/authorize',
    tokenUrl: 'https://auth.atlassian.com/oauth/token',
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json',
    // https://developer.atlassian.com/cloud/confluence/scopes-for-oauth-2-3LO-and-forge-apps/ (classic scopes)
    scopes: {
      'read:confluence-content.all': 'Read Confluence detailed content',
      'write:confluence-content': 'Permits the creation of pages, blogs, comments, and questions.',
      'read:confluence-space.summary': 'Read a summary of space information without expansions.',
      'write:confluence-space': 'Create, update, and delete space information.',
      'write:confluence-file': 'Upload attachments.',
      'read:confluence-props': 'Read content properties.',
      'write:confluence-props': 'Write content properties.',
      'manage:confluence-configuration': 'Manage global settings.'
    },
    defaultScopes: ['read:confluence-content.all', 'read:confluence-space.summary'],
    customerSelectsScopes: true,
    authorizeParams: { audience: 'api.atlassian.com', prompt: 'consent' },
    // "To get a refresh token in your initial authorization flow, add offline_access to the scope parameter".
    offlineAccess: { scope: 'offline_access' }
  },
  http: { baseUrl: 'https://api.atlassian.com/ex/confluence/{{account.cloudId}}/wiki' },
  /**
   * The first site the person granted access to; its cloud id goes in every API URL. The
   * request goes to the API's origin: the site is not known before it.
   * @see https://developer.atlassian.com/cloud/oauth/getting-started/making-calls-to-api/
   */
  verification: {
    from: 'origin',
    path: '/oauth/token/accessible-resources',
    identity: { site: '0.name', siteUrl: '0.url', cloudId: '0.id' }
  }
})
