import t from 'tap'
import { attio } from '@latchkey/connector-attio'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { CLIENT_ID, CLIENT_SECRET, runCredentialScenario, runRedirectScenario } from './scenario.js'

// https://docs.attio.com/rest-api/guides/configuring-oauth
// https://docs.attio.com/docs/oauth/authorize
// https://docs.attio.com/docs/oauth/token
// OAuth: the authorize request carries client_id, response_type, redirect_uri and state only
// (no scope, no PKCE); the token request carries the client id and secret; the answer is
// `access_token` and `token_type`, without refresh token or lifetime ("Attio access tokens do
// not currently expire"); no revocation endpoint. Both kinds of token go as Bearer.
// https://docs.attio.com/rest-api/endpoint-reference/meta/identify
const SELF = {
  active: true,
  scope: 'record_permission:read object_configuration:read',
  client_id: '29a09180-304a-4110-b08c-e85c43481127',
  token_type: 'Bearer',
  exp: null,
  iat: 1754653588,
  workspace_id: '97cc4e7a-279f-4dae-bf72-94c477388f89',
  workspace_name: 'Acme',
  workspace_slug: 'acme',
  workspace_logo_url: null
}
const verification = {
  path: '/api/v2/self',
  answer: SELF,
  account: { workspace: 'Acme', workspaceId: SELF.workspace_id, workspaceSlug: 'acme' }
}

t.test('Attio: OAuth without scope or PKCE, a token that does not expire, no revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: attio,
    provider: { clientAuth: 'client_secret_post', expiresIn: 'absent', issueRefreshTokens: false },
    baseUrl: (provider) => `${provider.url}/api/v2`,
    authorize: { scope: undefined, pkce: false },
    verification,
    call: { url: '/objects', providerPath: '/api/v2/objects', auth: 'bearer' },
    refresh: 'none',
    revoke: 'none'
  })
})

t.test('Attio: a workspace access token as Bearer', async (t) => {
  await runCredentialScenario(t, {
    connector: attio,
    scheme: 'api_key',
    baseUrl: (provider) => `${provider.url}/api/v2`,
    credentials: { apiKey: 'attio-token-CANARY' },
    provider: {
      apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer attio-token-CANARY' }]
    },
    accepts: () => undefined,
    verification,
    call: { url: '/objects', providerPath: '/api/v2/objects', auth: 'declared' }
  })
})

// "Unknown, revoked, and deleted tokens are not treated as an error. They return 200 with {"active": false}."
t.test('Attio: Identify answering `200 {"active": false}` is a refused credential', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: { apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer attio-token-CANARY' }] }
  })
  t.teardown(() => provider.close())
  provider.setApiAnswer('/api/v2/self', { active: false })
  const app = await system.api('PUT', '/v1/connectors/attio/app', {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    overrides: { baseUrl: `${provider.url}/api/v2` }
  })
  t.equal(app.status, 200)
  const created = await system.api('POST', '/v1/connections', {
    connector: 'attio',
    scheme: 'api_key',
    credentials: { apiKey: 'attio-token-CANARY' }
  })
  t.equal(created.status, 201, 'connecting never fails on the verification')
  t.equal(provider.counters.apiCalls, 1, 'Identify was asked')
  t.match(
    (await system.api('GET', `/v1/connections/${created.body.id as string}`)).body,
    { health: 'red', account: null },
    'the inactive token is refused, no workspace kept'
  )
})
