import t from 'tap'
import { ConfigError, redisTargetOf } from '@latchkey/runtime'
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

t.test('Redis: one server by URL or a cluster by its nodes, never both, never neither', async (t) => {
  const problems = (values: Record<string, string | undefined>): readonly string[] => {
    try {
      readConfig(values)
      return []
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error
      return error.problems
    }
  }
  const { REDIS_URL: _url, ...withoutRedis } = env
  t.same(problems(withoutRedis), ['REDIS_URL: is required (or REDIS_CLUSTER_NODES for a Redis Cluster)'])
  t.same(
    problems({ ...withoutRedis, LATCHKEY_ADMIN_TOKEN: 'short' }).map((problem) => problem.split(':')[0]),
    ['LATCHKEY_ADMIN_TOKEN', 'REDIS_URL'],
    'listed with the other problems'
  )
  const config = readConfig({
    ...withoutRedis,
    REDIS_CLUSTER_NODES: '10.0.0.5:6379, redis-1.redis:6380,[::1]:7000',
    REDIS_PASSWORD: 'cluster-password-CANARY'
  })
  t.same(redisTargetOf(config), {
    clusterNodes: [
      { host: '10.0.0.5', port: 6379 },
      { host: 'redis-1.redis', port: 6380 },
      { host: '::1', port: 7000 }
    ],
    password: 'cluster-password-CANARY',
    tls: false
  })
  t.same(redisTargetOf(readConfig(env)), { url: 'redis://127.0.0.1:6379' })
  t.match(problems({ ...env, REDIS_CLUSTER_NODES: '10.0.0.5:6379' }), [/^REDIS_CLUSTER_NODES: give either REDIS_URL/])
  const bad = problems({ ...withoutRedis, REDIS_CLUSTER_NODES: '10.0.0.5:6379,redis-1', REDIS_TLS: 'yes' })
  t.match(bad, [/^REDIS_TLS: /, /^REDIS_CLUSTER_NODES: "redis-1" is not host:port/])
  const secret = problems({ ...withoutRedis, REDIS_CLUSTER_NODES: ':6379', REDIS_PASSWORD: '' })
  t.match(secret, [/REDIS_CLUSTER_NODES: ":6379" is not host:port/])
  t.notMatch(problems({ ...env, REDIS_URL: 'http://user:hunter2@x' }).join('\n'), /hunter2/, 'a bad URL is not quoted')
})
