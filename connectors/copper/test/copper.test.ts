import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { copper } from '../src/index.js'

t.test('the Copper definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, copper)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(copper))).issues, [])
  t.same(
    copper.auth instanceof Array ? copper.auth.map((scheme) => scheme.key) : [],
    ['oauth2', 'api_key'],
    'OAuth 2.0 for registered apps, or an API key'
  )
})

t.test('OAuth 2.0: developer/v1/all, the client in the form body, no PKCE, no revocation', async (t) => {
  const scheme = resolveAuthScheme(copper, 'oauth2')
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code', 'an authorization code scheme')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.defaultScopes, ['developer/v1/all'])
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.pkce, false)
  t.same(resolveEndpoints(copper, { parameters: {}, config: {}, metadata: {} }, {}, scheme), {
    authorizeUrl: 'https://app.copper.com/oauth/authorize',
    tokenUrl: 'https://app.copper.com/oauth/token',
    refreshUrl: 'https://app.copper.com/oauth/token',
    baseUrl: 'https://api.copper.com/developer_api/v1'
  })
})

t.test('the key and its owner’s email in X-PW headers, X-PW-Application on every call', async (t) => {
  const scheme = resolveAuthScheme(copper, 'api_key')
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(
    scheme.inputs.map((input) => [input.key, input.secret, input.required]),
    [
      ['apiKey', true, true],
      ['userEmail', false, true]
    ]
  )
  t.same(scheme.send, [
    { in: 'header', name: 'X-PW-AccessToken', value: '{{credentials.apiKey}}' },
    { in: 'header', name: 'X-PW-UserEmail', value: '{{credentials.userEmail}}' }
  ])
  t.same(copper.http?.headers, { 'X-PW-Application': 'developer_api', 'Content-Type': 'application/json' })
  t.equal(
    resolveEndpoints(copper, { parameters: {}, config: {}, metadata: {} }).baseUrl,
    'https://api.copper.com/developer_api/v1'
  )
  t.same(copper.verification, { path: '/users/me', identity: { name: 'name', id: 'id' } })
})
