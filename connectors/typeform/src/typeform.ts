import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Typeform: forms and their responses. OAuth 2.0 authorization code at
 * `https://api.typeform.com/oauth/authorize` and `https://api.typeform.com/oauth/token`;
 * scopes joined with spaces (`scope={scope1}+{scope2}`); "Always add the offline scope to
 * receive a refresh token". The client id and secret go in the token request's form body.
 * Typeform documents no PKCE and no revocation endpoint, so neither is declared.
 *
 * Only the scopes whose wording was checked in Typeform's scope table are declared.
 *
 * @see https://www.typeform.com/developers/get-started/applications/
 * @see https://www.typeform.com/developers/get-started/scopes/
 */
export const typeform = defineConnector({
  key: 'typeform',
  name: 'Typeform',
  version: '1.0.0',
  description: 'Read and write Typeform forms.',
  docsUrl: 'https://www.typeform.com/developers/get-started/applications/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://api.typeform.com/oauth/authorize',
    tokenUrl: 'https://api.typeform.com/oauth/token',
    scopes: {
      'accounts:read': 'Retrieve basic information from your Typeform account.',
      'forms:read': 'Retrieve a list of forms from your Typeform account.',
      'forms:write': 'Create new forms in your Typeform account.',
      'images:write': 'Add images in your Typeform account.',
      offline: 'Receive a refresh token.'
    },
    defaultScopes: ['accounts:read', 'forms:read'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    // "Always add the offline scope to receive a refresh token."
    offlineAccess: { scope: 'offline' },
    // Typeform's OAuth guide documents no PKCE.
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://api.typeform.com' },
  // GET /me (needs `accounts:read`): the account's email.
  verification: { path: '/me', identity: { email: 'email' } }
})
