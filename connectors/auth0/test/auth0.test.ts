import t from 'tap'
import {
  TemplateError,
  renderTemplate,
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  usesTenantApp,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { auth0 } from '../src/index.js'

const values = { parameters: { domain: 'acme.us.auth0.com' }, config: {}, metadata: {} }

/** The one scheme, with its defaults applied. */
function scheme() {
  const resolved = resolveAuthScheme(auth0)
  if (resolved?.kind !== 'oauth2' || resolved.grant !== 'client_credentials')
    throw new Error('Auth0 uses OAuth 2.0 client credentials')
  return resolved
}

t.test('the Auth0 definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, auth0)
  t.same(validateConnectorDefinition(auth0).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(auth0))).issues, [])
})

t.test('one scheme: client credentials of the customer’s machine-to-machine application', async (t) => {
  t.same(
    resolveAuthSchemes(auth0).map((s) => [s.key, s.kind]),
    [['client_credentials', 'oauth2']]
  )
  const cc = scheme()
  t.equal(cc.clientOwnership, 'customer', 'the application lives in the customer’s tenant')
  t.notOk(usesTenantApp(cc), 'no tenant-wide OAuth app')
  t.equal(cc.clientAuthMethod, 'client_secret_post', 'client_id and client_secret in the body')
  t.equal(cc.tokenRequestFormat, 'form', 'application/x-www-form-urlencoded, as Auth0’s examples')
  t.same(cc.defaultScopes, [], 'no scope asked: Auth0 issues what the application was authorized for')
  t.equal(cc.revokeUrl, undefined, 'Management API tokens cannot be revoked')
})

t.test('every URL is on the tenant’s Auth0 domain; the audience is its Management API', async (t) => {
  t.same(resolveEndpoints(auth0, values), {
    authorizeUrl: undefined,
    tokenUrl: 'https://acme.us.auth0.com/oauth/token',
    refreshUrl: 'https://acme.us.auth0.com/oauth/token',
    revokeUrl: undefined,
    baseUrl: 'https://acme.us.auth0.com/api/v2'
  })
  const params = Object.fromEntries(
    Object.entries(scheme().tokenParams).map(([name, template]) => [name, renderTemplate(template, values)])
  )
  t.same(params, { audience: 'https://acme.us.auth0.com/api/v2/' }, 'the Management API identifier, with its slash')
  t.equal(
    resolveEndpoints(auth0, { ...values, parameters: { domain: 'acme.auth0.com' } }).baseUrl,
    'https://acme.auth0.com/api/v2',
    'a tenant of the first US environment'
  )
})

t.test('the Management API permissions, described', async (t) => {
  const scopes = scheme().scopes
  for (const scope of [
    'read:users',
    'update:users',
    'read:clients',
    'read:logs',
    'read:organizations',
    'read:tenant_settings'
  ])
    t.ok(typeof scopes[scope] === 'string' && scopes[scope].length > 10, scope)
  t.ok(
    Object.keys(scopes).every((scope) => /^(read|create|update|delete):[a-z_]+$/.test(scope)),
    'every name is <action>:<resource>'
  )
})

t.test('rate limits wait for x-ratelimit-reset; the verification reads the tenant settings', async (t) => {
  t.same(auth0.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds' })
  t.same(auth0.verification, {
    path: '/tenants/settings',
    identity: { tenant: 'friendly_name', supportEmail: 'support_email' }
  })
})

t.test('the Auth0 domain is required and must be a host name', async (t) => {
  for (const domain of ['acme.us.auth0.com', 'acme.eu.auth0.com', 'acme.auth0.com', 'dev-x1y2.jp.auth0.com'])
    t.match(validateParameters(auth0, { domain }), { ok: true, values: { domain } }, domain)
  const message = 'A host name such as acme.us.auth0.com or acme.eu.auth0.com, without https:// or a path'
  for (const domain of ['https://acme.us.auth0.com', 'acme', 'acme.us.auth0.com/api/v2', 'evil.example#.auth0.com'])
    t.same(validateParameters(auth0, { domain }).issues, [{ path: 'parameters.domain', message }], domain)
  t.same(validateParameters(auth0, {}).issues, [{ path: 'parameters.domain', message: 'Auth0 domain is required' }])
  t.throws(() => resolveEndpoints(auth0, { ...values, parameters: { domain: 'evil.example/x' } }), TemplateError)
})
