import t from 'tap'
import { zoom } from '@latchkey/connector-zoom'
import { checkRateLimitWaitedOut, runRedirectScenario } from './scenario.js'

// https://developers.zoom.us/docs/integrations/oauth/
// https://github.com/zoom/skills/blob/main/skills/oauth/SKILL.md (Zoom's OAuth skill)
// https://github.com/zoom/skills/blob/main/skills/oauth/concepts/token-lifecycle.md
// https://devsupport.zoom.us/hc/en-us/articles/12363164278669-Access-token-change-FAQ
// A user-managed app: consent at zoom.us/oauth/authorize without a `scope` (the app's scopes
// are set in the Marketplace), PKCE supported, the code and refresh token exchanged at
// zoom.us/oauth/token with the client in HTTP Basic. Access tokens last an hour; every
// refresh returns a new refresh token and the old one becomes invalid. Revocation: the access
// token as `token` in a form at zoom.us/oauth/revoke, Basic again, which uninstalls the app.
// A per-second 429 says when it resets in X-RateLimit-Reset (a Unix timestamp):
// https://github.com/zoom/skills/blob/main/skills/rest-api/concepts/rate-limiting-strategy.md
t.test('Zoom: Basic client auth, PKCE, rotating refresh tokens, the access token revoked', async (t) => {
  await runRedirectScenario(t, {
    connector: zoom,
    provider: {
      clientAuth: 'client_secret_basic',
      revokeFormat: 'form',
      rotateRefreshTokens: true,
      tokenType: 'bearer',
      extraTokenFields: { api_url: 'https://api.zoom.us' }
    },
    authorize: { scope: undefined, pkce: true },
    // GET /v2/users/me, fields as in Zoom's "Get a user" example.
    verification: {
      path: '/api/users/me',
      answer: {
        id: 'zJKyaiAyTNC-MWjiWC18KQ',
        first_name: 'Jill',
        last_name: 'Chill',
        display_name: 'Jill Chill',
        email: 'jchill@example.com',
        type: 1,
        account_id: 'q6gBJVO5TzexKYTb_I2rpg',
        account_number: 10009239,
        timezone: 'Asia/Shanghai'
      },
      account: {
        id: 'zJKyaiAyTNC-MWjiWC18KQ',
        email: 'jchill@example.com',
        name: 'Jill Chill',
        accountId: 'q6gBJVO5TzexKYTb_I2rpg'
      }
    },
    call: { url: '/users/me/meetings?type=scheduled', providerPath: '/api/users/me/meetings', auth: 'bearer' },
    refresh: 'rotating',
    whileConnected: async (t, context) => {
      const started = Date.now()
      await checkRateLimitWaitedOut(t, context, 429, '/users/me/meetings')
      // The emulator's reset is at least a second ahead; without the declaration the retry
      // would come after the 200 ms backoff.
      t.ok(Date.now() - started >= 900, 'the retry waited until X-RateLimit-Reset')
    },
    // One request: the access token, form-encoded, the client in HTTP Basic.
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'access' }
    ]
  })
})
