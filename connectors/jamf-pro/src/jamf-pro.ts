import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Jamf Pro: a token exchange. The account's user name and password are posted once as
 * HTTP Basic to `/api/v1/auth/token`, which answers a bearer token and its expiry
 * (`{"token", "expires"}`); the token is used until it expires, then fetched again. On
 * disconnect it is invalidated (`POST /api/v1/auth/invalidate-token`, with the token).
 *
 * @see https://developer.jamf.com/jamf-pro/docs/jamf-pro-api-overview
 * @see https://developer.jamf.com/jamf-pro/v10.34.0/reference/post_v1-auth-token
 * @see https://developer.jamf.com/jamf-pro/v10.42.0/reference/post_v1-auth-invalidate-token
 */
export const jamfPro = defineConnector({
  key: 'jamf-pro',
  name: 'Jamf Pro',
  version: '1.0.0',
  description: 'Apple device management: computers, mobile devices, policies, with a Jamf Pro account.',
  docsUrl: 'https://developer.jamf.com/jamf-pro/docs/jamf-pro-api-overview',
  parameters: [
    {
      key: 'host',
      label: 'Jamf Pro server',
      helpText: 'The host of your Jamf Pro address: yourcompany.jamfcloud.com, or your own server.',
      example: 'acme.jamfcloud.com'
    },
    {
      key: 'port',
      label: 'Port',
      type: 'port',
      default: '443',
      helpText: 'Jamf Cloud uses 443; servers you host often use 8443.'
    }
  ],
  auth: {
    kind: 'tokenExchange',
    label: 'Jamf Pro account',
    fields: [
      { key: 'username', label: 'Username', secret: false },
      { key: 'password', label: 'Password' }
    ],
    request: {
      url: 'https://{{parameters.host}}:{{parameters.port}}/api/v1/auth/token',
      headers: { Authorization: 'Basic {{base64(credentials.username, ":", credentials.password)}}' }
    },
    response: { tokenPath: 'token', expiresAtPath: 'expires' },
    // "Invalidates current token".
    logout: { url: 'https://{{parameters.host}}:{{parameters.port}}/api/v1/auth/invalidate-token' }
  },
  http: { baseUrl: 'https://{{parameters.host}}:{{parameters.port}}/api' },
  // "Get all the authorization details associated with the current api token".
  // @see https://developer.jamf.com/jamf-pro/v11.0.0/reference/get_v1-auth
  verification: { path: '/v1/auth', identity: { username: 'account.username' } }
})
