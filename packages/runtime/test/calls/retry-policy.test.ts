import t from 'tap'
import { resetDelayMs, retryDelay } from '../../src/index.js'

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
