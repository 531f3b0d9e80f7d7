import t from 'tap'
import { Redis } from 'ioredis'
import { serviceUrls, testRedisPrefix } from '@latchkey/testkit'
import { HostLimiter } from '../../src/index.js'

t.test('a host has at most `perHost` slots across limiters; a released or lapsed slot frees one', async (t) => {
  const redis = new Redis(serviceUrls().redisUrl)
  t.teardown(() => redis.disconnect())
  const prefix = testRedisPrefix()
  // Two limiters on one Redis stand for two worker processes.
  const a = new HostLimiter({ redis, prefix, perHost: 2, slotTtlMs: 600 })
  const b = new HostLimiter({ redis, prefix, perHost: 2, slotTtlMs: 600 })
  const first = await a.tryAcquire('auth.example.com')
  const second = await b.tryAcquire('auth.example.com')
  t.ok(first !== undefined && second !== undefined, 'two slots')
  t.equal(await a.tryAcquire('auth.example.com'), undefined, 'a third is refused')
  t.ok(await b.tryAcquire('other.example.com'), 'another host has its own slots')
  await first?.release()
  const third = await b.tryAcquire('auth.example.com')
  t.ok(third, 'a released slot is free again')
  t.equal(await a.tryAcquire('auth.example.com'), undefined)
  // Holders that die never release: their slots lapse by themselves.
  await new Promise((resolve) => setTimeout(resolve, 700))
  t.ok(await a.tryAcquire('auth.example.com'), 'lapsed slots are free')
})
