import t from 'tap'
import { atlassian } from '@latchkey/connector-atlassian'
import { runRedirectScenario } from './scenario.js'

// https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/
// `audience=api.atlassian.com` and `prompt=consent` on the authorize URL; `offline_access`
// for a refresh token; JSON token requests with the client in the body; rotating refresh
// tokens. The site (cloud id) comes from the accessible-resources call and is part of
// every API URL: https://developer.atlassian.com/cloud/jira/platform/oauth-2-3lo-apps/#3--make-calls-to-the-api-using-the-access-token
t.test(
  'Atlassian: audience and consent prompt, JSON token requests, rotating refresh tokens, the site from accessible resources',
  async (t) => {
    await runRedirectScenario(t, {
      connector: atlassian,
      provider: { requireJsonBody: true, clientAuth: 'client_secret_post', rotateRefreshTokens: true },
      authorize: {
        scope: 'read:jira-work read:me offline_access',
        pkce: true,
        params: { audience: 'api.atlassian.com', prompt: 'consent' }
      },
      // The app's base URL override keeps the connector's {{account.cloudId}}.
      baseUrl: (_, root) => `${root}/api/ex/jira/{{account.cloudId}}/rest/api/3`,
      verification: {
        path: '/oauth/token/accessible-resources',
        answer: [
          {
            id: '1324a887-45db-1bf4-1e99-ef0ff456d421',
            name: 'acme',
            url: 'https://acme.atlassian.net',
            scopes: ['read:jira-work']
          }
        ],
        account: {
          site: 'acme',
          siteUrl: 'https://acme.atlassian.net',
          cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421'
        }
      },
      call: {
        url: '/myself',
        providerPath: '/api/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3/myself',
        auth: 'bearer'
      },
      refresh: 'rotating',
      revoke: 'none'
    })
  }
)
