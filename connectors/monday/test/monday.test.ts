import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { monday } from '../src/index.js'

t.test('the monday.com definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, monday)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(monday))).issues, [])
  const scheme = resolveAuthScheme(monday)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  // https://developer.monday.com/apps/docs/oauth: the 18 scopes of "Permission scopes".
  t.equal(Object.keys(scheme.scopes).length, 18)
  t.same(scheme.defaultScopes, ['me:read', 'boards:read'])
  // OAuth 2.1: PKCE, JSON token requests with the client id and secret in the body.
  t.equal(scheme.pkce, true)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.tokenRequestFormat, 'json')
  // One JSON revocation request with the client in the body and a token_type_hint.
  t.match(scheme.revoke, { method: 'POST', authentication: 'client', format: 'json', token: 'refresh' })
  t.equal(scheme.revoke.tokenTypeHint, true)
})

t.test('its URLs render: the OAuth 2.1 token and revoke endpoints, the GraphQL API', async (t) => {
  t.same(resolveEndpoints(monday, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://auth.monday.com/oauth2/authorize',
    tokenUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
    refreshUrl: 'https://auth.monday.com/oauth_ms/oauth/token',
    revokeUrl: 'https://auth.monday.com/oauth_ms/oauth/revoke',
    baseUrl: 'https://api.monday.com'
  })
})

t.test('the verification is the GraphQL me query, POSTed to /v2', async (t) => {
  t.match(monday.verification, { method: 'POST', path: '/v2' })
  t.same(JSON.parse(monday.verification?.body ?? '{}'), { query: 'query { me { id name email } }' })
  t.same(monday.verification?.identity, { user: 'data.me.email', id: 'data.me.id', name: 'data.me.name' })
})
