import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { dropbox } from '../src/index.js'

t.test('the Dropbox definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(dropbox))).issues, [])
  t.equal(dropbox.key, 'dropbox')
  t.ok(resolveAuthSchemes(dropbox).length > 0)
})
