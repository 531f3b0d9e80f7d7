import t from 'tap'
import { resolveScheme } from '@latchkey/connector-sdk'
import type { AuthSchemeDefinition } from '@latchkey/connector-sdk'
import { injectionFor } from '../../src/index.js'
import type { CallCredential } from '../../src/calls/auth-injection.js'

const tokens = (accessToken: string): CallCredential['tokens'] => ({
  accessToken,
  tokenType: 'Bearer',
  expiresAt: undefined,
  refreshToken: undefined,
  scopes: undefined,
  idToken: undefined,
  kept: {}
})
const typed = (credentials: Record<string, string>): CallCredential => ({ tokens: tokens(''), credentials })
const scheme = (auth: AuthSchemeDefinition): ReturnType<typeof resolveScheme> => resolveScheme(auth)

t.test('OAuth tokens go where http.tokenPlacement says', async (t) => {
  const oauth = scheme({ kind: 'oauth2', grant: 'client_credentials', tokenUrl: 'https://a.example/token' })
  const bearer = injectionFor(oauth, undefined)
  t.same([...bearer.headers], ['authorization'])
  t.same(bearer.inject({ tokens: tokens('tok'), credentials: undefined }, {}), {
    headers: { authorization: 'Bearer tok' },
    query: [],
    body: {}
  })
  const shopify = injectionFor(oauth, { tokenPlacement: { in: 'header', name: 'X-Shopify-Access-Token' } })
  t.same(shopify.inject({ tokens: tokens('tok'), credentials: undefined }, {}).headers, {
    'x-shopify-access-token': 'tok'
  })
  const query = injectionFor(oauth, { tokenPlacement: { in: 'query', name: 'access_token' } })
  t.same([...query.query], ['access_token'])
  t.same(query.inject({ tokens: tokens('tok'), credentials: undefined }, {}).query, [['access_token', 'tok']])
})

t.test('typed-in credentials go everywhere the scheme sends them', async (t) => {
  const legacy = injectionFor(
    scheme({ kind: 'apiKey', in: 'query', name: 'api_key', template: 'k={{apiKey}}' }),
    undefined
  )
  t.same(legacy.inject(typed({ apiKey: 's3cret' }), {}), { headers: {}, query: [['api_key', 'k=s3cret']], body: {} })

  // Datadog: two keys, two headers.
  const datadog = injectionFor(
    scheme({
      kind: 'apiKey',
      fields: [{ key: 'applicationKey', label: 'Application key' }],
      send: [
        { in: 'header', name: 'DD-API-KEY', value: '{{credentials.apiKey}}' },
        { in: 'header', name: 'DD-APPLICATION-KEY', value: '{{credentials.applicationKey}}' }
      ]
    }),
    undefined
  )
  t.same([...datadog.headers], ['dd-api-key', 'dd-application-key'])
  t.same(datadog.inject(typed({ apiKey: 'k', applicationKey: 'a' }), {}).headers, {
    'dd-api-key': 'k',
    'dd-application-key': 'a'
  })

  // Mandrill: the key in the JSON body.
  const mandrill = injectionFor(
    scheme({ kind: 'apiKey', send: [{ in: 'body', name: 'key', value: '{{credentials.apiKey}}' }] }),
    undefined
  )
  t.equal(mandrill.inBody, true)
  t.same(mandrill.inject(typed({ apiKey: 'k' }), {}), { headers: {}, query: [], body: { key: 'k' } })

  // Freshdesk: the key as the basic user, X as the password; Twilio: a parameter as the user.
  const basic = (user: string, password: string): string =>
    `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`
  const freshdesk = injectionFor(
    scheme({ kind: 'basic', username: { label: 'API key' }, password: { value: 'X' } }),
    undefined
  )
  t.same(freshdesk.inject(typed({ username: 'key1' }), {}).headers, { authorization: basic('key1', 'X') })
  const twilio = injectionFor(scheme({ kind: 'basic', username: { value: '{{parameters.accountSid}}' } }), undefined)
  t.same(twilio.inject(typed({ password: 'tok' }), { parameters: { accountSid: 'AC1' } }).headers, {
    authorization: basic('AC1', 'tok')
  })
  const optional = injectionFor(scheme({ kind: 'basic', passwordRequired: false }), undefined)
  t.same(
    optional.inject(typed({ username: 'sk_1' }), {}).headers,
    { authorization: basic('sk_1', '') },
    'an empty password left empty'
  )
})

t.test('rendered once per credential and values, unless a template reads the time', async (t) => {
  const fixed = injectionFor(scheme({ kind: 'apiKey', name: 'X-Key' }), undefined)
  t.equal(injectionFor(scheme({ kind: 'apiKey', name: 'X-Key' }), undefined) === fixed, false, 'per resolved scheme')
  const credential = typed({ apiKey: 'k' })
  const values = {}
  t.equal(fixed.inject(credential, values), fixed.inject(credential, values), 'the same answer object')
  t.not(fixed.inject(credential, values), fixed.inject(credential, {}), 'other values, rendered again')
  let now = 1_000
  const timed = injectionFor(
    scheme({
      kind: 'apiKey',
      send: [
        { in: 'header', name: 'X-Key', value: '{{credentials.apiKey}}' },
        { in: 'header', name: 'X-Time', value: '{{now.epochSeconds}}' }
      ]
    }),
    undefined
  )
  t.equal(timed.inject(credential, { now }).headers['x-time'], '1')
  now = 5_000
  t.equal(timed.inject(credential, { now }).headers['x-time'], '5')
})
