import t from 'tap'
import { ConfigError } from '@latchkey/runtime'
import { readConfig } from '../src/index.js'

const env = {
  DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
  REDIS_URL: 'redis://127.0.0.1:6379',
  LATCHKEY_ENCRYPTION_KEYS: 'k1:AAAA',
  LATCHKEY_ADMIN_TOKEN: 'admin-token-for-tests-0123456789'
}

t.test('the cache size: a default, a number, and a clear refusal', async (t) => {
  t.equal(readConfig(env).LATCHKEY_CACHE_SIZE, 10_000)
  t.equal(readConfig({ ...env, LATCHKEY_CACHE_SIZE: '500' }).LATCHKEY_CACHE_SIZE, 500)
  const refused = (() => {
    try {
      return readConfig({ ...env, LATCHKEY_CACHE_SIZE: '5', LATCHKEY_REFRESH_LOCK_TTL_MS: '10' })
    } catch (error) {
      return error
    }
  })()
  t.ok(refused instanceof ConfigError)
  t.match((refused as ConfigError).problems, [/^LATCHKEY_REFRESH_LOCK_TTL_MS: /, /^LATCHKEY_CACHE_SIZE: .*\(got 5\)/])
})
