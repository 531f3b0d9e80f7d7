import t from 'tap'
import { oauthFailureOf } from './helpers.js'
import { parseTokenResponse } from '../src/index.js'
import type { TokenResponseOptions } from '../src/index.js'

const json = (text: string, status = 200) => ({ status, contentType: 'application/json', headers: {}, text })
const form = (text: string, status = 200) => ({
  status,
  contentType: 'application/x-www-form-urlencoded',
  headers: {},
  text
})
const OPTIONS: TokenResponseOptions = { endpoint: 'token', now: 0 }

const failure = oauthFailureOf

t.test('a JSON answer with two access tokens is refused, not "last wins"', async (t) => {
  const error = failure(() =>
    parseTokenResponse(
      json('{"access_token":"first-token-value","token_type":"bearer","access_token":"second-token-value"}'),
      OPTIONS
    )
  )
  t.match(error, { code: 'invalid_response', endpoint: 'token', status: 200, retryable: false })
  t.match(error.hint, /"access_token" more than once/)
  t.notMatch(
    `${error.message} ${error.hint} ${JSON.stringify(error)}`,
    /first-token-value|second-token-value/,
    'neither token is quoted'
  )
  for (const field of ['refresh_token', 'token_type', 'expires_in', 'scope', 'id_token']) {
    const text = `{"access_token":"a",${JSON.stringify(field)}:"1",${JSON.stringify(field)}:"2"}`
    t.equal(failure(() => parseTokenResponse(json(text), OPTIONS)).code, 'invalid_response', field)
  }
  t.equal(
    parseTokenResponse(json('{"access_token":"a","note":1,"note":2}'), OPTIONS).accessToken,
    'a',
    'a repeated field nobody reads is harmless'
  )
})

t.test('nested token paths, kept fields and declared expiry paths are guarded too', async (t) => {
  const slack = { ...OPTIONS, accessTokenPath: 'authed_user.access_token', keepFields: ['team.id', 'instance_url'] }
  t.match(
    failure(() =>
      parseTokenResponse(
        json('{"ok":true,"access_token":"bot","authed_user":{"access_token":"u1","access_token":"u2"}}'),
        slack
      )
    ).hint,
    /"authed_user\.access_token" more than once/
  )
  t.match(
    failure(() =>
      parseTokenResponse(
        json(
          '{"ok":true,"access_token":"bot","authed_user":{"access_token":"u1"},"authed_user":{"access_token":"u2"}}'
        ),
        slack
      )
    ).hint,
    /"authed_user" more than once/
  )
  t.match(
    failure(() =>
      parseTokenResponse(
        json('{"access_token":"a","instance_url":"https://a.example","instance_url":"https://evil.example"}'),
        slack
      )
    ).hint,
    /"instance_url" more than once/,
    'a kept field can decide where tokens go'
  )
  t.match(
    failure(() => parseTokenResponse(json('{"access_token":"a","team":{"id":"T1","id":"T2"}}'), slack)).hint,
    /"team\.id"/
  )
  const expiry = { ...OPTIONS, expiry: { inPath: 'data.ttl', unit: 'seconds' as const, atPath: 'exp' } }
  t.equal(
    failure(() => parseTokenResponse(json('{"access_token":"a","data":{"ttl":1,"ttl":2}}'), expiry)).code,
    'invalid_response'
  )
  t.equal(
    failure(() => parseTokenResponse(json('{"access_token":"a","exp":1,"exp":2}'), expiry)).code,
    'invalid_response'
  )
  t.match(
    parseTokenResponse(
      json('{"ok":true,"access_token":"bot","authed_user":{"access_token":"u"},"team":{"id":"T1"}}'),
      slack
    ),
    { accessToken: 'u', kept: { 'team.id': 'T1' } }
  )
})

t.test('form-encoded answers: a repeated token field is refused the same way', async (t) => {
  t.match(
    failure(() => parseTokenResponse(form('access_token=a&token_type=bearer&access_token=b'), OPTIONS)),
    { code: 'invalid_response', hint: /"access_token" more than once/ }
  )
  t.equal(
    failure(() => parseTokenResponse(form('access_token=a&scope=read&scope=admin'), OPTIONS)).code,
    'invalid_response'
  )
  t.equal(parseTokenResponse(form('access_token=a&x=1&x=2'), OPTIONS).accessToken, 'a')
})

t.test('a token with a NUL or an unpaired surrogate is garbage: refused before anything is stored', async (t) => {
  for (const [text, field] of [
    ['{"access_token":"abc\\u0000def"}', 'access_token'],
    ['{"access_token":"abc\\ud800"}', 'access_token'],
    ['{"access_token":"a","refresh_token":"r\\u0000"}', 'refresh_token'],
    ['{"access_token":"a","id_token":"\\udc00x"}', 'id_token']
  ] as const) {
    const error = failure(() => parseTokenResponse(json(text), OPTIONS))
    t.equal(error.code, 'invalid_response', text)
    t.match(error.hint, new RegExp(`${field} contains a NUL character or an unpaired surrogate`), text)
    t.notMatch(error.hint, /abc|def/)
  }
  t.equal(
    failure(() => parseTokenResponse(form('access_token=a%00b'), OPTIONS)).code,
    'invalid_response',
    'form-encoded too'
  )
  t.equal(
    parseTokenResponse(json('{"access_token":"\\ud83d\\ude00"}'), OPTIONS).accessToken,
    '\uD83D\uDE00',
    'a real pair is kept byte-exact'
  )
})

t.test(
  'scopes, kept fields and token_type are made storable (PostgreSQL refuses NUL and lone surrogates)',
  async (t) => {
    const tokens = parseTokenResponse(
      json(
        '{"access_token":"a","token_type":"bea\\u0000rer","scope":"read\\u0000 write\\ud800","instance_url":"https://x.example/\\u0000","team":{"id":"T\\u0000","names":["\\udc00",{"k\\u0000":"v"}]}}'
      ),
      { ...OPTIONS, keepFields: ['instance_url', 'team'] }
    )
    t.same(tokens.scopes, ['read\uFFFD', 'write\uFFFD'])
    t.equal(tokens.tokenType, 'bea\uFFFDrer')
    t.same(tokens.kept, {
      instance_url: 'https://x.example/\uFFFD',
      team: { id: 'T\uFFFD', names: ['\uFFFD', { 'k\uFFFD': 'v' }] }
    })
    t.same(
      parseTokenResponse(json('{"access_token":"a","scope":["a\\u0000",1,"b"]}'), OPTIONS).scopes,
      ['a\uFFFD', 'b'],
      'a scope array'
    )
    t.same(
      parseTokenResponse(form('access_token=a&scope=read%00,write'), OPTIONS).scopes,
      ['read\uFFFD', 'write'],
      'form-encoded'
    )
  }
)

t.test('provider error texts are made storable too', async (t) => {
  const error = failure(() =>
    parseTokenResponse(
      json(
        '{"error":"weird\\u0000","error_description":"bad\\u0000\\ud800","error_uri":"https://docs.example/\\u0000"}',
        400
      ),
      OPTIONS
    )
  )
  t.match(error, {
    code: 'invalid_request',
    providerError: 'weird\uFFFD',
    description: 'bad\uFFFD\uFFFD',
    errorUri: 'https://docs.example/\uFFFD'
  })
  t.notMatch(JSON.stringify(error.toJSON()), /\\u0000|\\ud800/)
  const cut = failure(() =>
    parseTokenResponse(
      json(JSON.stringify({ error: 'invalid_grant', error_description: `${'x'.repeat(499)}\uD83D\uDE00` }), 400),
      OPTIONS
    )
  )
  t.equal(cut.description, `${'x'.repeat(499)}\uFFFD`, 'cutting at 500 code units does not leave half a pair')
})

t.test('an expires_in of 0 means the token does not expire (Mailchimp), like lifetimes beyond ten years', async (t) => {
  const now = Date.UTC(2026, 0, 1)
  const parse = (body: object, options: Partial<TokenResponseOptions> = {}) =>
    parseTokenResponse(json(JSON.stringify({ access_token: 'tok', ...body })), { ...OPTIONS, now, ...options })
  t.equal(parse({ expires_in: 0, scope: null }).expiresAt, undefined, 'Mailchimp: {"expires_in": 0, "scope": null}')
  t.equal(parse({ expires_in: '0' }).expiresAt, undefined, 'also as text')
  const inMilliseconds = { expiry: { inPath: 'expires_in', unit: 'milliseconds', atPath: undefined } } as const
  t.equal(parse({ expires_in: 0 }, inMilliseconds).expiresAt, undefined, 'also in milliseconds')
  t.equal(parse({ expires_in: 1 }).expiresAt?.getTime(), now + 1000, 'one second is one second')
  t.equal(parse({ expires_in: 3600 }).expiresAt?.getTime(), now + 3_600_000)
  t.equal(parse({ expires_in: 20 * 365 * 24 * 3600 }).expiresAt, undefined, 'twenty years: does not expire')
  t.equal(failure(() => parse({ expires_in: -1 })).code, 'invalid_response', 'a negative lifetime is refused')
})
