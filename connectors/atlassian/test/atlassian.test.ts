import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { atlassian } from '../src/index.js'

t.test('the Atlassian (Jira Cloud) definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(atlassian))).issues, [])
  t.equal(atlassian.key, 'atlassian')
  t.ok(resolveAuthSchemes(atlassian).length > 0)
})
