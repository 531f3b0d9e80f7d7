import fc from 'fast-check'
import t from 'tap'
import { OAuthError, parseTokenResponse } from '../src/index.js'
import type { HttpAnswer } from '../src/index.js'

const contentTypes = fc.constantFrom('application/json', 'application/x-www-form-urlencoded', 'text/html', 'text/plain', '', 'application/problem+json')
const jsonish = fc.jsonValue({ maxDepth: 3 })
const tokenLike = fc.record(
  {
    access_token: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.constant('')),
    token_type: fc.oneof(fc.string(), fc.constant('bearer')),
    expires_in: fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null)),
    refresh_token: fc.oneof(fc.string(), fc.integer()),
    scope: fc.oneof(fc.string(), fc.array(fc.string())),
    error: fc.oneof(fc.string(), fc.constant(undefined)),
    ok: fc.boolean(),
    authed_user: fc.record({ access_token: fc.oneof(fc.string(), fc.integer()) })
  },
  { requiredKeys: [] }
)
const bodies = fc.oneof(
  fc.string(),
  jsonish.map((v) => JSON.stringify(v)),
  tokenLike.map((v) => JSON.stringify(v)),
  tokenLike.map((v) => new URLSearchParams(Object.entries(v).filter(([, x]) => typeof x !== 'object').map(([k, x]): [string, string] => [k, String(x)])).toString())
)
const answers = fc.record({
  status: fc.oneof(fc.constantFrom(200, 201, 204, 301, 400, 401, 404, 429, 500, 503), fc.integer({ min: 100, max: 599 })),
  contentType: contentTypes,
  text: bodies,
  headers: fc.dictionary(fc.constantFrom('retry-after', 'location', 'content-type'), fc.string())
}) as fc.Arbitrary<HttpAnswer>

t.test('any answer: an OAuthError or a token set with a non-empty access token, never a crash', async (t) => {
  let successes = 0
  fc.assert(
    fc.property(answers, fc.option(fc.constantFrom('authed_user.access_token', 'a.b', 'access_token'), { nil: undefined }), (answer, accessTokenPath) => {
      try {
        const tokens = parseTokenResponse(answer, { endpoint: 'token', now: 0, accessTokenPath, keepFields: ['instance_url', 'team.id'] })
        successes += 1
        return typeof tokens.accessToken === 'string' && tokens.accessToken.length > 0 && (tokens.expiresAt === undefined || !Number.isNaN(tokens.expiresAt.getTime()))
      } catch (error) {
        return error instanceof OAuthError && typeof error.hint === 'string' && error.hint.length > 0
      }
    }),
    { numRuns: 3000 }
  )
  t.ok(successes > 0, `some generated answers were valid token answers (${successes})`)
})

t.test('a well-formed answer always parses, whatever its extra fields', async (t) => {
  fc.assert(
    fc.property(fc.string({ minLength: 1 }), fc.dictionary(fc.string(), jsonish), fc.nat({ max: 10 * 365 * 24 * 3600 }), (accessToken, extra, expiresIn) => {
      const body = { ...extra, access_token: accessToken, expires_in: expiresIn, token_type: 'bearer' }
      delete (body as Record<string, unknown>).error
      delete (body as Record<string, unknown>).ok
      const tokens = parseTokenResponse({ status: 200, contentType: 'application/json', headers: {}, text: JSON.stringify(body) }, { endpoint: 'token', now: 1000 })
      return tokens.accessToken === accessToken && tokens.expiresAt?.getTime() === 1000 + expiresIn * 1000 && tokens.tokenType === 'Bearer'
    }),
    { numRuns: 1000 }
  )
  t.pass('held for every generated answer')
})
