import t from 'tap'
import { TemplateError, defineConnector, resolveEndpoints } from '../src/index.js'
import { validDefinition } from './helpers.js'

const connector = defineConnector(validDefinition())
const values = { parameters: { tenant: 'acme' }, config: { apiVersion: 'v2' } }

t.test('renders every URL for one connection', async (t) => {
  t.same(resolveEndpoints(connector, { ...values, metadata: { instance_url: 'https://eu1.acme.example' } }), {
    authorizeUrl: 'https://acme.acme.example/oauth/authorize',
    tokenUrl: 'https://acme.acme.example/oauth/token',
    refreshUrl: 'https://acme.acme.example/oauth/token',
    revokeUrl: 'https://acme.acme.example/oauth/revoke',
    baseUrl: 'https://eu1.acme.example/api/v2'
  })
  t.equal(resolveEndpoints(connector, values).baseUrl, undefined, 'no base URL before the token fields are known')
})

t.test('tenant overrides win; an overridden token URL also serves refresh', async (t) => {
  const resolved = resolveEndpoints(connector, values, {
    tokenUrl: 'http://127.0.0.1:9999/{{parameters.tenant}}/token',
    authorizeUrl: 'https://sandbox.acme.example/authorize'
  })
  t.equal(resolved.tokenUrl, 'http://127.0.0.1:9999/acme/token')
  t.equal(resolved.refreshUrl, 'http://127.0.0.1:9999/acme/token')
  t.equal(resolved.authorizeUrl, 'https://sandbox.acme.example/authorize')
  const withRefresh = defineConnector({
    ...validDefinition(),
    auth: { ...validDefinition().auth, refreshUrl: 'https://refresh.acme.example/r' }
  })
  t.equal(
    resolveEndpoints(withRefresh, values, { tokenUrl: 'https://other.example/t' }).refreshUrl,
    'https://refresh.acme.example/r',
    'a declared refresh URL is kept'
  )
  t.equal(
    resolveEndpoints(withRefresh, values, { refreshUrl: 'https://r2.example/r' }).refreshUrl,
    'https://r2.example/r'
  )
})

t.test('a missing parameter fails, naming it', async (t) => {
  t.throws(() => resolveEndpoints(connector, { parameters: {}, config: values.config }), TemplateError)
})
