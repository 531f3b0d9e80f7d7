import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { bitbucket } from '../src/index.js'

t.test('the Bitbucket definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, bitbucket)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(bitbucket))).issues, [])
  const scheme = resolveAuthScheme(bitbucket)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 16)
  t.same(scheme?.kind === 'oauth2' ? scheme.scopeIncludes : undefined, { 'repository:write': ['repository'] })
  t.equal(scheme?.kind === 'oauth2' ? scheme.clientAuthMethod : undefined, 'client_secret_basic')
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(bitbucket, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://bitbucket.org/site/oauth2/authorize',
    tokenUrl: 'https://bitbucket.org/site/oauth2/access_token',
    refreshUrl: 'https://bitbucket.org/site/oauth2/access_token',
    baseUrl: 'https://api.bitbucket.org/2.0'
  })
})
