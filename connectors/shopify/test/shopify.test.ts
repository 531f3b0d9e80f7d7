import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { shopify } from '../src/index.js'

t.test('the Shopify definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(shopify))).issues, [])
  t.equal(shopify.key, 'shopify')
  t.ok(resolveAuthSchemes(shopify).length > 0)
})
