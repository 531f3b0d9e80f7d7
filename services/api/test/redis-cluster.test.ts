import t from 'tap'
import { Cluster } from 'ioredis'
import { openStore } from '@latchkey/store'
import { startRedisCluster, startStack } from '@latchkey/testkit'
import { checkOneRefreshForManyCalls, connectThroughProcesses, startProcesses } from './processes.js'

async function until(what: string, check: () => Promise<boolean>, seen: () => Promise<unknown>): Promise<void> {
  const deadline = Date.now() + 30_000
  while (!(await check())) {
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; last seen: ${JSON.stringify(await seen())}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

t.test(
  'on a real three-master Redis Cluster (REDIS_CLUSTER_NODES): connect, single-flight refresh across two API processes and a worker, the sweep, a disconnect heard everywhere and revoked',
  async (t) => {
    const cluster = await startRedisCluster(t)
    const stack = await startStack(t, {
      quirkyProvider: {
        clientId: 'quirky-app',
        clientSecret: 'quirky-secret',
        modes: { rotateRefreshTokens: true, delayMs: 200 }
      }
    })
    const { quirkyProvider: quirky } = stack
    // No REDIS_URL at all: every Redis use goes through the cluster.
    const { a, b } = await startProcesses(t, stack, {
      REDIS_CLUSTER_NODES: cluster.nodes,
      REDIS_PASSWORD: cluster.password
    })
    const { connectionId, post, headers } = await connectThroughProcesses(t, a, quirky)
    const call = async (base: string): Promise<{ http: number; status?: number }> => {
      const response = await post(base, `/v1/connections/${connectionId}/http`, { method: 'GET', url: '/warm' })
      return { http: response.status, status: ((await response.json()) as { status?: number }).status }
    }
    t.same(await call(b), { http: 200, status: 200 }, 'process B calls with the token process A stored')

    const store = await openStore({
      connectionString: stack.databaseUrl,
      encryptionKeys: stack.encryptionKeys,
      migrate: false
    })
    stack.defer(() => store.close(), 'close the store')
    const makeDue = async (): Promise<void> => {
      await store.db
        .updateTable('credentials')
        .set({ refresh_due_at: new Date(Date.now() - 1000) })
        .execute()
    }
    await checkOneRefreshForManyCalls(t, { a, b, quirky, connectionId, post, makeDue })
    t.equal((await store.credentials.get(connectionId))?.version, 2, 'one refresh stored')

    // The worker's sweep finds a due token by itself and queues its refresh on the cluster.
    const refreshes = quirky.counters.tokenRequests.refresh_token ?? 0
    await makeDue()
    await until(
      'the sweep to refresh the due token',
      async () => (await store.credentials.get(connectionId))?.version === 3,
      async () => ({
        version: (await store.credentials.get(connectionId))?.version,
        refreshes: quirky.counters.tokenRequests.refresh_token
      })
    )
    t.equal((quirky.counters.tokenRequests.refresh_token ?? 0) - refreshes, 1, 'the sweep refreshed it once')
    t.same(await call(a), { http: 200, status: 200 }, 'A uses the new token')

    // What is on the cluster: the queues under their hash tag, rate counts spread by their own keys.
    const client = new Cluster(
      cluster.ports.map((port) => ({ host: '127.0.0.1', port })),
      { redisOptions: { password: cluster.password } }
    )
    t.teardown(() => client.disconnect())
    await client.ping()
    const keys = (await Promise.all(client.nodes('master').map((node) => node.keys('*')))).map((list) => list.sort())
    const queueNodes = keys.filter((list) => list.some((key) => key.startsWith(`${stack.prefix}:refresh:`)))
    t.equal(queueNodes.length, 1, "every key of the refresh queue is on one master (the prefix's hash tag)")
    const keyPrefix = stack.prefix.replace(/[{}]/g, '')
    t.ok(
      keys.flat().some((key) => key.startsWith(`${keyPrefix}:rate:`)),
      'the per-tenant rate limit counts on the cluster'
    )

    // A disconnect through B: A hears it at once (pub/sub on the cluster), and the worker revokes.
    const revocations = quirky.counters.revocations
    const disconnected = await fetch(`${b}/v1/connections/${connectionId}/disconnect`, { method: 'POST', headers })
    t.equal(disconnected.status, 200)
    const after = await call(a)
    t.not(after.status, 200, `A no longer calls with the token (${after.http})`)
    await until(
      'the worker to revoke the token',
      async () => quirky.counters.revocations > revocations,
      async () => ({ revocations: quirky.counters.revocations })
    )
    t.pass('the revocation job ran on the cluster')
  }
)
