import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Square: a seller's payments, customers, catalog and orders, through Square's OAuth "code
 * flow" (an application with an application secret) in production.
 *
 * - Authorize at `https://connect.squareup.com/oauth2/authorize`; `scope` is "a space-separated
 *   list of the permissions".
 * - `POST https://connect.squareup.com/oauth2/token` (ObtainToken) takes a JSON body: "With the
 *   code flow, provide code, client_id, and client_secret"; refresh likewise, and "The response
 *   returns the same refresh token provided in the request" (code flow refresh tokens do not
 *   expire).
 * - The answer has no `expires_in`: `expires_at` is "The timestamp of when the access_token
 *   expires, in ISO 8601 format" (30 days); `merchant_id` names the seller and is kept.
 * - PKCE is Square's separate flow for clients without a secret ("With the PKCE flow, provide
 *   code, client_id, and code_verifier", whose refresh tokens rotate); it is not used here.
 * - RevokeToken (`POST /oauth2/revoke`): "The Authorization header for this endpoint must have
 *   the following format: Authorization: Client APPLICATION_SECRET", with a JSON body
 *   `{client_id, access_token}`; it "revokes all of them" (every token of the seller for this
 *   application), so one request with the access token is enough.
 *
 * @see https://developer.squareup.com/docs/oauth-api/overview
 * @see https://developer.squareup.com/reference/square/o-auth/authorize
 * @see https://developer.squareup.com/reference/square/o-auth/obtain-token
 * @see https://developer.squareup.com/reference/square/objects/ObtainTokenResponse
 * @see https://developer.squareup.com/reference/square/o-auth/revoke-token
 * @see https://developer.squareup.com/reference/square/enums/OAuthPermission
 */
export const square = defineConnector({
  key: 'square',
  name: 'Square',
  version: '1.0.0',
  description: "A Square seller's payments, customers, catalog, orders and locations.",
  docsUrl: 'https://developer.squareup.com/docs/oauth-api/overview',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://connect.squareup.com/oauth2/authorize',
    tokenUrl: 'https://connect.squareup.com/oauth2/token',
    revokeUrl: 'https://connect.squareup.com/oauth2/revoke',
    revokeRequest: {
      token: 'access',
      format: 'json',
      tokenParam: 'access_token',
      clientSecretHeader: { name: 'Authorization', prefix: 'Client ' },
      params: { client_id: '{{client.id}}' }
    },
    /**
     * Permissions of Square's `OAuthPermission` enum.
     * @see https://developer.squareup.com/reference/square/enums/OAuthPermission
     * @see https://developer.squareup.com/docs/oauth-api/square-permissions
     */
    scopes: {
      MERCHANT_PROFILE_READ: "Read the seller's business and location information",
      PAYMENTS_READ: 'Read payments and refunds',
      PAYMENTS_WRITE: 'Create payments and refunds',
      CUSTOMERS_READ: 'Read customer information',
      CUSTOMERS_WRITE: 'Create and update customer profiles',
      ITEMS_READ: "Read the seller's item library (catalog)",
      ITEMS_WRITE: "Create and update items in the seller's item library",
      ORDERS_READ: 'Read orders',
      ORDERS_WRITE: 'Create and update orders',
      INVENTORY_READ: 'Read inventory counts',
      INVOICES_READ: 'Read invoices',
      EMPLOYEES_READ: 'Read employee profile information',
      TIMECARDS_READ: 'Read employee timecards',
      SETTLEMENTS_READ: 'Read settlements (deposits)',
      BANK_ACCOUNTS_READ: 'Read bank account information associated with the Square account'
    },
    defaultScopes: ['MERCHANT_PROFILE_READ'],
    scopeDelimiter: ' ',
    customerSelectsScopes: true,
    pkce: false,
    clientAuthMethod: 'client_secret_post',
    tokenRequestFormat: 'json',
    tokenResponse: { expiresAtPath: 'expires_at', keepFields: ['merchant_id'] }
  },
  http: { baseUrl: 'https://connect.squareup.com/v2' },
  /**
   * RetrieveMerchant with `me`: "If the string "me" is supplied as the ID, then retrieve the
   * merchant that is currently accessible to this call" (`MERCHANT_PROFILE_READ`).
   * @see https://developer.squareup.com/reference/square/merchants/retrieve-merchant
   */
  verification: {
    path: '/merchants/me',
    identity: { merchantId: 'merchant.id', business: 'merchant.business_name' },
    scopes: ['MERCHANT_PROFILE_READ']
  },
  actions: [
    {
      key: 'list_locations',
      name: 'List locations',
      description: "The seller's locations, including inactive ones.",
      method: 'GET',
      // https://developer.squareup.com/reference/square/locations/list-locations
      path: '/locations',
      input: { type: 'object', properties: {}, additionalProperties: false },
      output: 'locations',
      scopes: ['MERCHANT_PROFILE_READ']
    },
    {
      key: 'list_customers',
      name: 'List customers',
      description: "The seller's customer profiles.",
      method: 'GET',
      // `cursor` from each answer (absent on the last page), `limit` 1 to 100.
      // https://developer.squareup.com/reference/square/customers/list-customers
      path: '/customers',
      query: { sort_field: '{{input.sort_field}}', sort_order: '{{input.sort_order}}' },
      input: {
        type: 'object',
        properties: {
          sort_field: { enum: ['DEFAULT', 'CREATED_AT'] },
          sort_order: { enum: ['ASC', 'DESC'] }
        },
        additionalProperties: false
      },
      output: 'customers',
      scopes: ['CUSTOMERS_READ'],
      pagination: { style: 'cursor', param: 'cursor', cursorPath: 'cursor', limitParam: 'limit', limit: 100 }
    }
  ]
})
