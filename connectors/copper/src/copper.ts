import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Copper: people, companies, leads and opportunities of a Copper CRM account, with an API key.
 *
 * "All Copper API calls must include the following headers to authenticate the request":
 * `X-PW-AccessToken` (the API key), `X-PW-Application: developer_api`, `X-PW-UserEmail`
 * ("Email address of token owner") and `Content-Type: application/json`. The key is
 * generated in Copper under System settings → API Keys; the email is that of the user who
 * generated it ("include the token in the header of every request, along with the email
 * address of the user who generated the token").
 *
 * Or OAuth 2.0, for apps Copper registers ("To register your application, contact us"):
 * authorize at `https://app.copper.com/oauth/authorize` with `scope` "Must be
 * developer/v1/all" and an optional `state`; after consent users "will be redirected back to
 * your application's redirect_uri via a POST request. Use the code parameter supplied in the
 * request body" (Latchkey's callback takes POSTed forms); the code is exchanged at
 * `https://app.copper.com/oauth/token` with the client id and secret as form fields. The
 * answer is `access_token`, `token_type: Bearer`, `scope`: no expiry and no refresh token,
 * and no revocation endpoint is documented. Calls pass the token "in an Authorization header".
 *
 * @see https://developer.copper.com/introduction/authentication.html
 * @see https://developer.copper.com/introduction/oauth/index.html
 * @see https://developer.copper.com/introduction/oauth/flow.html
 * @see https://developer.copper.com/introduction/requests.html
 * @see https://developer.copper.com/introduction/oauth/quickstart.html
 */
export const copper = defineConnector({
  key: 'copper',
  name: 'Copper',
  version: '1.0.0',
  description: 'People, companies, leads and opportunities in Copper CRM, with an API key and its owner’s email.',
  docsUrl: 'https://developer.copper.com/introduction/authentication.html',
  auth: [
    {
      key: 'oauth2',
      label: 'Sign in with Copper',
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: 'https://app.copper.com/oauth/authorize',
      tokenUrl: 'https://app.copper.com/oauth/token',
      scopes: { 'developer/v1/all': 'Access the Copper Developer API on behalf of the user.' },
      defaultScopes: ['developer/v1/all'],
      // Not documented by Copper's OAuth pages.
      pkce: false,
      clientAuthMethod: 'client_secret_post'
    },
    {
      key: 'api_key',
      kind: 'apiKey',
      label: 'API key',
      input: {
        label: 'API key',
        helpText: 'System settings → API Keys → Generate API key in Copper.',
        docsUrl: 'https://developer.copper.com/introduction/authentication.html'
      },
      fields: [
        {
          key: 'userEmail',
          label: 'Email of the key’s owner',
          helpText: 'The email address of the Copper user who generated the API key.',
          example: 'ada@acme.example',
          secret: false
        }
      ],
      send: [
        { in: 'header', name: 'X-PW-AccessToken', value: '{{credentials.apiKey}}' },
        { in: 'header', name: 'X-PW-UserEmail', value: '{{credentials.userEmail}}' }
      ]
    }
  ],
  http: {
    baseUrl: 'https://api.copper.com/developer_api/v1',
    // The two headers every call carries besides the credential (a caller's own Content-Type wins).
    headers: { 'X-PW-Application': 'developer_api', 'Content-Type': 'application/json' }
  },
  // GET /users/me: "Special ID "me" can be passed in to obtain the current API user"
  // (`{ "id", "name", "email", "groups" }`). The email is the one typed in, so the user's
  // name and id are kept.
  // https://developer.copper.com/account-and-users/fetch-user-by-id.html
  verification: { path: '/users/me', identity: { name: 'name', id: 'id' } }
})
