import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Notion: Notion workspaces. The token request is JSON with Basic client authentication; tokens do not expire; the workspace is kept.
 *
 * @see https://developers.notion.com/docs/authorization
 */
export const notion = defineConnector({
  key: 'notion',
  name: 'Notion',
  version: '1.0.0',
  description: 'Notion workspaces.',
  docsUrl: 'https://developers.notion.com/docs/authorization',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://api.notion.com/v1/oauth/authorize',
    tokenUrl: 'https://api.notion.com/v1/oauth/token',
    clientAuthMethod: 'client_secret_basic',
    tokenRequestFormat: 'json',
    pkce: false,
    authorizeParams: { owner: 'user' },
    tokenResponse: { keepFields: ['workspace_id', 'workspace_name', 'bot_id'] }
  },
  http: { baseUrl: 'https://api.notion.com/v1', headers: { 'Notion-Version': '2022-06-28' } },
  verification: { path: '/users/me', identity: { bot: 'name' } },
  // Notion's OAuth has no scopes (what a connection reaches is the pages shared with it), so no action names any.
  // Lists page by cursor: `start_cursor` = the answer's `next_cursor` while `has_more`, with `page_size` (at most
  // 100): in the query string of a GET, in the JSON body of a POST (where the page size is a fixed body field).
  // https://developers.notion.com/reference/intro#pagination
  actions: [
    {
      key: 'search',
      name: 'Search pages and databases',
      description:
        'Pages and databases shared with the connection whose title matches the query (all of them without one).',
      method: 'POST',
      // https://developers.notion.com/reference/post-search
      path: '/search',
      body: { query: '{{input.query}}', filter: '{{input.filter}}', sort: '{{input.sort}}', page_size: 100 },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', description: 'Compared with page and database titles' },
          filter: {
            type: 'object',
            description: 'Only pages or only databases: {"property": "object", "value": "page"}',
            properties: { property: { const: 'object' }, value: { enum: ['page', 'database'] } },
            required: ['property', 'value'],
            additionalProperties: false
          },
          sort: {
            type: 'object',
            description: 'By last edit: {"direction": "descending", "timestamp": "last_edited_time"}',
            properties: { direction: { enum: ['ascending', 'descending'] }, timestamp: { const: 'last_edited_time' } },
            required: ['direction', 'timestamp'],
            additionalProperties: false
          }
        },
        additionalProperties: false
      },
      output: 'results',
      pagination: {
        style: 'cursor',
        param: 'start_cursor',
        cursorIn: 'body',
        cursorPath: 'next_cursor',
        hasMorePath: 'has_more'
      }
    },
    {
      key: 'query_database',
      name: 'Query a database',
      description: "The database's pages matching the filter, in the order of the sorts (Notion-Version 2022-06-28).",
      method: 'POST',
      // https://developers.notion.com/reference/post-database-query
      path: '/databases/{{input.database_id}}/query',
      body: { filter: '{{input.filter}}', sorts: '{{input.sorts}}', page_size: 100 },
      input: {
        type: 'object',
        properties: {
          database_id: {
            type: 'string',
            minLength: 32,
            maxLength: 36,
            description: 'The database id (dashes optional)'
          },
          filter: { type: 'object', description: 'A filter object: a property condition, or an "and"/"or" of them' },
          sorts: { type: 'array', items: { type: 'object' }, description: 'Sort objects, the first taking precedence' }
        },
        required: ['database_id'],
        additionalProperties: false
      },
      output: 'results',
      pagination: {
        style: 'cursor',
        param: 'start_cursor',
        cursorIn: 'body',
        cursorPath: 'next_cursor',
        hasMorePath: 'has_more'
      }
    },
    {
      key: 'create_page',
      name: 'Create a page in a database',
      description: "A new page in a database; the keys of its properties must be the database's properties.",
      method: 'POST',
      // https://developers.notion.com/reference/post-page
      path: '/pages',
      body: {
        parent: { database_id: '{{input.database_id}}' },
        properties: '{{input.properties}}',
        children: '{{input.children}}'
      },
      input: {
        type: 'object',
        properties: {
          database_id: { type: 'string', minLength: 32, maxLength: 36, description: 'The parent database id' },
          properties: {
            type: 'object',
            description: 'Property values by property name, e.g. {"Name": {"title": [...]}}'
          },
          children: { type: 'array', items: { type: 'object' }, description: 'Block objects for the page content' }
        },
        required: ['database_id', 'properties'],
        additionalProperties: false
      }
    },
    {
      key: 'list_users',
      name: 'List users',
      description: 'The people and bots of the workspace (not guests); needs the user information capability.',
      method: 'GET',
      // https://developers.notion.com/reference/get-users
      path: '/users',
      output: 'results',
      pagination: {
        style: 'cursor',
        param: 'start_cursor',
        cursorPath: 'next_cursor',
        hasMorePath: 'has_more',
        limitParam: 'page_size',
        limit: 100
      }
    }
  ]
})
