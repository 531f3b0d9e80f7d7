import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { front } from '../src/index.js'

t.test('the Front definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, front)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(front))).issues, [])
  t.same(
    resolveAuthSchemes(front).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['api_token', 'apiKey']
    ]
  )
})

t.test('OAuth: Basic client authentication, the expiry from expires_at, no scope, PKCE or revocation', async (t) => {
  const scheme = resolveAuthScheme(front, 'oauth2')
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.equal(scheme.clientAuthMethod, 'client_secret_basic', 'the token request MUST use Basic authentication')
  t.equal(scheme.pkce, false)
  t.same(scheme.defaultScopes, [], 'scopes are set up on the app')
  t.same(scheme.expiry, { inPath: 'expires_in', unit: 'seconds', atPath: 'expires_at' })
  t.same(resolveEndpoints(front, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.frontapp.com/oauth/authorize',
    tokenUrl: 'https://app.frontapp.com/oauth/token',
    refreshUrl: 'https://app.frontapp.com/oauth/token',
    revokeUrl: undefined,
    baseUrl: 'https://api2.frontapp.com'
  })
})

t.test('the API token as Bearer; /me names the company', async (t) => {
  const scheme = resolveAuthScheme(front, 'api_token')
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }])
  t.same(front.verification, { path: '/me', identity: { company: 'name', companyId: 'id' } })
})
