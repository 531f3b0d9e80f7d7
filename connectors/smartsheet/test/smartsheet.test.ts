import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { smartsheet } from '../src/index.js'

t.test('the Smartsheet definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, smartsheet)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(smartsheet))).issues, [])
  const scheme = resolveAuthScheme(smartsheet)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.equal(Object.keys(scheme.scopes).length, 17, 'the 17 access scopes of the OAuth walkthrough')
  t.same(scheme.defaultScopes, ['READ_SHEETS'])
  t.equal(scheme.scopeDelimiter, ' ')
  t.equal(scheme.pkce, false)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.tokenRequestFormat, 'form')
  // DELETE /token with the access token as the bearer credential, no body.
  t.match(scheme.revoke, { method: 'DELETE', authentication: 'bearer', token: 'access', format: 'none' })
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(smartsheet, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.smartsheet.com/b/authorize',
    tokenUrl: 'https://api.smartsheet.com/2.0/token',
    refreshUrl: 'https://api.smartsheet.com/2.0/token',
    revokeUrl: 'https://api.smartsheet.com/2.0/token',
    baseUrl: 'https://api.smartsheet.com/2.0'
  })
  t.same(smartsheet.verification, { path: '/users/me', identity: { user: 'email', id: 'id' } })
})
