import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Airtable bases, through OAuth (PKCE required, Basic client authentication, single-use
 * refresh tokens) or a personal access token the customer creates in Airtable's builder hub.
 *
 * @see https://airtable.com/developers/web/api/oauth-reference
 * @see https://airtable.com/developers/web/guides/personal-access-tokens
 */
export const airtable = defineConnector({
  key: 'airtable',
  name: 'Airtable',
  version: '1.1.0',
  description: 'Airtable bases.',
  docsUrl: 'https://airtable.com/developers/web/api/oauth-reference',
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Airtable',
      authorizeUrl: 'https://airtable.com/oauth2/v1/authorize',
      tokenUrl: 'https://airtable.com/oauth2/v1/token',
      clientAuthMethod: 'client_secret_basic',
      pkce: true,
      scopes: {
        'data.records:read': 'Read records',
        'data.records:write': 'Create, edit and delete records',
        'schema.bases:read': 'Read base schemas',
        'user.email:read': 'See the email address'
      },
      defaultScopes: ['data.records:read', 'schema.bases:read', 'user.email:read'],
      customerSelectsScopes: true
    },
    {
      kind: 'apiKey',
      key: 'personal_access_token',
      label: 'Personal access token',
      inputLabel: 'Personal access token',
      pattern: 'pat[A-Za-z0-9]+\\.[A-Za-z0-9]+',
      helpText: 'Create one at airtable.com/create/tokens with the scopes and bases this application needs.'
    }
  ],
  http: { baseUrl: 'https://api.airtable.com/v0' },
  verification: { path: '/meta/whoami', identity: { user: 'email', id: 'id' } },
  actions: [
    {
      key: 'list_records',
      name: 'List records',
      description: 'The records of a table (its name or id), optionally only those of a view or matching a formula.',
      method: 'GET',
      // One page of up to `pageSize` (at most 100) records; `offset` in the answer, sent back as the `offset` query
      // parameter, until an answer has none. https://airtable.com/developers/web/api/list-records
      // https://support.airtable.com/docs/api-record-limits
      // Array parameters take "[]" on each key (`fields[]`), as Airtable answers in
      // https://community.airtable.com/t/api-error-requesting-a-single-field/20018
      path: '/{{input.base_id}}/{{input.table}}',
      query: {
        view: '{{input.view}}',
        filterByFormula: '{{input.filter_by_formula}}',
        'fields[]': '{{input.fields}}'
      },
      input: {
        type: 'object',
        properties: {
          base_id: { type: 'string', pattern: '^app[A-Za-z0-9]+$', description: 'The base id ("app…")' },
          table: { type: 'string', minLength: 1, description: 'The table id ("tbl…", recommended) or name' },
          view: {
            type: 'string',
            minLength: 1,
            description: 'Only the records of this view (name or id), in its order'
          },
          filter_by_formula: { type: 'string', minLength: 1, description: 'A formula; records for which it is truthy' },
          fields: {
            type: 'array',
            items: { type: 'string', minLength: 1 },
            description: 'Only these fields (names or ids)'
          }
        },
        required: ['base_id', 'table'],
        additionalProperties: false
      },
      output: 'records',
      scopes: ['data.records:read'],
      pagination: { style: 'cursor', param: 'offset', cursorPath: 'offset', limitParam: 'pageSize', limit: 100 }
    },
    {
      key: 'create_records',
      name: 'Create records',
      description: 'Up to 10 records in one request, each with its cell values by field name or id.',
      method: 'POST',
      // https://airtable.com/developers/web/api/create-records
      path: '/{{input.base_id}}/{{input.table}}',
      body: { records: '{{input.records}}', typecast: '{{input.typecast}}' },
      input: {
        type: 'object',
        properties: {
          base_id: { type: 'string', pattern: '^app[A-Za-z0-9]+$', description: 'The base id ("app…")' },
          table: { type: 'string', minLength: 1, description: 'The table id ("tbl…", recommended) or name' },
          records: {
            type: 'array',
            minItems: 1,
            maxItems: 10,
            items: {
              type: 'object',
              properties: { fields: { type: 'object', description: 'Cell values by field name or id' } },
              required: ['fields'],
              additionalProperties: false
            }
          },
          typecast: { type: 'boolean', description: "Convert string values to the fields' types (best effort)" }
        },
        required: ['base_id', 'table', 'records'],
        additionalProperties: false
      },
      scopes: ['data.records:write']
    },
    {
      key: 'list_bases',
      name: 'List bases',
      description: 'The bases the token can access, with the permission level on each.',
      method: 'GET',
      // 1000 bases a page; `offset` in the answer, sent back as the `offset` query parameter. No page size parameter.
      // https://airtable.com/developers/web/api/list-bases
      path: '/meta/bases',
      output: 'bases',
      scopes: ['schema.bases:read'],
      pagination: { style: 'cursor', param: 'offset', cursorPath: 'offset' }
    },
    {
      key: 'get_base_schema',
      name: 'Get base schema',
      description: 'The tables of a base with their fields and views.',
      method: 'GET',
      // https://airtable.com/developers/web/api/get-base-schema (`include`, an array: sent as `include[]`, as
      // list_records sends `fields[]`)
      path: '/meta/bases/{{input.base_id}}/tables',
      query: { 'include[]': '{{input.include}}' },
      input: {
        type: 'object',
        properties: {
          base_id: { type: 'string', pattern: '^app[A-Za-z0-9]+$', description: 'The base id ("app…")' },
          include: {
            type: 'array',
            items: { enum: ['visibleFieldIds'] },
            description: 'Additional fields to include in the views ("visibleFieldIds")'
          }
        },
        required: ['base_id'],
        additionalProperties: false
      },
      scopes: ['schema.bases:read']
    }
  ]
})
