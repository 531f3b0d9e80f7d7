import t from 'tap'
import { joinScopes, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { github } from '../src/index.js'

t.test('the GitHub definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(github))).issues, [])
  t.equal(github.auth.scopeDelimiter, ',')
  t.equal(github.auth.tokenHeaders?.Accept, 'application/json')
  t.equal(joinScopes(github.auth.defaultScopes ?? [], github.auth.scopeDelimiter), 'read:user,user:email')
})

t.test('its URLs render', async (t) => {
  t.match(
    resolveEndpoints(github, { parameters: {}, config: {}, metadata: {}, client: { id: 'Iv1.8a61f9b3a7aba766' } }),
    {
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'https://github.com/login/oauth/access_token',
      revokeUrl: 'https://api.github.com/applications/Iv1.8a61f9b3a7aba766/token',
      baseUrl: 'https://api.github.com'
    }
  )
})
