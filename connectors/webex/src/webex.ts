import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Webex: messaging, meetings and people, on behalf of a Webex user, through a Webex
 * Integration (OAuth 2.0 authorization code).
 *
 * - Authorize: the integrations guide says "To kick off the flow send your user to the
 *   following URL along with a standard set of OAuth query parameters: https://webexapis…";
 *   the copy read breaks off there. The rest, `https://webexapis.com/v1/authorize`, is the
 *   "OAuth Authorization URL" an integration's page hands out (a Cisco engineer's answer
 *   on the Webex developer community); the token URL below is on the same host.
 * - Token and refresh: `POST https://webexapis.com/v1/access_token`, a form body with
 *   `grant_type`, `client_id`, `client_secret`, `code` and `redirect_uri` (Webex's own
 *   sample, linked from its developer blog, sends exactly this; refreshing sends
 *   `grant_type=refresh_token` with the client id and secret in the body too). Hence
 *   `client_secret_post`. The refresh answer carries a refresh token, which the sample keeps.
 * - PKCE: the guide lists "Authorization Code Flow and Authorization Code Flow wit[h PKCE]"
 *   (the copy read breaks off mid-word); Latchkey's default S256 PKCE stays on.
 * - Revocation: no RFC 7009 endpoint is documented in the pages read, so none is declared
 *   (disconnecting deletes the tokens; the user can remove the integration in Webex).
 * - Scopes: only names seen in Webex's pages: `spark:people_read` ("Searching and viewing
 *   People requires an auth token with a scope of spark:people_read") and `spark:all`.
 *
 * @see https://developer.webex.com/docs/integrations
 * @see https://github.com/WebexSamples/webex-flask-oauth-example (Webex's sample: token and refresh requests)
 * @see https://developer.webex.com/docs/api/v1/people
 * @see https://developer.webex.com/docs/api/v1/people/get-my-own-details
 * @see https://community.cisco.com/t5/webex-for-developers/how-to-get-an-authorization-code-for-authentication-api/m-p/5094092
 */
export const webex = defineConnector({
  key: 'webex',
  name: 'Webex',
  version: '1.0.0',
  description: 'Messaging, meetings and people in Webex, on behalf of a Webex user.',
  docsUrl: 'https://developer.webex.com/docs/integrations',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://webexapis.com/v1/authorize',
    tokenUrl: 'https://webexapis.com/v1/access_token',
    scopes: {
      // https://developer.webex.com/docs/api/v1/people
      'spark:people_read': 'Search and view people in the Webex directory.',
      // https://developer.cisco.com/webex-meetings/ ("Please ensure the spark:all scope is selected")
      'spark:all': 'Full access to the Webex account.'
    },
    defaultScopes: ['spark:people_read'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    // "Authorization Code Flow and Authorization Code Flow wit[h PKCE]".
    pkce: true,
    // client_id and client_secret in the form body of the token and refresh requests.
    clientAuthMethod: 'client_secret_post'
  },
  http: { baseUrl: 'https://webexapis.com/v1' },
  // GET /v1/people/me: "Get profile details for the authenticated user" (`spark:people_read`).
  verification: { path: '/people/me', identity: { id: 'id', name: 'displayName', email: 'emails.0' } }
})
