import { defineConnector } from '@latchkey/connector-sdk'

/**
 * SendGrid: mail send, templates, contacts, suppressions and stats through Twilio SendGrid's
 * Web API v3, with an API key typed in by the end customer.
 *
 * - The key: "To use keys, you must set a plain text header named "Authorization" with the
 *   contents of the header being "Bearer XXX" where XXX is your API Secret Key"
 *   (`GET https://api.sendgrid.com/v3/resource`, `Authorization: Bearer Your.API.Key-HERE`; the
 *   OpenAPI documents' `BearerAuth`). "Twilio SendGrid API keys are 69 characters long", and
 *   SendGrid's examples show them as `SG.` and two dot-separated parts
 *   (`Authorization: Bearer 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`).
 *   A key has Full, Restricted (Custom) or Billing Access; the owner deletes it in Settings →
 *   API Keys. Nothing to refresh, and no revocation of a key by its own request.
 * - The region: every endpoint documents two base URLs, "https://api.sendgrid.com (for global
 *   users and subusers)" and "https://api.eu.sendgrid.com (for EU regional subusers)" (the
 *   OpenAPI documents' `servers`); "Twilio SendGrid offers two region options: Global and EU".
 *   A dropdown, so no host is typed by hand.
 * - Rate limits: "Each Web API response includes rate-limit headers that indicate how many
 *   requests remain in the current refresh period ... If you exceed that limit, the API returns
 *   an HTTP 429". The rate-limit page's example `X-RateLimit-Reset: 1392815263` is epoch seconds,
 *   while the OpenAPI documents describe the same header as "The amount of time (in seconds)
 *   until the current window is over": `auto` reads a number above 10^9 as epoch seconds and a
 *   smaller one as seconds from now, so either answer is waited out correctly.
 * - A refused key is a 401, the default auth-failure status.
 *
 * Not declared: the `on-behalf-of` header ("make API calls from a parent account on behalf of
 * the parent's Subusers"), which names a different account per call and "does not work with the
 * Mail Send API": a flow sets it on the calls that need it.
 *
 * @see https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/authentication
 * @see https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys
 * @see https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/rate-limits
 * @see https://www.twilio.com/docs/sendgrid/data-residency/migrate-subusers
 * @see https://github.com/twilio/sendgrid-oai/blob/main/spec/json/tsg_user_v3.json (`servers`, `BearerAuth`, `/v3/user/username`)
 */
export const sendgrid = defineConnector({
  key: 'sendgrid',
  name: 'SendGrid',
  version: '1.0.0',
  description: 'Send email and manage templates, contacts and suppressions in Twilio SendGrid (global or EU region).',
  docsUrl: 'https://www.twilio.com/docs/sendgrid/api-reference/how-to-use-the-sendgrid-v3-api/authentication',
  parameters: [
    {
      key: 'region',
      label: 'SendGrid region',
      type: 'dropdown',
      default: 'global',
      helpText:
        'Global (api.sendgrid.com), unless the API key belongs to an EU regional subuser (api.eu.sendgrid.com).',
      docsUrl: 'https://www.twilio.com/docs/sendgrid/data-residency/migrate-subusers',
      options: [
        { value: 'global', label: 'Global (api.sendgrid.com)', values: { apiHost: 'api.sendgrid.com' } },
        { value: 'eu', label: 'EU (api.eu.sendgrid.com)', values: { apiHost: 'api.eu.sendgrid.com' } }
      ]
    }
  ],
  auth: {
    kind: 'apiKey',
    input: {
      label: 'API key',
      helpText:
        'Settings → API Keys → Create API Key in the SendGrid console. A restricted key needs the user.username.read permission too: the connection check reads the account’s user name.',
      docsUrl: 'https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys',
      example: 'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      // 69 characters: `SG.` and two dot-separated parts.
      pattern: '(?=.{69}$)SG\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+',
      patternMessage: 'A SendGrid API key is 69 characters long and starts with SG.'
    },
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://{{parameters.region.apiHost}}/v3',
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'auto' }
  },
  /**
   * GET /v3/user/username: "This endpoint allows you to retrieve your current account
   * username", `{ "username": "test_username", "user_id": 1 }` (both required). A restricted key
   * reaches it with the `user.username.read` permission.
   * @see https://www.twilio.com/docs/sendgrid/api-reference/users-api/retrieve-your-username
   * @see https://www.twilio.com/docs/sendgrid/api-reference/api-key-permissions
   */
  verification: { path: '/user/username', identity: { username: 'username', userId: 'user_id' } }
})
