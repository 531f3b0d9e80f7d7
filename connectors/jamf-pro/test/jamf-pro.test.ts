import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { jamfPro } from '../src/index.js'

t.test('the Jamf Pro definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(jamfPro))).issues, [])
  t.equal(jamfPro.key, 'jamf-pro')
  t.ok(resolveAuthSchemes(jamfPro).length > 0)
})
