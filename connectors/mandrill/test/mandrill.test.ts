import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { mandrill } from '../src/index.js'

t.test('the Mandrill definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(mandrill))).issues, [])
  t.equal(mandrill.key, 'mandrill')
  t.ok(resolveAuthSchemes(mandrill).length > 0)
})
