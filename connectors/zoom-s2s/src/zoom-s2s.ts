import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Zoom with a Server-to-Server OAuth app: an app a Zoom account's admin creates in the App
 * Marketplace for that account alone, whose token acts for the whole account, without a user
 * signing in.
 *
 * - Credentials: "App credentials are the client credentials, including the account ID,
 *   client ID, and client secret", on the app's page in the Zoom App Marketplace. The app
 *   lives in the customer's account, so the customer types all three in (a customer-owned
 *   client and an `accountId` parameter); there is no tenant-wide app.
 * - Token: "Use the `account_credentials` grant type": `POST https://zoom.us/oauth/token`,
 *   form-encoded `grant_type=account_credentials&account_id=<account ID>`, the client in
 *   HTTP Basic (`Authorization: Basic base64(client_id:client_secret)`). "The token's time to
 *   live is one hour (3600 seconds). There is no refresh token": the grant is run again.
 * - Scopes: set on the app's Scopes page; the token answer's `scope` names them, none is
 *   asked for. The account-level (`:admin`) scopes below are the ones such apps are given.
 * - API: `https://api.zoom.us/v2`, `Authorization: Bearer`; a per-second 429 carries
 *   `X-RateLimit-Reset` (epoch seconds), as for Zoom's user-level apps.
 * - Revocation: none; "Tokens stop working when the app is deactivated".
 *
 * @see https://developers.zoom.us/docs/internal-apps/s2s-oauth/
 * @see https://developers.zoom.us/docs/internal-apps/create/
 * @see https://developers.zoom.us/docs/integrations/oauth-scopes/
 * @see https://developers.zoom.us/docs/api/rest/user/
 * @see https://developers.zoom.us/docs/api/rate-limits/
 * @see https://github.com/zoom/skills/blob/main/skills/rest-api/references/authentication.md (the form body and Basic header, as curl)
 */
export const zoomS2s = defineConnector({
  key: 'zoom-s2s',
  name: 'Zoom (Server-to-Server OAuth)',
  version: '1.0.0',
  description:
    "Users, meetings, webinars and recordings of a whole Zoom account, through a Server-to-Server OAuth app the account's admin created.",
  docsUrl: 'https://developers.zoom.us/docs/internal-apps/s2s-oauth/',
  parameters: [
    {
      key: 'accountId',
      label: 'Account ID',
      type: 'text',
      helpText:
        'On the App Credentials page of your Server-to-Server OAuth app in the Zoom App Marketplace, above its Client ID and Client Secret.',
      docsUrl: 'https://developers.zoom.us/docs/internal-apps/create/',
      pattern: '[A-Za-z0-9_-]{6,64}',
      patternMessage: 'An account ID is letters, digits, dashes and underscores, as the App Credentials page shows it'
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'client_credentials',
    grantType: 'account_credentials',
    tokenUrl: 'https://zoom.us/oauth/token',
    tokenParams: { account_id: '{{parameters.accountId}}' },
    clientAuthMethod: 'client_secret_basic',
    // The app belongs to the customer's Zoom account: its client id and secret are theirs.
    clientOwnership: 'customer',
    // Where the wizard tells the admin to find them: the same App Credentials page as the Account ID.
    clientFields: {
      clientId: {
        label: 'Client ID',
        helpText: 'On the App Credentials page of your Server-to-Server OAuth app, below the Account ID.',
        docsUrl: 'https://developers.zoom.us/docs/internal-apps/create/'
      },
      clientSecret: {
        label: 'Client Secret',
        helpText:
          'On the same App Credentials page, beside the Client ID. If you regenerate it there, connect again with the new one.',
        docsUrl: 'https://developers.zoom.us/docs/internal-apps/create/'
      }
    },
    /**
     * Account-level scopes and their classic descriptions.
     * @see https://developers.zoom.us/docs/integrations/oauth-scopes/
     */
    scopes: {
      'user:read:admin': "View all users' information",
      'user:write:admin': "View and manage all users' information",
      'meeting:read:admin': "View all users' meetings",
      'meeting:write:admin': "View and manage all users' meetings",
      'recording:read:admin': "View all users' recordings",
      'webinar:read:admin': "View all users' webinars",
      'report:read:admin': 'View report data'
    },
    // The app's Scopes page decides; nothing is asked for.
    defaultScopes: []
  },
  http: {
    baseUrl: 'https://api.zoom.us/v2',
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  /**
   * GET /v2/users/me: "the token's associated user", for this grant the app's owner ("The
   * token is the owner's access token"); `account_id` says which account was connected.
   */
  verification: {
    path: '/users/me',
    identity: { accountId: 'account_id', email: 'email', name: 'display_name' }
  }
})
