import { defineConnector } from '@latchkey/connector-sdk'

/**
 * WooCommerce: a store's products, orders, customers and coupons through the WooCommerce
 * REST API (`wc/v3`) on the store's own WordPress site, with a REST API key (consumer key
 * and consumer secret) typed in by the merchant.
 *
 * - The key: "To create or manage keys for a specific WordPress user, go to WooCommerce >
 *   Settings > Advanced > REST API ... Use of the REST API with the generated keys will
 *   conform to that user's WordPress roles and capabilities. Choose the level of access for
 *   this REST API key, which can be Read access, Write access or Read/Write access ... These
 *   two keys are your Consumer Key and Consumer Secret."
 * - How it is sent: "Authentication over HTTPS: You may use HTTP Basic Auth by providing the
 *   REST API Consumer Key as the username and the REST API Consumer Secret as the password"
 *   (`curl https://www.example.com/wp-json/wc/v3/orders -u consumer_key:consumer_secret`).
 *   Over plain HTTP WooCommerce wants OAuth 1.0a "one-legged" signatures instead; the base
 *   URL is always https, so that case never arises.
 * - The host: the API is on the store's own site, `https://{host}/wp-json/wc/v3`, and needs
 *   "Pretty permalinks in Settings > Permalinks ... Default permalinks will not work."
 * - No refresh and no revocation: keys do not expire; the merchant revokes one in the same
 *   settings screen ("a Revoke API Key button"), and "If the WordPress user associated with an
 *   API key is deleted, the API key will cease to function". Disconnecting deletes the key
 *   here only.
 * - No rate limits: the REST API documentation names none. The rate limiting WooCommerce
 *   documents is the Store API's (`wc/store`), "optional and disabled by default".
 *
 * Not declared:
 * - The query-string fallback ("Occasionally some servers may not parse the Authorization
 *   header correctly ... you may provide the consumer key/secret as query string parameters
 *   instead"): the secret would sit in every URL, and so in server and proxy logs.
 * - The key's access level (read, write, read/write), chosen when the key is made: a
 *   typed-in credential scheme has no scope list to declare it in.
 * - Stores where the REST API is not at `https://{host}/wp-json/` (WordPress in a
 *   subdirectory, a renamed REST prefix, plain permalinks' `?rest_route=`): the base URL can
 *   take a host parameter but not a path one, since path values are percent-encoded.
 * - WooCommerce's Application Authentication Endpoint (`/wc-auth/v1/authorize`), which makes
 *   a key for an app and POSTs it to the app's `callback_url`: it is not OAuth 2.0, and the
 *   definition format has no scheme that receives credentials by a posted callback.
 *
 * @see https://developer.woocommerce.com/docs/apis/rest-api/authentication/
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#authentication-over-https
 * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#requirements
 * @see https://developer.woocommerce.com/docs/getting-started-with-the-woocommerce-rest-api
 * @see https://developer.woocommerce.com/docs/apis/store-api/rate-limiting (the Store API only)
 */
export const woocommerce = defineConnector({
  key: 'woocommerce',
  name: 'WooCommerce',
  version: '1.0.0',
  description: "A WooCommerce store's products, orders and customers, with a REST API consumer key and secret.",
  docsUrl: 'https://developer.woocommerce.com/docs/apis/rest-api/authentication/',
  parameters: [
    {
      key: 'host',
      label: 'Store host',
      helpText:
        'The host name of your WordPress site, without https:// or a path: shop.example.com. The site must be served over HTTPS, with pretty permalinks (Settings → Permalinks not "Plain").',
      docsUrl: 'https://developer.woocommerce.com/docs/getting-started-with-the-woocommerce-rest-api',
      example: 'shop.example.com',
      // What a host-name placeholder accepts: dot-separated labels of letters, digits and dashes.
      pattern: '[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+',
      patternMessage: 'Only the host name, such as shop.example.com: no https://, path or port'
    }
  ],
  auth: {
    kind: 'basic',
    label: 'REST API key',
    username: {
      label: 'Consumer key',
      helpText:
        'WooCommerce → Settings → Advanced → REST API → Add key: pick a user who can manage WooCommerce, and Read or Read/Write access.',
      docsUrl: 'https://developer.woocommerce.com/docs/apis/rest-api/authentication/',
      example: 'ck_0123456789abcdef0123456789abcdef01234567',
      // WooCommerce makes keys as `ck_` and 40 hex digits, secrets as `cs_` and 40 hex digits.
      pattern: 'ck_[A-Za-z0-9]+',
      patternMessage: 'A consumer key starts with ck_'
    },
    password: {
      label: 'Consumer secret',
      helpText: 'Shown beside the consumer key when the key is generated, and only then.',
      docsUrl: 'https://developer.woocommerce.com/docs/apis/rest-api/authentication/',
      example: 'cs_0123456789abcdef0123456789abcdef01234567',
      pattern: 'cs_[A-Za-z0-9]+',
      patternMessage: 'A consumer secret starts with cs_'
    }
  },
  http: { baseUrl: 'https://{{parameters.host}}/wp-json/wc/v3' },
  /**
   * `GET /system_status` ("view all system status items"), its `environment` section:
   * `home_url`, `site_url` and `version` (the WooCommerce version). The key itself has no
   * "who am I" endpoint, so the store it opens is the identity. `_fields`, WordPress's global
   * parameter ("WordPress will skip unneeded fields when generating your response object"),
   * keeps it cheap: since WooCommerce 3.9 the controller builds only the sections asked for, and
   * naming single environment fields skips its remote POST and GET tests. It needs a user who
   * can manage WooCommerce (`manage_woocommerce`); others are answered 401 or 403.
   * @see https://woocommerce.github.io/woocommerce-rest-api-docs/#system-status
   * @see https://developer.wordpress.org/rest-api/using-the-rest-api/global-parameters/
   * @see https://make.wordpress.org/core/2019/10/10/filtering-nested-rest-response-_fields-in-wp-5-3/
   */
  verification: {
    path: '/system_status',
    query: { _fields: 'environment.home_url,environment.site_url,environment.version' },
    identity: { store: 'environment.home_url', siteUrl: 'environment.site_url', version: 'environment.version' }
  }
})
