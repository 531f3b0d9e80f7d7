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
    customerSelectsScopes: true,
    // Box documents no PKCE support for its standard OAuth 2.0 apps.
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://api.box.com/2.0' }
})
