import t from 'tap'
import { Cluster } from 'ioredis'
import { startRedisCluster } from '../src/index.js'
import { redisCommand } from '../src/redis-command.js'

t.test('a three-master Redis Cluster on loopback: every slot served, keys spread, stopped at teardown', async (t) => {
  let ports: readonly number[] = []
  await t.test('running', async (t) => {
    const cluster = await startRedisCluster(t)
    ports = cluster.ports
    t.equal(cluster.ports.length, 3)
    t.equal(cluster.nodes, cluster.ports.map((port) => `127.0.0.1:${port}`).join(','))
    const client = new Cluster(
      cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { password: cluster.password } }
    )
    t.teardown(() => client.disconnect())
    for (let i = 0; i < 60; i++) await client.set(`key-${i}`, String(i))
    t.equal(await client.get('key-42'), '42')
    const masters = client.nodes('master')
    t.equal(masters.length, 3, 'three masters')
    const sizes = await Promise.all(masters.map((node) => node.dbsize()))
    t.ok(
      sizes.every((size) => size > 0),
      `every master holds some of the keys (${sizes.join(', ')})`
    )
    t.equal(
      sizes.reduce((a, b) => a + b, 0),
      60
    )
    const info = String(
      await redisCommand(`redis://:${cluster.password}@127.0.0.1:${cluster.ports[0]}`, ['CLUSTER', 'INFO'])
    )
    t.match(info, /cluster_slots_assigned:16384/)
  })
  // Killed at teardown: a port may reset a connection while the process is still exiting, then refuses.
  for (const port of ports) {
    let error: unknown
    for (let attempt = 0; attempt < 50; attempt++) {
      error = await redisCommand(`redis://127.0.0.1:${port}`, ['PING'], { timeoutMs: 1000 }).then(
        () => undefined,
        (failure: unknown) => failure
      )
      if ((error as { code?: unknown } | undefined)?.code !== 'ECONNRESET') break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    t.match(error, { code: 'ECONNREFUSED' }, `${port} stopped`)
  }
})
