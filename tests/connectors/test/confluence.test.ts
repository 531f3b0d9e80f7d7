import t from 'tap'
import { confluence } from '@latchkey/connector-confluence'
import { runRedirectScenario } from './scenario.js'

// https://developer.atlassian.com/cloud/confluence/oauth-2-authorization-code-grants-3lo-for-apps/
// `audience=api.atlassian.com` and `prompt=consent` on the authorize URL; `offline_access` for
// a refresh token; JSON token requests with the client in the body; rotating refresh tokens
// (https://developer.atlassian.com/cloud/oauth/getting-started/refresh-tokens/). The site's
// cloud id comes from accessible-resources and is part of every API URL:
// https://developer.atlassian.com/cloud/oauth/getting-started/making-calls-to-api/
const CLOUD_ID = '11223344-a1b2-3b33-c444-def123456789'
const API = `/api/ex/confluence/${CLOUD_ID}/wiki`

t.test(
  'Confluence Cloud: audience and consent prompt, JSON token requests, rotating refresh tokens, the cloud id in the API URL',
  async (t) => {
    await runRedirectScenario(t, {
      connector: confluence,
      provider: { requireJsonBody: true, clientAuth: 'client_secret_post', rotateRefreshTokens: true },
      // The app's base URL override keeps the connector's {{account.cloudId}}.
      baseUrl: (_, root) => `${root}/api/ex/confluence/{{account.cloudId}}/wiki`,
      authorize: {
        scope: 'read:confluence-content.all read:confluence-space.summary offline_access',
        pkce: true,
        params: { audience: 'api.atlassian.com', prompt: 'consent' }
      },
      verification: {
        path: '/oauth/token/accessible-resources',
        answer: [
          {
            id: CLOUD_ID,
            name: 'acme',
            url: 'https://acme.atlassian.net',
            scopes: ['read:confluence-content.all', 'read:confluence-space.summary']
          }
        ],
        account: { site: 'acme', siteUrl: 'https://acme.atlassian.net', cloudId: CLOUD_ID }
      },
      // Confluence REST v2 under /wiki/api/v2.
      call: { url: '/api/v2/spaces?limit=25', providerPath: `${API}/api/v2/spaces`, auth: 'bearer' },
      refresh: 'rotating',
      revoke: 'none'
    })
  }
)
