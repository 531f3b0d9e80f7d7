import t from 'tap'
import { Redis } from 'ioredis'
import { serviceUrls, testRedisPrefix } from '@latchkey/testkit'
import { SingleFlight } from '../../src/index.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

t.test('a held lock outlives its TTL while held (renewed), and frees the key once released', async (t) => {
  const redis = new Redis(serviceUrls().redisUrl)
  t.teardown(() => redis.disconnect())
  const prefix = testRedisPrefix()
  const a = new SingleFlight({ redis, prefix, lockTtlMs: 300 })
  const b = new SingleFlight({ redis, prefix, lockTtlMs: 300 })
  const held = await a.tryLock('c1')
  t.ok(held.acquired)
  await sleep(1_000)
  t.notOk((await b.tryLock('c1')).acquired, 'three TTLs later the holder still has it')
  t.ok(await b.isLocked('c1'))
  t.notOk(held.acquired && held.lost.aborted, 'not lost')
  if (held.acquired) await held.release()
  t.notOk(await b.isLocked('c1'), 'released')
  const next = await b.tryLock('c1')
  t.ok(next.acquired, 'another process takes it')
  if (next.acquired) await next.release()
})

t.test(
  'a holder whose lock Redis lost is told (lost aborts), and a released holder never frees a lock it no longer owns',
  async (t) => {
    const redis = new Redis(serviceUrls().redisUrl)
    t.teardown(() => redis.disconnect())
    const prefix = testRedisPrefix()
    const a = new SingleFlight({ redis, prefix: `${prefix}:credentials`, lockTtlMs: 300 })
    const held = await a.tryLock('c1')
    if (!held.acquired) throw new Error('not acquired')
    await redis.del(`${prefix}:credentials:lock:{c1}`)
    const b = new SingleFlight({ redis, prefix: `${prefix}:credentials`, lockTtlMs: 300 })
    const taken = await b.tryLock('c1')
    t.ok(taken.acquired, 'another holder took the lost lock')
    await sleep(300)
    t.ok(held.lost.aborted, 'the first holder knows it lost the lock')
    await held.release()
    t.ok(await b.isLocked('c1'), "the first holder's release leaves the new holder's lock alone")
    if (taken.acquired) await taken.release()
  }
)

t.test(
  'a failure stays for the waiters until a flight succeeds; its release forgets it in the same step',
  async (t) => {
    const redis = new Redis(serviceUrls().redisUrl)
    t.teardown(() => redis.disconnect())
    const flight = new SingleFlight({ redis, prefix: testRedisPrefix(), lockTtlMs: 2_000 })
    await flight.publishFailure('c1', { code: 'provider_refused', message: 'no' })
    const failed = await flight.tryLock('c1')
    if (!failed.acquired) throw new Error('the lock should be free')
    await failed.release()
    t.match(await flight.lastFailure('c1'), { code: 'provider_refused' }, 'a plain release keeps the failure')
    const succeeded = await flight.tryLock('c1')
    if (!succeeded.acquired) throw new Error('the lock should be free')
    await succeeded.release({ clearFailure: true })
    t.equal(await flight.lastFailure('c1'), undefined, 'forgotten')
    t.notOk(await flight.isLocked('c1'), 'and the lock released')
  }
)
