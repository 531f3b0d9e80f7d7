import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  resolveTokenPlacement,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import type { ConnectorDefinition, DeepReadonly } from '@latchkey/connector-sdk'
import defaultExport, { figma } from '../src/index.js'

/** The `http` part as the SDK types it (the literal type knows only the fields set). */
const http: DeepReadonly<ConnectorDefinition>['http'] = figma.http

const values = { parameters: {}, config: {}, metadata: {} }

t.test('the Figma definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, figma)
  t.same(validateConnectorDefinition(figma).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(figma))).issues, [])
  t.same(
    resolveAuthSchemes(figma).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['personal_access_token', 'apiKey']
    ],
    'OAuth first, the personal access token second'
  )
})

// https://developers.figma.com/docs/rest-api/oauth-apps/: the code is exchanged at /v1/oauth/token,
// the refresh goes to /v1/oauth/refresh, and no revoke endpoint is documented.
t.test('its URLs render: refresh has an endpoint of its own, and there is no revocation', async (t) => {
  t.same(resolveEndpoints(figma, values), {
    authorizeUrl: 'https://www.figma.com/oauth',
    tokenUrl: 'https://api.figma.com/v1/oauth/token',
    refreshUrl: 'https://api.figma.com/v1/oauth/refresh',
    revokeUrl: undefined,
    baseUrl: 'https://api.figma.com'
  })
  // A tenant moving only the token URL keeps Figma's refresh URL: it is declared, not derived.
  t.equal(
    resolveEndpoints(figma, values, { tokenUrl: 'https://proxy.example/token' }).refreshUrl,
    'https://api.figma.com/v1/oauth/refresh'
  )
})

t.test('OAuth: Basic client authentication, PKCE, space-joined scopes, the user id kept', async (t) => {
  const scheme = resolveAuthScheme(figma)
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not authorization code')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic')
  t.equal(scheme.pkce, true)
  t.equal(scheme.scopeDelimiter, ' ')
  t.equal(scheme.offlineScope, undefined, 'Figma has no offline scope: every code exchange answers a refresh token')
  t.same(scheme.defaultScopes, ['current_user:read'], 'what GET /v1/me needs')
  t.same(scheme.keepFields, ['user_id_string'])
  t.equal(Object.keys(scheme.scopes).length, 23, "every scope of Figma's scope table")
  t.equal(scheme.scopes['file_content:read'], 'Read the contents of files, such as nodes and the editor type.')
  t.match(scheme.scopes['files:read'], /^Deprecated\./)
  t.same(resolveTokenPlacement(http?.tokenPlacement), { in: 'header', name: 'Authorization', prefix: 'Bearer ' })
})

t.test('the personal access token goes in X-Figma-Token, alone', async (t) => {
  const scheme = resolveAuthScheme(figma, 'personal_access_token')
  if (scheme?.kind !== 'apiKey') throw new Error('not an API key scheme')
  t.same(scheme.send, [{ in: 'header', name: 'X-Figma-Token', value: '{{credentials.apiKey}}' }])
  t.equal(scheme.inputs[0]?.docsUrl, 'https://developers.figma.com/docs/rest-api/personal-access-tokens/')
  t.equal(scheme.inputs[0]?.pattern, undefined, 'Figma documents no token format')
})

t.test('the verification reads GET /v1/me', async (t) => {
  t.same(figma.verification, { path: '/v1/me', identity: { id: 'id', handle: 'handle', email: 'email' } })
  t.equal(http?.rateLimit, undefined, 'Retry-After, always read, is the only wait Figma sends')
})
