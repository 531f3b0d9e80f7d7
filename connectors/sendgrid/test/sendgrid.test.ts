import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  templateParameters,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { sendgrid } from '../src/index.js'

/** The API key's form with its defaults applied. */
function keyInput() {
  const scheme = resolveAuthScheme(sendgrid)
  if (scheme?.kind !== 'apiKey') throw new Error('SendGrid takes an API key')
  const input = scheme.inputs.find((i) => i.key === 'apiKey')
  if (input?.pattern === undefined) throw new Error('the API key has a pattern')
  return { scheme, input, pattern: new RegExp(`^(?:${input.pattern})$`, 'u') }
}

t.test('the SendGrid definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, sendgrid)
  t.same(validateConnectorDefinition(sendgrid).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(sendgrid))).issues, [])
})

t.test('the API key goes as a Bearer header, and only there', async (t) => {
  const { scheme } = keyInput()
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }])
  t.same(
    scheme.inputs.map((i) => i.key),
    ['apiKey'],
    'nothing else is typed in'
  )
})

t.test('the API key: 69 characters, SG. and two parts', async (t) => {
  const { input, pattern } = keyInput()
  const key = `SG.${'a'.repeat(22)}.${'B-_9'.repeat(10)}xyz`
  t.equal(key.length, 69)
  t.ok(pattern.test(key), 'a key of the documented shape')
  t.ok(pattern.test(input.example ?? ''), 'the example has the documented shape')
  t.notOk(pattern.test(key.slice(0, 68)), 'one character short')
  t.notOk(pattern.test(`${key}x`), 'one character long')
  t.notOk(pattern.test(`XX${key.slice(2)}`), 'without SG.')
  t.notOk(pattern.test(`Bearer ${key}`.slice(0, 69)), 'pasted with its Bearer prefix')
  t.equal(input.patternMessage, 'A SendGrid API key is 69 characters long and starts with SG.')
})

t.test('the region picks the API host: global by default, or the EU host', async (t) => {
  const render = (parameters: Record<string, string>) => {
    const checked = validateParameters(sendgrid, parameters)
    if (!checked.ok) throw new Error('valid parameters')
    const values = { parameters: templateParameters(sendgrid, checked.values), config: {}, metadata: {} }
    return resolveEndpoints(sendgrid, values).baseUrl
  }
  t.equal(render({}), 'https://api.sendgrid.com/v3')
  t.equal(render({ region: 'global' }), 'https://api.sendgrid.com/v3')
  t.equal(render({ region: 'eu' }), 'https://api.eu.sendgrid.com/v3')
  t.same(validateParameters(sendgrid, { region: 'us' }).issues, [
    { path: 'parameters.region', message: 'SendGrid region must be one of "global", "eu"' }
  ])
})

t.test('rate limits read X-RateLimit-Reset either way; the verification reads the user name', async (t) => {
  t.same(sendgrid.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'auto' })
  t.same(sendgrid.verification, { path: '/user/username', identity: { username: 'username', userId: 'user_id' } })
})
