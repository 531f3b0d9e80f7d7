import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { freshdesk } from '../src/index.js'

t.test('the Freshdesk definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(freshdesk))).issues, [])
  t.equal(freshdesk.key, 'freshdesk')
  t.ok(resolveAuthSchemes(freshdesk).length > 0)
})
