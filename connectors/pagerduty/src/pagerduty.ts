import { defineConnector } from '@latchkey/connector-sdk'

/**
 * PagerDuty's REST API with a REST API key, sent as `Authorization: Token token=<key>`
 * (not `Bearer`), with the versioned media type PagerDuty asks for.
 *
 * @see https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md
 * @see https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/03-Versioning.md
 */
export const pagerDuty = defineConnector({
  key: 'pagerduty',
  name: 'PagerDuty',
  version: '1.0.0',
  description: 'Incidents, services, schedules and on-call, with a REST API key.',
  docsUrl: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md',
  auth: {
    kind: 'apiKey',
    input: {
      label: 'REST API key',
      helpText:
        'A general access key (Integrations → API Access Keys) or your own user token (My Profile → User Settings).',
      docsUrl: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md'
    },
    send: [{ in: 'header', name: 'Authorization', value: 'Token token={{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://api.pagerduty.com',
    // Answers in API v2 whatever version the key defaults to.
    headers: { Accept: 'application/vnd.pagerduty+json;version=2' }
  },
  // Works for account keys and user tokens alike (`/users/me` needs a user token).
  // `GET /abilities` in @see https://raw.githubusercontent.com/PagerDuty/api-schema/main/reference/REST/openapiv3.json
  verification: { path: '/abilities' },
  // Operations as in @see https://raw.githubusercontent.com/PagerDuty/api-schema/main/reference/REST/openapiv3.json
  // (operationId in each comment). A REST API key has no OAuth scopes: the key's own permissions apply.
  // Actions send the versioned `Accept` of `http.headers` like every call.
  // https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/03-Versioning.md
  // Index endpoints use classic pagination: `offset` and `limit` (default 25, at most 100), `more` false on the last
  // page. https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/09-Pagination.md
  actions: [
    {
      key: 'list_incidents',
      name: 'List incidents',
      description: 'Incidents, by default those of the last month; filter by status, service, urgency or date range.',
      method: 'GET',
      // operationId listIncidents (`limit`: "Maximum of 100")
      path: '/incidents',
      query: {
        'statuses[]': '{{input.statuses}}',
        'service_ids[]': '{{input.service_ids}}',
        'urgencies[]': '{{input.urgencies}}',
        since: '{{input.since}}',
        until: '{{input.until}}',
        date_range: '{{input.date_range}}'
      },
      input: {
        type: 'object',
        properties: {
          statuses: {
            type: 'array',
            items: { enum: ['triggered', 'acknowledged', 'resolved'] },
            uniqueItems: true
          },
          service_ids: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
          urgencies: { type: 'array', items: { enum: ['high', 'low'] }, uniqueItems: true },
          since: { type: 'string', minLength: 1, description: 'Start of the date range (at most 6 months)' },
          until: { type: 'string', minLength: 1, description: 'End of the date range' },
          date_range: { enum: ['all'], description: '"all" ignores since and until' }
        },
        additionalProperties: false
      },
      output: 'incidents',
      pagination: { style: 'offset', param: 'offset', limitParam: 'limit', limit: 100, hasMorePath: 'more' }
    },
    {
      key: 'create_incident',
      name: 'Create an incident',
      description: 'An incident on a service, as by the Create Incident button; the From header names the user acting.',
      method: 'POST',
      // operationId createIncident: the `From` header (required) is the email address of a valid user on the account.
      // https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/15-Incident-Creation-API.md
      path: '/incidents',
      headers: { From: '{{input.from}}' },
      body: {
        incident: {
          type: 'incident',
          title: '{{input.title}}',
          service: { id: '{{input.service_id}}', type: 'service_reference' },
          urgency: '{{input.urgency}}',
          incident_key: '{{input.incident_key}}',
          body: { type: 'incident_body', details: '{{input.details}}' }
        }
      },
      input: {
        type: 'object',
        properties: {
          from: { type: 'string', format: 'email', description: 'Email address of a user on the account' },
          title: { type: 'string', minLength: 1 },
          service_id: { type: 'string', minLength: 1 },
          urgency: { enum: ['high', 'low'] },
          incident_key: { type: 'string', minLength: 1, description: 'De-duplication key' },
          details: { type: 'string', minLength: 1, description: 'A longer description of the incident' }
        },
        required: ['from', 'title', 'service_id'],
        additionalProperties: false
      }
    },
    {
      key: 'list_services',
      name: 'List services',
      method: 'GET',
      // operationId listServices
      path: '/services',
      query: { query: '{{input.query}}', 'team_ids[]': '{{input.team_ids}}' },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', minLength: 1, description: 'Only services whose name matches' },
          team_ids: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true }
        },
        additionalProperties: false
      },
      output: 'services',
      pagination: { style: 'offset', param: 'offset', limitParam: 'limit', limit: 100, hasMorePath: 'more' }
    },
    {
      key: 'list_users',
      name: 'List users',
      method: 'GET',
      // operationId listUsers
      path: '/users',
      query: { query: '{{input.query}}', 'team_ids[]': '{{input.team_ids}}' },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', minLength: 1, description: 'Only users whose name matches' },
          team_ids: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true }
        },
        additionalProperties: false
      },
      output: 'users',
      pagination: { style: 'offset', param: 'offset', limitParam: 'limit', limit: 100, hasMorePath: 'more' }
    }
  ]
})
