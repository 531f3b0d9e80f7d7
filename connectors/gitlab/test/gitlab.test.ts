import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { gitlab } from '../src/index.js'

t.test('the GitLab definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(gitlab))).issues, [])
  t.equal(gitlab.key, 'gitlab')
  t.ok(resolveAuthSchemes(gitlab).length > 0)
})
