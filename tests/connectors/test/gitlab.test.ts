import t from 'tap'
import { gitlab } from '@latchkey/connector-gitlab'
import { checkRateLimitWaitedOut, runRedirectScenario } from './scenario.js'

// https://docs.gitlab.com/api/oauth2/
// Any GitLab host (self-managed here); access tokens last two hours; refresh tokens rotate;
// RFC 7009 revocation with the client credentials. Rate limits answer 429 with
// `RateLimit-Reset` (epoch seconds): https://docs.gitlab.com/administration/settings/user_and_ip_rate_limits/
t.test('GitLab: a self-managed host, rotating refresh tokens, revocation, RateLimit-Reset', async (t) => {
  await runRedirectScenario(t, {
    connector: gitlab,
    parameters: { host: 'gitlab.example.com' },
    site: { template: '{{parameters.host}}', expected: 'gitlab.example.com' },
    provider: {
      clientAuth: 'client_secret_post',
      rotateRefreshTokens: true,
      accessTokenTtlSeconds: 7200,
      rateLimitResetHeader: 'ratelimit-reset'
    },
    authorize: { scope: 'read_user read_api', pkce: true },
    // https://docs.gitlab.com/api/users/#for-non-administrator-users
    verification: {
      path: '/api/user',
      answer: { id: 1, username: 'ada', name: 'Ada Lovelace' },
      account: { user: 'ada', name: 'Ada Lovelace' }
    },
    call: { url: '/projects?membership=true', providerPath: '/api/projects', auth: 'bearer' },
    whileConnected: (t, context) => checkRateLimitWaitedOut(t, context, 429, '/projects'),
    refresh: 'rotating',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'none', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
