import t from 'tap'
import { github } from '@latchkey/connector-github'
import { checkRateLimitWaitedOut, runRedirectScenario } from './scenario.js'

// https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps
// OAuth apps: comma-separated scopes; the token endpoint answers form-encoded unless asked
// for JSON, and errors come with status 200; user tokens of OAuth apps do not expire and
// come without a refresh token. Primary rate limits answer 403 with x-ratelimit-reset
// (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
// Revocation: https://docs.github.com/en/rest/apps/oauth-applications#delete-an-app-token
t.test(
  'GitHub: connect, call, a 403 rate limit waited out, no refresh token, DELETE revocation with the client id in the path',
  async (t) => {
    await runRedirectScenario(t, {
      connector: github,
      provider: {
        answerFormat: 'form-unless-json',
        errorsIn200: true,
        scopeDelimiter: ',',
        expiresIn: 'absent',
        issueRefreshTokens: false,
        clientAuth: 'client_secret_post',
        revokeClientAuth: 'client_secret_basic'
      },
      authorize: { scope: 'read:user,user:email', pkce: true },
      // https://docs.github.com/en/rest/users/users#get-the-authenticated-user
      verification: {
        path: '/api/user',
        answer: { login: 'octocat', id: 1, name: 'The Octocat' },
        account: { user: 'octocat', name: 'The Octocat' }
      },
      call: {
        url: '/repos/octocat/hello-world/issues',
        providerPath: '/api/repos/octocat/hello-world/issues',
        auth: 'bearer'
      },
      whileConnected: (t, context) => checkRateLimitWaitedOut(t, context, 403, '/rate-limited'),
      refresh: 'none',
      revokeUrl: (root) => `${root}/applications/{{client.id}}/token`,
      revoke: [{ method: 'DELETE', contentType: 'application/json', authorization: 'basic', token: 'access' }]
    })
  }
)
