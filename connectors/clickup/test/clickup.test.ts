import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { clickup } from '../src/index.js'

t.test('the ClickUp definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, clickup)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(clickup))).issues, [])
  const scheme = resolveAuthScheme(clickup)
  t.same(scheme?.kind === 'oauth2' ? scheme.scopes : undefined, {}, 'no scopes')
  t.equal(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code' ? scheme.pkce : undefined, false)
  t.same(clickup.http?.tokenPlacement, { in: 'header', name: 'Authorization', prefix: '' }, 'no Bearer prefix')
  t.match(
    scheme,
    { tokenRequestFormat: 'query', clientAuthMethod: 'client_secret_post' },
    'the code and client credentials in the token URL query, as ClickUp documents'
  )
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(clickup, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.clickup.com/api',
    tokenUrl: 'https://api.clickup.com/api/v2/oauth/token',
    refreshUrl: 'https://api.clickup.com/api/v2/oauth/token',
    baseUrl: 'https://api.clickup.com/api/v2'
  })
})
