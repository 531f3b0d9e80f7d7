import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { typeform } from '../src/index.js'

t.test('the Typeform definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, typeform)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(typeform))).issues, [])
  const scheme = resolveAuthScheme(typeform)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 5)
  t.same(typeform.auth.kind === 'oauth2' ? typeform.auth.offlineAccess : undefined, { scope: 'offline' })
  t.equal(scheme?.kind === 'oauth2' ? scheme.clientAuthMethod : undefined, 'client_secret_post')
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(typeform, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://api.typeform.com/oauth/authorize',
    tokenUrl: 'https://api.typeform.com/oauth/token',
    refreshUrl: 'https://api.typeform.com/oauth/token',
    baseUrl: 'https://api.typeform.com'
  })
})
