import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { zoom } from '../src/index.js'

t.test('the Zoom definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, zoom)
  t.same(validateConnectorDefinition(zoom).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(zoom))).issues, [])
})

t.test('its URLs render: consent and tokens on zoom.us, the API on api.zoom.us/v2', async (t) => {
  t.same(resolveEndpoints(zoom, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://zoom.us/oauth/authorize',
    tokenUrl: 'https://zoom.us/oauth/token',
    refreshUrl: 'https://zoom.us/oauth/token',
    revokeUrl: 'https://zoom.us/oauth/revoke',
    baseUrl: 'https://api.zoom.us/v2'
  })
})

t.test('a user-managed app as Zoom documents it', async (t) => {
  const scheme = resolveAuthScheme(zoom)
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not OAuth 2.0')
  t.equal(zoom.auth instanceof Array, false, 'one scheme: Server-to-Server OAuth cannot be declared')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic', 'base64(client_id:client_secret) in a Basic header')
  t.equal(scheme.pkce, true)
  t.equal(scheme.tokenRequestFormat, 'form', 'the grant in the body, never in the query string')
  t.same(scheme.defaultScopes, [], 'the scopes are those of the app in the Marketplace')
  t.equal(scheme.customerSelectsScopes, false)
  t.ok(scheme.scopes['user:read:user'] !== undefined && scheme.scopes['user:read'] !== undefined, 'GET /users/me')
  for (const [name, description] of Object.entries(scheme.scopes)) t.ok(description.length > 0, `${name} described`)
})

t.test('revocation: the access token alone, a form, Basic client authentication, no hint', async (t) => {
  const scheme = resolveAuthScheme(zoom)
  if (scheme?.kind !== 'oauth2') throw new Error('not OAuth 2.0')
  t.match(scheme.revoke, {
    method: 'POST',
    authentication: 'client',
    format: 'form',
    tokenParam: 'token',
    token: 'access',
    tokenTypeHint: false,
    clientAuthMethod: undefined
  })
})

t.test('rate limits and the verification', async (t) => {
  t.same(zoom.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' })
  t.same(zoom.verification, {
    path: '/users/me',
    identity: { id: 'id', email: 'email', name: 'display_name', accountId: 'account_id' }
  })
})
