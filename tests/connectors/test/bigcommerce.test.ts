import t from 'tap'
import { bigcommerce } from '@latchkey/connector-bigcommerce'
import { runCredentialScenario } from './scenario.js'

// https://github.com/bigcommerce/docs/blob/main/docs/start/authentication/index.mdx
// https://docs.bigcommerce.com/developer/docs/overview/api-fundamentals/api-accounts
// https://github.com/bigcommerce/docs/blob/main/docs/start/about/index.mdx (headers)
// A store-level API account's access token in `X-Auth-Token`, exactly there, with
// `Accept: application/json` (the emulator insists on both), on the store's path of
// api.bigcommerce.com. The verification reads Get Store Information (`GET /v2/store`).
t.test('BigCommerce: the access token in X-Auth-Token on the store hash, X-Retry-After in seconds', async (t) => {
  await runCredentialScenario(t, {
    connector: bigcommerce,
    parameters: { storeHash: 'abc123' },
    // The store hash stands in the path (`/stores/{store_hash}`); the emulator serves the store under /sites/abc123/.
    site: { template: '{{parameters.storeHash}}', expected: 'abc123' },
    provider: {
      apiCredentials: [
        { in: 'header', name: 'X-Auth-Token', value: 'bc-token-CANARY' },
        { in: 'header', name: 'Accept', value: 'application/json' }
      ],
      rateLimitResetHeader: 'x-retry-after'
    },
    accepts: () => undefined,
    credentials: { apiKey: 'bc-token-CANARY' },
    // https://developer.bigcommerce.com/docs/rest-management/store-information (example answer, trimmed)
    verification: {
      path: '/api/v2/store',
      answer: {
        id: 'abc123',
        account_uuid: '8d4d492f-17a1-4d95-b396-e1c5720815a5',
        domain: 'my-awesome.store',
        secure_url: 'https://my-awesome.store',
        control_panel_base_url: 'https://store-abc123.mybigcommerce.com',
        status: 'live',
        name: 'BigCommerce',
        admin_email: 'jane.does@example.com',
        plan_name: 'Standard'
      },
      account: { storeHash: 'abc123', store: 'BigCommerce', domain: 'my-awesome.store' }
    },
    call: { url: '/v3/catalog/products', providerPath: '/api/v3/catalog/products', auth: 'declared' },
    whileConnected: async (t, { system, provider, connectionId }) => {
      // The emulator writes an epoch timestamp in the reset header. BigCommerce's X-Retry-After is
      // seconds from now, so read that way it is a wait of decades: handed back to the caller at
      // once, not retried (read as an epoch, or not read at all, the call would be retried and
      // answer 200).
      provider.setModes({ apiFailNext: 1, apiFailStatus: 429, rateLimitReset: true })
      const calls = provider.counters.apiCalls
      const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'GET',
        url: '/v3/catalog/products'
      })
      t.equal(answer.body.status, 429, 'X-Retry-After is read as seconds to wait: far too long to wait here')
      t.equal(provider.counters.apiCalls - calls, 1, 'and the call was not retried')
      t.equal(
        (await system.api('GET', `/v1/connections/${connectionId}`)).body.status,
        'connected',
        'a rate limit is not an auth failure'
      )
    }
  })
})
