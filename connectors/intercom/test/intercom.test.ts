import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  templateParameters,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { intercom } from '../src/index.js'

const endpoints = (region: string) =>
  resolveEndpoints(intercom, { parameters: templateParameters(intercom, { region }), config: {}, metadata: {} })

t.test('the Intercom definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, intercom)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(intercom))).issues, [])
  t.same(
    resolveAuthSchemes(intercom).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['access_token', 'apiKey']
    ]
  )
})

t.test('OAuth: no scope or PKCE, the client in the token request body, no revocation', async (t) => {
  const scheme = resolveAuthScheme(intercom, 'oauth2')
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.defaultScopes, [], 'permissions are ticked on the app')
  t.equal(scheme.pkce, false)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.same(endpoints('us'), {
    authorizeUrl: 'https://app.intercom.com/oauth',
    tokenUrl: 'https://api.intercom.io/auth/eagle/token',
    refreshUrl: 'https://api.intercom.io/auth/eagle/token',
    revokeUrl: undefined,
    baseUrl: 'https://api.intercom.io'
  })
})

t.test('the API host of each hosting region', async (t) => {
  t.equal(endpoints('eu').baseUrl, 'https://api.eu.intercom.io')
  t.equal(endpoints('au').baseUrl, 'https://api.au.intercom.io')
  t.match(validateParameters(intercom, {}), { ok: true, values: { region: 'us' } }, 'the US by default')
})

t.test('the access token as Bearer; 429s wait until X-RateLimit-Reset', async (t) => {
  const scheme = resolveAuthScheme(intercom, 'access_token')
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }])
  t.same(intercom.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' })
  t.same(intercom.verification, {
    path: '/me',
    identity: { email: 'email', name: 'name', workspace: 'app.name', workspaceId: 'app.id_code' }
  })
})
