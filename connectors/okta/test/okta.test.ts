import t from 'tap'
import {
  TemplateError,
  missingScopes,
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { okta } from '../src/index.js'

const values = { parameters: { domain: 'acme.okta.com' }, config: {}, metadata: {} }

/** The OAuth 2.0 scheme with its defaults applied. */
function oauth() {
  const scheme = resolveAuthScheme(okta, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code')
    throw new Error('Okta offers OAuth 2.0 authorization code')
  return scheme
}

t.test('the Okta definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, okta)
  t.same(validateConnectorDefinition(okta).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(okta))).issues, [])
})

t.test('two schemes: an API token (first) and the customer’s own OAuth app', async (t) => {
  t.same(
    resolveAuthSchemes(okta).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['api_token', 'apiKey'],
      ['oauth2', 'oauth2']
    ]
  )
  const token = resolveAuthScheme(okta)
  t.equal(token?.key, 'api_token', 'the API token is the default scheme')
  t.match(token, {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'Authorization', value: 'SSWS {{credentials.apiKey}}' }]
  })
  t.equal(token?.kind === 'apiKey' ? token.send.length : 0, 1, 'the token goes in that one header only')
})

t.test('every URL is on the customer’s Okta domain, the org authorization server’s for OAuth', async (t) => {
  t.same(resolveEndpoints(okta, values, {}, oauth()), {
    authorizeUrl: 'https://acme.okta.com/oauth2/v1/authorize',
    tokenUrl: 'https://acme.okta.com/oauth2/v1/token',
    refreshUrl: 'https://acme.okta.com/oauth2/v1/token',
    revokeUrl: 'https://acme.okta.com/oauth2/v1/revoke',
    baseUrl: 'https://acme.okta.com/api/v1'
  })
  t.equal(
    resolveEndpoints(okta, { ...values, parameters: { domain: 'login.acme.example' } }).baseUrl,
    'https://login.acme.example/api/v1',
    'a custom domain'
  )
})

t.test('OAuth: the customer’s client, Basic client authentication, PKCE, offline_access, RFC 7009', async (t) => {
  const scheme = oauth()
  t.equal(scheme.clientOwnership, 'customer', 'the app lives in the customer’s org')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic')
  t.equal(scheme.pkce, true)
  t.equal(scheme.offlineScope, 'offline_access')
  t.same(scheme.defaultScopes, ['okta.users.read'])
  t.equal(scheme.scopeDelimiter, ' ')
  t.match(
    scheme.revoke,
    { method: 'POST', authentication: 'client', format: 'form', tokenParam: 'token', tokenTypeHint: true },
    'the RFC 7009 shape: a form with token and token_type_hint, the client authenticated'
  )
})

t.test('OAuth scopes: the management API’s, `manage` covering `read`', async (t) => {
  const scheme = oauth()
  const scopes = Object.keys(scheme.scopes)
  t.equal(scopes.length, 111, "the OpenAPI document's 109, okta.users.read.self and offline_access")
  for (const scope of [
    'okta.users.read',
    'okta.users.manage',
    'okta.groups.read',
    'okta.logs.read',
    'okta.users.read.self'
  ])
    t.ok(scopes.includes(scope), scope)
  t.equal(scheme.scopes['okta.users.read'], "Allows the app to read the existing users' profiles and credentials")
  t.ok(
    scopes.every((scope) => scope === 'offline_access' || scope.startsWith('okta.') || scope.startsWith('ssf.')),
    'only Okta API scopes and offline_access'
  )
  const includes = scheme.scopeIncludes
  t.same(missingScopes(['okta.groups.read'], ['okta.groups.manage'], includes), [])
  t.same(missingScopes(['okta.groups.manage'], ['okta.groups.read'], includes), ['okta.groups.manage'])
  t.same(missingScopes(['okta.users.read.self'], ['okta.users.read'], includes), [])
  t.same(missingScopes(['okta.users.read'], ['okta.users.read.self'], includes), ['okta.users.read'])
  t.same(
    missingScopes(['okta.logs.read'], ['okta.users.manage'], includes),
    ['okta.logs.read'],
    'no manage scope for logs'
  )
  t.notOk('okta.logs.manage' in includes)
})

t.test('rate limits wait for X-Rate-Limit-Reset; the verification reads /users/me', async (t) => {
  t.same(okta.http?.rateLimit, { resetHeader: 'x-rate-limit-reset', resetFormat: 'epoch_seconds' })
  t.same(okta.verification, {
    path: '/users/me',
    identity: { userId: 'id', login: 'profile.login', email: 'profile.email' }
  })
})

t.test('the Okta domain is required and must be a host name', async (t) => {
  for (const domain of ['acme.okta.com', 'acme.oktapreview.com', 'acme.okta-emea.com', 'login.acme.example'])
    t.match(validateParameters(okta, { domain }), { ok: true, values: { domain } }, domain)
  const message = 'A host name such as example.okta.com or example.oktapreview.com, without https://'
  for (const domain of ['https://acme.okta.com', 'acme', 'acme.okta.com/oauth2', 'evil.example#.okta.com'])
    t.same(validateParameters(okta, { domain }).issues, [{ path: 'parameters.domain', message }], domain)
  t.same(validateParameters(okta, {}).issues, [{ path: 'parameters.domain', message: 'Okta domain is required' }])
  t.throws(
    () => resolveEndpoints(okta, { ...values, parameters: { domain: 'evil.example/x' } }, {}, oauth()),
    TemplateError
  )
})
