import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Sentry: organizations, projects, issues and releases through Sentry's web API (v0), with
 * an auth token typed in by the end customer.
 *
 * - The token: "Authentication tokens are passed using an auth header", as
 *   `Authorization: Bearer {TOKEN}`, either a user auth token (User settings > User Auth
 *   Tokens, "assigned specific scopes") or an organization token from an internal
 *   integration; "This is also available for self-hosted Sentry".
 * - The host: "While many of the API examples use `sentry.io` as the host for API endpoints,
 *   if you want to take advantage of data storage location you should use the region
 *   specific domains instead. US region is hosted on `us.sentry.io`, DE region is hosted on
 *   `de.sentry.io`." A self-hosted Sentry serves the same `/api/0/` on its own host. Hence
 *   one host parameter, `sentry.io` by default.
 * - Rate limits: every answer carries `X-Sentry-Rate-Limit-Reset`, "measured in UTC seconds
 *   from epoch", which a 429's retry waits for.
 * - Sentry's OAuth 2.0 (for published integrations) is not declared: only the token is.
 *
 * @see https://docs.sentry.io/api/auth/
 * @see https://docs.sentry.io/api/ (Finding the API base domain)
 * @see https://docs.sentry.io/api/ratelimits/
 */
export const sentry = defineConnector({
  key: 'sentry',
  name: 'Sentry',
  version: '1.0.0',
  description: 'Issues, projects and releases in Sentry (sentry.io, its US or DE region, or self-hosted).',
  docsUrl: 'https://docs.sentry.io/api/auth/',
  parameters: [
    {
      key: 'host',
      label: 'Sentry host',
      default: 'sentry.io',
      helpText:
        'sentry.io, or your organization’s region: us.sentry.io (US) or de.sentry.io (DE); for self-hosted Sentry, its host name.',
      docsUrl: 'https://docs.sentry.io/api/',
      pattern: '[a-z0-9.-]+(:[0-9]+)?',
      patternMessage: 'A host name such as sentry.io or de.sentry.io'
    }
  ],
  auth: {
    kind: 'apiKey',
    input: {
      label: 'Auth token',
      helpText: 'A user auth token (User settings > User Auth Tokens) or an internal integration’s token.',
      docsUrl: 'https://docs.sentry.io/api/guides/create-auth-token/'
    },
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://{{parameters.host}}/api/0',
    // https://docs.sentry.io/api/ratelimits/: the reset is "UTC seconds from epoch". The page
    // names no status besides the usual 429, so no other status is read as a rate limit.
    rateLimit: { resetHeader: 'x-sentry-rate-limit-reset', resetFormat: 'epoch_seconds' }
  },
  /**
   * GET /api/0/organizations/: "Return a list of organizations available to the authenticated
   * session in a region ... For API key-based requests this will only return the
   * organization that belongs to the key." The first one's slug is kept.
   * @see https://docs.sentry.io/api/users/list-your-organizations/
   */
  verification: { path: '/organizations/', identity: { organization: '0.slug', organizationName: '0.name' } }
})
