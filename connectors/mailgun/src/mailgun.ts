import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Mailgun: sending, domains, events and suppressions through Mailgun's REST API, with an API
 * key typed in by the end customer.
 *
 * - The key: "Authentication to the Mailgun API is done by providing an Authorization header
 *   using HTTP Basic Auth: Username: api, Password: Your API key" (the OpenAPI document's
 *   `basicAuth`: "HTTP Basic auth using api:YOUR_API_KEY"). So the user name is fixed and only
 *   the key is asked for. Of the two kinds of key, the primary account API key "allows you to
 *   perform all CRUD operations via our various API endpoints and for any of your sending
 *   domains"; a Domain Sending Key only allows "sending messages via a POST call on /messages
 *   and /messages.mime", so it cannot pass the verification below (which lists domains) and
 *   is not what this connector asks for.
 * - The region: "Mailgun allows the ability to send and receive email in both US and EU
 *   regions. Be sure to use the appropriate base URL based on which region you have created
 *   for your domain": `https://api.mailgun.net/` (US) or `https://api.eu.mailgun.net/` (EU),
 *   the two `servers` of the OpenAPI document. A dropdown, so no host is typed by hand.
 * - Versions: "Mailgun uses URI versioning for our API endpoints, and some endpoints may have
 *   different versions than others", so the base URL is the host alone and every path carries
 *   its version (`/v3/{domain_name}/messages`, `/v4/domains`).
 * - Rate limits: "Mailgun does have rate limits in place ... Please retry these requests as
 *   defined in the response." No reset header is documented; the OpenAPI document's 429
 *   answer writes the wait in `message` ("... account-requests-per-sec limit exceeded, try
 *   again after 120 seconds"), which is declared. A wait that long goes back to the caller.
 * - A refused key is a 401 (`{"message": "Invalid private key"}` for `GET /v4/domains`), the
 *   default auth-failure status. Keys are never refreshed, and Mailgun documents no API to
 *   revoke one: the owner deletes it in the dashboard.
 *
 * @see https://documentation.mailgun.com/docs/mailgun/api-reference/authentication
 * @see https://documentation.mailgun.com/docs/mailgun/api-reference (Base URL)
 * @see https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun (OpenAPI: servers, basicAuth)
 * @see https://documentation.mailgun.com/docs/mailgun/quickstart-guide/responses (429)
 */
export const mailgun = defineConnector({
  key: 'mailgun',
  name: 'Mailgun',
  version: '1.0.0',
  description: 'Send email and manage domains, events and suppressions in Mailgun (US or EU region), with an API key.',
  docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication',
  parameters: [
    {
      key: 'region',
      label: 'Mailgun region',
      type: 'dropdown',
      default: 'us',
      helpText: 'The region your sending domains were created in: US (api.mailgun.net) or EU (api.eu.mailgun.net).',
      docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference',
      options: [
        { value: 'us', label: 'US (api.mailgun.net)', values: { apiHost: 'api.mailgun.net' } },
        { value: 'eu', label: 'EU (api.eu.mailgun.net)', values: { apiHost: 'api.eu.mailgun.net' } }
      ]
    }
  ],
  auth: {
    kind: 'basic',
    label: 'API key',
    // "Username: api": fixed, never asked for.
    username: { value: 'api' },
    password: {
      label: 'API key',
      helpText: 'Your primary account API key: Account settings → API Security in the Mailgun dashboard.',
      docsUrl: 'https://documentation.mailgun.com/docs/mailgun/api-reference/authentication'
    }
  },
  http: {
    baseUrl: 'https://{{parameters.region.apiHost}}',
    rateLimit: { body: { path: 'message', pattern: 'try again after (\\d+) seconds' } }
  },
  /**
   * GET /v4/domains: "Get the list of domains ... If sorting is not specified domains are
   * returned in reverse creation date order." One item is enough: the newest domain's name and
   * how many domains the key sees in this region (`total_count`).
   * @see https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/domains/get-v4-domains
   */
  verification: {
    path: '/v4/domains',
    query: { limit: '1' },
    identity: { domain: 'items.0.name', domainCount: 'total_count' }
  }
})
