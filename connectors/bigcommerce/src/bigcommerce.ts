import { defineConnector } from '@latchkey/connector-sdk'

/**
 * BigCommerce: one store's catalog, orders, customers and settings through the REST
 * Management APIs (V2 and V3), with the access token of a store-level API account typed in
 * by the merchant.
 *
 * - The token: "Most of our REST endpoints and GraphQL Admin API endpoints use the
 *   `X-Auth-Token` header to authenticate to BigCommerce servers ... Pass the access token as
 *   the value of the `X-Auth-Token` header". "The X-Auth-Client header is deprecated": the
 *   client ID is "no longer a required header value", so it is not asked for.
 * - Store-level API accounts: "Merchants generate single-store API credentials when they
 *   create API accounts in their store control panel, in the Settings > Store-level API
 *   accounts menu ... You can't change store-level access tokens or OAuth scopes." The
 *   account's API path (`https://api.bigcommerce.com/stores/{store_hash}/v3/`) names the
 *   store hash, the one parameter.
 * - The base URL stops at the store: "The API path won't change, but it will have `/v3/` or
 *   `/v2/` appended to it, depending on the current version for the endpoint you're
 *   querying." Calls name the version themselves (`/v3/catalog/products`, `/v2/orders`).
 * - `Accept: application/json` on every call: "When requesting a resource that returns a
 *   body, specify the type of content you want to receive with the `Accept` header"; every
 *   example request of the docs sends it (older references of V2 endpoints said the default
 *   was XML).
 * - No refresh and no revocation: "access tokens do not expire based on time and cannot be
 *   manually invalidated"; "To revoke store-level API credentials, you must delete the
 *   corresponding store API account" in the control panel. Disconnecting deletes the token
 *   here only.
 * - Rate limits: a rate-limited answer carries `X-Retry-After`, "indicating the number of
 *   seconds before the quota refreshes", which a 429's retry waits for; failing that,
 *   `X-Rate-Limit-Time-Reset-Ms`, "the time in milliseconds until your quota resets". A 429
 *   with neither ("the platform experiences high load") gets the usual backoff.
 *
 * Not declared, because the definition format cannot say it:
 * - The scopes. They are the API account's OAuth scopes, ticked in the control panel when the
 *   account is created (the verification below needs "Information & Settings" read-only,
 *   `store_v2_information_read_only`); a typed-in credential scheme has no scope list.
 * - BigCommerce's app OAuth: its grant code flow starts when "the merchant initiates
 *   installing your app by signing in to their store control panel", which calls the app's
 *   `/auth` callback with the store as `context`; it is not an authorize URL Latchkey sends the
 *   merchant to.
 *
 * @see https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/api-accounts
 * @see https://developer.bigcommerce.com/docs/start/authentication/api-accounts
 * @see https://support.bigcommerce.com/articles/Public/Store-API-Accounts/
 * @see https://github.com/bigcommerce/docs/blob/main/docs/start/authentication/index.mdx (X-Auth-Token)
 * @see https://github.com/bigcommerce/docs/blob/main/docs/start/about/index.mdx (request and response headers)
 * @see https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/rate-limits
 * @see https://github.com/bigcommerce/docs/blob/main/docs/integrations/apps/guide/auth.mdx (app OAuth)
 */
export const bigcommerce = defineConnector({
  key: 'bigcommerce',
  name: 'BigCommerce',
  version: '1.0.0',
  description: "A BigCommerce store's catalog, orders and customers, with a store-level API account's access token.",
  docsUrl: 'https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/api-accounts',
  parameters: [
    {
      key: 'storeHash',
      label: 'Store hash',
      helpText:
        'The part after /stores/ in the API path shown when the store-level API account was created: https://api.bigcommerce.com/stores/{store hash}/v3/.',
      docsUrl: 'https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/api-accounts',
      example: 'abc123',
      // BigCommerce does not spell out the hash's format; its examples (abc123, g5cd38) are letters and digits.
      pattern: '[A-Za-z0-9]+',
      patternMessage: 'Only the store hash, such as "abc123", not the whole API path'
    }
  ],
  auth: {
    kind: 'apiKey',
    label: 'Store-level API account',
    input: {
      label: 'Access token',
      helpText:
        'Settings → Store-level API accounts → Create API account. Give it the OAuth scopes your flows need, and at least Information & Settings (read-only) so the connection can be checked. The access token is shown once.',
      docsUrl: 'https://support.bigcommerce.com/articles/Public/Store-API-Accounts/'
    },
    send: [{ in: 'header', name: 'X-Auth-Token', value: '{{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://api.bigcommerce.com/stores/{{parameters.storeHash}}',
    headers: { Accept: 'application/json' },
    rateLimit: {
      resetHeader: ['x-retry-after', 'x-rate-limit-time-reset-ms'],
      resetFormat: 'delay_seconds',
      resetFormats: { 'x-rate-limit-time-reset-ms': 'delay_milliseconds' }
    }
  },
  /**
   * Get Store Information, `GET /v2/store`: "Returns metadata about the global settings for a
   * store"; `id` is "The store hash, a unique store identifier", `name` "Store’s name",
   * `domain` "Primary domain name". Scope: Information & Settings, read-only or modify.
   * @see https://developer.bigcommerce.com/docs/rest-management/store-information
   */
  verification: { path: '/v2/store', identity: { storeHash: 'id', store: 'name', domain: 'domain' } }
})
