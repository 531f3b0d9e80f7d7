import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { square } from '../src/index.js'

t.test('the Square definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, square)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(square))).issues, [])
  const scheme = resolveAuthScheme(square)
  t.equal(scheme?.kind, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  // ObtainToken: a JSON body with client_id and client_secret.
  t.equal(scheme.tokenRequestFormat, 'json')
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.pkce, false)
  t.equal(scheme.scopeDelimiter, ' ')
  t.same(scheme.keepFields, ['merchant_id'])
  t.match(
    scheme.revoke,
    {
      token: 'access',
      format: 'json',
      tokenParam: 'access_token',
      tokenTypeHint: false,
      clientSecretHeader: { name: 'Authorization', prefix: 'Client ' },
      params: { client_id: '{{client.id}}' }
    },
    'RevokeToken: Authorization: Client <secret>, a JSON body with client_id and access_token'
  )
  t.same(scheme.defaultScopes, ['MERCHANT_PROFILE_READ'])
  t.equal(Object.keys(scheme.scopes).length, 15)
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(square, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://connect.squareup.com/oauth2/authorize',
    tokenUrl: 'https://connect.squareup.com/oauth2/token',
    refreshUrl: 'https://connect.squareup.com/oauth2/token',
    revokeUrl: 'https://connect.squareup.com/oauth2/revoke',
    baseUrl: 'https://connect.squareup.com/v2'
  })
  t.match(square.verification, { path: '/merchants/me', identity: { merchantId: 'merchant.id' } })
  t.match(square.auth, { tokenResponse: { expiresAtPath: 'expires_at' } }, 'the lifetime is an ISO 8601 expires_at')
})

t.test('its actions: locations, customers by cursor', async (t) => {
  t.same(scopesForActions(square, ['list_locations']).scopes, ['MERCHANT_PROFILE_READ'])
  t.same(scopesForActions(square, ['list_customers']).scopes, ['CUSTOMERS_READ', 'MERCHANT_PROFILE_READ'])
  const customers = findAction(square, 'list_customers')
  t.ok(customers)
  if (customers === undefined) return
  t.match(customers.pagination, {
    style: 'cursor',
    param: 'cursor',
    cursorPath: 'cursor',
    limitParam: 'limit',
    limit: 100
  })
  t.same(renderActionRequest(customers, { input: { sort_field: 'CREATED_AT' } }).query, { sort_field: 'CREATED_AT' })
})
