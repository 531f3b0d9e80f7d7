import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Dropbox: Files and folders in Dropbox. Offline access (`token_access_type=offline`) gives a refresh token; revocation takes the access token as a bearer credential.
 *
 * @see https://developers.dropbox.com/oauth-guide
 */
export const dropbox = defineConnector({
  key: 'dropbox',
  name: 'Dropbox',
  version: '1.0.0',
  description: 'Files and folders in Dropbox.',
  docsUrl: 'https://developers.dropbox.com/oauth-guide',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://www.dropbox.com/oauth2/authorize',
    tokenUrl: 'https://api.dropboxapi.com/oauth2/token',
    revokeUrl: 'https://api.dropboxapi.com/2/auth/token/revoke',
    revokeRequest: { authentication: 'bearer', token: 'access', format: 'none' },
    scopes: {
      'account_info.read': 'View basic information about the account',
      'files.metadata.read': 'View information about files and folders',
      'files.content.read': 'View content of files and folders',
      'files.content.write': 'Edit content of files and folders',
      'sharing.read': 'View sharing settings and collaborators'
    },
    defaultScopes: ['account_info.read', 'files.metadata.read'],
    customerSelectsScopes: true,
    offlineAccess: { authorizeParams: { token_access_type: 'offline' } },
    tokenResponse: { keepFields: ['account_id'] }
  },
  http: { baseUrl: 'https://api.dropboxapi.com/2' },
  verification: {
    method: 'POST',
    path: '/users/get_current_account',
    body: 'null',
    identity: { email: 'email', name: 'name.display_name' }
  }
})
