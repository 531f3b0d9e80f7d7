import t from 'tap'
import { stripe } from '@latchkey/connector-stripe'
import { runCredentialScenario } from './scenario.js'

// https://docs.stripe.com/keys and https://docs.stripe.com/api/authentication
// Secret (sk_) or restricted (rk_) keys as a bearer credential; `GET /v1/account` names the account.
t.test('Stripe: a restricted key as a bearer credential, the account identity', async (t) => {
  await runCredentialScenario(t, {
    connector: stripe,
    credentials: { apiKey: 'rk_test_51HxCANARYabc123' },
    // https://docs.stripe.com/api/accounts/retrieve
    verification: {
      path: '/api/account',
      answer: { id: 'acct_1032D82eZvKYlo2C', object: 'account', settings: { dashboard: { display_name: 'Acme' } } },
      account: { account: 'acct_1032D82eZvKYlo2C', name: 'Acme' }
    },
    call: { url: '/customers?limit=3', providerPath: '/api/customers', auth: 'api_key' },
    async whileConnected(t, { system }) {
      const publishable = await system.api('POST', '/v1/connections', {
        connector: 'stripe',
        credentials: { apiKey: 'pk_test_51HxCANARY' }
      })
      t.equal(publishable.status, 400, 'a publishable key is refused before anything is stored')
      t.match(publishable.body.error.details, [{ path: 'body.credentials.apiKey', message: /not a valid secret key/ }])
    }
  })
})
