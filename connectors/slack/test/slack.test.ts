import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { slack } from '../src/index.js'

t.test('the Slack definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(slack))).issues, [])
  t.equal(slack.key, 'slack')
  t.ok(resolveAuthSchemes(slack).length > 0)
})
