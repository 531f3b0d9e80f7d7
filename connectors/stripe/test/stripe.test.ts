import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { stripe } from '../src/index.js'

t.test('the Stripe definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(stripe))).issues, [])
  t.equal(stripe.key, 'stripe')
  t.ok(resolveAuthSchemes(stripe).length > 0)
})
