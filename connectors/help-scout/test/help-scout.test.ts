import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { helpScout } from '../src/index.js'

t.test('the Help Scout definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, helpScout)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(helpScout))).issues, [])
  const scheme = resolveAuthScheme(helpScout)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.scopes, {}, 'Help Scout documents no scopes')
  t.equal(scheme.pkce, false)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.revokeUrl, undefined)
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(helpScout, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://secure.helpscout.net/authentication/authorizeClientApplication',
    tokenUrl: 'https://api.helpscout.net/v2/oauth2/token',
    refreshUrl: 'https://api.helpscout.net/v2/oauth2/token',
    baseUrl: 'https://api.helpscout.net/v2'
  })
  t.same(helpScout.verification, { path: '/users/me', identity: { user: 'email', id: 'id' } })
})
