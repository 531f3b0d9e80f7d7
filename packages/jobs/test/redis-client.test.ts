import t from 'tap'
import { Cluster, Redis } from 'ioredis'
import { startRedisCluster } from '@latchkey/testkit'
import {
  QueuePrefixError,
  RedisClusterNodesError,
  RedisPolicyError,
  assertRedisNoEviction,
  createJobQueues,
  duplicateRedis,
  keyPrefixOf,
  openRedis,
  parseClusterNodes
} from '../src/index.js'

t.test('cluster nodes are host:port pairs; anything else is named', async (t) => {
  t.same(parseClusterNodes(' a:1 ,b.c:6379,[fe80::1]:7000,'), [
    { host: 'a', port: 1 },
    { host: 'b.c', port: 6379 },
    { host: 'fe80::1', port: 7000 }
  ])
  for (const [value, named] of [
    ['', /names no node/],
    ['a', /"a" is not host:port/],
    ['a:0', /"a:0"/],
    ['a:70000', /"a:70000"/],
    ['redis://a:1', /"redis:\/\/a:1"/]
  ] as const)
    t.throws(() => parseClusterNodes(value), { name: 'RedisClusterNodesError', message: named }, value)
  t.ok(new RedisClusterNodesError('x') instanceof Error)
})

t.test('the key prefix is the queue prefix without its hash tag', async (t) => {
  t.equal(keyPrefixOf('{latchkey}'), 'latchkey')
  t.equal(keyPrefixOf('prod-{latchkey}'), 'prod-latchkey')
  t.equal(keyPrefixOf('plain'), 'plain')
})

t.test('openRedis: a server by URL, a cluster by nodes with the options on every node', async (t) => {
  const single = openRedis({ url: 'redis://127.0.0.1:1' }, { lazyConnect: true, maxRetriesPerRequest: 1 })
  t.ok(single instanceof Redis)
  single.disconnect()
  const cluster = openRedis(
    { clusterNodes: [{ host: '127.0.0.1', port: 1 }], password: 'pw', username: 'lk', tls: true },
    { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: null }
  )
  t.ok(cluster instanceof Cluster)
  if (!(cluster instanceof Cluster)) return
  t.equal(cluster.options.enableOfflineQueue, false, 'fails fast like a single server would')
  t.equal(cluster.options.lazyConnect, true)
  t.match(cluster.options.redisOptions, { password: 'pw', username: 'lk', tls: {}, maxRetriesPerRequest: null })
  const subscriber = duplicateRedis(cluster, { enableOfflineQueue: true, commandTimeout: 1000 })
  t.ok(subscriber instanceof Cluster)
  if (subscriber instanceof Cluster) {
    t.equal(subscriber.options.enableOfflineQueue, true)
    t.match(subscriber.options.redisOptions, { password: 'pw', commandTimeout: 1000 })
  }
  subscriber.disconnect()
  t.throws(() => createJobQueues({ connection: cluster, prefix: 'latchkey' }), QueuePrefixError)
  t.throws(() => createJobQueues({ connection: cluster, prefix: 'latchkey' }), {
    message: /no hash tag; on a Redis Cluster it must have one, such as \{latchkey\}/
  })
  cluster.disconnect()
})

t.test('on a real cluster: every master must keep its keys (noeviction)', async (t) => {
  const cluster = await startRedisCluster(t)
  const client = openRedis({
    clusterNodes: parseClusterNodes(cluster.nodes),
    password: cluster.password
  })
  t.teardown(() => client.disconnect())
  await assertRedisNoEviction(client)
  const queues = createJobQueues({ connection: client, prefix: '{lk-cluster}' })
  t.teardown(() => queues.close())
  t.equal(queues.keyPrefix, 'lk-cluster')
  await queues.enqueueRevocation({
    revocationId: '00000000-0000-4000-8000-000000000001',
    tenantId: '00000000-0000-4000-8000-000000000002',
    connectionId: '00000000-0000-4000-8000-000000000003'
  })
  t.equal(await queues.revoke.count(), 1, 'BullMQ writes its multi-key scripts under the hash tag')
  if (!(client instanceof Cluster)) return
  const last = client.nodes('master').at(-1)
  await last?.config('SET', 'maxmemory-policy', 'allkeys-lru')
  await t.rejects(assertRedisNoEviction(client), RedisPolicyError)
  await t.rejects(assertRedisNoEviction(client), {
    message: new RegExp(`allkeys-lru" on cluster node 127\\.0\\.0\\.1:${last?.options.port}`)
  })
})
