import { defineConnector, monogramIcon } from '@latchkey/connector-sdk'

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
  /** A monogram in the brand's colour (no third-party logo is copied). */
  icon: monogramIcon('GitHub', { text: 'GH', background: '#24292f' }),
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
    // `repo` includes `repo:status` and `public_repo` (GitHub lists them under it and drops them from a token that has `repo`).
    scopeIncludes: { repo: ['repo:status', 'public_repo'] },
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
  verification: { path: '/user', identity: { user: 'login', name: 'name' } },
  /**
   * Lists page by the `Link` header's rel="next" URL, which keeps every query param; `per_page`
   * is at most 100. `repo` is needed for private repositories (no scope reads public data only).
   * @see https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
   */
  actions: [
    {
      key: 'list_issues',
      name: 'List repository issues',
      description:
        'The issues of a repository, newest first. GitHub counts pull requests as issues (they carry `pull_request`).',
      method: 'GET',
      // https://docs.github.com/en/rest/issues/issues#list-repository-issues
      path: '/repos/{{input.owner}}/{{input.repo}}/issues',
      query: {
        state: '{{input.state}}',
        labels: '{{input.labels}}',
        assignee: '{{input.assignee}}',
        since: '{{input.since}}',
        per_page: '100'
      },
      input: {
        type: 'object',
        properties: {
          owner: { type: 'string', minLength: 1, description: 'The account owner of the repository' },
          repo: { type: 'string', minLength: 1, description: 'The name of the repository without the .git extension' },
          state: { enum: ['open', 'closed', 'all'], description: 'Default open' },
          labels: { type: 'string', description: 'Comma-separated label names, e.g. "bug,ui,@high"' },
          assignee: { type: 'string', description: 'A user name, "none" for no assignee, "*" for any' },
          since: {
            type: 'string',
            description: 'Only issues updated at or after this ISO 8601 time (YYYY-MM-DDTHH:MM:SSZ)'
          }
        },
        required: ['owner', 'repo'],
        additionalProperties: false
      },
      scopes: ['repo'],
      pagination: { style: 'link' }
    },
    {
      key: 'create_issue',
      name: 'Create an issue',
      method: 'POST',
      // https://docs.github.com/en/rest/issues/issues#create-an-issue
      path: '/repos/{{input.owner}}/{{input.repo}}/issues',
      body: {
        title: '{{input.title}}',
        body: '{{input.body}}',
        labels: '{{input.labels}}',
        assignees: '{{input.assignees}}'
      },
      input: {
        type: 'object',
        properties: {
          owner: { type: 'string', minLength: 1 },
          repo: { type: 'string', minLength: 1 },
          title: { type: 'string', minLength: 1 },
          body: { type: 'string', description: 'The contents of the issue (Markdown)' },
          labels: {
            type: 'array',
            items: { type: 'string' },
            description: 'Label names; GitHub drops them silently without push access'
          },
          assignees: {
            type: 'array',
            items: { type: 'string' },
            description: 'Logins to assign; GitHub drops them silently without push access'
          }
        },
        required: ['owner', 'repo', 'title'],
        additionalProperties: false
      },
      scopes: ['repo']
    },
    {
      key: 'list_repos',
      name: 'List repositories for the authenticated user',
      description: 'Repositories the user owns, collaborates on or reaches through an organization.',
      method: 'GET',
      // https://docs.github.com/en/rest/repos/repos#list-repositories-for-the-authenticated-user
      path: '/user/repos',
      query: {
        visibility: '{{input.visibility}}',
        affiliation: '{{input.affiliation}}',
        sort: '{{input.sort}}',
        direction: '{{input.direction}}',
        per_page: '100'
      },
      input: {
        type: 'object',
        properties: {
          visibility: { enum: ['all', 'public', 'private'] },
          affiliation: {
            type: 'string',
            description: 'Comma-separated: owner, collaborator, organization_member (default all three)'
          },
          sort: { enum: ['created', 'updated', 'pushed', 'full_name'] },
          direction: { enum: ['asc', 'desc'] }
        },
        additionalProperties: false
      },
      scopes: ['repo'],
      pagination: { style: 'link' }
    },
    {
      key: 'get_repo',
      name: 'Get a repository',
      method: 'GET',
      // https://docs.github.com/en/rest/repos/repos#get-a-repository
      path: '/repos/{{input.owner}}/{{input.repo}}',
      input: {
        type: 'object',
        properties: {
          owner: { type: 'string', minLength: 1 },
          repo: { type: 'string', minLength: 1 }
        },
        required: ['owner', 'repo'],
        additionalProperties: false
      },
      scopes: ['repo']
    }
  ]
})
