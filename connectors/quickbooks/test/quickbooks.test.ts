import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { quickbooks } from '../src/index.js'

t.test('the QuickBooks Online definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(quickbooks))).issues, [])
  t.equal(quickbooks.key, 'quickbooks')
  t.ok(resolveAuthSchemes(quickbooks).length > 0)
})
