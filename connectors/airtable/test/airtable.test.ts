import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { airtable } from '../src/index.js'

t.test('the Airtable definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(airtable))).issues, [])
  t.equal(airtable.key, 'airtable')
  t.ok(resolveAuthSchemes(airtable).length > 0)
})
