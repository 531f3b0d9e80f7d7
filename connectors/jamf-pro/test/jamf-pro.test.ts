import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { jamfPro } from '../src/index.js'

t.test('the Jamf Pro definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(jamfPro))).issues, [])
  t.equal(jamfPro.key, 'jamf-pro')
  t.ok(resolveAuthSchemes(jamfPro).length > 0)
})

t.test('its session is invalidated on disconnect, at the same server', async (t) => {
  t.match(resolveAuthSchemes(jamfPro)[0], {
    kind: 'tokenExchange',
    logout: { url: 'https://{{parameters.host}}:{{parameters.port}}/api/v1/auth/invalidate-token', method: 'POST' }
  })
})
