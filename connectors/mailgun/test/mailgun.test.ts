import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  templateParameters,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { mailgun } from '../src/index.js'

const baseUrl = (region: string) =>
  resolveEndpoints(mailgun, { parameters: templateParameters(mailgun, { region }), config: {}, metadata: {} }).baseUrl

t.test('the Mailgun definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, mailgun)
  t.same(validateConnectorDefinition(mailgun).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(mailgun))).issues, [])
})

t.test('HTTP Basic with the fixed user name "api" and the API key as the password', async (t) => {
  const scheme = resolveAuthScheme(mailgun)
  t.equal(scheme?.kind, 'basic')
  if (scheme?.kind !== 'basic') return
  t.same(scheme.send, [{ in: 'basic', username: 'api', password: '{{credentials.password}}' }])
  t.same(
    scheme.inputs.map((input) => [input.key, input.label, input.secret]),
    [['password', 'API key', true]],
    'only the key is asked for, masked'
  )
})

t.test('the API host of each region, the version left to each path', async (t) => {
  t.equal(baseUrl('us'), 'https://api.mailgun.net')
  t.equal(baseUrl('eu'), 'https://api.eu.mailgun.net')
  t.match(validateParameters(mailgun, {}), { ok: true, values: { region: 'us' } }, 'the US by default')
  t.match(validateParameters(mailgun, { region: 'api.eu.mailgun.net' }), { ok: false }, 'a region, not a host')
})

t.test('the verification lists one domain; the key’s domain and domain count are kept', async (t) => {
  t.same(mailgun.verification, {
    path: '/v4/domains',
    query: { limit: '1' },
    identity: { domain: 'items.0.name', domainCount: 'total_count' }
  })
})

t.test('a 429 waits for the seconds its message names', async (t) => {
  const body = mailgun.http?.rateLimit?.body
  t.equal(body?.path, 'message')
  // The 429 example of Mailgun's OpenAPI document for POST /v3/{domain_name}/messages.
  const message =
    'Domain example.com is not allowed to send: account-requests-per-sec limit exceeded, try again after 120 seconds'
  t.equal(new RegExp(body?.pattern ?? '', 'u').exec(message)?.[1], '120')
})
