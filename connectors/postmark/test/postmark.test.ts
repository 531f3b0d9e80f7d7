import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { postmark } from '../src/index.js'

t.test('the Postmark definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, postmark)
  t.same(validateConnectorDefinition(postmark).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(postmark))).issues, [])
})

t.test('the server token goes in X-Postmark-Server-Token, never as Bearer', async (t) => {
  t.same(
    resolveAuthSchemes(postmark).map((scheme) => [scheme.key, scheme.kind]),
    [['server_token', 'apiKey']],
    'one scheme: the account token is not declared'
  )
  const scheme = resolveAuthScheme(postmark)
  t.equal(scheme?.kind, 'apiKey')
  if (scheme?.kind !== 'apiKey') return
  t.same(scheme.send, [{ in: 'header', name: 'X-Postmark-Server-Token', value: '{{credentials.apiKey}}' }])
  t.equal(scheme.inputLabel, 'Server API token')
})

t.test('one API host, JSON asked for on every call', async (t) => {
  t.equal(
    resolveEndpoints(postmark, { parameters: {}, config: {}, metadata: {} }).baseUrl,
    'https://api.postmarkapp.com'
  )
  t.same(postmark.http?.headers, { Accept: 'application/json' })
  t.notOk('rateLimit' in postmark.http, 'no rate-limit headers are documented')
})

t.test('the verification reads the token’s own server', async (t) => {
  t.same(postmark.verification, { path: '/server', identity: { server: 'Name', serverId: 'ID' } })
})
