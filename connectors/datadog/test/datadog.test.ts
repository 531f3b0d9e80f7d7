import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { datadog } from '../src/index.js'

t.test('the Datadog definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(datadog))).issues, [])
  t.equal(datadog.key, 'datadog')
  t.ok(resolveAuthSchemes(datadog).length > 0)
})
