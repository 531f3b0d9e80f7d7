import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Smartsheet (smartsheet.com): sheets, rows, workspaces and dashboards, as the user, through
 * Smartsheet's 3-legged OAuth 2.0. What its OAuth walkthrough and API reference say:
 *
 * - "Request an Authorization Code: `GET https://app.smartsheet.com/b/authorize`" with
 *   `client_id`, `response_type=code`, `scope` ("Required. Space-delimited list of access
 *   scopes") and `state`. No PKCE is documented, so none is sent.
 * - `POST /token` on `https://api.smartsheet.com/2.0` "Gets or refreshes an access token":
 *   `client_id`, `grant_type` (`authorization_code` or `refresh_token`), `code` or
 *   `refresh_token`, and `client_secret` ("Must use either this value or hash. Plain text
 *   method") or a SHA-256 `hash`; `Content-Type: application/x-www-form-urlencoded`. Latchkey
 *   sends the plain `client_secret` in the form body (`client_secret_post`). The reference
 *   lists these fields as query parameters; Latchkey has no query-string token request, and
 *   the form body is the OAuth 2.0 form the content type names.
 * - "Access tokens expire after 604799 seconds, which is approx 7 days. Use the refresh token
 *   to obtain a new access token and a new refresh token. Once you obtain the new tokens, you
 *   must use them in place of the old ones, which are no longer valid": rotating refresh tokens.
 * - Revocation: `DELETE /token` "Revokes the access token used to make this request": the
 *   access token as the bearer credential, no body. Its `deleteAllForApiClient=true` would
 *   delete every token of the user for this app (other connections too), so it is not sent.
 * - Only the smartsheet.com region is declared: the Gov, Europe and Australia API hosts are
 *   documented, their authorize pages were not found in the pages read.
 *
 * @see https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth
 * @see https://developers.smartsheet.com/api/smartsheet/openapi/tokens/tokens-getorrefresh
 * (the Tokens group also holds "Revoke Access Token", operation `tokens-delete`)
 */
export const smartsheet = defineConnector({
  key: 'smartsheet',
  name: 'Smartsheet',
  version: '1.0.0',
  description: 'Sheets, rows, workspaces and dashboards of Smartsheet, as the connected user.',
  docsUrl: 'https://developers.smartsheet.com/api/smartsheet/guides/advanced-topics/oauth',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://app.smartsheet.com/b/authorize',
    tokenUrl: 'https://api.smartsheet.com/2.0/token',
    revokeUrl: 'https://api.smartsheet.com/2.0/token',
    revokeRequest: { method: 'DELETE', authentication: 'bearer', token: 'access', format: 'none' },
    // The OAuth walkthrough's "Access Scopes" table.
    scopes: {
      ADMIN_SHEETS: 'Modify sheet structure, including column definition, publish state, etc.',
      ADMIN_SIGHTS: 'Modify Sights/dashboards structure.',
      ADMIN_USERS:
        'Add and remove users from your Smartsheet organization account; create groups and manage membership.',
      ADMIN_WEBHOOKS: 'Create, delete, and update webhooks; get all webhooks; reset shared secret.',
      ADMIN_WORKSPACES: 'Create and manage workspaces and folders, including sharing.',
      CREATE_SHEETS: 'Create new sheets.',
      CREATE_SIGHTS: 'Create new Sights/dashboards.',
      DELETE_SHEETS: 'Delete sheets.',
      DELETE_SIGHTS: 'Delete Sights/dashboards.',
      READ_CONTACTS: 'Retrieve contacts.',
      READ_EVENTS: 'Retrieve events.',
      READ_SHEETS: 'Read all sheet data, including attachments, discussions, and cell data.',
      READ_SIGHTS: 'Read all Sights/dashboards data.',
      READ_USERS: 'Retrieve users and groups for your Smartsheet organization account.',
      SHARE_SHEETS: 'Share sheets, including sending sheets as attachments.',
      SHARE_SIGHTS: 'Share Sights/dashboards.',
      WRITE_SHEETS: 'Insert and modify sheet data, including attachments, discussions, and cell data.'
    },
    // "Your app must request at least one access scope".
    defaultScopes: ['READ_SHEETS'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    pkce: false,
    clientAuthMethod: 'client_secret_post'
  },
  /** "Base URL Smartsheet: https://api.smartsheet.com/2.0" @see https://developers.smartsheet.com/api */
  http: { baseUrl: 'https://api.smartsheet.com/2.0' },
  /** Get Current User (`GET /users/me`), which a token "can execute ... regardless of which access scopes were requested" (OAuth walkthrough). */
  verification: { path: '/users/me', identity: { user: 'email', id: 'id' } }
})
