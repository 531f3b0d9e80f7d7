import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Zendesk Support: every URL lives under the customer's own subdomain, given as a
 * parameter when connecting. Zendesk's token revocation is not RFC 7009
 * (`DELETE /api/v2/oauth/tokens/{id}`), so no revoke URL is declared here.
 *
 * @see https://developer.zendesk.com/documentation/ticketing/working-with-oauth/using-oauth-authentication-with-your-application/
 */
export const zendesk = defineConnector({
  key: 'zendesk',
  name: 'Zendesk',
  version: '1.0.0',
  description: 'Tickets, users and organizations in Zendesk Support.',
  docsUrl:
    'https://developer.zendesk.com/documentation/ticketing/working-with-oauth/using-oauth-authentication-with-your-application/',
  parameters: [
    {
      key: 'subdomain',
      label: 'Zendesk subdomain',
      type: 'text',
      required: true,
      pattern: '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?',
      patternMessage: 'Use only the part before .zendesk.com: lower-case letters, digits and dashes',
      helpText: 'If your Zendesk address is https://acme.zendesk.com, enter acme.',
      placeholder: 'acme'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.subdomain}}.zendesk.com/oauth/authorizations/new',
    tokenUrl: 'https://{{parameters.subdomain}}.zendesk.com/oauth/tokens',
    // https://developer.zendesk.com/api-reference/ticketing/oauth/oauth_tokens/#scopes
    scopes: {
      read: 'Gives access to GET endpoints. Includes permission to sideload related resources',
      write: 'Gives access to POST, PUT, and DELETE endpoints',
      'tickets:read': 'Read tickets',
      'tickets:write': 'Create and update tickets',
      'users:read': 'Read users',
      'users:write': 'Create and update users',
      'organizations:read': 'Read organizations',
      'organizations:write': 'Create and update organizations',
      'hc:read': 'Read Help Center content',
      'hc:write': 'Create and update Help Center content'
    },
    defaultScopes: ['read'],
    scopeDelimiter: ' ',
    // "If you don't specify a resource, access to all resources is assumed": `read` and `write` cover each resource's.
    scopeIncludes: {
      read: ['tickets:read', 'users:read', 'organizations:read', 'hc:read'],
      write: ['tickets:write', 'users:write', 'organizations:write', 'hc:write']
    },
    customerSelectsScopes: true,
    pkce: true,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://{{parameters.subdomain}}.zendesk.com/api/v2' },
  /**
   * Cursor pagination (recommended over offset pagination): `page[size]` (at most 100) turns it
   * on, the next page is `page[after]` = the answer's `meta.after_cursor`, and `meta.has_more`
   * says whether there is one.
   * @see https://developer.zendesk.com/api-reference/introduction/pagination/
   * @see https://developer.zendesk.com/documentation/api-basics/pagination/paginating-through-lists-using-cursor-pagination/
   */
  actions: [
    {
      key: 'list_tickets',
      name: 'List tickets',
      method: 'GET',
      // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets
      path: '/tickets',
      output: 'tickets',
      scopes: ['tickets:read'],
      pagination: {
        style: 'cursor',
        param: 'page[after]',
        cursorPath: 'meta.after_cursor',
        hasMorePath: 'meta.has_more',
        limitParam: 'page[size]',
        limit: 100
      }
    },
    {
      key: 'get_ticket',
      name: 'Show a ticket',
      method: 'GET',
      // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#show-ticket
      path: '/tickets/{{input.ticket_id}}',
      input: {
        type: 'object',
        properties: { ticket_id: { type: 'integer', minimum: 1 } },
        required: ['ticket_id'],
        additionalProperties: false
      },
      scopes: ['tickets:read']
    },
    {
      key: 'create_ticket',
      name: 'Create a ticket',
      description:
        'A ticket whose first comment is `comment`; the requester is the user authorizing the connection unless `requester_id` is given.',
      method: 'POST',
      // https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#create-ticket
      path: '/tickets',
      body: {
        ticket: {
          subject: '{{input.subject}}',
          comment: { body: '{{input.comment}}' },
          priority: '{{input.priority}}',
          type: '{{input.type}}',
          tags: '{{input.tags}}',
          requester_id: '{{input.requester_id}}'
        }
      },
      input: {
        type: 'object',
        properties: {
          subject: { type: 'string', minLength: 1 },
          comment: { type: 'string', minLength: 1, description: 'The first comment' },
          priority: { enum: ['urgent', 'high', 'normal', 'low'] },
          type: { enum: ['problem', 'incident', 'question', 'task'] },
          tags: { type: 'array', items: { type: 'string' } },
          requester_id: { type: 'integer', minimum: 1 }
        },
        required: ['subject', 'comment'],
        additionalProperties: false
      },
      scopes: ['tickets:write']
    },
    {
      key: 'list_users',
      name: 'List users',
      method: 'GET',
      // https://developer.zendesk.com/api-reference/ticketing/users/users/#list-users
      path: '/users',
      query: { role: '{{input.role}}' },
      input: {
        type: 'object',
        properties: { role: { enum: ['end-user', 'agent', 'admin'], description: 'Only users of this role' } },
        additionalProperties: false
      },
      output: 'users',
      scopes: ['users:read'],
      pagination: {
        style: 'cursor',
        param: 'page[after]',
        cursorPath: 'meta.after_cursor',
        hasMorePath: 'meta.has_more',
        limitParam: 'page[size]',
        limit: 100
      }
    }
  ]
})
