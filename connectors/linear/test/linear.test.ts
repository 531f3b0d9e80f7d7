import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { linear } from '../src/index.js'

t.test('the Linear definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, linear)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(linear))).issues, [])
  const scheme = resolveAuthScheme(linear)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 6)
  t.equal(scheme?.kind === 'oauth2' ? scheme.scopeDelimiter : undefined, ',')
  t.equal(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code' ? scheme.pkce : undefined, true)
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(linear, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://linear.app/oauth/authorize',
    tokenUrl: 'https://api.linear.app/oauth/token',
    refreshUrl: 'https://api.linear.app/oauth/token',
    baseUrl: 'https://api.linear.app'
  })
})
