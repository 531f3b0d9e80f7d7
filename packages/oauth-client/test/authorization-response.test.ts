import t from 'tap'
import { oauthFailureOf } from './helpers.js'
import { parseAuthorizationResponse } from '../src/index.js'

const ISSUER = 'https://as.example'

const failure = oauthFailureOf

t.test('a duplicated iss is refused, not dropped and taken as absent (RFC 9207 mix-up)', async (t) => {
  const error = failure(() =>
    parseAuthorizationResponse(new URLSearchParams(`code=c&state=s&iss=${ISSUER}&iss=https://evil.example`), {
      expectedIssuer: ISSUER
    })
  )
  t.match(error, { code: 'duplicate_parameter', endpoint: 'authorize', retryable: false })
  t.match(error.hint, /carries "iss" more than once/)
  t.notMatch(error.hint, /evil/, 'the values are not quoted: either could be the forged one')
  t.throws(
    () =>
      parseAuthorizationResponse(new URLSearchParams(`code=c&state=s&iss=${ISSUER}&iss=${ISSUER}`), {
        expectedIssuer: ISSUER
      }),
    { code: 'duplicate_parameter' },
    'even twice the same value'
  )
})

t.test('every security parameter and kept callback param may appear once only', async (t) => {
  for (const query of [
    'code=a&code=b&state=s',
    'code=c&state=s&state=t',
    'error=access_denied&error=server_error&state=s',
    'error=access_denied&error_description=a&error_description=b&state=s',
    'error=access_denied&error_uri=https://a.example&error_uri=https://b.example&state=s',
    'code=c&state=s&realmId=1&realmId=2'
  ]) {
    const error = failure(() => parseAuthorizationResponse(new URLSearchParams(query), { callbackParams: ['realmId'] }))
    t.equal(error.code, 'duplicate_parameter', query)
  }
  t.same(
    parseAuthorizationResponse(new URLSearchParams('code=c&state=s&other=1&other=2')).kept,
    {},
    'a repeated param nobody reads is left alone'
  )
})

t.test('values as a query parser gives them: an array is a repeated param', async (t) => {
  t.throws(
    () =>
      parseAuthorizationResponse(
        { code: 'c', state: 's', iss: [ISSUER, 'https://evil.example'] },
        { expectedIssuer: ISSUER }
      ),
    { code: 'duplicate_parameter' }
  )
  t.match(parseAuthorizationResponse({ code: 'c', state: 's', iss: [ISSUER] }, { expectedIssuer: ISSUER }), {
    code: 'c',
    state: 's',
    issuer: ISSUER
  })
  t.match(parseAuthorizationResponse({ code: 'c', state: 's', iss: undefined }), { issuer: undefined })
})

t.test(
  'iss is required when the server advertises authorization_response_iss_parameter_supported (RFC 9207 §2.4)',
  async (t) => {
    const missing = failure(() =>
      parseAuthorizationResponse({ code: 'c', state: 's' }, { expectedIssuer: ISSUER, issuerRequired: true })
    )
    t.match(missing, { code: 'issuer_missing', endpoint: 'authorize', retryable: false })
    t.match(missing.hint, /carries no iss/)
    t.throws(
      () => parseAuthorizationResponse({ code: 'c', state: 's', iss: '' }, { issuerRequired: true }),
      { code: 'issuer_missing' },
      'an empty iss is no iss'
    )
    t.throws(
      () =>
        parseAuthorizationResponse(
          { code: 'c', state: 's', iss: '' },
          { expectedIssuer: ISSUER, issuerRequired: true }
        ),
      { code: 'issuer_mismatch' },
      'and not the expected issuer either'
    )
    t.throws(
      () =>
        parseAuthorizationResponse(
          { error: 'access_denied', state: 's' },
          { expectedIssuer: ISSUER, issuerRequired: true }
        ),
      { code: 'issuer_missing' },
      'error responses carry iss too (§2)'
    )
    t.match(
      parseAuthorizationResponse(
        { code: 'c', state: 's', iss: ISSUER },
        { expectedIssuer: ISSUER, issuerRequired: true }
      ),
      { issuer: ISSUER }
    )
    t.throws(
      () =>
        parseAuthorizationResponse(
          { code: 'c', state: 's', iss: 'https://evil.example' },
          { expectedIssuer: ISSUER, issuerRequired: true }
        ),
      { code: 'issuer_mismatch' }
    )
    t.match(
      parseAuthorizationResponse({ code: 'c', state: 's' }, { expectedIssuer: ISSUER, issuerRequired: false }),
      { issuer: undefined },
      'a server that does not advertise it may leave it out'
    )
  }
)

t.test('provider text in callbacks is made storable: no NUL, no unpaired surrogate', async (t) => {
  const denied = failure(() =>
    parseAuthorizationResponse(
      new URLSearchParams(
        'error=access_denied&error_description=%00bad%ED%A0%80&error_uri=https%3A%2F%2Fdocs.example%2Fe%00&state=s'
      )
    )
  )
  t.equal(denied.code, 'access_denied')
  t.equal(denied.description, '\uFFFDbad\uFFFD\uFFFD\uFFFD', 'NUL replaced; invalid UTF-8 was already U+FFFD')
  t.equal(denied.errorUri, 'https://docs.example/e\uFFFD')
  const lone = failure(() =>
    parseAuthorizationResponse({ error: 'odd\u0000\uD800', error_description: 'x\uDC00y', state: 's' })
  )
  t.match(lone, { code: 'invalid_request', providerError: 'odd\uFFFD\uFFFD', description: 'x\uFFFDy' })
  t.notMatch(JSON.stringify(lone.toJSON()), /\\u0000|\\ud[89a-f]/i)
  t.notOk(lone.message.includes('\u0000'), 'no NUL in the message')
  const kept = parseAuthorizationResponse(
    { code: 'c', state: 's', realmId: '42\u0000\uDBFF', iss: 'i\u0000' },
    { callbackParams: ['realmId'] }
  )
  t.same(kept.kept, { realmId: '42\uFFFD\uFFFD' })
  t.equal(kept.issuer, 'i\uFFFD')
  t.equal(
    failure(() => parseAuthorizationResponse({ error: 'access_denied', error_uri: 'javascript:alert(1)', state: 's' }))
      .errorUri,
    undefined,
    'only http(s) error URIs are kept'
  )
})
