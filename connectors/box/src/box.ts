import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Box: files and folders. Scopes and URLs as in Box's OpenAPI security scheme (the
 * example Itential documents); client credentials go in the request body; refresh tokens
 * are single use (Box rotates them on every refresh) and revocation follows RFC 7009.
 *
 * @see https://developer.box.com/guides/authentication/oauth2/
 * @see https://developer.box.com/reference/post-oauth2-revoke/
 */
export const box = defineConnector({
  key: 'box',
  name: 'Box',
  version: '1.0.0',
  description: 'Read and write files and folders in Box.',
  docsUrl: 'https://developer.box.com/guides/authentication/oauth2/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://account.box.com/api/oauth2/authorize',
    tokenUrl: 'https://api.box.com/oauth2/token',
    revokeUrl: 'https://api.box.com/oauth2/revoke',
    scopes: {
      manage_app_users: 'Provision and manage app users',
      manage_data_retention: 'Manage data retention polices',
      manage_enterprise_properties: 'Manage enterprise properties',
      manage_groups: "Manage an enterprise's groups",
      manage_legal_hold: 'Manage Legal Holds',
      manage_managed_users: 'Provision and manage managed users',
      manage_webhook: 'Create webhooks programmatically through the API',
      root_readonly: 'Read all files and folders stored in Box',
      root_readwrite: 'Read and write all files and folders stored in Box'
    },
    defaultScopes: ['root_readwrite'],
    scopeDelimiter: ' ',
    // Read and write covers read: actions that only read ask for `root_readonly`, and a connection granted `root_readwrite` runs them.
    scopeIncludes: { root_readwrite: ['root_readonly'] },
    customerSelectsScopes: true,
    // Box documents no PKCE support for its standard OAuth 2.0 apps.
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://api.box.com/2.0' },
  actions: [
    {
      key: 'list_folder_items',
      name: 'List items in a folder',
      description: 'The files, folders and web links in a folder; the root folder is "0".',
      method: 'GET',
      path: '/folders/{{input.folder_id}}/items',
      // Marker-based paging (recommended for folders): `usemarker=true`, then `marker` = the answer's `next_marker`.
      // https://developer.box.com/reference/get-folders-id-items/
      // https://developer.box.com/guides/api-calls/pagination/marker-based/
      query: { usemarker: 'true', fields: '{{input.fields}}' },
      input: {
        type: 'object',
        properties: {
          folder_id: { type: 'string', pattern: '^[0-9]+$', description: 'The folder id; "0" is the root folder' },
          fields: { type: 'string', description: 'Comma-separated fields to return (e.g. "name,size,modified_at")' }
        },
        required: ['folder_id'],
        additionalProperties: false
      },
      output: 'entries',
      scopes: ['root_readonly'],
      pagination: { style: 'cursor', param: 'marker', cursorPath: 'next_marker', limitParam: 'limit', limit: 1000 }
    },
    {
      key: 'get_file',
      name: 'Get file information',
      method: 'GET',
      // https://developer.box.com/reference/get-files-id/
      path: '/files/{{input.file_id}}',
      query: { fields: '{{input.fields}}' },
      input: {
        type: 'object',
        properties: {
          file_id: { type: 'string', pattern: '^[0-9]+$' },
          fields: { type: 'string', description: 'Comma-separated fields to return' }
        },
        required: ['file_id'],
        additionalProperties: false
      },
      scopes: ['root_readonly']
    },
    {
      key: 'create_folder',
      name: 'Create a folder',
      method: 'POST',
      // https://developer.box.com/reference/post-folders/
      path: '/folders',
      body: { name: '{{input.name}}', parent: { id: '{{input.parent_id}}' } },
      input: {
        type: 'object',
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 255 },
          parent_id: { type: 'string', pattern: '^[0-9]+$', description: 'The parent folder; "0" is the root folder' }
        },
        required: ['name', 'parent_id'],
        additionalProperties: false
      },
      scopes: ['root_readwrite']
    },
    {
      key: 'search',
      name: 'Search files and folders',
      method: 'GET',
      // Offset-based: `offset` and `limit` (at most 200). https://developer.box.com/reference/get-search/
      path: '/search',
      query: { query: '{{input.query}}', type: '{{input.type}}', ancestor_folder_ids: '{{input.ancestor_folder_ids}}' },
      input: {
        type: 'object',
        properties: {
          query: { type: 'string', minLength: 1 },
          type: { enum: ['file', 'folder', 'web_link'] },
          ancestor_folder_ids: { type: 'string', description: 'Comma-separated folder ids to search in' }
        },
        required: ['query'],
        additionalProperties: false
      },
      output: 'entries',
      scopes: ['root_readonly'],
      pagination: { style: 'offset', param: 'offset', limitParam: 'limit', limit: 200 }
    }
  ]
})
