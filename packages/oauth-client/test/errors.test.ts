import t from 'tap'
import { OAuthError, parseAuthorizationResponse, parseTokenResponse, scrub } from '../src/index.js'
import type { OAuthErrorCode } from '../src/index.js'

const ALL: OAuthErrorCode[] = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
  'access_denied',
  'unsupported_response_type',
  'server_error',
  'temporarily_unavailable',
  'unsupported_token_type',
  'token_endpoint_unreachable',
  'token_endpoint_not_found',
  'invalid_response',
  'response_too_large',
  'timeout',
  'issuer_mismatch',
  'issuer_missing',
  'duplicate_parameter',
  'pkce_not_supported',
  'discovery_failed'
]

t.test('every code has a hint, a retryable flag and a safe JSON form', async (t) => {
  const retryable = new Set(['server_error', 'temporarily_unavailable', 'token_endpoint_unreachable', 'timeout'])
  for (const code of ALL) {
    const error = new OAuthError(code, { endpoint: 'token', description: 'desc', status: 400 })
    t.ok(error.hint.length > 20, code)
    t.equal(error.retryable, retryable.has(code), `${code} retryable`)
    t.match(error.toJSON(), {
      name: 'OAuthError',
      code,
      retryable: retryable.has(code),
      endpoint: 'token',
      description: 'desc',
      status: 400
    })
    t.equal(error.message, `${code}: desc (token URL, HTTP 400)`)
  }
  t.equal(new OAuthError('invalid_request', { endpoint: 'token', status: 502 }).retryable, true, 'any 5xx is retryable')
  t.match(new OAuthError('invalid_grant', { endpoint: 'token' }).hint, /authorization code/)
  t.match(new OAuthError('invalid_grant', { endpoint: 'refresh' }).hint, /refresh token/)
})

t.test('provider codes map onto RFC codes, the original is kept', async (t) => {
  const answer = (text: string, status = 200) => ({ status, contentType: 'application/json', headers: {}, text })
  const read = (text: string, status = 200): OAuthError => {
    try {
      parseTokenResponse(answer(text, status), { endpoint: 'token', now: 0 })
    } catch (error) {
      return error as OAuthError
    }
    throw new Error('expected an error')
  }
  t.match(read('{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired."}'), {
    code: 'invalid_grant',
    providerError: 'bad_verification_code',
    description: 'The code passed is incorrect or expired.'
  })
  t.match(read('{"ok":false,"error":"invalid_client_id"}'), {
    code: 'invalid_client',
    providerError: 'invalid_client_id'
  })
  t.match(read('{"ok":false}'), { code: 'invalid_request' })
  t.match(read('{"error":"something_new"}', 503), {
    code: 'server_error',
    retryable: true,
    providerError: 'something_new'
  })
  t.match(read('{"error":{"code":"E1","message":"nested"}}', 400), {
    code: 'invalid_request',
    providerError: 'E1',
    description: 'nested'
  })
  t.match(read('{"error":"invalid_scope"}', 400), { code: 'invalid_scope', providerError: undefined })
  t.match(read('{"access_token":"a","expires_in":"soon"}'), { code: 'invalid_response' })
  t.match(read('{"access_token":"a","expires_in":-5}'), { code: 'invalid_response' })
  t.match(read('', 401), { code: 'invalid_client' })
  t.throws(
    () =>
      parseTokenResponse(
        { status: 400, contentType: 'application/x-www-form-urlencoded', headers: {}, text: 'error=toString' },
        { endpoint: 'token', now: 0 }
      ),
    { code: 'invalid_request', providerError: 'toString' },
    'regression: an error named like an Object.prototype member'
  )
  t.equal(
    parseTokenResponse(answer('{"access_token":"a","expires_in":8640000000001}'), { endpoint: 'token', now: 0 })
      .expiresAt,
    undefined,
    'regression: a huge expires_in is "no expiry", not an invalid Date'
  )
  const NOW = Date.parse('2026-11-22T00:00:00Z')
  const shape = (inPath: string, unit: 'seconds' | 'milliseconds', atPath?: string) => ({ inPath, unit, atPath })
  const expiresAt = (text: string, e: ReturnType<typeof shape>) =>
    parseTokenResponse(answer(text), { endpoint: 'token', now: NOW, expiry: e }).expiresAt?.getTime()
  t.equal(
    expiresAt('{"access_token":"a","data":{"ttl":60}}', shape('data.ttl', 'seconds')),
    NOW + 60_000,
    'a nested lifetime'
  )
  t.equal(
    expiresAt('{"access_token":"a","expires_in":"60000"}', shape('expires_in', 'milliseconds')),
    NOW + 60_000,
    'milliseconds, as text'
  )
  t.equal(
    expiresAt('{"access_token":"a","exp":1700000000}', shape('expires_in', 'seconds', 'exp')),
    1_700_000_000_000,
    'epoch seconds'
  )
  t.equal(
    expiresAt('{"access_token":"a","exp":1700000000123}', shape('expires_in', 'seconds', 'exp')),
    1_700_000_000_123,
    'epoch milliseconds'
  )
  t.equal(
    expiresAt('{"access_token":"a","exp":"2026-11-22T10:00:00Z"}', shape('expires_in', 'seconds', 'exp')),
    Date.parse('2026-11-22T10:00:00Z'),
    'ISO-8601'
  )
  t.equal(
    expiresAt(
      '{"access_token":"a","expires_in":60,"exp":"2030-01-01T00:00:00Z"}',
      shape('expires_in', 'seconds', 'exp')
    ),
    NOW + 60_000,
    'a lifetime wins over an absolute time'
  )
  t.throws(() => expiresAt('{"access_token":"a","exp":"soon"}', shape('expires_in', 'seconds', 'exp')), {
    code: 'invalid_response',
    hint: /exp is not a date-time/
  })
  t.throws(() => expiresAt('{"access_token":"a","expires_in":"soon"}', shape('expires_in', 'milliseconds')), {
    code: 'invalid_response',
    hint: /expires_in is not a number of milliseconds/
  })
  t.match(read('[1,2]'), { code: 'invalid_response' })
})

t.test('Retry-After as an HTTP date', async (t) => {
  try {
    parseTokenResponse(
      { status: 429, contentType: '', headers: { 'retry-after': new Date(61_000).toUTCString() }, text: '' },
      { endpoint: 'refresh', now: 0 }
    )
    t.fail('expected an error')
  } catch (error) {
    t.match(error, { code: 'temporarily_unavailable', retryAfterSeconds: 61 })
  }
})

t.test('callback errors and malformed callbacks', async (t) => {
  t.throws(() => parseAuthorizationResponse({ error: 'weird_error' }), {
    code: 'invalid_request',
    providerError: 'weird_error'
  })
  t.throws(() => parseAuthorizationResponse({ error: 'server_error', error_description: 'down' }), {
    code: 'server_error',
    description: 'down',
    retryable: true
  })
  t.throws(() => parseAuthorizationResponse({ state: 's' }), { code: 'invalid_request' })
  t.throws(
    () => parseAuthorizationResponse(new URLSearchParams('code=a&code=b&state=s')),
    { code: 'duplicate_parameter' },
    'a repeated code is refused'
  )
  t.same(
    parseAuthorizationResponse(
      { code: 'c', state: 's', realmId: '42', other: 'x' },
      { callbackParams: ['realmId', 'missing'] }
    ).kept,
    { realmId: '42' }
  )
})

t.test('scrub removes raw, percent- and form-encoded secrets', async (t) => {
  t.equal(
    scrub('a p@ss w/+ b p%40ss%20w%2F%2B c p%40ss+w%2F%2B', ['p@ss w/+']),
    'a [redacted] b [redacted] c [redacted]'
  )
  t.equal(
    scrub('short abc', ['abc', undefined]),
    'short abc',
    'secrets under 4 characters are not scrubbed (too many false hits)'
  )
})
