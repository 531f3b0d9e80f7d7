import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Trello: boards, lists and cards as the connected member, through Trello's OAuth 1.0a
 * ("There are two ways to authorize a client and receive a User Token. The first is via our
 * 1/authorize route, the second is via basic OAuth1.0"). The consumer is the tenant's app:
 * the API key of its Power-Up as `clientId`, the Power-Up's OAuth secret as `clientSecret`.
 *
 * - The three legs are those of Trello's "Using Basic OAuth" sample:
 *   `https://trello.com/1/OAuthGetRequestToken`, `https://trello.com/1/OAuthAuthorizeToken`
 *   and `https://trello.com/1/OAuthGetAccessToken`, HMAC-SHA1 signatures.
 * - The authorize page takes the options of the authorize route: `scope` ("read", "write",
 *   "account", comma-separated), `expiration` ("1hour", "1day", "30days" or "never") and
 *   `name`. Latchkey's OAuth 1.0a tokens do not expire and are not renewed, so `expiration`
 *   is `never`, and the scope is `read,write` (the account's email would need `account`).
 *   `name` ("The name of the application") is the tenant's product, not something a
 *   built-in definition can fix, so it is left out.
 * - No revocation is declared: the pages read document no OAuth 1.0a endpoint that takes the
 *   signed POST Latchkey's `revokeUrl` sends (Trello's REST API deletes tokens with a `DELETE`
 *   on the token, which was not checked in its reference). Disconnecting deletes the token in
 *   Latchkey; the member can revoke it in their Trello account settings.
 *
 * @see https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
 */
export const trello = defineConnector({
  key: 'trello',
  name: 'Trello',
  version: '1.0.0',
  description: 'Boards, lists and cards of Trello, as the connected member (OAuth 1.0a).',
  docsUrl: 'https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/',
  auth: {
    kind: 'oauth1',
    /** @see https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/ ("Using Basic OAuth") */
    requestTokenUrl: 'https://trello.com/1/OAuthGetRequestToken',
    /** @see https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/ ("Using Basic OAuth") */
    authorizeUrl: 'https://trello.com/1/OAuthAuthorizeToken',
    /** @see https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/ ("Using Basic OAuth") */
    accessTokenUrl: 'https://trello.com/1/OAuthGetAccessToken',
    signatureMethod: 'HMAC-SHA1',
    /**
     * The authorize route's `scope` and `expiration` options.
     * @see https://developer.atlassian.com/cloud/trello/guides/rest-api/authorization/
     */
    authorizeParams: { scope: 'read,write', expiration: 'never' }
  },
  /** "https://api.trello.com/1/members/me/ ... should return an object containing information about your Trello user." */
  http: { baseUrl: 'https://api.trello.com/1' },
  /** The member the token belongs to (the authorization guide's own first call): its id and user name. */
  verification: { path: '/members/me', identity: { id: 'id', username: 'username' } }
})
