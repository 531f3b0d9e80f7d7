import t from 'tap'
import { microsoftGraph } from '@latchkey/connector-microsoft-graph'
import { runRedirectScenario } from './scenario.js'

// https://learn.microsoft.com/en-us/entra/identity-platform/v2-oauth2-auth-code-flow
// The directory (tenant) is in the URL path; `offline_access` for a refresh token; PKCE;
// every refresh answers a new refresh token. No revocation endpoint.
t.test('Microsoft Graph: the tenant in the URL, offline_access, PKCE, new refresh tokens', async (t) => {
  await runRedirectScenario(t, {
    connector: microsoftGraph,
    parameters: { tenant: 'contoso.onmicrosoft.com' },
    site: { template: '{{parameters.tenant}}', expected: 'contoso.onmicrosoft.com' },
    provider: { clientAuth: 'client_secret_post', rotateRefreshTokens: true, accessTokenTtlSeconds: 4199 },
    authorize: { scope: 'User.Read offline_access', pkce: true },
    // https://learn.microsoft.com/en-us/graph/api/user-get
    verification: {
      path: '/api/me',
      answer: {
        id: '87d349ed-44d7-43e1-9a83-5f2406dee5bd',
        userPrincipalName: 'ada@contoso.onmicrosoft.com',
        displayName: 'Ada Lovelace'
      },
      account: { user: 'ada@contoso.onmicrosoft.com', name: 'Ada Lovelace' }
    },
    call: { url: '/me/messages?$top=5', providerPath: '/api/me/messages', auth: 'bearer' },
    refresh: 'rotating',
    revoke: 'none'
  })
})
