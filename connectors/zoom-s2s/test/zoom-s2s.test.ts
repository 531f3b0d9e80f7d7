import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { zoomS2s } from '../src/index.js'

t.test('the Zoom Server-to-Server definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, zoomS2s)
  t.same(validateConnectorDefinition(zoomS2s).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(zoomS2s))).issues, [])
})

t.test('account_credentials with the account id, the customer’s client in HTTP Basic', async (t) => {
  t.match(resolveAuthScheme(zoomS2s), {
    kind: 'oauth2',
    grant: 'client_credentials',
    grantType: 'account_credentials',
    tokenParams: { account_id: '{{parameters.accountId}}' },
    clientAuthMethod: 'client_secret_basic',
    clientOwnership: 'customer',
    defaultScopes: []
  })
  t.same(
    resolveEndpoints(zoomS2s, { parameters: { accountId: 'abc123XYZ' }, config: {}, metadata: {} }).tokenUrl,
    'https://zoom.us/oauth/token'
  )
})
