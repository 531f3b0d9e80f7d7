import t from 'tap'
import { resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { box } from '../src/index.js'

t.test('the Box definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, box)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(box))).issues, [])
  t.equal(Object.keys(box.auth.scopes ?? {}).length, 9)
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
