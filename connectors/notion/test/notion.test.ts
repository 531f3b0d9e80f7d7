import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { notion } from '../src/index.js'

t.test('the Notion definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(notion))).issues, [])
  t.equal(notion.key, 'notion')
  t.ok(resolveAuthSchemes(notion).length > 0)
})
