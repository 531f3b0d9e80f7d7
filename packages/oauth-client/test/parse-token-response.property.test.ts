import fc from 'fast-check'
import t from 'tap'
import { OAuthError, parseTokenResponse } from '../src/index.js'
import type { HttpAnswer } from '../src/index.js'
import { isUnstorable } from './helpers.js'

/** Any UTF-16 code unit, NUL and lone surrogates often, plus real pairs and delimiters. */
const anyUnit = fc.oneof(
  fc.constantFrom('\u0000', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D\uDE00', ' ', ',', 'a'),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n))
)
const text = fc.string({ unit: anyUnit })

/** Every string in a value, object member names included. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => [key, ...strings(item)])
  return []
}

const contentTypes = fc.constantFrom(
  'application/json',
  'application/x-www-form-urlencoded',
  'text/html',
  'text/plain',
  '',
  'application/problem+json'
)
const jsonish = fc.jsonValue({ maxDepth: 3, stringUnit: anyUnit })
const tokenLike = fc.record(
  {
    access_token: fc.oneof(fc.string(), text, fc.integer(), fc.constant(null), fc.constant('')),
    token_type: fc.oneof(fc.string(), text, fc.constant('bearer')),
    expires_in: fc.oneof(fc.integer(), fc.string(), fc.double(), fc.constant(null)),
    refresh_token: fc.oneof(fc.string(), text, fc.integer()),
    id_token: fc.oneof(fc.string(), text),
    scope: fc.oneof(fc.string(), text, fc.array(text)),
    error: fc.oneof(fc.string(), fc.constant(undefined)),
    error_description: text,
    ok: fc.boolean(),
    instance_url: fc.oneof(text, jsonish),
    team: fc.record({ id: fc.oneof(text, jsonish), name: text }, { requiredKeys: [] }),
    authed_user: fc.record({ access_token: fc.oneof(fc.string(), text, fc.integer()) })
  },
  { requiredKeys: [] }
)
const bodies = fc.oneof(
  fc.string(),
  text,
  jsonish.map((v) => JSON.stringify(v)),
  tokenLike.map((v) => JSON.stringify(v)),
  tokenLike.map((v) =>
    new URLSearchParams(
      Object.entries(v)
        .filter(([, x]) => typeof x !== 'object')
        .map(([k, x]): [string, string] => [k, String(x)])
    ).toString()
  )
)
/** Well-formed successes with odd fields beside them, so the success branch is always reached too. */
const wellFormed = fc
  .record({
    access_token: fc.string({ minLength: 1 }).filter((v) => v.trim() !== ''),
    token_type: fc.constantFrom('bearer', 'Bearer'),
    expires_in: fc.integer({ min: 1, max: 86400 }),
    scope: fc.oneof(fc.string(), text),
    instance_url: fc.oneof(text, jsonish)
  })
  .map((body) => ({ status: 200, contentType: 'application/json', text: JSON.stringify(body), headers: {} }))
const anyAnswer = fc.record({
  status: fc.oneof(
    fc.constantFrom(200, 201, 204, 301, 400, 401, 404, 429, 500, 503),
    fc.integer({ min: 100, max: 599 })
  ),
  contentType: contentTypes,
  text: bodies,
  headers: fc.dictionary(fc.constantFrom('retry-after', 'location', 'content-type'), fc.string())
})
const answers = fc.oneof(
  { arbitrary: anyAnswer, weight: 9 },
  { arbitrary: wellFormed, weight: 1 }
) as fc.Arbitrary<HttpAnswer>

t.test(
  'any answer: an OAuthError or a token set with a non-empty access token, never a crash; every text storable',
  async (t) => {
    let successes = 0
    fc.assert(
      fc.property(
        answers,
        fc.option(fc.constantFrom('authed_user.access_token', 'a.b', 'access_token'), { nil: undefined }),
        (answer, accessTokenPath) => {
          try {
            const tokens = parseTokenResponse(answer, {
              endpoint: 'token',
              now: 0,
              accessTokenPath,
              keepFields: ['instance_url', 'team.id', 'team']
            })
            successes += 1
            // Scopes and kept fields are sanitised; tokens are byte-exact but refused when unstorable.
            const texts = [
              ...(tokens.scopes ?? []),
              ...strings(tokens.kept),
              tokens.tokenType,
              tokens.accessToken,
              tokens.refreshToken ?? '',
              tokens.idToken ?? ''
            ]
            return (
              typeof tokens.accessToken === 'string' &&
              tokens.accessToken.length > 0 &&
              (tokens.expiresAt === undefined || !Number.isNaN(tokens.expiresAt.getTime())) &&
              texts.every((s) => !isUnstorable(s))
            )
          } catch (error) {
            if (!(error instanceof OAuthError)) return false
            const texts = [error.message, error.hint, ...strings(error.toJSON())]
            return typeof error.hint === 'string' && error.hint.length > 0 && texts.every((s) => !isUnstorable(s))
          }
        }
      ),
      { numRuns: 3000 }
    )
    t.ok(successes > 0, `some generated answers were valid token answers (${successes})`)
  }
)

t.test('a well-formed answer always parses, whatever its extra fields', async (t) => {
  fc.assert(
    fc.property(
      fc.string({ minLength: 1 }),
      fc.dictionary(fc.string(), jsonish),
      fc.nat({ max: 10 * 365 * 24 * 3600 }),
      (accessToken, extra, expiresIn) => {
        const body = { ...extra, access_token: accessToken, expires_in: expiresIn, token_type: 'bearer' }
        delete (body as Record<string, unknown>).error
        delete (body as Record<string, unknown>).ok
        const tokens = parseTokenResponse(
          { status: 200, contentType: 'application/json', headers: {}, text: JSON.stringify(body) },
          { endpoint: 'token', now: 1000 }
        )
        return (
          tokens.accessToken === accessToken &&
          // 0 means "does not expire" (Mailchimp); any other lifetime counts from now.
          (expiresIn === 0
            ? tokens.expiresAt === undefined
            : tokens.expiresAt?.getTime() === 1000 + expiresIn * 1000) &&
          tokens.tokenType === 'Bearer'
        )
      }
    ),
    { numRuns: 1000 }
  )
  t.pass('held for every generated answer')
})

t.test(
  'a token answer with arbitrary Unicode in its scope, token_type and kept fields: every returned text is storable',
  async (t) => {
    const safeToken = fc.string({ minLength: 1, unit: fc.constantFrom(...'abcXYZ019-._~+/') })
    const fields = fc.record(
      {
        scope: fc.oneof(text, fc.array(text)),
        token_type: text,
        instance_url: jsonish,
        team: fc.record({ id: jsonish, name: text }),
        refresh_token: safeToken
      },
      { requiredKeys: [] }
    )
    let checked = 0
    fc.assert(
      fc.property(safeToken, fields, fc.boolean(), (accessToken, extra, asForm) => {
        const body: Record<string, unknown> = { access_token: accessToken, ...extra }
        const answer: HttpAnswer = asForm
          ? {
              status: 200,
              contentType: 'application/x-www-form-urlencoded',
              headers: {},
              text: new URLSearchParams(
                Object.entries(body)
                  .filter(([, v]) => typeof v === 'string')
                  .map(([k, v]): [string, string] => [k, String(v)])
              ).toString()
            }
          : { status: 200, contentType: 'application/json', headers: {}, text: JSON.stringify(body) }
        let tokens
        try {
          tokens = parseTokenResponse(answer, {
            endpoint: 'token',
            now: 0,
            keepFields: ['instance_url', 'team.id', 'team']
          })
        } catch (error) {
          // A form body whose text no longer reads as form-encoded (spaces, angle brackets) is refused; nothing else is.
          return asForm && error instanceof OAuthError && error.code === 'invalid_response'
        }
        checked += 1
        return (
          tokens.accessToken === accessToken &&
          [...(tokens.scopes ?? []), ...strings(tokens.kept), tokens.tokenType].every((s) => !isUnstorable(s))
        )
      }),
      { numRuns: 2000 }
    )
    t.ok(checked > 1000, `most answers were read (${checked})`)
  }
)
