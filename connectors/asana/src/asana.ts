import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Asana: tasks, projects and workspaces. Authorization code grant with PKCE (S256); the
 * authorize, token, refresh and revoke endpoints of Asana's OAuth quick reference; the scopes
 * (and their wording) of the `oauth2` security scheme of Asana's own OpenAPI document. Access
 * tokens last an hour; the client id and secret go in the form body of the token request.
 *
 * @see https://developers.asana.com/docs/oauth
 * @see https://developers.asana.com/docs/oauth-scopes
 * @see https://developers.asana.com/docs/openid-connect
 * @see https://github.com/Asana/openapi/blob/master/defs/asana_oas.yaml
 */
export const asana = defineConnector({
  key: 'asana',
  name: 'Asana',
  version: '1.0.0',
  description: 'Tasks, projects and workspaces in Asana.',
  docsUrl: 'https://developers.asana.com/docs/oauth',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    // Quick reference of https://developers.asana.com/docs/oauth
    authorizeUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
    revokeUrl: 'https://app.asana.com/-/oauth_revoke',
    // Asana's OpenAPI security scheme `oauth2.flows.authorizationCode.scopes`, in its wording.
    scopes: {
      default:
        'Provides access to all endpoints documented in our API reference. If no scopes are requested, this scope is assumed by default.',
      openid: 'Provides access to OpenID Connect ID tokens and the OpenID Connect user info endpoint.',
      email: 'Provides access to the user’s email through the OpenID Connect user info endpoint.',
      profile: 'Provides access to the user’s name and profile photo through the OpenID Connect user info endpoint.',
      'attachments:read': 'View access to attachments',
      'attachments:write': 'Create and modify access to attachments',
      'attachments:delete': 'Delete access to attachments',
      'custom_fields:read': 'View access to custom fields',
      'custom_fields:write': 'Create and modify access to custom fields',
      'goals:read': 'View access to goals',
      'jobs:read': 'View access to jobs',
      'ooo_entries:read': 'View access to OOO entries',
      'ooo_entries:write': 'Create and modify access to OOO entries',
      'ooo_entries:delete': 'Delete access to OOO entries',
      'tasks:read': 'View access to tasks',
      'tasks:write': 'Create and modify access to tasks',
      'tasks:delete': 'Delete access to tasks',
      'task_custom_types:read': 'View access to task custom types',
      'task_templates:read': 'View access to task templates',
      'team_memberships:read': 'View access to team memberships',
      'portfolios:read': 'View access to portfolios',
      'portfolios:write': 'Create and modify access to portfolios',
      'project_templates:read': 'View access to project templates',
      'project_portfolio_settings:read': 'View access to project portfolio settings',
      'project_portfolio_settings:write': 'Create and modify access to project portfolio settings',
      'projects:delete': 'Delete access to projects',
      'projects:read': 'View access to projects',
      'projects:write': 'Create and modify access to projects',
      'roles:read': 'View access to roles',
      'roles:write': 'Create and modify access to roles',
      'roles:delete': 'Delete access to roles',
      'users:read': 'View access to users',
      'teams:read': 'View access to teams',
      'time_tracking_categories:read': 'View access to time tracking categories',
      'time_tracking_categories:write': 'Create and modify access to time tracking categories',
      'time_tracking_categories:delete': 'Delete access to time tracking categories',
      'time_tracking_entries:read': 'View access to time tracking entries',
      'timesheet_approval_statuses:read': 'View access to timesheet approval statuses',
      'timesheet_approval_statuses:write': 'Create and modify access to timesheet approval statuses',
      'stories:read': 'View access to stories',
      'stories:write': 'Create and modify access to stories',
      'tags:read': 'View access to tags',
      'tags:write': 'Create and modify access to tags',
      'webhooks:read': 'View access to webhooks',
      'webhooks:write': 'Create and modify access to webhooks',
      'webhooks:delete': 'Delete access to webhooks',
      'workspaces:read': 'View access to workspaces'
    },
    // "If no scopes are requested, this scope is assumed by default" (apps registered with full permissions).
    defaultScopes: ['default'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    // The authorize request takes `code_challenge` / `code_challenge_method=S256`:
    // https://developers.asana.com/docs/openid-connect
    pkce: true,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://app.asana.com/api/1.0' },
  // GET /users/me answers `{ "data": { "gid", "name", "email", ... } }`.
  // https://developers.asana.com/reference/getuser
  verification: { path: '/users/me', identity: { user: 'data.email', id: 'data.gid', name: 'data.name' } }
})
