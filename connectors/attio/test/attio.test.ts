import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { attio } from '../src/index.js'

t.test('the Attio definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, attio)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(attio))).issues, [])
  t.same(
    resolveAuthSchemes(attio).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['api_key', 'apiKey']
    ]
  )
})

t.test('OAuth: no scope or PKCE in the authorize request, the client in the token request body', async (t) => {
  const scheme = resolveAuthScheme(attio, 'oauth2')
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.defaultScopes, [], 'scopes are set on the app, not asked for')
  t.equal(scheme.pkce, false)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.same(resolveEndpoints(attio, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://app.attio.com/authorize',
    tokenUrl: 'https://app.attio.com/oauth/token',
    refreshUrl: 'https://app.attio.com/oauth/token',
    revokeUrl: undefined,
    baseUrl: 'https://api.attio.com/v2'
  })
})

t.test('the access token goes as a Bearer token too', async (t) => {
  const scheme = resolveAuthScheme(attio, 'api_key')
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }])
})

t.test('Identify names the workspace, and `active: false` in a 200 is a refused token', async (t) => {
  t.same(attio.http?.authFailures, [{ status: 200, path: 'active', equals: [false] }])
  t.same(attio.verification, {
    path: '/self',
    identity: { workspace: 'workspace_name', workspaceId: 'workspace_id', workspaceSlug: 'workspace_slug' }
  })
})
