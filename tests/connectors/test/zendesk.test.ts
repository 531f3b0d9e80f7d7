import t from 'tap'
import { zendesk } from '@latchkey/connector-zendesk'
import { runRedirectScenario } from './scenario.js'

// https://developer.zendesk.com/documentation/ticketing/working-with-oauth/creating-and-using-oauth-tokens-with-the-api/
// The customer's subdomain in every URL; PKCE; client id and secret in the body; tokens
// without expiry unless the app asks for refresh tokens.
t.test("Zendesk: the customer's subdomain, PKCE, a long-lived token", async (t) => {
  await runRedirectScenario(t, {
    connector: zendesk,
    parameters: { subdomain: 'acme' },
    site: { template: '{{parameters.subdomain}}', expected: 'acme' },
    provider: { clientAuth: 'client_secret_post', expiresIn: 'absent', issueRefreshTokens: false },
    authorize: { scope: 'read', pkce: true },
    call: { url: '/tickets.json?page[size]=10', providerPath: '/api/tickets.json', auth: 'bearer' },
    refresh: 'none',
    revoke: 'none'
  })
})
