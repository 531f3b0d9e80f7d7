import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { google } from '../src/index.js'

t.test('the Google definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(google))).issues, [])
  t.equal(google.key, 'google')
  t.ok(resolveAuthSchemes(google).length > 0)
})
