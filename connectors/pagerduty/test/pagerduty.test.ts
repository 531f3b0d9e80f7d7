import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { pagerDuty } from '../src/index.js'

t.test('the PagerDuty definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(pagerDuty))).issues, [])
  t.equal(pagerDuty.key, 'pagerduty')
  t.ok(resolveAuthSchemes(pagerDuty).length > 0)
})
