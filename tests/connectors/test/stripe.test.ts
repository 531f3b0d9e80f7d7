import t from 'tap'
import { stripe } from '@latchkey/connector-stripe'
import { checkActions } from './actions.js'
import { runCredentialScenario } from './scenario.js'

// https://docs.stripe.com/keys and https://docs.stripe.com/api/authentication
// Secret (sk_) or restricted (rk_) keys as a bearer credential; `GET /v1/account` names the account.

// https://docs.stripe.com/api/pagination: objects in `data`; the next page is `starting_after` = the last
// object's id while `has_more`, with `limit` (1 to 100).
const objects = (prefix: string, count: number): { id: string; object: string }[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}_${String(i).padStart(4, '0')}`, object: prefix }))
const CUSTOMERS = objects('cus', 230)
const INVOICES = objects('in', 150)
const CHARGES = objects('ch', 40)
const stripeList = (items: readonly unknown[]) =>
  ({
    items,
    style: 'cursor',
    param: 'starting_after',
    cursorFromLastItem: 'id',
    hasMorePath: 'has_more',
    itemsPath: 'data',
    limitParam: 'limit'
  }) as const

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
    async whileConnected(t, context) {
      const { system, connectionId } = context
      const publishable = await system.api('POST', '/v1/connections', {
        connector: 'stripe',
        credentials: { apiKey: 'pk_test_51HxCANARY' }
      })
      t.equal(publishable.status, 400, 'a publishable key is refused before anything is stored')
      t.match(publishable.body.error.details, [{ path: 'body.credentials.apiKey', message: /not a valid secret key/ }])

      // https://docs.stripe.com/api/customers/create: a form-encoded body (the shared check reads JSON bodies only).
      // First: once the emulator serves the customers list, a POST to the same path gets a page, not the echo.
      await t.test('action create_customer: a form body', async (t) => {
        const answer = await system.api('POST', `/v1/connections/${connectionId}/actions/create_customer`, {
          input: { email: 'ada@example.com', name: 'Ada Lovelace', description: 'Analytical engines' }
        })
        t.equal(answer.status, 200, 'the action runs')
        t.equal(answer.body.status, 200, 'the provider answered')
        const echo = answer.body.output as { method: string; path: string; query: Record<string, string>; body: string }
        t.match(echo, { method: 'POST', path: '/api/customers' }, 'sent where the API documents')
        t.same(echo.query, {}, 'nothing in the query')
        t.equal(
          echo.body,
          'email=ada%40example.com&name=Ada+Lovelace&description=Analytical+engines',
          'form fields, the one not given left out'
        )
      })
      await checkActions(t, context, [
        {
          action: 'list_customers',
          input: { email: 'ada@example.com' },
          // https://docs.stripe.com/api/customers/list
          serves: { path: '/api/customers', collection: stripeList(CUSTOMERS) },
          pages: 10,
          requests: [
            { path: '/api/customers', query: { email: 'ada@example.com', limit: '100' } },
            { path: '/api/customers', query: { email: 'ada@example.com', limit: '100', starting_after: 'cus_0099' } },
            { path: '/api/customers', query: { email: 'ada@example.com', limit: '100', starting_after: 'cus_0199' } }
          ],
          answer: { output: CUSTOMERS, pages: 3, more: false }
        },
        {
          action: 'list_invoices',
          input: { customer: 'cus_0001', status: 'open' },
          // https://docs.stripe.com/api/invoices/list (one page asked for: more are left)
          serves: { path: '/api/invoices', collection: stripeList(INVOICES) },
          requests: [{ path: '/api/invoices', query: { customer: 'cus_0001', status: 'open', limit: '100' } }],
          answer: { output: INVOICES.slice(0, 100), pages: 1, more: true }
        },
        {
          action: 'list_charges',
          // https://docs.stripe.com/api/charges/list (one short page: `has_more` is false)
          serves: { path: '/api/charges', collection: stripeList(CHARGES) },
          pages: 10,
          requests: [{ path: '/api/charges', query: { limit: '100' } }],
          answer: { output: CHARGES, pages: 1, more: false }
        }
      ])
    }
  })
})
