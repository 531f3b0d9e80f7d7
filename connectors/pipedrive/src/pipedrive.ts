import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Pipedrive: deals, contacts and activities. The OAuth server is `oauth.pipedrive.com`; the
 * token, refresh and revoke requests authenticate the app with HTTP Basic
 * (`base64(client_id:client_secret)`) and send form bodies. Scopes are chosen when the app is
 * registered in Pipedrive's Developer Hub, not in the authorize request (which takes only
 * `client_id`, `redirect_uri` and `state`), so none are requested here; they are declared so
 * that actions can name them. The token answer names the company's API host in
 * `api_domain` (`https://<company>.pipedrive.com`), kept and used as the API base URL, on
 * Pipedrive's hosts only. Revoking the refresh token (`token_type_hint=refresh_token`)
 * uninstalls the app.
 *
 * @see https://pipedrive.readme.io/docs/marketplace-oauth-authorization
 * @see https://developers.pipedrive.com/docs/api/v1/Oauth
 * @see https://developers.pipedrive.com/changelog/post/new-parameter-in-oauth-oauthtoken-responses
 * @see https://pipedrive.readme.io/docs/marketplace-scopes-and-permissions-explanations
 * @see https://github.com/pipedrive/client-nodejs/blob/master/src/versions/v1/configuration.ts
 */
export const pipedrive = defineConnector({
  key: 'pipedrive',
  name: 'Pipedrive',
  version: '1.0.0',
  description: 'Deals, contacts and activities in Pipedrive.',
  docsUrl: 'https://pipedrive.readme.io/docs/marketplace-oauth-authorization',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://oauth.pipedrive.com/oauth/authorize',
    tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
    revokeUrl: 'https://oauth.pipedrive.com/oauth/revoke',
    // The `oauth2` scheme of Pipedrive's API v1 (as in its official client's docs/v1.md).
    scopes: {
      base: 'Read settings of the authorized user and currencies in an account',
      'deals:read':
        'Read most of the data about deals and related entities - deal fields, products, followers, participants; all notes, files, filters, pipelines, stages, and statistics. Does not include access to activities (except the last and next activity related to a deal)',
      'deals:full':
        'Create, read, update and delete deals, its participants and followers; all files, notes, and filters. It also includes read access to deal fields, pipelines, stages, and statistics. Does not include access to activities (except the last and next activity related to a deal)',
      'mail:read': 'Read mail threads and messages',
      'mail:full': 'Read, update and delete mail threads. Also grants read access to mail messages',
      'activities:read': 'Read activities, its fields and types; all files and filters',
      'activities:full':
        'Create, read, update and delete activities and all files and filters. Also includes read access to activity fields and types',
      'contacts:read':
        'Read the data about persons and organizations, their related fields and followers; also all notes, files, filters',
      'contacts:full':
        'Create, read, update and delete persons and organizations and their followers; all notes, files, filters. Also grants read access to contacts-related fields',
      'products:read': 'Read products, its fields, files, followers and products connected to a deal',
      'products:full': 'Create, read, update and delete products and its fields; add products to deals',
      'deal-fields:full': 'Create, read, update and delete deal fields',
      'product-fields:full': 'Create, read, update and delete product fields',
      'contact-fields:full': 'Create, read, update and delete person and organization fields',
      'projects:read': 'Read projects and its fields, tasks and project templates',
      'projects:full':
        'Create, read, update and delete projects and its fields; add projects templates and project related tasks',
      'users:read':
        'Read data about users (people with access to a Pipedrive account), their permissions, roles and followers',
      'recents:read':
        'Read all recent changes occurred in an account. Includes data about activities, activity types, deals, files, filters, notes, persons, organizations, pipelines, stages, products and users',
      'search:read':
        'Search across the account for deals, persons, organizations, files and products, and see details about the returned results',
      admin:
        'Allows to do many things that an administrator can do in a Pipedrive company account - create, read, update and delete pipelines and its stages; deal, person and organization fields; activity types; users and permissions, etc. It also allows the app to create webhooks and fetch and delete webhooks that are created by the app',
      'leads:read': 'Read data about leads and lead labels',
      'leads:full': 'Create, read, update and delete leads and lead labels',
      'phone-integration':
        'Enables advanced call integration features like logging call duration and other metadata, and play call recordings inside Pipedrive',
      'goals:read': 'Read data on all goals',
      'goals:full': 'Create, read, update and delete goals',
      'video-calls': 'Allows application to register as a video call integration provider and create conference links',
      'messengers-integration':
        'Allows application to register as a messengers integration provider and allows them to deliver incoming messages and their statuses'
    },
    // Granted scopes come back comma-separated ("base,deals:full,contacts:read").
    scopeDelimiter: ',',
    // Pipedrive documents no PKCE parameters for its authorize request.
    pkce: false,
    clientAuthMethod: 'client_secret_basic',
    tokenResponse: { keepFields: ['api_domain'] }
  },
  http: {
    baseUrl: '{{metadata.api_domain}}/api/v1',
    // "https://companydomain.pipedrive.com domains for making API requests".
    originHosts: ['*.pipedrive.com']
  },
  // GET /users/me: `{ "success": true, "data": { "id", "name", "email", "company_id", "company_domain", ... } }`.
  // https://developers.pipedrive.com/docs/api/v1/Users#getCurrentUser
  verification: {
    path: '/users/me',
    identity: { user: 'data.email', id: 'data.id', company: 'data.company_domain' }
  }
})
