import t from 'tap'
import { Redis } from 'ioredis'
import { serviceUrls, startRedisServer, testRedisPrefix } from '@latchkey/testkit'
import { QUEUE_NAMES, RedisPolicyError, assertRedisNoEviction, createJobQueues } from '../src/index.js'

const ids = {
  revocationId: '0b6f6c1e-8a55-4f6e-9c43-2c1f5a3e9d10',
  tenantId: '5d2c0b9a-1e7f-4a6b-8c3d-9e0f1a2b3c4d',
  connectionId: '7a8b9c0d-1e2f-4a3b-8c5d-6e7f8a9b0c1d'
}

t.test('revocations are queued once per revocation, refreshes once per connection', async (t) => {
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  const queues = createJobQueues({ connection: redis, prefix: testRedisPrefix() })
  t.teardown(async () => {
    await queues.revoke.obliterate({ force: true })
    await queues.refresh.obliterate({ force: true })
    await queues.close()
    redis.disconnect()
  })
  t.equal(queues.revoke.name, QUEUE_NAMES.revoke)
  t.match(queues.prefix, /^\{lk-test-[0-9a-f]+\}$/)
  const first = await queues.enqueueRevocation(ids)
  const second = await queues.enqueueRevocation(ids)
  t.equal(first, `revoke-${ids.revocationId}`)
  t.equal(second, first)
  t.equal(await queues.revoke.count(), 1)
  const job = await queues.revoke.getJob(first)
  t.same(job?.data, ids)
  t.match(job?.opts, { attempts: 8, backoff: { type: 'exponential', delay: 2000 } })

  await queues.enqueueRefresh({ connectionId: ids.connectionId, tenantId: ids.tenantId, reason: 'due' })
  await queues.enqueueRefresh({ connectionId: ids.connectionId, tenantId: ids.tenantId, reason: 'forced' })
  t.equal(await queues.refresh.count(), 1, 'deduplicated while waiting')
  const keys = await redis.keys(`${queues.prefix}:*`)
  t.ok(keys.length > 0 && keys.every((key) => key.startsWith(queues.prefix)), 'every key under the hash-tagged prefix')
})

t.test('HTTP calls are queued with retries and an id to poll; a delayed refresh waits', async (t) => {
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  const queues = createJobQueues({ connection: redis, prefix: testRedisPrefix() })
  t.teardown(async () => {
    await queues.http.obliterate({ force: true })
    await queues.refresh.obliterate({ force: true })
    await queues.close()
    redis.disconnect()
  })
  const call = {
    tenantId: ids.tenantId,
    connectionId: ids.connectionId,
    method: 'GET',
    url: 'https://api.example/things',
    query: { page: '2' }
  }
  const first = await queues.enqueueHttp(call)
  const second = await queues.enqueueHttp(call)
  t.not(first, second, 'every call is a job of its own')
  const job = await queues.http.getJob(first)
  t.same(job?.data, call)
  t.match(job?.opts, { attempts: 3, backoff: { type: 'exponential', delay: 1000 } })

  await queues.enqueueRefresh(
    { connectionId: ids.connectionId, tenantId: ids.tenantId, reason: 'due' },
    { delayMs: 60_000 }
  )
  const otherConnection = '9c8b7a6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'
  await queues.enqueueRefresh({ connectionId: otherConnection, tenantId: ids.tenantId, reason: 'due' }, { delayMs: 0 })
  t.equal(await queues.refresh.getDelayedCount(), 1, 'held back')
  t.equal(await queues.refresh.getWaitingCount(), 1, 'no delay: waiting at once')
})

t.test('a Redis that may evict keys is refused with the reason', async (t) => {
  t.resolves(async () => {
    const redis = new Redis(serviceUrls().redisUrl)
    try {
      await assertRedisNoEviction(redis)
    } finally {
      redis.disconnect()
    }
  })
  const server = await startRedisServer()
  t.teardown(() => server.close())
  await server.command('CONFIG', 'SET', 'maxmemory-policy', 'allkeys-lru')
  const lru = new Redis(server.url)
  t.teardown(() => lru.disconnect())
  await lru.ping()
  const error = await assertRedisNoEviction(lru).catch((e: unknown) => e)
  t.ok(error instanceof RedisPolicyError)
  t.match(error, {
    code: 'ERR_REDIS_POLICY',
    message: /maxmemory-policy is "allkeys-lru"; Latchkey needs "noeviction"/
  })
})
