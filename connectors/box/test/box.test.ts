import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { box } from '../src/index.js'

t.test('the Box definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, box)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(box))).issues, [])
  const scheme = resolveAuthScheme(box)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 9)
  t.same(scheme?.kind === 'oauth2' ? scheme.scopeIncludes : undefined, { root_readwrite: ['root_readonly'] })
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(box, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://account.box.com/api/oauth2/authorize',
    tokenUrl: 'https://api.box.com/oauth2/token',
    refreshUrl: 'https://api.box.com/oauth2/token',
    revokeUrl: 'https://api.box.com/oauth2/revoke',
    baseUrl: 'https://api.box.com/2.0'
  })
})
