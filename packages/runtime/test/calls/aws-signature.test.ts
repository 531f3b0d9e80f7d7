import t from 'tap'
import { signAwsRequest } from '../../src/calls/aws-signature.js'
import type { AwsCredentials, AwsSigningTarget } from '../../src/calls/aws-signature.js'

// AWS's published SigV4 test suite ("aws-sig-v4-test-suite"), as the aws4 package ships it in its repository
// (github.com/mhart/aws4, test/aws-sig-v4-test-suite/<vector>/<vector>.req, .creq and .authz). Every vector there
// is signed with these credentials, this region and service, at this time.
const CREDENTIALS: AwsCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY'
}
const TARGET: AwsSigningTarget = { region: 'us-east-1', service: 'service' }
const NOW = new Date('2015-08-30T12:36:00Z')
const SCOPE = 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request'

// The session token of the suite's post-sts-token/readme.txt.
const SESSION_TOKEN =
  'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQWLWsKWHGBuFqwAeMicRXmxfpSPfIeoIYRqTflfKD8YUuwthAx7mSEI/qkPpKPi/kMcGdQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA=='

// The expected Authorization values, copied from each vector's .authz file.
const GET_VANILLA = `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31`
const POST_HEADER_KEY_SORT = `${SCOPE}, SignedHeaders=host;my-header1;x-amz-date, Signature=c5410059b04c1ee005303aed430f6e6645f61f4dc9e1461ec8f8916fdf18852c`
const POST_X_WWW_FORM_URLENCODED = `${SCOPE}, SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a`

// The payload hashes on the last line of get-vanilla.creq (an empty body) and post-x-www-form-urlencoded.creq.
const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'
const FORM_BODY_SHA256 = '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e'

interface Vector {
  readonly name: string
  readonly method: string
  /** The .req file's Host and request target. */
  readonly url: string
  /** The .req file's headers other than Host and X-Amz-Date. */
  readonly headers: Record<string, string>
  readonly body?: string
  readonly sessionToken?: string
  readonly authorization: string
}

const VECTORS: readonly Vector[] = [
  {
    name: 'get-vanilla',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: {},
    authorization: GET_VANILLA
  },
  {
    name: 'get-vanilla-query-order-key-case',
    method: 'GET',
    url: 'https://example.amazonaws.com/?Param2=value2&Param1=value1',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500`
  },
  {
    name: 'get-vanilla-query-unreserved',
    method: 'GET',
    url:
      'https://example.amazonaws.com/?-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz=' +
      '-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=9c3e54bfcdf0b19771a7f523ee5669cdf59bc7cc0884027167c21bb143a40197`
  },
  {
    name: 'get-vanilla-utf8-query',
    method: 'GET',
    url: 'https://example.amazonaws.com/?\u1234=bar',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04`
  },
  {
    name: 'get-unreserved',
    method: 'GET',
    url: 'https://example.amazonaws.com/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f`
  },
  {
    name: 'get-slashes (normalize-path)',
    method: 'GET',
    url: 'https://example.amazonaws.com//example//',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84`
  },
  {
    name: 'get-header-value-trim',
    method: 'GET',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': ' value1', 'My-Header2': ' "a   b   c"' },
    authorization: `${SCOPE}, SignedHeaders=host;my-header1;my-header2;x-amz-date, Signature=acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736`
  },
  {
    name: 'post-vanilla-query',
    method: 'POST',
    url: 'https://example.amazonaws.com/?Param1=value1',
    headers: {},
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date, Signature=28038455d6de14eafc1f9222cf5aa6f1a96197d7deb8263271d420d138af7f11`
  },
  {
    name: 'post-header-key-sort',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': 'value1' },
    authorization: POST_HEADER_KEY_SORT
  },
  {
    name: 'post-header-value-case',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'My-Header1': 'VALUE1' },
    authorization: `${SCOPE}, SignedHeaders=host;my-header1;x-amz-date, Signature=cdbc9802e29d2942e5e10b5bccfdd67c5f22c7c4e8ae67b53629efa58b974b7d`
  },
  {
    name: 'post-x-www-form-urlencoded',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'Param1=value1',
    authorization: POST_X_WWW_FORM_URLENCODED
  },
  {
    name: 'post-x-www-form-urlencoded-parameters',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf8' },
    body: 'Param1=value1',
    authorization: `${SCOPE}, SignedHeaders=content-type;host;x-amz-date, Signature=1a72ec8f64bd914b0e42e42607c7fbce7fb2c7465f63e3092b3b0d39fa77a6fe`
  },
  {
    name: 'post-sts-token/post-sts-header-before',
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: {},
    sessionToken: SESSION_TOKEN,
    authorization: `${SCOPE}, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=85d96828115b5dc0cfc3bd16ad9e210dd772bbebba041836c64533a82be05ead`
  }
]

function sign(
  vector: Pick<Vector, 'method' | 'url' | 'headers'> & { body?: string | Buffer },
  credentials: AwsCredentials = CREDENTIALS,
  target: AwsSigningTarget = TARGET
): Record<string, string> {
  return signAwsRequest(
    { method: vector.method, url: new URL(vector.url), headers: vector.headers, body: vector.body },
    target,
    credentials,
    NOW
  )
}

function signature(authorization: string | undefined): string | undefined {
  return /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1]
}

function signedHeaders(authorization: string | undefined): string | undefined {
  return /SignedHeaders=([^,]*),/.exec(authorization ?? '')?.[1]
}

t.test("AWS's published SigV4 test vectors", async (t) => {
  for (const vector of VECTORS) {
    const credentials = { ...CREDENTIALS, sessionToken: vector.sessionToken }
    const expected: Record<string, string> = { authorization: vector.authorization, 'x-amz-date': '20150830T123600Z' }
    if (vector.sessionToken !== undefined) expected['x-amz-security-token'] = vector.sessionToken
    t.strictSame(sign(vector, credentials), expected, vector.name)
  }
})

t.test('header names are signed lower-case, whatever their case', async (t) => {
  const vector = { method: 'POST', url: 'https://example.amazonaws.com/' }
  t.equal(sign({ ...vector, headers: { 'MY-HEADER1': 'value1' } }).authorization, POST_HEADER_KEY_SORT)
  t.equal(sign({ ...vector, headers: { 'my-header1': 'value1' } }).authorization, POST_HEADER_KEY_SORT)
})

t.test('headers SigV4 leaves unsigned, and those the signature replaces, do not change it', async (t) => {
  const headers = {
    'User-Agent': 'latchkey/1.0',
    Connection: 'keep-alive',
    Expect: '100-continue',
    Range: 'bytes=0-99',
    'X-Amzn-Trace-Id': 'Root=1-00000000-000000000000000000000000',
    Authorization: 'Bearer stale',
    'X-Amz-Date': '19990101T000000Z',
    Host: 'elsewhere.example'
  }
  t.strictSame(sign({ method: 'GET', url: 'https://example.amazonaws.com/', headers }), {
    authorization: GET_VANILLA,
    'x-amz-date': '20150830T123600Z'
  })
})

t.test('the inputs are left as they were', async (t) => {
  const headers = { 'Content-Type': 'application/x-www-form-urlencoded' }
  const url = new URL('https://example.amazonaws.com/?b=2&a=1')
  const request = { method: 'POST', url, headers, body: 'Param1=value1' }
  const credentials = { ...CREDENTIALS, sessionToken: SESSION_TOKEN }
  const target = { ...TARGET }
  signAwsRequest(request, target, credentials, NOW)
  signAwsRequest(request, { region: 'us-east-1', service: 's3' }, credentials, NOW)
  t.strictSame(headers, { 'Content-Type': 'application/x-www-form-urlencoded' })
  t.strictSame(Object.keys(request), ['method', 'url', 'headers', 'body'])
  t.equal(request.method, 'POST')
  t.equal(request.body, 'Param1=value1')
  t.equal(url.href, 'https://example.amazonaws.com/?b=2&a=1')
  t.strictSame(credentials, { ...CREDENTIALS, sessionToken: SESSION_TOKEN })
  t.strictSame(target, TARGET)
  t.equal(NOW.toISOString(), '2015-08-30T12:36:00.000Z')

  const frozen = Object.freeze({ 'My-Header1': 'value1' })
  t.equal(
    signAwsRequest(
      Object.freeze({
        method: 'POST',
        url: new URL('https://example.amazonaws.com/'),
        headers: frozen,
        body: undefined
      }),
      Object.freeze({ ...TARGET }),
      Object.freeze({ ...CREDENTIALS }),
      NOW
    ).authorization,
    POST_HEADER_KEY_SORT,
    'frozen inputs sign the same'
  )
})

t.test('a session token adds x-amz-security-token, and signs it', async (t) => {
  const request = { method: 'POST', url: 'https://example.amazonaws.com/', headers: {} }
  const withToken = sign(request, { ...CREDENTIALS, sessionToken: 'token-1' })
  t.equal(withToken['x-amz-security-token'], 'token-1')
  t.equal(signedHeaders(withToken.authorization), 'host;x-amz-date;x-amz-security-token')
  const otherToken = sign(request, { ...CREDENTIALS, sessionToken: 'token-2' })
  t.not(signature(otherToken.authorization), signature(withToken.authorization))

  for (const sessionToken of [undefined, '']) {
    const without = sign(request, { ...CREDENTIALS, sessionToken })
    t.notOk('x-amz-security-token' in without, `none for ${JSON.stringify(sessionToken)}`)
    t.equal(signedHeaders(without.authorization), 'host;x-amz-date')
  }
})

t.test('a different secret, key, region, service or time gives a different signature', async (t) => {
  const request = { method: 'GET', url: 'https://example.amazonaws.com/', headers: {} }
  const reference = signature(GET_VANILLA)
  const otherSecret = sign(request, { ...CREDENTIALS, secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEX' })
  t.match(otherSecret.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/20150830\/us-east-1\/service\//)
  t.not(signature(otherSecret.authorization), reference, 'secret')
  t.not(signature(sign(request, CREDENTIALS, { ...TARGET, region: 'eu-west-1' }).authorization), reference, 'region')
  t.not(signature(sign(request, CREDENTIALS, { ...TARGET, service: 'other' }).authorization), reference, 'service')
  const later = signAwsRequest(
    { method: 'GET', url: new URL(request.url), headers: {}, body: undefined },
    TARGET,
    CREDENTIALS,
    new Date('2015-08-30T12:36:01Z')
  )
  t.equal(later['x-amz-date'], '20150830T123601Z')
  t.not(signature(later.authorization), reference, 'time')
  const otherKey = sign(request, { ...CREDENTIALS, accessKeyId: 'AKIDOTHER' })
  t.match(otherKey.authorization, /^AWS4-HMAC-SHA256 Credential=AKIDOTHER\//)
})

t.test('the body is hashed into the signature', async (t) => {
  const form = {
    method: 'POST',
    url: 'https://example.amazonaws.com/',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
  }
  t.equal(sign({ ...form, body: Buffer.from('Param1=value1') }).authorization, POST_X_WWW_FORM_URLENCODED, 'buffer')
  t.not(signature(sign({ ...form, body: 'Param1=value2' }).authorization), signature(POST_X_WWW_FORM_URLENCODED))
  t.not(signature(sign({ ...form, body: undefined }).authorization), signature(POST_X_WWW_FORM_URLENCODED))
})

t.test('S3 gets x-amz-content-sha256: the hash of the body, signed', async (t) => {
  const s3 = { region: 'us-east-1', service: 's3' }
  const form = {
    method: 'PUT',
    url: 'https://bucket.s3.amazonaws.com/key',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' }
  }
  const put = sign({ ...form, body: 'Param1=value1' }, CREDENTIALS, s3)
  t.equal(put['x-amz-content-sha256'], FORM_BODY_SHA256)
  t.equal(signedHeaders(put.authorization), 'content-type;host;x-amz-content-sha256;x-amz-date')
  t.match(put.authorization, /Credential=AKIDEXAMPLE\/20150830\/us-east-1\/s3\/aws4_request/)
  t.equal(sign({ ...form, body: Buffer.from('Param1=value1') }, CREDENTIALS, s3).authorization, put.authorization)
  const get = sign({ method: 'GET', url: form.url, headers: {} }, CREDENTIALS, s3)
  t.equal(get['x-amz-content-sha256'], EMPTY_BODY_SHA256, 'an empty body is hashed too, never UNSIGNED-PAYLOAD')
  t.not(
    signature(sign({ ...form, body: 'Param1=value2' }, CREDENTIALS, s3).authorization),
    signature(put.authorization)
  )
  t.notOk('x-amz-content-sha256' in sign({ ...form, body: 'Param1=value1' }), 'other services sign without it')
})

t.test("the URL's host is signed, port included", async (t) => {
  const request = { method: 'GET', headers: {} }
  t.equal(sign({ ...request, url: 'https://example.amazonaws.com:443/' }).authorization, GET_VANILLA, 'default port')
  const withPort = sign({ ...request, url: 'https://example.amazonaws.com:8443/' })
  const otherHost = sign({ ...request, url: 'https://other.amazonaws.com/' })
  t.not(signature(withPort.authorization), signature(GET_VANILLA))
  t.not(signature(otherHost.authorization), signature(GET_VANILLA))
})

t.test('without a time, the current one is used', async (t) => {
  const before = Date.now()
  const headers = signAwsRequest(
    { method: 'GET', url: new URL('https://example.amazonaws.com/'), headers: {}, body: undefined },
    TARGET,
    CREDENTIALS
  )
  const stamp = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(headers['x-amz-date'] ?? '')
  t.ok(stamp, 'YYYYMMDDTHHMMSSZ')
  const [, year, month, day, hour, minute, second] = stamp ?? []
  const signedAt = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`)
  t.ok(signedAt >= Math.floor(before / 1000) * 1000 && signedAt <= Date.now(), 'now')
  t.match(headers.authorization, new RegExp(`Credential=AKIDEXAMPLE/${year}${month}${day}/us-east-1/service/`))
})
