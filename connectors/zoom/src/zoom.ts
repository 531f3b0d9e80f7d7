import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Zoom: users, meetings, webinars and recordings through the Zoom API, on behalf of the Zoom
 * user who authorizes a user-managed OAuth app ("General app") of the Zoom App Marketplace.
 *
 * - Authorize: the user is sent to `https://zoom.us/oauth/authorize` with `response_type=code`,
 *   `client_id` and `redirect_uri` ("Use `https://zoom.us/oauth/authorize` for consent, but
 *   `https://zoom.us/oauth/token` for token exchange", Zoom's OAuth skill); `state`,
 *   `code_challenge` and `code_challenge_method` (`S256` or `plain`) are optional.
 * - Token and refresh: `POST https://zoom.us/oauth/token` with "a basic authorization header
 *   ... your Client ID and Client Secret with a colon : in between, Base64 Encoded", hence
 *   `client_secret_basic`. Since February 2023 Zoom refuses token values in URL query
 *   parameters ("Zoom will only accept requests with access token values in the
 *   `Authorization` header"); Latchkey sends the grant in the form body, as Zoom's Postman
 *   collection does (`refresh_token=[REFRESH TOKEN]&grant_type=refresh_token`).
 * - Lifetimes: "Access tokens expire after one hour"; refresh tokens rotate: "Each refresh
 *   returns a NEW refresh token (old one becomes invalid)" (Zoom's token lifecycle guide).
 * - PKCE: "Zoom supports Proof of Key Code Exchange (PKCE) ... when requesting user tokens"
 *   (Zoom's developer blog); the code verifier goes with the Basic-authenticated token request,
 *   so Latchkey's default S256 PKCE stays on.
 * - Scopes: a Marketplace app is given its scopes on its Scopes page, and Zoom's documented
 *   authorize request names none, so no `scope` is sent by default; the token answer's `scope`
 *   says what was granted. The scopes declared below are user-level ones, classic and granular,
 *   for flows and tenant defaults to name.
 * - Revocation: `POST https://zoom.us/oauth/revoke`, Basic client authentication, the access
 *   token as `token` in a form body; it answers `{"status": "success"}`. Zoom documents the
 *   access token only (no `token_type_hint`), and revoking it uninstalls the app for the user
 *   ("the revoke endpoint actually does uninstall the app and trigger the deauth flow").
 * - Rate limits: 429, with `X-RateLimit-Reset` (a Unix timestamp) on per-second limits and a
 *   `Retry-After` date on daily limits (Latchkey reads `Retry-After` first; a daily reset is far
 *   beyond any wait and goes back to the caller).
 *
 * Zoom's Server-to-Server OAuth (`grant_type=account_credentials` with an `account_id`, an
 * app in the customer's own account) is its own connector, `zoom-s2s`. Not declared: the
 * `app_deauthorized` webhook Zoom sends when a user removes the app is not something a
 * definition can receive.
 *
 * @see https://developers.zoom.us/docs/integrations/oauth/
 * @see https://developers.zoom.us/docs/integrations/
 * @see https://developers.zoom.us/docs/integrations/PKCE/
 * @see https://developers.zoom.us/blog/pcke-oauth-with-postman-rest-api/
 * @see https://developers.zoom.us/docs/integrations/oauth-scopes/
 * @see https://developers.zoom.us/docs/integrations/oauth-scopes-granular/
 * @see https://developers.zoom.us/docs/api/rest/user/
 * @see https://developers.zoom.us/docs/api/rate-limits/
 * @see https://devsupport.zoom.us/hc/en-us/articles/12363164278669-Access-token-change-FAQ
 * @see https://devforum.zoom.us/t/zoom-api-how-to-revoke-app-access-when-user-wants-to-disconnect-your-app-and-zoom-app/18432
 * @see https://github.com/zoom/skills/blob/main/skills/oauth/SKILL.md (Zoom's OAuth skill: authorize, token, refresh, revoke)
 * @see https://github.com/zoom/skills/blob/main/skills/oauth/concepts/token-lifecycle.md
 * @see https://github.com/zoom/skills/blob/main/skills/rest-api/concepts/rate-limiting-strategy.md
 */
export const zoom = defineConnector({
  key: 'zoom',
  name: 'Zoom',
  version: '1.0.0',
  description: 'Users, meetings, webinars and cloud recordings in Zoom, on behalf of a Zoom user.',
  docsUrl: 'https://developers.zoom.us/docs/integrations/oauth/',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://zoom.us/oauth/authorize',
    tokenUrl: 'https://zoom.us/oauth/token',
    revokeUrl: 'https://zoom.us/oauth/revoke',
    // `token=<access token>`, form-encoded, Basic client authentication, no type hint.
    revokeRequest: { token: 'access', tokenTypeHint: false },
    /**
     * User-level scopes, their descriptions from Zoom's classic scope page and, for granular
     * scopes, the API each one grants in Zoom's granular scope page.
     * @see https://developers.zoom.us/docs/integrations/oauth-scopes/
     * @see https://developers.zoom.us/docs/integrations/oauth-scopes-granular/
     */
    scopes: {
      'user:read': 'View your user information (classic)',
      'meeting:read': 'View your meetings (classic)',
      'meeting:write': 'View and manage your meetings (classic)',
      'recording:read': 'View your recordings (classic)',
      'webinar:read': 'View your webinars (classic)',
      'user:read:user': 'Get a user: your own profile (granular)',
      'meeting:read:list_meetings': 'List your meetings (granular)',
      'meeting:read:meeting': 'Get a meeting (granular)',
      'meeting:write:meeting': 'Create a meeting (granular)',
      'meeting:update:meeting': 'Update a meeting (granular)',
      'meeting:delete:meeting': 'Delete a meeting (granular)',
      'cloud_recording:read:list_user_recordings': 'List your cloud recordings (granular)'
    },
    // The app's Scopes page decides what is granted; the documented authorize request has no `scope`.
    defaultScopes: [],
    scopeDelimiter: ' ',
    customerSelectsScopes: false,
    pkce: true,
    // "a basic authorization header": base64(client_id:client_secret), for the code, refresh and revoke requests.
    clientAuthMethod: 'client_secret_basic'
  },
  http: {
    // "All endpoints are available at https://api.zoom.us/v2/."
    baseUrl: 'https://api.zoom.us/v2',
    // A per-second 429 carries `X-RateLimit-Reset`, "Unix timestamp when per-second limit resets".
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  /**
   * GET /v2/users/me: "Replace `userID` with `me` to target the token's associated user"; the
   * answer has `id`, `email`, `display_name` and `account_id` (scope `user:read:user`, classic
   * `user:read`).
   * @see https://developers.zoom.us/docs/api/rest/user/
   */
  verification: {
    path: '/users/me',
    identity: { id: 'id', email: 'email', name: 'display_name', accountId: 'account_id' }
  }
})
