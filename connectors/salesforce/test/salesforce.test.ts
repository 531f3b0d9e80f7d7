import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { salesforce } from '../src/index.js'

t.test('the Salesforce definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(salesforce))).issues, [])
  t.equal(salesforce.key, 'salesforce')
  t.ok(resolveAuthSchemes(salesforce).length > 0)
})
