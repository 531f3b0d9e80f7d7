import t from 'tap'
import { Redis } from 'ioredis'
import { freePort } from '@latchkey/testkit'
import { isRedisUnavailable } from '../src/index.js'

t.test('ioredis failing fast on a Redis that is not there is "unavailable"', async (t) => {
  const redis = new Redis({
    host: '127.0.0.1',
    port: await freePort(),
    lazyConnect: true,
    enableOfflineQueue: false,
    retryStrategy: () => null
  })
  t.teardown(() => redis.disconnect())
  const error = await redis.get('key').then(
    () => undefined,
    (thrown: unknown) => thrown
  )
  t.ok(error instanceof Error, 'the command failed')
  t.equal(isRedisUnavailable(error), true, (error as Error).message)
})

t.test('the messages of ioredis outages and of a Redis that cannot take writes', async (t) => {
  for (const message of [
    "Stream isn't writeable and enableOfflineQueue options is false",
    'Connection is closed.',
    'Reached the max retries per request limit (which is 20). Refer to "maxRetriesPerRequest" option for details.',
    'Command timed out',
    "OOM command not allowed when used memory > 'maxmemory'.",
    'LOADING Redis is loading the dataset in memory',
    "READONLY You can't write against a read only replica.",
    'MASTERDOWN Link with MASTER is down and replica-serve-stale-data is set to no.',
    'CLUSTERDOWN The cluster is down'
  ])
    t.equal(isRedisUnavailable(new Error(message)), true, message)
  const maxRetries = Object.assign(new Error('retries ran out'), { name: 'MaxRetriesPerRequestError' })
  t.equal(isRedisUnavailable(maxRetries), true, 'by its name')
})

t.test('errors of the command itself are not outages, nor a bare socket error', async (t) => {
  for (const message of [
    'WRONGTYPE Operation against a key holding the wrong kind of value',
    "ERR unknown command 'NOPE'",
    'NOSCRIPT No matching script'
  ])
    t.equal(isRedisUnavailable(new Error(message)), false, message)
  t.equal(
    isRedisUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })),
    false,
    'could be PostgreSQL’s'
  )
  for (const value of [undefined, null, 'Connection is closed.', { message: 'Connection is closed.' }])
    t.equal(isRedisUnavailable(value), false, String(value))
})

t.test('the cause chain is searched (BullMQ and callers wrap errors), and a looping chain ends', async (t) => {
  const wrapped = new Error('could not queue the job', { cause: new Error('Connection is closed.') })
  t.equal(isRedisUnavailable(new Error('request failed', { cause: wrapped })), true)
  const cyclic = new Error('cyclic')
  cyclic.cause = cyclic
  t.equal(isRedisUnavailable(cyclic), false)
})
