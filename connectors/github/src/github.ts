import { defineConnector } from '@latchkey/connector-sdk'

/**
 * GitHub (OAuth apps): comma-delimited scopes, and a token endpoint that answers
 * form-encoded unless asked for JSON. Revocation is not RFC 7009: `DELETE
 * /applications/{client_id}/token` with Basic client authentication and
 * `{"access_token": …}` as JSON.
 *
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
 * @see https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-token
 * @see https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 */
export const github = defineConnector({
  key: 'github',
  name: 'GitHub',
  version: '1.0.0',
  description: 'Repositories, issues, pull requests and organizations on GitHub.',
  docsUrl: 'https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://github.com/login/oauth/authorize',
    tokenUrl: 'https://github.com/login/oauth/access_token',
    revokeUrl: 'https://api.github.com/applications/{{client.id}}/token',
    revokeRequest: {
      method: 'DELETE',
      format: 'json',
      tokenParam: 'access_token',
      token: 'access',
      tokenTypeHint: false,
      clientAuthMethod: 'client_secret_basic'
    },
    scopes: {
      repo: 'Full control of private and public repositories',
      'repo:status': 'Read and write commit statuses',
      public_repo: 'Read and write public repositories only',
      'read:org': 'Read organization membership and teams',
      'write:org': 'Read and write organization membership',
      'admin:repo_hook': 'Manage repository webhooks',
      'read:user': 'Read profile data',
      'user:email': 'Read email addresses',
      gist: 'Create gists',
      notifications: 'Read notifications',
      workflow: 'Update GitHub Actions workflow files',
      'read:packages': 'Download packages from GitHub Packages',
      project: 'Read and write projects'
    },
    defaultScopes: ['read:user', 'user:email'],
    scopeDelimiter: ',',
    customerSelectsScopes: true,
    pkce: true,
    clientAuthMethod: 'client_secret_post',
    // Without it GitHub answers `access_token=...&scope=...` as a form body.
    tokenHeaders: { Accept: 'application/json' },
    refreshHeaders: { Accept: 'application/json' }
  },
  http: {
    baseUrl: 'https://api.github.com',
    headers: { Accept: 'application/vnd.github+json', 'X-GitHub-Api-Version': '2022-11-28' },
    /**
     * Primary limits answer 403 or 429 with `x-ratelimit-remaining: 0` and the reset in UTC
     * epoch seconds; secondary limits answer 403 or 429 with `retry-after`. Any other 403 is
     * "forbidden", never retried.
     * @see https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors
     */
    rateLimit: {
      resetHeader: 'x-ratelimit-reset',
      resetFormat: 'epoch_seconds',
      remainingHeader: 'x-ratelimit-remaining',
      statuses: [403]
    }
  },
  verification: { path: '/user', identity: { user: 'login', name: 'name' } }
})
