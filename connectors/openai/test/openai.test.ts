import t from 'tap'
import { resolveAuthSchemes, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { openai } from '../src/index.js'

t.test('the OpenAI definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(openai))).issues, [])
  t.equal(openai.key, 'openai')
  t.ok(resolveAuthSchemes(openai).length > 0)
})
