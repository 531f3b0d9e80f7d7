import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Basecamp (the Basecamp 4 API) through 37signals Launchpad's OAuth 2.0.
 *
 * - "Tell it to use `https://launchpad.37signals.com/authorization/new` to request
 *   authorization and `https://launchpad.37signals.com/authorization/token` to get access
 *   tokens." The authorize request is `response_type=code`, `client_id` and `redirect_uri`;
 *   the code exchange POSTs `grant_type=authorization_code`, `client_id`, `redirect_uri`,
 *   `client_secret` and `code`, so the client goes in the body (`client_secret_post`). "The
 *   legacy parameters `type=web_server` ... and `type=refresh` ... are still accepted but not
 *   recommended. Use the standard `response_type` and `grant_type` parameters", so neither is sent.
 * - No scopes, no PKCE and no revocation endpoint are documented; none is declared.
 * - "Access tokens expire after 2 weeks" (`expires_in: 1209600`); a refresh POSTs
 *   `grant_type=refresh_token` with the client id and secret, and its answer has "the same
 *   format as the initial token exchange", a `refresh_token` included (Latchkey keeps the newest).
 * - The API: "All URLs start with `https://3.basecampapi.com/999999999/` ... The path is
 *   prefixed with the account ID". Launchpad's `GET https://launchpad.37signals.com/authorization.json`
 *   lists the accounts ("Pick the account with `"product": "bc3"` and use its `href` as the base
 *   URL"), but it is on another host than the API, and Latchkey's verification only reaches the
 *   API's base URL or its origin: the end customer gives the account ID instead (the number in
 *   their Basecamp address, `https://3.basecamp.com/<account id>/…`).
 * - Basecamp answers `400 Bad Request` to a request without a `User-Agent` naming "The name of
 *   your application" and "A link to your application or your email address". That is the
 *   tenant's own product, which a built-in definition cannot name: flows send it on their calls
 *   (callers may set `User-Agent`), and no verification request is declared, since Latchkey
 *   would send it without one.
 *
 * @see https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md
 * @see https://github.com/basecamp/bc3-api/blob/master/README.md
 */
export const basecamp = defineConnector({
  key: 'basecamp',
  name: 'Basecamp',
  version: '1.0.0',
  description: 'Projects, to-dos, messages and documents of a Basecamp account (Basecamp 4 API).',
  docsUrl: 'https://github.com/basecamp/bc3-api/blob/master/sections/authentication.md',
  parameters: [
    {
      key: 'accountId',
      label: 'Basecamp account ID',
      pattern: '[0-9]{1,20}',
      patternMessage: 'The account ID is the number after https://3.basecamp.com/ in your Basecamp address.',
      helpText: 'The number after https://3.basecamp.com/ in your Basecamp address.',
      example: '999999999'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://launchpad.37signals.com/authorization/new',
    tokenUrl: 'https://launchpad.37signals.com/authorization/token',
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  /** "All URLs start with https://3.basecampapi.com/999999999/": the account ID, then paths such as `/projects.json`. */
  http: { baseUrl: 'https://3.basecampapi.com/{{parameters.accountId}}' }
})
