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
    // https://developer.atlassian.com/cloud/jira/platform/scopes-for-oauth-2-3LO-and-forge-apps/
    scopes: {
      'read:jira-work':
        'Read Jira project and issue data, search for issues, and objects associated with issues like attachments and worklogs',
      'write:jira-work':
        'Create and edit issues in Jira, post comments as the user, create worklogs, and delete issues',
      'read:jira-user':
        'View user information in Jira that the user has access to, including usernames, email addresses, and avatars',
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
  },
  /**
   * Jira Cloud REST v3. Each list pages as its endpoint documents: the enhanced JQL search by
   * `nextPageToken` (absent on the last page), project search by `startAt`/`maxResults`.
   * Rich text (an issue's `description`) is Atlassian Document Format.
   * @see https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
   */
  actions: [
    {
      key: 'search_issues',
      name: 'Search for issues using JQL',
      description: 'Issues matching a bounded JQL query; only their `id` unless `fields` names more.',
      method: 'GET',
      // Enhanced search: `nextPageToken` from each answer, `maxResults` per page (default 50).
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issue-search/#api-rest-api-3-search-jql-get
      path: '/search/jql',
      query: { jql: '{{input.jql}}', fields: '{{input.fields}}', expand: '{{input.expand}}' },
      input: {
        type: 'object',
        properties: {
          jql: {
            type: 'string',
            minLength: 1,
            description: 'A bounded JQL query, e.g. "project = ACME AND status = Open ORDER BY created DESC"'
          },
          fields: {
            type: 'string',
            description: 'Comma-separated fields to return, e.g. "summary,status,assignee"; "*all" for all'
          },
          expand: { type: 'string', description: 'Comma-separated, e.g. "names,changelog"' }
        },
        required: ['jql'],
        additionalProperties: false
      },
      output: 'issues',
      scopes: ['read:jira-work'],
      pagination: {
        style: 'cursor',
        param: 'nextPageToken',
        cursorPath: 'nextPageToken',
        limitParam: 'maxResults',
        limit: 100
      }
    },
    {
      key: 'get_issue',
      name: 'Get an issue',
      method: 'GET',
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-issueidorkey-get
      path: '/issue/{{input.issue}}',
      query: { fields: '{{input.fields}}' },
      input: {
        type: 'object',
        properties: {
          issue: { type: 'string', minLength: 1, description: 'The ID or key of the issue, e.g. "ACME-42"' },
          fields: { type: 'string', description: 'Comma-separated fields to return (default all)' }
        },
        required: ['issue'],
        additionalProperties: false
      },
      scopes: ['read:jira-work']
    },
    {
      key: 'create_issue',
      name: 'Create an issue',
      method: 'POST',
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-issues/#api-rest-api-3-issue-post
      path: '/issue',
      body: {
        fields: {
          project: { key: '{{input.project_key}}' },
          issuetype: { name: '{{input.issue_type}}' },
          summary: '{{input.summary}}',
          description: '{{input.description}}',
          labels: '{{input.labels}}'
        }
      },
      input: {
        type: 'object',
        properties: {
          project_key: { type: 'string', minLength: 1, description: 'The project key, e.g. "ACME"' },
          issue_type: { type: 'string', minLength: 1, description: 'The issue type name, e.g. "Task" or "Bug"' },
          summary: { type: 'string', minLength: 1 },
          description: {
            type: 'object',
            description: 'An Atlassian Document Format document ({ "type": "doc", "version": 1, ... })'
          },
          labels: { type: 'array', items: { type: 'string' } }
        },
        required: ['project_key', 'issue_type', 'summary'],
        additionalProperties: false
      },
      scopes: ['write:jira-work']
    },
    {
      key: 'list_projects',
      name: 'Get projects paginated',
      description: 'The projects visible to the user.',
      method: 'GET',
      // `startAt` (the first item's index) and `maxResults` (default 50).
      // https://developer.atlassian.com/cloud/jira/platform/rest/v3/api-group-projects/#api-rest-api-3-project-search-get
      path: '/project/search',
      query: { query: '{{input.query}}', orderBy: '{{input.orderBy}}' },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'Projects whose key or name contains this (case insensitive)' },
          orderBy: { type: 'string', description: 'e.g. "key", "name", "-lastIssueUpdatedTime"' }
        },
        additionalProperties: false
      },
      output: 'values',
      scopes: ['read:jira-work'],
      pagination: { style: 'offset', param: 'startAt', limitParam: 'maxResults', limit: 50 }
    }
  ]
})
