import t from 'tap'
import { calendly } from '@latchkey/connector-calendly'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'
import type { ScenarioResult } from './scenario.js'
import type { Test } from 'tap'

const OWNER = 'https://api.calendly.com/users/EBHAAFHDCAEQTSEZ'
const ORGANIZATION = 'https://api.calendly.com/organizations/EBHAAFHDCAEQTSEZ'
// A stand-in: Calendly does not document the format of personal access tokens.
const TOKEN = 'calendly-pat-CANARY-0123456789'

// https://developer.calendly.com/api-docs/calendly-api/users/get-user (`me`, scope `users:read`)
// https://developer.calendly.com/how-to-find-the-organization-or-user-uri
const verification = {
  path: '/api/users/me',
  answer: {
    resource: {
      uri: OWNER,
      name: 'John Doe',
      slug: 'acmesales',
      email: 'user@example.com',
      scheduling_url: 'https://calendly.com/acmesales',
      timezone: 'America/New York',
      created_at: '2019-01-02T03:04:05.678123Z',
      updated_at: '2019-08-07T06:05:04.321123Z',
      current_organization: ORGANIZATION,
      resource_type: 'User'
    }
  },
  account: { user: OWNER, name: 'John Doe', email: 'user@example.com', organization: ORGANIZATION }
}

/**
 * https://developer.calendly.com/api-docs/overview/rate-limits: a 429's `X-RateLimit-Reset` is
 * "Number of seconds until the limit resets (typically 60 seconds)". The emulator writes a Unix
 * timestamp there, which read as seconds from now is decades away: far beyond Latchkey's wait,
 * so the 429 goes straight back to the caller (read as a timestamp, it would be waited out for
 * about a second and retried).
 */
async function checkResetReadAsSeconds(t: Test, { system, provider, connectionId }: ScenarioResult): Promise<void> {
  provider.setModes({ apiFailNext: 1, apiFailStatus: 429, rateLimitReset: true })
  const calls = provider.counters.apiCalls
  const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, {
    method: 'GET',
    url: '/event_types?user=' + encodeURIComponent(OWNER)
  })
  t.equal(answer.body.status, 429, 'the rate limit goes back to the caller')
  t.equal(provider.counters.apiCalls - calls, 1, 'not retried: the reset is read as seconds from now')
  t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.status, 'connected')
}

// https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/get-oauth-authorize (PKCE recommended)
// https://developer.calendly.com/docs/authentication/scopes (space-separated scopes)
// https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-refresh-token
// https://developer.calendly.com/refresh-token-rotation-guide
// https://developer.calendly.com/api-docs/calendly-o-auth/o-auth/post-oauth-revoke
// A web client authenticates with HTTP Basic at /oauth/token, whose answer names the `owner`
// and `organization`; access tokens last 2 hours and each refresh token is single use (a new
// one in every answer). Revocation is a form with client_id, client_secret and the token.
t.test(
  'Calendly: PKCE, Basic at the token endpoint, single-use refresh tokens, the client in the revoke form',
  async (t) => {
    await runRedirectScenario(t, {
      connector: calendly,
      provider: {
        clientAuth: 'client_secret_basic',
        revokeClientAuth: 'client_secret_post',
        revokeFormat: 'form',
        rotateRefreshTokens: true,
        accessTokenTtlSeconds: 7200,
        extraTokenFields: { created_at: 1548689183, owner: OWNER, organization: ORGANIZATION }
      },
      authorize: { scope: 'users:read', pkce: true },
      metadata: () => ({ owner: OWNER, organization: ORGANIZATION }),
      verification,
      call: {
        url: '/scheduled_events?user=' + encodeURIComponent(OWNER),
        providerPath: '/api/scheduled_events',
        auth: 'bearer'
      },
      refresh: 'rotating',
      whileConnected: checkResetReadAsSeconds,
      // The refresh token, then the access token, the client id and secret in each form.
      revoke: [
        { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
        { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'access' }
      ]
    })
  }
)

// https://developer.calendly.com/docs/authentication/how-to-authenticate-with-personal-access-tokens
// The other scheme: a personal access token, exactly as `Authorization: Bearer` (the emulator
// insists on it). Its scopes are picked when it is made in Calendly.
t.test('Calendly: or a personal access token as Bearer', async (t) => {
  await runCredentialScenario(t, {
    connector: calendly,
    scheme: 'personal_access_token',
    credentials: { apiKey: TOKEN },
    provider: {
      apiCredentials: [
        {
          in: 'header',
          name: 'Authorization',
          value: `Bearer ${TOKEN}`
        }
      ]
    },
    accepts: () => undefined,
    verification,
    call: { url: '/event_types?user=' + encodeURIComponent(OWNER), providerPath: '/api/event_types', auth: 'declared' },
    async whileConnected(t, context) {
      t.equal(
        (await context.system.api('GET', `/v1/connections/${context.connectionId}`)).body.scheme,
        'personal_access_token',
        'the connection records the scheme'
      )
    }
  })
})
