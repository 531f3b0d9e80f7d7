import { defineConnector } from '@latchkey/connector-sdk'

/**
 * X (formerly Twitter) with OAuth 1.0a User Context: the three legs, HMAC-SHA1 signatures
 * on every call, and invalidation on disconnect. The app is the tenant's consumer (API key
 * and secret from the X developer portal).
 * @see https://docs.x.com/fundamentals/authentication/api-reference
 */
export const x = defineConnector({
  key: 'x',
  name: 'X',
  version: '1.0.0',
  description: 'Posts, users and lists of X, as the connected account (OAuth 1.0a User Context).',
  docsUrl: 'https://docs.x.com/x-api/introduction',
  auth: {
    kind: 'oauth1',
    /** @see https://docs.x.com/fundamentals/authentication/api-reference (POST oauth/request_token) */
    requestTokenUrl: 'https://api.x.com/oauth/request_token',
    /** @see https://docs.x.com/fundamentals/authentication/api-reference (GET oauth/authorize) */
    authorizeUrl: 'https://api.x.com/oauth/authorize',
    /** @see https://docs.x.com/fundamentals/authentication/api-reference (POST oauth/access_token) */
    accessTokenUrl: 'https://api.x.com/oauth/access_token',
    /** The access token answer names the account. */
    keepFields: ['user_id', 'screen_name'],
    /** @see https://developer.x.com/en/docs/authentication/api-reference/invalidate_access_token */
    revokeUrl: 'https://api.x.com/1.1/oauth/invalidate_token'
  },
  http: { baseUrl: 'https://api.x.com/2' },
  /** @see https://docs.x.com/x-api/users/lookup/integrate (GET /2/users/me) */
  verification: { path: '/users/me', identity: { id: 'data.id', username: 'data.username' } }
})
