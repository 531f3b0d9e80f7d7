import t from 'tap'
import { resolveAuthSchemes, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { atlassian } from '../src/index.js'

t.test('the Atlassian (Jira Cloud) definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(atlassian))).issues, [])
  t.equal(atlassian.key, 'atlassian')
  t.ok(resolveAuthSchemes(atlassian).length > 0)
})

t.test('the API URL carries the cloud id the verification request finds', async (t) => {
  t.equal(
    resolveEndpoints(atlassian, {
      parameters: {},
      config: {},
      metadata: {},
      account: { cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421' }
    }).baseUrl,
    'https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3'
  )
  t.equal(atlassian.verification?.from, 'origin')
})
