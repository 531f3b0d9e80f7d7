import t from 'tap'
import {
  isRedirectScheme,
  resolveAuthSchemes,
  summarizeConnector,
  usesTenantApp,
  validateConnectorDefinition
} from '../src/index.js'
import type { ConnectorDefinitionJson } from '../src/index.js'

/**
 * X's OAuth 1.0a three-legged flow, as its API reference documents it.
 * @see https://docs.x.com/fundamentals/authentication/api-reference
 */
function x(): ConnectorDefinitionJson {
  return {
    key: 'x',
    name: 'X',
    version: '1.0.0',
    auth: {
      kind: 'oauth1',
      requestTokenUrl: 'https://api.x.com/oauth/request_token',
      authorizeUrl: 'https://api.x.com/oauth/authorize',
      accessTokenUrl: 'https://api.x.com/oauth/access_token',
      requestTokenParams: { x_auth_access_type: 'read' },
      keepFields: ['user_id', 'screen_name'],
      revokeUrl: 'https://api.x.com/1.1/oauth/invalidate_token'
    },
    http: { baseUrl: 'https://api.x.com/2' },
    verification: { path: '/users/me', identity: { id: 'data.id', username: 'data.username' } }
  }
}

function issuesOf(definition: unknown): { path: string; message: string }[] {
  const result = validateConnectorDefinition(definition)
  return result.ok ? [] : [...result.issues]
}

t.test('an OAuth 1.0a definition validates and resolves with its defaults', async (t) => {
  t.same(issuesOf(x()), [])
  const [scheme] = resolveAuthSchemes(x())
  t.match(scheme, {
    kind: 'oauth1',
    key: 'oauth1',
    label: 'OAuth 1.0a',
    signatureMethod: 'HMAC-SHA1',
    requestTokenParams: { x_auth_access_type: 'read' },
    authorizeParams: {},
    keepFields: ['user_id', 'screen_name'],
    revokeUrl: 'https://api.x.com/1.1/oauth/invalidate_token'
  })
  t.ok(scheme !== undefined && isRedirectScheme(scheme), 'it sends the end customer to the provider')
  t.ok(scheme !== undefined && usesTenantApp(scheme), "it runs on the tenant's consumer")
  t.match(summarizeConnector(x()), /oauth1 HMAC-SHA1, revocation/)
})

t.test('every problem of an OAuth 1.0a definition is reported by its path', async (t) => {
  const bad = x()
  bad.auth = {
    kind: 'oauth1',
    requestTokenUrl: 'http://api.example.com/oauth/request_token',
    authorizeUrl: 'https://{{parameters.site}}.example.com/authorize',
    accessTokenUrl: 'https://api.example.com/{{credentials.token}}',
    signatureMethod: 'MD5',
    authorizeParams: { oauth_token: 'x', name: 'Latchkey' },
    requestTokenParams: { oauth_callback: 'https://evil.example' },
    refreshUrl: 'https://api.example.com/refresh'
  } as unknown as ConnectorDefinitionJson['auth']
  const issues = issuesOf(bad)
  const paths = issues.map((issue) => issue.path)
  for (const path of [
    'auth.signatureMethod',
    'auth.refreshUrl',
    'auth.requestTokenUrl',
    'auth.authorizeUrl',
    'auth.accessTokenUrl',
    'auth.authorizeParams.oauth_token',
    'auth.requestTokenParams.oauth_callback'
  ])
    t.ok(paths.includes(path), `${path} is named (${JSON.stringify(issues.filter((i) => i.path === path))})`)
  t.notOk(paths.includes('auth.authorizeParams.name'), 'a param of its own is fine')
  t.match(issues.find((i) => i.path === 'auth.authorizeParams.oauth_token')?.message, /set by Latchkey itself/)
})

t.test('the Authorization header is where an OAuth 1.0a signature goes: http.headers may not set it', async (t) => {
  const definition = x()
  definition.http = { baseUrl: 'https://api.x.com/2', headers: { Authorization: 'OAuth nope' } }
  t.same(issuesOf(definition), [
    { path: 'http.headers.Authorization', message: 'is where the credential goes; Latchkey sets it' }
  ])
})
