import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { twilio } from '../src/index.js'

t.test('the Twilio definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(twilio))).issues, [])
  t.equal(twilio.key, 'twilio')
  t.ok(resolveAuthSchemes(twilio).length > 0)
})
