import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { asana } from '../src/index.js'

t.test('the Asana definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, asana)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(asana))).issues, [])
  const scheme = resolveAuthScheme(asana)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 47)
  t.same(scheme?.kind === 'oauth2' ? scheme.defaultScopes : undefined, ['default'])
  t.equal(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code' ? scheme.pkce : undefined, true)
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(asana, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.asana.com/-/oauth_authorize',
    tokenUrl: 'https://app.asana.com/-/oauth_token',
    refreshUrl: 'https://app.asana.com/-/oauth_token',
    revokeUrl: 'https://app.asana.com/-/oauth_revoke',
    baseUrl: 'https://app.asana.com/api/1.0'
  })
})
