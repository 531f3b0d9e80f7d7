import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthSchemes,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { stripe } from '../src/index.js'

t.test('the Stripe definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(stripe))).issues, [])
  t.equal(stripe.key, 'stripe')
  t.ok(resolveAuthSchemes(stripe).length > 0)
})

t.test('the actions need no scopes; lists page by the last object id while has_more', async (t) => {
  t.same(scopesForActions(stripe, ['list_customers', 'create_customer', 'list_invoices', 'list_charges']).scopes, [])
  for (const action of stripe.actions ?? [])
    if (action.pagination !== undefined)
      t.same(action.pagination, {
        style: 'cursor',
        param: 'starting_after',
        cursorFromLastItem: 'id',
        hasMorePath: 'has_more',
        limitParam: 'limit',
        limit: 100
      })
})

t.test('create_customer sends form fields, leaving out those not given', async (t) => {
  const action = findAction(stripe, 'create_customer')
  if (action === undefined) throw new Error('no create_customer')
  const request = renderActionRequest(action, { input: { email: 'ada@example.com', name: 'Ada' } })
  t.match(request, { method: 'POST', path: '/customers', bodyFormat: 'form' })
  t.same(request.body, { email: 'ada@example.com', name: 'Ada' })
})
