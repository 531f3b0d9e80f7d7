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
    // https://docs.gitlab.com/integration/oauth_provider/#view-all-authorized-applications
    scopes: {
      read_user:
        "Grants read-only access to the authenticated user's profile through the /user API endpoint, which includes username, public email, and full name. Also grants access to read-only API endpoints under /users.",
      read_api:
        'Grants read access to the API, including all groups and projects, the container registry, and the package registry.',
      api: 'Grants complete read/write access to the API, including all groups and projects, the container registry, the dependency proxy, and the package registry.',
      read_repository:
        'Grants read-only access to repositories on private projects using Git-over-HTTP or the Repository Files API.'
    },
    defaultScopes: ['read_user', 'read_api'],
    // Complete read/write access to the API covers read access to it.
    scopeIncludes: { api: ['read_api'] },
    customerSelectsScopes: true
  },
  http: {
    baseUrl: 'https://{{parameters.host}}/api/v4',
    rateLimit: { resetHeader: 'ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  verification: { path: '/user', identity: { user: 'username', name: 'name' } },
  /**
   * Offset-based lists: `per_page` at most 100, and the `Link` header's rel="next" URL to be
   * followed rather than built ("Be sure to use these links instead of generating your own URLs").
   * A project is its numeric ID or its URL-encoded path (`group/project` → `group%2Fproject`):
   * the path template percent-encodes the value.
   * @see https://docs.gitlab.com/api/rest/#pagination
   * @see https://docs.gitlab.com/api/rest/#namespaced-paths
   */
  actions: [
    {
      key: 'list_projects',
      name: 'List projects',
      description: 'The projects visible to the user; `membership` keeps those they are a member of.',
      method: 'GET',
      // https://docs.gitlab.com/api/projects/#list-all-projects
      path: '/projects',
      query: {
        membership: '{{input.membership}}',
        owned: '{{input.owned}}',
        search: '{{input.search}}',
        simple: '{{input.simple}}',
        archived: '{{input.archived}}',
        order_by: '{{input.order_by}}',
        sort: '{{input.sort}}',
        per_page: '100'
      },
      input: {
        type: 'object',
        properties: {
          membership: { type: 'boolean', description: 'Limit by projects that the current user is a member of' },
          owned: { type: 'boolean', description: 'Limit by projects explicitly owned by the current user' },
          search: { type: 'string', description: 'Return list of projects matching the search criteria' },
          simple: { type: 'boolean', description: 'Return only limited fields for each project' },
          archived: { type: 'boolean', description: 'Limit by archived status' },
          order_by: { enum: ['id', 'name', 'path', 'created_at', 'updated_at', 'last_activity_at'] },
          sort: { enum: ['asc', 'desc'] }
        },
        additionalProperties: false
      },
      scopes: ['read_api'],
      pagination: { style: 'link' }
    },
    {
      key: 'get_project',
      name: 'Get a project',
      method: 'GET',
      // https://docs.gitlab.com/api/projects/#get-a-single-project
      path: '/projects/{{input.project}}',
      input: {
        type: 'object',
        properties: {
          project: {
            type: 'string',
            minLength: 1,
            description: 'The ID or path of the project, e.g. "42" or "group/project"'
          }
        },
        required: ['project'],
        additionalProperties: false
      },
      scopes: ['read_api']
    },
    {
      key: 'list_issues',
      name: 'List project issues',
      method: 'GET',
      // https://docs.gitlab.com/api/issues/#list-project-issues
      path: '/projects/{{input.project}}/issues',
      query: {
        state: '{{input.state}}',
        labels: '{{input.labels}}',
        milestone: '{{input.milestone}}',
        search: '{{input.search}}',
        order_by: '{{input.order_by}}',
        sort: '{{input.sort}}',
        per_page: '100'
      },
      input: {
        type: 'object',
        properties: {
          project: {
            type: 'string',
            minLength: 1,
            description: 'The ID or path of the project, e.g. "42" or "group/project"'
          },
          state: { enum: ['opened', 'closed'], description: 'All issues when left out' },
          labels: { type: 'string', description: 'Comma-separated label names; issues must have all of them' },
          milestone: { type: 'string', description: 'The milestone title; "None" or "Any"' },
          search: { type: 'string', description: 'Search the issues against their title and description' },
          order_by: {
            enum: [
              'created_at',
              'updated_at',
              'priority',
              'due_date',
              'relative_position',
              'label_priority',
              'milestone_due',
              'popularity',
              'weight'
            ]
          },
          sort: { enum: ['asc', 'desc'] }
        },
        required: ['project'],
        additionalProperties: false
      },
      scopes: ['read_api'],
      pagination: { style: 'link' }
    },
    {
      key: 'create_issue',
      name: 'Create an issue',
      method: 'POST',
      // https://docs.gitlab.com/api/issues/#new-issue
      path: '/projects/{{input.project}}/issues',
      body: {
        title: '{{input.title}}',
        description: '{{input.description}}',
        labels: '{{input.labels}}',
        assignee_ids: '{{input.assignee_ids}}',
        confidential: '{{input.confidential}}',
        due_date: '{{input.due_date}}'
      },
      input: {
        type: 'object',
        properties: {
          project: {
            type: 'string',
            minLength: 1,
            description: 'The ID or path of the project, e.g. "42" or "group/project"'
          },
          title: { type: 'string', minLength: 1 },
          description: { type: 'string', maxLength: 1048576, description: 'Markdown' },
          labels: { type: 'string', description: 'Comma-separated label names' },
          assignee_ids: { type: 'array', items: { type: 'integer' }, description: 'The IDs of the users to assign' },
          confidential: { type: 'boolean' },
          due_date: { type: 'string', pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YEAR-MONTH-DAY' }
        },
        required: ['project', 'title'],
        additionalProperties: false
      },
      scopes: ['api']
    }
  ]
})
