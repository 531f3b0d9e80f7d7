import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Bitbucket Cloud: repositories, pull requests and workspaces. An OAuth consumer's key and
 * secret authenticate with HTTP Basic at the token endpoint (`curl -u "client_id:secret"`);
 * access tokens last two hours; refresh tokens rotate (each use answers a new one, and
 * unused ones expire after three months). Bitbucket Cloud documents no PKCE and no
 * revocation endpoint, so neither is declared.
 *
 * Scopes: a Bitbucket consumer's permissions are ticked when the consumer is registered
 * and Bitbucket's OAuth guide documents no `scope` authorize parameter, so no scope is
 * requested by default; the scopes below are those Bitbucket documents, with its wording.
 *
 * @see https://developer.atlassian.com/cloud/bitbucket/oauth-2
 * @see https://developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes
 * @see https://support.atlassian.com/bitbucket-cloud/docs/app-password-permissions/
 * @see https://community.developer.atlassian.com/t/oauth-2-0-and-api-authentication-changes-for-bitbucket-cloud/99003
 * @see https://developer.atlassian.com/cloud/bitbucket/rest/api-group-users/
 */
export const bitbucket = defineConnector({
  key: 'bitbucket',
  name: 'Bitbucket',
  version: '1.0.0',
  description: 'Read and write Bitbucket Cloud repositories, pull requests and workspaces.',
  docsUrl: 'https://developer.atlassian.com/cloud/bitbucket/oauth-2',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://bitbucket.org/site/oauth2/authorize',
    tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
    scopes: {
      account: "Provides access to view all of the user's account information",
      'account:write': "Provides access to manage the user's account information",
      email: "Provides access to view the user's primary email address",
      team: 'Provides access to view the workspaces where the user is a member',
      'team:write': 'Provides access to manage all workspaces where the user is an administrator',
      project: 'Provides access to view the projects the user has access to view',
      'project:admin': 'Provides administrative access to a project or projects',
      repository: 'Gives the app read access to all the repositories the authorizing user has access to',
      'repository:write':
        'Gives the app write (not admin) access to all the repositories the authorizing user has access to',
      'repository:admin': 'Gives the app admin access to all the repositories the authorizing user has access to',
      'repository:delete': 'Provides access to delete repositories',
      pullrequest: 'Provides access to view and list pull requests',
      'pullrequest:write': 'Provides access to create, comment, approve, decline and merge pull requests',
      snippet: 'Gives the app read access to all the snippets the authorizing user has access to',
      'snippet:write': 'Gives the app write access to all the snippets the authorizing user can edit',
      webhook: 'Provides read and write access to existing webhooks'
    },
    defaultScopes: [],
    scopeDelimiter: ' ',
    // "This scope implies repository, which does not need to be requested separately."
    scopeIncludes: { 'repository:write': ['repository'] },
    // Bitbucket Cloud's OAuth guide documents no PKCE (only Bitbucket Data Center's does).
    pkce: false,
    clientAuthMethod: 'client_secret_basic'
  },
  http: { baseUrl: 'https://api.bitbucket.org/2.0' },
  // GET /2.0/user (needs `account`): the current user's `uuid` and `display_name`.
  verification: { path: '/user', identity: { uuid: 'uuid', name: 'display_name' } }
})
