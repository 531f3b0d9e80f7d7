import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { close } from '../src/index.js'

t.test('the Close definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, close)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(close))).issues, [])
  t.same(
    resolveAuthSchemes(close).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['api_key', 'apiKey']
    ],
    'OAuth first, then the API key'
  )
})

t.test('OAuth: no scope asked for, client in the form body, organization and user kept, no revocation', async (t) => {
  const scheme = resolveAuthScheme(close, 'oauth2')
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.defaultScopes, [], 'every Close app is granted all.full_access offline_access')
  t.same(Object.keys(scheme.scopes), ['all.full_access', 'offline_access'])
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.pkce, false)
  t.same(scheme.keepFields, ['organization_id', 'user_id'])
  t.same(resolveEndpoints(close, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.close.com/oauth2/authorize/',
    tokenUrl: 'https://api.close.com/oauth2/token/',
    refreshUrl: 'https://api.close.com/oauth2/token/',
    revokeUrl: undefined,
    baseUrl: 'https://api.close.com/api/v1'
  })
})

t.test('API key: the key as the basic user name, the password always empty', async (t) => {
  const scheme = resolveAuthScheme(close, 'api_key')
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(scheme.send, [{ in: 'basic', username: '{{credentials.apiKey}}', password: '' }])
  t.same(
    scheme.inputs.map((input) => [input.key, input.secret]),
    [['apiKey', true]],
    'only the key is asked for, as a secret'
  )
  t.match(close.verification, { path: '/me/', identity: { email: 'email', id: 'id' } })
})

t.test('list_leads pages with _skip and _limit until has_more is false', async (t) => {
  const action = findAction(close, 'list_leads')
  t.ok(action)
  if (action === undefined) return
  t.match(action, {
    method: 'GET',
    path: '/lead/',
    output: 'data',
    pagination: { style: 'offset', param: '_skip', limitParam: '_limit', limit: 100, hasMorePath: 'has_more' }
  })
  t.same(renderActionRequest(action, { input: { query: 'company:Acme' } }).query, { query: 'company:Acme' })
})
