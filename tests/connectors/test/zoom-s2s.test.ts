import t from 'tap'
import { zoomS2s } from '@latchkey/connector-zoom-s2s'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'
import { CLIENT_ID, CLIENT_SECRET, disconnectWithoutRevocation } from './scenario.js'

// https://developers.zoom.us/docs/internal-apps/s2s-oauth/: "Use the account_credentials grant
// type": POST https://zoom.us/oauth/token with grant_type=account_credentials and the account
// ID, the client id and secret in a Basic header; an hour's token, "There is no refresh token";
// calls to https://api.zoom.us/v2 with a Bearer token. GET /users/me answers the app owner
// (https://developers.zoom.us/docs/api/rest/user/).
const ACCOUNT_ID = 'Xq7ZbR2pT9uVw3yA1cD5eF'
const ME = {
  id: 'KDcuGIm1QgePTO8WbOqwIQ',
  email: 'admin@acme.example',
  display_name: 'Ada Admin',
  account_id: ACCOUNT_ID,
  type: 2,
  role_name: 'Owner'
}

/** The catalog definition with only its origins moved to the emulator (the customer's client uses the definition's own URLs). */
function emulated(root: string): object {
  const { auth, http, ...rest } = JSON.parse(JSON.stringify(zoomS2s)) as typeof zoomS2s
  const scheme = [auth].flat()[0]
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'client_credentials' || http === undefined)
    throw new Error('Zoom S2S is declared as a client credentials grant with an API')
  return {
    ...rest,
    key: 'zoom-s2s-emulated',
    auth: { ...scheme, tokenUrl: scheme.tokenUrl?.replace('https://zoom.us', root) },
    http: { ...http, baseUrl: http.baseUrl.replace('https://api.zoom.us/v2', `${root}/api/v2`) }
  }
}

t.test('Zoom S2S: the customer’s own app, no tenant app, the account id asked for', async (t) => {
  const system = await startSystem(t)
  const app = await system.api('PUT', '/v1/connectors/zoom-s2s/app', {
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET
  })
  t.equal(app.status, 400, 'a tenant-wide client is not used: the app lives in the customer’s Zoom account')
  const missing = await system.api('POST', '/v1/connections', {
    connector: 'zoom-s2s',
    client: { clientId: 'abc', clientSecret: 'def' }
  })
  t.equal(missing.status, 400)
  t.match(missing.body.error.details, [{ path: 'body.parameters.accountId' }], 'the account ID is required')
})

t.test(
  'Zoom S2S: account_credentials with the account id, Basic client auth, fetched again, no revocation',
  async (t) => {
    const system = await startSystem(t)
    const provider = await startQuirkyProvider({
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      modes: {
        clientAuth: 'client_secret_basic',
        accountIds: [ACCOUNT_ID],
        tokenScope: 'user:read:admin meeting:read:admin'
      }
    })
    t.teardown(() => provider.close())
    t.equal((await system.api('POST', '/v1/connectors', emulated(provider.url))).status, 201)
    provider.setApiAnswer('/api/v2/users/me', ME)

    const created = await system.api('POST', '/v1/connections', {
      connector: 'zoom-s2s-emulated',
      parameters: { accountId: ACCOUNT_ID },
      client: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }
    })
    t.equal(created.status, 201, JSON.stringify(created.body))
    t.notOk(JSON.stringify(created.body).includes(CLIENT_SECRET), 'the client secret is not echoed')
    t.match(created.body, { status: 'connected', verifiedAt: String })
    t.same(created.body.account, { accountId: ACCOUNT_ID, email: ME.email, name: ME.display_name }, 'whose account')
    t.same(
      provider.counters.tokenRequests,
      { account_credentials: 1 },
      'grant_type=account_credentials, not client_credentials'
    )
    t.equal(provider.counters.lastAccountId, ACCOUNT_ID, 'account_id sent')
    const id = created.body.id as string

    const call = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/users?status=active' })
    t.match(call.body, { status: 200, body: { path: '/api/v2/users' } })
    t.equal(provider.counters.lastApiAuth, 'bearer')
    provider.expireAccessTokens()
    const again = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/users' })
    t.equal(again.body.status, 200)
    t.same(provider.counters.tokenRequests, { account_credentials: 2 }, 'no refresh token: the grant is run again')

    await disconnectWithoutRevocation(t, system, id)
    t.equal(provider.counters.revocations, 0, 'nothing to revoke')
  }
)

t.test('Zoom S2S: an account id the app does not belong to: not verified, and the reason points at it', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    modes: { clientAuth: 'client_secret_basic', accountIds: [ACCOUNT_ID] }
  })
  t.teardown(() => provider.close())
  t.equal((await system.api('POST', '/v1/connectors', emulated(provider.url))).status, 201)
  const created = await system.api('POST', '/v1/connections', {
    connector: 'zoom-s2s-emulated',
    parameters: { accountId: 'SomeOtherAccount01' },
    client: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET }
  })
  t.equal(created.status, 201)
  t.same(provider.counters.tokenRequests, { account_credentials: 1 })
  t.equal(provider.counters.lastAccountId, undefined, 'no token issued')
  const connection = (await system.api('GET', `/v1/connections/${created.body.id}`)).body
  // Refused as a bad request (invalid_request), which a retry cannot fix: the parameters are to be checked.
  t.match(connection, {
    verifiedAt: null,
    account: null,
    statusReason: /Verification failed: .*malformed.*extra parameters/
  })
  t.not(connection.health, 'green')
})
