import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { microsoftGraph } from '../src/index.js'

t.test('the Microsoft Graph definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(microsoftGraph))).issues, [])
  t.equal(microsoftGraph.key, 'microsoft-graph')
  t.ok(resolveAuthSchemes(microsoftGraph).length > 0)
})
