import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { webex } from '../src/index.js'

t.test('the Webex definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, webex)
  t.same(validateConnectorDefinition(webex).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(webex))).issues, [])
})

t.test('an integration as Webex documents it', async (t) => {
  const scheme = resolveAuthScheme(webex)
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not OAuth 2.0')
  // The client id and secret go in the form body of the token and refresh requests.
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.pkce, true)
  t.equal(scheme.revokeUrl, undefined, 'no revocation endpoint documented')
  t.same(Object.keys(scheme.scopes).sort(), ['spark:all', 'spark:people_read'])
  t.same(scheme.defaultScopes, ['spark:people_read'], 'what GET /people/me needs')
  t.match(webex.verification, { path: '/people/me', identity: { id: 'id', email: 'emails.0' } })
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(webex, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://webexapis.com/v1/authorize',
    tokenUrl: 'https://webexapis.com/v1/access_token',
    refreshUrl: 'https://webexapis.com/v1/access_token',
    baseUrl: 'https://webexapis.com/v1'
  })
})
