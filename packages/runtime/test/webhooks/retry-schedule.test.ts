import t from 'tap'
import { DEFAULT_RETRY_DELAYS_MS, MAX_RETRY_AFTER_MS, judgeAttempt, nextDelayMs } from '../../src/index.js'

t.test('an attempt is delivered on 2xx, retried on no answer, 408, 429 and 5xx, final otherwise', async (t) => {
  const now = Date.parse('2026-12-02T12:00:00Z')
  for (const status of [200, 201, 204, 299]) t.same(judgeAttempt(status, undefined, now), { kind: 'delivered' })
  for (const status of [undefined, 408, 429, 500, 502, 503, 599])
    t.same(judgeAttempt(status, undefined, now), { kind: 'retry', retryAfterMs: undefined }, `${status}`)
  for (const status of [301, 302, 400, 401, 403, 404, 410, 413, 422])
    t.same(judgeAttempt(status, undefined, now), { kind: 'give_up' }, `${status}`)
  t.same(judgeAttempt(429, '30', now), { kind: 'retry', retryAfterMs: 30_000 }, 'Retry-After in seconds')
  t.same(
    judgeAttempt(503, 'Wed, 02 Dec 2026 12:02:00 GMT', now),
    { kind: 'retry', retryAfterMs: 120_000 },
    'Retry-After as an HTTP-date'
  )
  t.same(judgeAttempt(503, 'soon', now), { kind: 'retry', retryAfterMs: undefined }, 'unreadable: the schedule')
})

t.test('the schedule: the Standard Webhooks reference waits, about a day in all, then spent', async (t) => {
  const total = DEFAULT_RETRY_DELAYS_MS.reduce((a, b) => a + b, 0)
  t.ok(total > 24 * 3_600_000 && total < 30 * 3_600_000, `${total / 3_600_000} hours`)
  t.equal(nextDelayMs(1, DEFAULT_RETRY_DELAYS_MS, undefined), 5_000, 'after the first attempt: 5 s')
  t.equal(nextDelayMs(2, DEFAULT_RETRY_DELAYS_MS, undefined), 300_000)
  t.equal(nextDelayMs(7, DEFAULT_RETRY_DELAYS_MS, undefined), 36_000_000)
  t.equal(nextDelayMs(8, DEFAULT_RETRY_DELAYS_MS, undefined), undefined, 'eight attempts, then the delivery fails')
  t.equal(nextDelayMs(1, [100], 60_000), 60_000, 'a longer Retry-After is honoured')
  t.equal(nextDelayMs(2, DEFAULT_RETRY_DELAYS_MS, 1_000), 300_000, 'a shorter one never hurries the schedule')
  t.equal(nextDelayMs(1, [100], 10 * MAX_RETRY_AFTER_MS), MAX_RETRY_AFTER_MS, 'up to a day')
  t.equal(nextDelayMs(1, [], undefined), undefined, 'an empty schedule: one attempt only')
})
