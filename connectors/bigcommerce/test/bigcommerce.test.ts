import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { bigcommerce } from '../src/index.js'

t.test('the BigCommerce definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, bigcommerce)
  t.same(validateConnectorDefinition(bigcommerce).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(bigcommerce))).issues, [])
})

t.test('the access token goes in X-Auth-Token, and nothing else is asked for', async (t) => {
  const scheme = resolveAuthScheme(bigcommerce)
  t.match(scheme, {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'X-Auth-Token', value: '{{credentials.apiKey}}' }]
  })
  if (scheme?.kind !== 'apiKey') throw new Error('BigCommerce takes a typed-in access token')
  // X-Auth-Client (the client ID) is deprecated: only the token is typed in.
  t.same(
    scheme.inputs.map((input) => input.key),
    ['apiKey']
  )
  t.notOk(JSON.stringify(bigcommerce.http).includes('X-Auth-Client'))
})

t.test('the base URL is the store, the version is in each call, JSON is asked for', async (t) => {
  t.same(
    resolveEndpoints(bigcommerce, { parameters: { storeHash: 'abc123' }, config: {}, metadata: {} }).baseUrl,
    'https://api.bigcommerce.com/stores/abc123'
  )
  t.same(bigcommerce.http?.headers, { Accept: 'application/json' })
  t.same(bigcommerce.verification, {
    path: '/v2/store',
    identity: { storeHash: 'id', store: 'name', domain: 'domain' }
  })
})

t.test('a rate-limited answer waits X-Retry-After, in seconds', async (t) => {
  // "Rate limited response, indicating the number of seconds before the quota refreshes."
  t.same(bigcommerce.http?.rateLimit, {
    resetHeader: ['x-retry-after', 'x-rate-limit-time-reset-ms'],
    resetFormat: 'delay_seconds',
    resetFormats: { 'x-rate-limit-time-reset-ms': 'delay_milliseconds' }
  })
})

t.test('the store hash is required and is only the hash', async (t) => {
  t.match(validateParameters(bigcommerce, { storeHash: 'g5cd38' }), { ok: true, values: { storeHash: 'g5cd38' } })
  t.same(validateParameters(bigcommerce, {}).issues, [
    { path: 'parameters.storeHash', message: 'Store hash is required' }
  ])
  for (const pasted of ['https://api.bigcommerce.com/stores/abc123/v3/', 'stores/abc123', 'abc123/v3'])
    t.same(
      validateParameters(bigcommerce, { storeHash: pasted }).issues,
      [{ path: 'parameters.storeHash', message: 'Only the store hash, such as "abc123", not the whole API path' }],
      `refused: ${pasted}`
    )
})

t.test('no OAuth, no refresh, no revocation: a static token the merchant deletes in the control panel', async (t) => {
  t.same(
    resolveAuthSchemes(bigcommerce).map((scheme) => scheme.kind),
    ['apiKey'],
    'the app OAuth flow (started from the control panel) is not offered'
  )
  const endpoints = resolveEndpoints(bigcommerce, { parameters: { storeHash: 'abc123' }, config: {}, metadata: {} })
  t.equal(endpoints.tokenUrl, undefined)
  t.equal(endpoints.revokeUrl, undefined)
})
