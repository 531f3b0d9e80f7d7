import t from 'tap'
import {
  DefinitionError,
  ConnectorDefinitionSchema,
  defineConnector,
  formatIssue,
  resolveConfigValues,
  resolveOAuth2,
  resolveTokenPlacement,
  summarizeConnector
} from '../src/index.js'
import { Value } from 'typebox/value'
import { validDefinition } from './helpers.js'

t.test('returns the definition, deeply frozen, without freezing the caller’s object', async (t) => {
  const input = validDefinition()
  const connector = defineConnector(input)
  t.same(connector, input)
  t.not(connector, input)
  t.ok(Object.isFrozen(connector))
  t.ok(Object.isFrozen(connector.auth))
  t.ok(Object.isFrozen(connector.auth.scopes))
  t.ok(Object.isFrozen(connector.parameters?.[0]))
  t.notOk(Object.isFrozen(input.auth), 'the input stays mutable')
  t.throws(() => {
    ;(connector.auth as { tokenUrl: string }).tokenUrl = 'https://evil.example'
  }, TypeError)
})

t.test('plain data survives JSON and passes the exported schema', async (t) => {
  const connector = defineConnector(validDefinition())
  const json = JSON.parse(JSON.stringify(connector))
  t.same(json, connector)
  t.ok(Value.Check(ConnectorDefinitionSchema, json), 'the API can validate it with the same schema')
})

t.test('computed config values keep their function', async (t) => {
  const connector = defineConnector({
    ...validDefinition(),
    configValues: [{ key: 'apiVersion', label: 'v', compute: () => 'v9' }]
  })
  t.equal(typeof connector.configValues?.[0]?.compute, 'function')
  t.same(resolveConfigValues(connector, {}), { apiVersion: 'v9' })
})

t.test('throws one DefinitionError that lists every problem', async (t) => {
  const input = validDefinition()
  const error = t.throws(() =>
    defineConnector({
      ...input,
      auth: {
        ...input.auth,
        tokenUrl: 'http://acme.example/token',
        scopeDelimiter: ';' as ' ',
        defaultScopes: ['read', 'admin', 'root']
      }
    })
  ) as DefinitionError
  t.ok(error instanceof DefinitionError)
  t.equal(error.code, 'ERR_INVALID_DEFINITION')
  t.equal(error.name, 'DefinitionError')
  t.same(
    error.issues.map((i) => i.path),
    ['auth.scopeDelimiter', 'auth.tokenUrl', 'auth.defaultScopes[2]']
  )
  t.match(
    error.message,
    /invalid connector definition "acme" \(3 problems\):\n {2}auth.scopeDelimiter: must be " " or ","/
  )
  t.equal(formatIssue({ path: '', message: 'whole' }), 'whole')
})

t.test('defaults are applied in one place', async (t) => {
  const auth = resolveOAuth2(defineConnector(validDefinition()).auth)
  t.match(auth, {
    refreshUrl: 'https://{{parameters.tenant}}.acme.example/oauth/token',
    scopeDelimiter: ' ',
    pkce: true,
    clientAuthMethod: 'client_secret_basic',
    clientOwnership: 'developer',
    tokenRequestFormat: 'form',
    keepFields: ['instance_url'],
    callbackParams: ['realmId'],
    offlineScope: undefined
  })
  const offline = resolveOAuth2({
    ...validDefinition().auth,
    offlineAccess: { scope: 'offline_access', authorizeParams: { access_type: 'offline' } }
  })
  t.same(offline.authorizeParams, { access_type: 'offline', audience: '{{config.apiVersion}}' })
  t.equal(offline.offlineScope, 'offline_access')
  t.same(resolveTokenPlacement(undefined), { in: 'header', name: 'Authorization', prefix: 'Bearer ' })
  t.same(resolveTokenPlacement({ in: 'header', name: 'X-Token' }), { in: 'header', name: 'X-Token', prefix: '' })
  t.same(resolveTokenPlacement({ in: 'query' }), { in: 'query', name: 'access_token', prefix: '' })
})

t.test('a one-line summary', async (t) => {
  t.equal(
    summarizeConnector(defineConnector(validDefinition())),
    'Acme 1.0.0: oauth2 authorization_code, 3 scopes (default read), delimiter " ", PKCE on, client_secret_basic, developer-owned client, revocation, 2 parameters, API {{metadata.instance_url}}/api/{{config.apiVersion}}'
  )
})
