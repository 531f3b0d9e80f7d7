import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Intercom: contacts, conversations and tickets of an Intercom workspace, through an OAuth app
 * (public apps) or the access token of a private app.
 *
 * OAuth 2.0 authorization code: the customer is sent to `https://app.intercom.com/oauth` with
 * `client_id`, `state` and `redirect_uri` (permissions are ticked on the app in the Developer
 * Hub, not asked for in the request, so no scope is sent; no PKCE is documented); "we will
 * redirect back to your predefined redirect_uri with a code and state parameter", which is
 * exchanged "by POSTing to https://api.intercom.io/auth/eagle/token" with `code`,
 * `client_id` and `client_secret`. The token does not expire and comes without a refresh
 * token (Intercom's OmniAuth strategy records `expires: false`). No revocation endpoint is
 * documented, so none is declared.
 *
 * Either token is sent "with the bearer authorization header". Workspaces are hosted in the
 * US, Europe or Australia: "If you call api.intercom.io, we'll attempt to route your request
 * to the correct region", or the regional host is called directly.
 *
 * @see https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth
 * @see https://intercom-developer-hub.readme.io/reference/using-oauth
 * @see https://github.com/intercom/omniauth-intercom/blob/master/lib/omniauth/strategies/intercom.rb
 * @see https://developers.intercom.com/docs/build-an-integration/learn-more/authentication
 * @see https://developers.intercom.com/building-apps/docs/rest-apis
 */
export const intercom = defineConnector({
  key: 'intercom',
  name: 'Intercom',
  version: '1.0.0',
  description: 'Contacts, conversations and tickets of an Intercom workspace, through OAuth or an access token.',
  docsUrl: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
  parameters: [
    {
      key: 'region',
      label: 'Workspace region',
      type: 'dropdown',
      helpText: 'Where the workspace is hosted: app.eu.intercom.com is Europe, app.au.intercom.com Australia.',
      docsUrl: 'https://developers.intercom.com/building-apps/docs/rest-apis',
      default: 'us',
      options: [
        { value: 'us', label: 'United States (app.intercom.com)', values: { apiHost: 'api.intercom.io' } },
        { value: 'eu', label: 'Europe (app.eu.intercom.com)', values: { apiHost: 'api.eu.intercom.io' } },
        { value: 'au', label: 'Australia (app.au.intercom.com)', values: { apiHost: 'api.au.intercom.io' } }
      ]
    }
  ],
  auth: [
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Intercom',
      authorizeUrl: 'https://app.intercom.com/oauth',
      tokenUrl: 'https://api.intercom.io/auth/eagle/token',
      pkce: false,
      // `client_id` and `client_secret` are parameters of the token request.
      clientAuthMethod: 'client_secret_post'
    },
    {
      kind: 'apiKey',
      key: 'access_token',
      label: 'Access token',
      input: {
        label: 'Access token',
        helpText: 'Developer Hub → your app → Configure → Authentication.',
        docsUrl: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication'
      },
      send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
    }
  ],
  http: {
    baseUrl: 'https://{{parameters.region.apiHost}}',
    /**
     * "We will respond with '429 Too Many Requests'" and `X-RateLimit-Reset`, "Time when the
     * number of requests will be reset to the maximum limit. Shown as UNIX timestamp".
     * @see https://developers.intercom.com/docs/references/rest-api/errors/rate-limiting
     */
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' }
  },
  // GET /me: the authorised admin "along with the embedded app object" (the workspace):
  // `{ "type": "admin", "id", "name", "email", "app": { "id_code", "name", ... } }`.
  // https://developers.intercom.com/docs/references/2.15/rest-api/api.intercom.io/admins/identifyadmin
  verification: {
    path: '/me',
    identity: { email: 'email', name: 'name', workspace: 'app.name', workspaceId: 'app.id_code' }
  }
})
