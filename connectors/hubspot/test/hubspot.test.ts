import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { hubspot } from '../src/index.js'

t.test('the HubSpot definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(hubspot))).issues, [])
  t.equal(hubspot.key, 'hubspot')
  t.ok(resolveAuthSchemes(hubspot).length > 0)
})
