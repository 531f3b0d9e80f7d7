import { defineConnector } from '@latchkey/connector-sdk'

/**
 * The Klaviyo API revision every call is sent with. "API endpoint revision (format:
 * YYYY-MM-DD[.suffix])", required on every `/api` endpoint; this is the revision of Klaviyo's
 * stable OpenAPI document the verification below was checked against (Klaviyo's guides also
 * show the newer `2026-10-15`). A flow that needs another revision sends its own `revision`
 * header, which wins over this one.
 */
const REVISION = '2026-07-15'

/** Read and write scopes of one kind of Klaviyo object, as the OpenAPI document names them. */
const readWrite = (name: string, what: string): Record<string, string> => ({
  [`${name}:read`]: `Read ${what}`,
  [`${name}:write`]: `Create, update and delete ${what}`
})

/**
 * Klaviyo: profiles, lists, segments, events, campaigns, flows and catalogs through the Klaviyo
 * REST API (`https://a.klaviyo.com/api`, the OpenAPI `servers`), with a private API key or as an
 * OAuth app.
 *
 * The private API key, the first scheme: "Private key authentication for /api/ endpoints is
 * performed by setting the `Authorization` header to `Klaviyo-API-Key your-private-api-key`"
 * (the OpenAPI security scheme). "Private keys will have the prefix pk_ followed by a longer
 * alphanumeric string"; their scopes (read-only, full or custom) are chosen when the key is
 * created in Klaviyo.
 *
 * Every call carries the `revision` header (see {@link REVISION}), whichever scheme.
 *
 * OAuth 2.0 authorization code with PKCE, the second scheme ("Add Klaviyo's OAuth
 * authorization code flow, with PKCE"):
 * - Authorize at `https://www.klaviyo.com/oauth/authorize` with `response_type=code`,
 *   `client_id`, `redirect_uri`, `scope`, `state`, `code_challenge_method=S256` and
 *   `code_challenge`, as Klaviyo's example apps and Node SDK build it (the guide takes its
 *   snippets from those examples). Scopes are "a space-separated list", and must be among
 *   those set on the app.
 * - Token and refresh at `https://a.klaviyo.com/oauth/token`, form-encoded with
 *   `Authorization: Basic` of the client id and secret: "On March 31, 2025, Klaviyo started
 *   blocking all OAuth token traffic (`oauth/token` and `oauth/revoke`) routed through
 *   `www.klaviyo.com`. Ensure that your integration routes token traffic to
 *   `https://a.klaviyo.com/oauth/token` or `https://a.klaviyo.com/oauth/revoke`". Refresh
 *   answers carry `refresh_token`, which Latchkey keeps whether or not it changed; whether
 *   Klaviyo rotates it is not stated on the pages checked.
 * - Revocation at `https://a.klaviyo.com/oauth/revoke` (same caution), RFC 7009 with the same
 *   Basic client authentication. Klaviyo's Pet Party Planner example posts the refresh token
 *   with `token_type_hint=refresh_token`, which "revoke[s] access and refresh tokens";
 *   Latchkey's RFC 7009 shape then also posts the access token.
 * - OAuth calls go as `Authorization: Bearer <access_token>`; "Everything else — URL,
 *   `revision` header, request body, response shape — stays identical."
 * - Scopes: every `x-klaviyo-scopes` name of the stable OpenAPI document (descriptions are
 *   ours: the document gives none); the default is `accounts:read`, which the verification needs.
 *
 * Errors: a missing or refused key answers 401 (`not_authenticated`, "Missing or invalid
 * authorization scheme", as an answer quoted on Klaviyo's community forum reads), the status
 * Latchkey refreshes on or turns red with. Rate limits: "All
 * non-rate-limited (i.e., non 429) responses will contain" `RateLimit-Limit`,
 * `RateLimit-Remaining` and `RateLimit-Reset`; a 429 carries `Retry-After`, the header
 * Klaviyo's own Node SDK waits for, and Latchkey always reads it. No other reset header is
 * declared, as the `RateLimit-*` ones are absent from the answers that need one.
 *
 * @see https://developers.klaviyo.com/en/docs/authenticate_
 * @see https://developers.klaviyo.com/en/docs/retrieve_api_credentials
 * @see https://developers.klaviyo.com/en/docs/set_up_oauth
 * @see https://developers.klaviyo.com/en/docs/rate_limits_and_error_handling
 * @see https://developers.klaviyo.com/en/reference/get_accounts
 * @see https://community.klaviyo.com/marketing-30/authentication-problem-for-new-api-i-am-using-correct-api-7403
 * @see https://github.com/klaviyo/openapi/blob/main/openapi/stable.json
 * @see https://github.com/klaviyo-labs/api-examples/blob/main/oauth/simple-python-example.py
 * @see https://github.com/klaviyo-labs/Pet-Party-Planner/blob/main/src/app/api/uninstall/route.ts
 */
export const klaviyo = defineConnector({
  key: 'klaviyo',
  name: 'Klaviyo',
  version: '1.0.0',
  description: 'Profiles, lists, events, campaigns and flows in Klaviyo, with a private API key or through OAuth.',
  docsUrl: 'https://developers.klaviyo.com/en/docs/authenticate_',
  auth: [
    {
      kind: 'apiKey',
      key: 'private_key',
      label: 'Private API key',
      input: {
        label: 'Private API key',
        helpText: 'Klaviyo → Settings → API keys → Create Private API Key, with the scopes the flows need.',
        docsUrl: 'https://developers.klaviyo.com/en/docs/retrieve_api_credentials',
        example: 'pk_0123456789abcdef0123456789abcdef01',
        pattern: 'pk_[A-Za-z0-9]+',
        patternMessage: 'A Klaviyo private API key starts with pk_ (the 6-character public key will not work here)'
      },
      send: [{ in: 'header', name: 'Authorization', value: 'Klaviyo-API-Key {{credentials.apiKey}}' }]
    },
    {
      kind: 'oauth2',
      grant: 'authorization_code',
      label: 'Sign in with Klaviyo (OAuth app)',
      authorizeUrl: 'https://www.klaviyo.com/oauth/authorize',
      tokenUrl: 'https://a.klaviyo.com/oauth/token',
      revokeUrl: 'https://a.klaviyo.com/oauth/revoke',
      scopes: {
        'accounts:read': 'Read the account (contact information, timezone, currency, public API key)',
        ...readWrite('campaigns', 'campaigns'),
        ...readWrite('catalogs', 'catalog items, variants and categories'),
        ...readWrite('conversations', 'conversations with profiles'),
        ...readWrite('coupon-codes', 'coupon codes'),
        ...readWrite('coupons', 'coupons'),
        ...readWrite('custom-objects', 'custom objects and their data sources'),
        'data-privacy:write': 'Request profile deletions',
        ...readWrite('events', 'events'),
        ...readWrite('flows', 'flows'),
        ...readWrite('forms', 'sign-up forms'),
        ...readWrite('images', 'images'),
        ...readWrite('lists', 'lists'),
        ...readWrite('metrics', 'metrics'),
        ...readWrite('profiles', 'profiles'),
        ...readWrite('push-tokens', 'push tokens'),
        ...readWrite('reviews', 'reviews'),
        ...readWrite('segments', 'segments'),
        ...readWrite('subscriptions', 'subscriptions and suppressions'),
        ...readWrite('tags', 'tags and tag groups'),
        ...readWrite('templates', 'templates and universal content'),
        ...readWrite('tracking-settings', 'tracking settings'),
        ...readWrite('web-feeds', 'web feeds'),
        ...readWrite('webhooks', 'webhooks')
      },
      defaultScopes: ['accounts:read'],
      scopeDelimiter: ' ',
      customerSelectsScopes: true,
      pkce: true,
      clientAuthMethod: 'client_secret_basic'
    }
  ],
  http: {
    baseUrl: 'https://a.klaviyo.com/api',
    headers: { revision: REVISION }
  },
  /**
   * GET /api/accounts: "Retrieve the account(s) associated with a given private API key. This
   * will return 1 account object within the array." Needs `accounts:read`; its limits are
   * "Burst: `1/s` Steady: `15/m`".
   * @see https://developers.klaviyo.com/en/reference/get_accounts
   */
  verification: {
    path: '/accounts',
    identity: { account: 'data.0.id', organization: 'data.0.attributes.contact_information.organization_name' }
  }
})
