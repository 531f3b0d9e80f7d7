import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Help Scout's Mailbox API 2.0 with the OAuth 2.0 Authorization Code flow ("typically used
 * for integrations to be used by other Help Scout users").
 *
 * - "Redirect user to Help Scout":
 *   `https://secure.helpscout.net/authentication/authorizeClientApplication?client_id={application_id}&state={your_secret}`;
 *   Help Scout then redirects to the Redirection URL defined in My Apps with `code` (and `state`).
 * - The code and refresh requests go to `https://api.helpscout.net/v2/oauth2/token`
 *   (`Authenticator::TOKEN_URL` in Help Scout's own PHP SDK) with `grant_type`, `code` or
 *   `refresh_token`, `client_id` and `client_secret` in the body; "you can choose to send
 *   data as JSON, form or query params in all POST requests on this page, as long as the
 *   appropriate Content-Type header is included". Latchkey sends a form (`client_secret_post`).
 * - The SDK keeps the `refresh_token` of every token answer, refresh answers included: so does
 *   Latchkey (whether the previous one stays valid is not stated in the pages read).
 * - No scopes, no PKCE and no revocation endpoint are documented; none is declared.
 *
 * @see https://developer.helpscout.com/mailbox-api/overview/authentication/
 * @see https://github.com/helpscout/helpscout-api-php/blob/master/src/Http/Authenticator.php
 */
export const helpScout = defineConnector({
  key: 'help-scout',
  name: 'Help Scout',
  version: '1.0.0',
  description: 'Conversations, customers and mailboxes of Help Scout through the Mailbox API 2.0.',
  docsUrl: 'https://developer.helpscout.com/mailbox-api/overview/authentication/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
    tokenUrl: 'https://api.helpscout.net/v2/oauth2/token',
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  /** "All requests have to be authenticated via the Authorization header" (Bearer), below `https://api.helpscout.net/v2`. */
  http: { baseUrl: 'https://api.helpscout.net/v2' },
  /** The authentication page's own example call, `GET https://api.helpscout.net/v2/users/me`: the user the token acts as. */
  verification: { path: '/users/me', identity: { user: 'email', id: 'id' } }
})
