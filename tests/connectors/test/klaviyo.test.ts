import t from 'tap'
import type { Test } from 'tap'
import { klaviyo } from '@latchkey/connector-klaviyo'
import { runCredentialScenario, runRedirectScenario } from './scenario.js'
import type { ScenarioResult } from './scenario.js'

const KEY = 'pk_CANARY0123456789abcdef0123456789ab'
const REVISION = '2026-07-15'

// https://developers.klaviyo.com/en/reference/get_accounts: "This will return 1 account object
// within the array" (a JSON:API collection).
const ACCOUNTS = {
  data: [
    {
      type: 'account',
      id: 'AbC123',
      attributes: {
        test_account: false,
        contact_information: {
          default_sender_name: 'Acme Pets',
          default_sender_email: 'hello@acme.example',
          website_url: 'https://acme.example',
          organization_name: 'Acme Pets',
          street_address: { address1: '1 Main St', city: 'Boston', region: 'MA', country: 'US', zip: '02110' }
        },
        industry: 'Pets',
        timezone: 'America/New_York',
        preferred_currency: 'USD',
        public_api_key: 'AbC123',
        locale: 'en-US'
      },
      links: { self: 'https://a.klaviyo.com/api/accounts/AbC123/' }
    }
  ],
  links: { self: 'https://a.klaviyo.com/api/accounts/', next: null, prev: null }
}
const verification = {
  path: '/api/accounts',
  answer: ACCOUNTS,
  account: { account: 'AbC123', organization: 'Acme Pets' }
}
const call = { url: '/lists', providerPath: '/api/lists' }

/**
 * A 429 carries `Retry-After` (the header Klaviyo's Node SDK waits for; `RateLimit-*` are on
 * non-429 answers only): the helper waits it out and retries once, still connected.
 */
async function checkRetryAfterWaitedOut(t: Test, { system, provider, connectionId }: ScenarioResult): Promise<void> {
  provider.setModes({ apiFailNext: 1, apiFailStatus: 429, retryAfterSeconds: 1 })
  const calls = provider.counters.apiCalls
  const started = Date.now()
  const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url: call.url })
  t.equal(answer.body.status, 200, 'the 429 was waited out and retried')
  t.equal(provider.counters.apiCalls - calls, 2, 'one retry')
  t.ok(Date.now() - started >= 900, 'after the Retry-After second')
  provider.setModes({ retryAfterSeconds: undefined })
  t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.status, 'connected')
}

// https://developers.klaviyo.com/en/docs/authenticate_
// https://developers.klaviyo.com/en/docs/retrieve_api_credentials
// `Authorization: Klaviyo-API-Key <key>` and the `revision` header on every call: the emulator
// refuses any call without both, exactly so.
t.test('Klaviyo: the private key as Klaviyo-API-Key, with the revision header', async (t) => {
  await runCredentialScenario(t, {
    connector: klaviyo,
    scheme: 'private_key',
    credentials: { apiKey: KEY },
    provider: {
      apiCredentials: [
        { in: 'header', name: 'Authorization', value: `Klaviyo-API-Key ${KEY}` },
        { in: 'header', name: 'revision', value: REVISION }
      ]
    },
    accepts: () => undefined,
    verification,
    call: { ...call, auth: 'declared' },
    whileConnected: async (t, context) => {
      const { system, provider, connectionId } = context
      t.equal((await system.api('GET', `/v1/connections/${connectionId}`)).body.scheme, 'private_key')
      await checkRetryAfterWaitedOut(t, context)

      // A flow pinned to another revision sends its own header, which wins.
      provider.setModes({
        apiCredentials: [
          { in: 'header', name: 'Authorization', value: `Klaviyo-API-Key ${KEY}` },
          { in: 'header', name: 'revision', value: '2025-10-15' }
        ]
      })
      const pinned = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'GET',
        url: call.url,
        headers: { revision: '2025-10-15' }
      })
      t.equal(pinned.body.status, 200, "the caller's revision reached Klaviyo")
      provider.setModes({
        apiCredentials: [
          { in: 'header', name: 'Authorization', value: `Klaviyo-API-Key ${KEY}` },
          { in: 'header', name: 'revision', value: REVISION }
        ]
      })

      // The 6-character public key (site ID) is not a private key: refused before any call, with
      // no scheme named (the private key is the first).
      const calls = provider.counters.apiCalls
      const wrong = await system.api('POST', '/v1/connections', {
        connector: 'klaviyo',
        externalId: 'customer-2',
        credentials: { apiKey: 'AbC123' }
      })
      t.equal(wrong.status, 400, 'a key without pk_ is refused')
      t.notOk(JSON.stringify(wrong.body).includes('AbC123'), 'the value is not echoed')
      t.equal(provider.counters.apiCalls, calls, 'Klaviyo was not called')
    }
  })
})

// https://developers.klaviyo.com/en/docs/set_up_oauth
// https://github.com/klaviyo-labs/api-examples/blob/main/oauth/simple-python-example.py
// Space-separated scopes with PKCE (S256) at www.klaviyo.com; token, refresh and revocation
// on a.klaviyo.com with HTTP Basic client authentication. Refresh answers carry the refresh
// token (whether Klaviyo rotates it is not stated: the emulator's reusable one stands in). The
// revocation is RFC 7009: the refresh token (as Klaviyo's Pet Party Planner posts it, with
// `token_type_hint=refresh_token`), then the access token.
t.test('Klaviyo: OAuth with PKCE required, Basic client auth, RFC 7009 revocation', async (t) => {
  await runRedirectScenario(t, {
    connector: klaviyo,
    scheme: 'oauth2',
    provider: { requirePkce: true, clientAuth: 'client_secret_basic', revokeFormat: 'form' },
    authorize: { scope: 'accounts:read', pkce: true, params: { code_challenge_method: 'S256' } },
    verification,
    call: { ...call, auth: 'bearer' },
    refresh: 'reusable',
    whileConnected: async (t, context) => {
      const { system, provider, connectionId } = context
      await checkRetryAfterWaitedOut(t, context)
      // The revision header goes with the bearer token too: the emulator now insists on both.
      const { accessToken } = (await system.api('GET', `/v1/connections/${connectionId}/token`)).body
      provider.setModes({
        apiCredentials: [
          { in: 'header', name: 'Authorization', value: `Bearer ${accessToken}` },
          { in: 'header', name: 'revision', value: REVISION }
        ]
      })
      const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url: call.url })
      t.equal(answer.body.status, 200, 'Bearer token and revision header, both there')
      t.equal(provider.counters.lastApiAuth, 'declared')
      provider.setModes({ apiCredentials: undefined })
    },
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
      { token: 'access' }
    ]
  })
})
