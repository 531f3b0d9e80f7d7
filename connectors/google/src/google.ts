import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Google: Google Workspace APIs (Drive, Gmail, Calendar). `access_type=offline` and `prompt=consent` so that every connect returns a refresh token; PKCE.
 *
 * @see https://developers.google.com/identity/protocols/oauth2/web-server
 */
export const google = defineConnector({
  key: 'google',
  name: 'Google',
  version: '1.0.0',
  description: 'Google Workspace APIs (Drive, Gmail, Calendar).',
  docsUrl: 'https://developers.google.com/identity/protocols/oauth2/web-server',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    issuer: 'https://accounts.google.com',
    authorizeUrl: 'https://accounts.google.com/o/oauth2/v2/auth',
    tokenUrl: 'https://oauth2.googleapis.com/token',
    revokeUrl: 'https://oauth2.googleapis.com/revoke',
    revokeRequest: { tokenTypeHint: false },
    clientAuthMethod: 'client_secret_post',
    scopes: {
      openid: 'Sign in with Google',
      email: 'See the email address',
      profile: 'See the basic profile',
      'https://www.googleapis.com/auth/drive.readonly': 'See and download Google Drive files',
      'https://www.googleapis.com/auth/gmail.readonly': 'Read Gmail messages and settings',
      'https://www.googleapis.com/auth/calendar.readonly': 'See calendars'
    },
    defaultScopes: ['openid', 'email'],
    customerSelectsScopes: true,
    offlineAccess: { authorizeParams: { access_type: 'offline', prompt: 'consent' } }
  },
  http: { baseUrl: 'https://www.googleapis.com' },
  verification: { path: '/oauth2/v3/userinfo', identity: { email: 'email', name: 'name' } }
})
