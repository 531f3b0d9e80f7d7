import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Postmark: sending email, templates, message search, bounces and stats of one Postmark
 * server, with its Server API token typed in by the end customer.
 *
 * - The API: "The Postmark API is built on REST principles ... We enforce TLS encryption by
 *   issuing requests via HTTPS. https://api.postmarkapp.com".
 * - The token: "All requests to Postmark's API require you to authenticate yourself to the
 *   service. In order to do this you must send the correct HTTP header with the correct API
 *   token." The Server Token, `X-Postmark-Server-Token`, is "Used for requests that require
 *   server level privileges. Found from the API Tokens tab under your Postmark server." "In
 *   the case that you execute a request with wrong or missing headers, you will receive an
 *   HTTP Response 401 (Unauthorized)": the default auth-failure status.
 * - `Accept: application/json` is marked "required" on the endpoints' request headers, so it
 *   goes on every call.
 * - Not declared: the Account Token (`X-Postmark-Account-Token`, "Used for requests that
 *   require account level privileges", for the servers, domains and sender signatures APIs).
 *   A second scheme would be possible, but the verification request belongs to the connector,
 *   not to a scheme: the server token's "who am I" (`GET /server`) answers an account token
 *   with a 401, which would turn every account-token connection red right after connecting,
 *   and Postmark documents no request both tokens may make.
 * - Rate limits: Postmark documents no rate-limit headers, so none are declared (a 429's
 *   `Retry-After`, if any, is read as always). Tokens do not expire and Postmark has no API to
 *   revoke one: the owner regenerates it on the API Tokens tab.
 *
 * @see https://postmarkapp.com/developer/api/overview
 * @see https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens
 * @see https://postmarkapp.com/developer/api/server-api
 */
export const postmark = defineConnector({
  key: 'postmark',
  name: 'Postmark',
  version: '1.0.0',
  description: 'Send email and read messages, bounces, templates and stats of a Postmark server, with its API token.',
  docsUrl: 'https://postmarkapp.com/developer/api/overview',
  auth: {
    kind: 'apiKey',
    key: 'server_token',
    label: 'Server API token',
    input: {
      label: 'Server API token',
      helpText: 'Servers → your server → API Tokens in Postmark.',
      docsUrl: 'https://postmarkapp.com/support/article/1008-what-are-the-account-and-server-api-tokens'
    },
    send: [{ in: 'header', name: 'X-Postmark-Server-Token', value: '{{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://api.postmarkapp.com',
    headers: { Accept: 'application/json' }
  },
  /**
   * GET /server, "Lets you get or edit details for a specific server using the
   * X-Postmark-Server-Token": the server the token belongs to (`ID`, `Name`, ...).
   * @see https://postmarkapp.com/developer/api/server-api
   */
  verification: { path: '/server', identity: { server: 'Name', serverId: 'ID' } }
})
