import t from 'tap'
import { decodeTokenSet, encodeTokenSet, healthOf, redirectUriOf, refreshDueAt } from '../../src/index.js'

t.test('token sets survive storage', async (t) => {
  const tokens = {
    accessToken: 'a',
    tokenType: 'Bearer',
    expiresAt: new Date('2030-01-01T00:00:00Z'),
    refreshToken: 'r',
    scopes: ['x'],
    idToken: undefined,
    kept: { instance_url: 'https://i.example' }
  }
  t.same(decodeTokenSet(JSON.parse(JSON.stringify(encodeTokenSet(tokens)))), tokens)
  t.same(decodeTokenSet({ accessToken: 'a' }), {
    accessToken: 'a',
    tokenType: 'Bearer',
    expiresAt: undefined,
    refreshToken: undefined,
    scopes: undefined,
    idToken: undefined,
    kept: {}
  })
})

t.test(
  'refresh due time: margin capped at a third of the lifetime, with jitter, none without expiry or refresh token',
  async (t) => {
    const now = 1_000_000
    const hour = { expiresAt: new Date(now + 3_600_000), refreshToken: 'r' }
    t.equal(refreshDueAt(hour, now, 300, () => 0)?.getTime(), now + 3_600_000 - 300_000)
    t.equal(
      refreshDueAt(hour, now, 300, () => 1)?.getTime(),
      now + 3_600_000 - 300_000 - 60_000,
      'at most a minute of jitter'
    )
    const short = { expiresAt: new Date(now + 60_000), refreshToken: 'r' }
    t.equal(
      refreshDueAt(short, now, 300, () => 0)?.getTime(),
      now + 40_000,
      'a 60 s token is refreshed after 40 s, not before it was issued'
    )
    const spread = new Set(Array.from({ length: 50 }, () => refreshDueAt(hour, now, 300)?.getTime()))
    t.ok(spread.size > 40, 'tokens issued together are spread out')
    t.equal(refreshDueAt({ expiresAt: undefined, refreshToken: 'r' }, now, 300), null)
    t.equal(refreshDueAt({ expiresAt: hour.expiresAt, refreshToken: undefined }, now, 300), null)
  }
)

t.test('health and the redirect URI', async (t) => {
  t.equal(healthOf({ status: 'error', last_used_at: new Date() }), 'red')
  t.equal(healthOf({ status: 'connected', last_used_at: new Date() }), 'green')
  t.equal(healthOf({ status: 'connected', last_used_at: null }), 'yellow')
  t.equal(healthOf({ status: 'configured', last_used_at: null }), 'yellow')
  t.equal(healthOf({ status: 'disconnected', last_used_at: new Date() }), 'yellow')
  t.equal(redirectUriOf('https://latchkey.example/'), 'https://latchkey.example/oauth/callback/')
  t.equal(redirectUriOf('https://example.com/latchkey'), 'https://example.com/latchkey/oauth/callback/')
})
