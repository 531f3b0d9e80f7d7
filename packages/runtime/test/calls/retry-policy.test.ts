import t from 'tap'
import { isRetryableAnswer, parseReset, resetDelayMs, retryDelay } from '../../src/index.js'

const now = Date.parse('2026-12-02T10:00:00Z')

t.test('Retry-After in seconds or as an HTTP-date, capped', async (t) => {
  t.equal(retryDelay('3', 1, undefined, 30, now), 3000)
  t.equal(retryDelay('0', 1, undefined, 30, now), 0)
  t.equal(retryDelay(new Date(now + 4000).toUTCString(), 1, undefined, 30, now), 4000)
  t.equal(retryDelay(new Date(now - 4000).toUTCString(), 1, undefined, 30, now), 0, 'a date in the past: at once')
  t.equal(retryDelay('31', 1, undefined, 30, now), undefined, 'longer than the cap: handed back to the caller')
})

t.test("the connector's reset header when there is no Retry-After", async (t) => {
  t.equal(retryDelay(undefined, 1, 2500, 30, now), 2500)
  t.equal(retryDelay(undefined, 1, 31_000, 30, now), undefined)
  t.equal(retryDelay('2', 1, 9000, 30, now), 2000, 'Retry-After wins')
})

t.test('otherwise capped exponential backoff', async (t) => {
  t.same(
    [1, 2, 3, 4, 5, 6, 7].map((attempt) => retryDelay(undefined, attempt, undefined, 30, now)),
    [200, 400, 800, 1600, 3200, 5000, 5000]
  )
  t.equal(retryDelay('soon', 2, undefined, 30, now), 400, 'an unreadable Retry-After falls back to backoff')
})

t.test('reset headers in the declared format', async (t) => {
  const at = (format: 'epoch_seconds' | 'epoch_milliseconds' | 'delay_seconds', value: string) =>
    resetDelayMs({ resetHeader: 'X-RateLimit-Reset', resetFormat: format }, { 'x-ratelimit-reset': value }, now)
  t.equal(at('epoch_seconds', String(now / 1000 + 7)), 7000)
  t.equal(at('epoch_milliseconds', String(now + 1500)), 1500)
  t.equal(at('delay_seconds', '12'), 12_000)
  t.equal(at('epoch_seconds', String(now / 1000 - 5)), 0, 'a reset in the past: at once')
  t.equal(at('delay_seconds', 'soon'), undefined)
  t.equal(resetDelayMs(undefined, { 'x-ratelimit-reset': '3' }, now), undefined, 'no rate limit declared')
  t.equal(resetDelayMs({ resetHeader: 'X-Reset' }, {}, now), undefined, 'the header is absent')
  t.equal(
    resetDelayMs({ resetHeader: 'X-Reset' }, { 'x-reset': String(now / 1000 + 2) }, now),
    2000,
    'epoch seconds by default'
  )
})

t.test(
  'several reset headers, each in its own format (BigCommerce: seconds in one, milliseconds in the other)',
  async (t) => {
    const rateLimit = {
      resetHeader: ['X-Retry-After', 'X-Rate-Limit-Time-Reset-Ms'],
      resetFormat: 'delay_seconds' as const,
      resetFormats: { 'x-rate-limit-time-reset-ms': 'delay_milliseconds' as const }
    }
    t.equal(
      resetDelayMs(rateLimit, { 'x-retry-after': '3', 'x-rate-limit-time-reset-ms': '9000' }, now),
      3000,
      'first wins'
    )
    t.equal(resetDelayMs(rateLimit, { 'x-rate-limit-time-reset-ms': '9000' }, now), 9000, 'milliseconds, not seconds')
    t.equal(resetDelayMs(rateLimit, { 'x-retry-after': '9' }, now), 9000, 'the others in resetFormat')
  }
)

t.test('reset values in every declared format, and auto', async (t) => {
  const epoch = now / 1000
  const cases: [Parameters<typeof parseReset>[1], string, number | undefined][] = [
    ['auto', String(epoch + 9), 9000],
    ['auto', String(now + 2500), 2500],
    ['auto', '17', 17_000],
    ['auto', new Date(now + 3000).toUTCString(), 3000],
    ['auto', new Date(now + 4000).toISOString(), 4000],
    ['auto', 'soon', undefined],
    ['http_date', new Date(now + 5000).toUTCString(), 5000],
    ['http_date', '5', undefined],
    ['iso8601', '2026-12-02T10:00:06Z', 6000],
    ['epoch_seconds', 'Wed, 02 Dec 2026 10:00:06 GMT', undefined],
    ['delay_seconds', '1.5', 1500],
    // BigCommerce's X-Rate-Limit-Time-Reset-Ms: read as seconds it would wait a thousand times too long.
    ['delay_milliseconds', '15000', 15_000],
    ['delay_milliseconds', '250.5', 250.5],
    ['delay_milliseconds', 'soon', undefined],
    ['epoch_milliseconds', String(now - 10), 0]
  ]
  for (const [format, raw, expected] of cases) t.equal(parseReset(raw, format, now), expected, `${format} ${raw}`)
})

t.test('several reset headers tried in order, then the wait in the body', async (t) => {
  const rateLimit = {
    resetHeader: ['x-ratelimit-reset', 'ratelimit-reset'],
    body: { path: 'error.message', pattern: 'retry in (\\d+)s' }
  }
  t.equal(resetDelayMs(rateLimit, { 'ratelimit-reset': '4' }, now), 4000, 'the second header, when the first is absent')
  t.equal(
    resetDelayMs(rateLimit, { 'x-ratelimit-reset': 'garbage', 'ratelimit-reset': '4' }, now),
    4000,
    'an unreadable first header does not stop the search'
  )
  t.equal(resetDelayMs(rateLimit, { 'x-ratelimit-reset': '2' }, now), 2000)
  t.equal(resetDelayMs(rateLimit, {}, now, { error: { message: 'Too many requests: retry in 30s' } }), 30_000)
  t.equal(resetDelayMs(rateLimit, {}, now, { error: { message: 'slow down' } }), undefined)
  t.equal(resetDelayMs({ body: { path: 'retry_after' } }, {}, now, { retry_after: 7 }), 7000, 'a number of seconds')
  t.equal(resetDelayMs({ body: { path: 'retry_after' } }, {}, now, { retry_after: '2.5' }), 2500)
  t.equal(resetDelayMs({ body: { path: 'retry_after' } }, {}, now, { retry_after: true }), undefined)
  t.equal(resetDelayMs({ body: { path: 'retry_after' } }, {}, now), undefined, 'no body read')
})

t.test('statuses besides 429 are rate limits only when the remaining header reads 0', async (t) => {
  const github = { resetHeader: 'x-ratelimit-reset', remainingHeader: 'X-RateLimit-Remaining', statuses: [403] }
  t.ok(isRetryableAnswer(429, {}, undefined))
  t.ok(isRetryableAnswer(503, {}, undefined))
  t.notOk(isRetryableAnswer(403, {}, undefined), 'no rate limit declared: a 403 is final')
  t.ok(isRetryableAnswer(403, { 'x-ratelimit-remaining': '0' }, github))
  t.notOk(isRetryableAnswer(403, { 'x-ratelimit-remaining': '12' }, github), 'calls left: forbidden, not limited')
  t.notOk(isRetryableAnswer(403, {}, github))
  t.ok(isRetryableAnswer(403, { 'x-ratelimit-remaining': '12', 'retry-after': '60' }, github), 'a secondary limit')
  t.ok(isRetryableAnswer(403, {}, { statuses: [403] }), 'no remaining header declared: the status alone')
  t.notOk(isRetryableAnswer(404, { 'x-ratelimit-remaining': '0' }, github))
})
