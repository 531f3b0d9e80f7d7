import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { x } from '../src/index.js'

t.test('the X definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(x))).issues, [])
  t.match(resolveAuthSchemes(x), [
    { kind: 'oauth1', signatureMethod: 'HMAC-SHA1', keepFields: ['user_id', 'screen_name'] }
  ])
})
