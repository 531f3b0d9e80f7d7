import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { Redis } from 'ioredis'
import { defineConnector } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { openStore } from '@latchkey/store'
import type { Store } from '@latchkey/store'
import { createTestDatabase, serviceUrls, testEncryptionKeys, testRedisPrefix } from '@latchkey/testkit'
import { createRuntime } from '../../src/index.js'
import type { Runtime } from '../../src/index.js'

/** An API on loopback that answers 200 and remembers which host and key each request used. */
async function startApi(t: Test): Promise<{ url: string; seen: { path: string; key: string | undefined }[] }> {
  const seen: { path: string; key: string | undefined }[] = []
  const server = createServer((request, response) => {
    seen.push({ path: request.url ?? '', key: request.headers['x-api-key'] as string | undefined })
    response.setHeader('content-type', 'application/json')
    response.end('{"ok":true}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

/** Counts the store reads a call could make, on the real store. */
function countReads(store: Store): { connections: number; credentials: number; overrides: number } {
  const counts = { connections: 0, credentials: 0, overrides: 0 }
  const connections = store.connections.get.bind(store.connections)
  store.connections.get = (...args) => ((counts.connections += 1), connections(...args))
  const credentials = store.credentials.get.bind(store.credentials)
  store.credentials.get = (...args) => ((counts.credentials += 1), credentials(...args))
  const overrides = store.apps.overrides.bind(store.apps)
  store.apps.overrides = (...args) => ((counts.overrides += 1), overrides(...args))
  return counts
}

/** An API key connector on the test API. */
const keyed = (baseUrl: string) =>
  defineConnector({
    key: 'keyed',
    name: 'Keyed',
    version: '1.0.0',
    auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' },
    http: { baseUrl: `${baseUrl}/v1` }
  })

/**
 * Two runtimes on one database and one Redis prefix, as two processes would be (each its
 * own store, pool, Redis connections and caches).
 */
async function twoProcesses(t: Test, baseUrl: string) {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const prefix = testRedisPrefix()
  const keys = testEncryptionKeys()
  const connector = keyed(baseUrl)
  const start = async (): Promise<{ runtime: Runtime; store: Store }> => {
    const store = await openStore({ connectionString: database.url, encryptionKeys: keys })
    const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
    const queues = createJobQueues({ connection: redis, prefix })
    const runtime = createRuntime({
      store,
      queues,
      redis,
      connectors: [connector],
      config: { publicUrl: 'https://l.example', allowPrivateNetwork: true }
    })
    await runtime.start()
    t.teardown(async () => {
      await runtime.close()
      await queues.close()
      redis.disconnect()
      await store.close()
    })
    return { runtime, store }
  }
  const a = await start()
  const b = await start()
  const { tenant } = await a.store.tenants.create('A')
  const view = await a.runtime.connections.create(tenant.id, { connector: 'keyed', credentials: { apiKey: 'k-1' } })
  return { a, b, tenantId: tenant.id, connectionId: view.id }
}

const get = (runtime: Runtime, tenantId: string, id: string, path = '/items') =>
  runtime.http.call(tenantId, id, { method: 'GET', url: path }).then(async (answer) => {
    answer.body.resume()
    return answer.status
  })

t.test('in the steady state a call reads nothing from PostgreSQL', async (t) => {
  const api = await startApi(t)
  const { b, tenantId, connectionId } = await twoProcesses(t, api.url)
  const reads = countReads(b.store)
  t.equal(await get(b.runtime, tenantId, connectionId), 200, 'the first call, which turns the connection green')
  const afterFirst = { ...reads }
  t.ok(afterFirst.connections >= 1 && afterFirst.credentials >= 1 && afterFirst.overrides >= 1, 'loaded once')
  await get(b.runtime, tenantId, connectionId) // the handle again after the green transition
  const warm = { ...reads }
  for (let i = 0; i < 20; i++) t.equal(await get(b.runtime, tenantId, connectionId), 200)
  t.same(reads, warm, 'twenty more calls: no connection, credential or app read')
  t.equal(b.runtime.handles.size, 1)
  t.equal(api.seen.length, 22)
  t.ok(
    api.seen.every((s) => s.key === 'k-1' && s.path === '/v1/items'),
    'every call authenticated, on the base URL'
  )
})

t.test('a change in one process is seen by the other at once, not after a TTL', async (t) => {
  const api = await startApi(t)
  const { a, b, tenantId, connectionId } = await twoProcesses(t, api.url)
  await get(b.runtime, tenantId, connectionId)
  await get(b.runtime, tenantId, connectionId)

  // New credentials typed in through process A: B's next call sends them.
  await a.runtime.connections.replaceCredentials(tenantId, connectionId, { apiKey: 'k-2' })
  await waitFor(() => b.runtime.handles.size === 0)
  await get(b.runtime, tenantId, connectionId)
  t.equal(api.seen.at(-1)?.key, 'k-2', 'the new key, at once')

  // The app's base URL override set in A: B's next call goes there.
  await a.runtime.connectors.setApp(tenantId, 'keyed', { overrides: { baseUrl: `${api.url}/v2` } })
  await waitFor(() => b.runtime.handles.size === 0)
  await get(b.runtime, tenantId, connectionId)
  t.equal(api.seen.at(-1)?.path, '/v2/items', 'the override, at once')

  // Disconnected in A: B refuses the next call without calling the API.
  const before = api.seen.length
  await a.runtime.connections.disconnect(tenantId, connectionId)
  await waitFor(() => b.runtime.handles.size === 0)
  const refused = await get(b.runtime, tenantId, connectionId).catch((error: unknown) => error)
  t.match(refused, { code: 'not_connected' })
  t.equal(api.seen.length, before, 'nothing was sent after the disconnect')
})

t.test('while the change feed is down, nothing is served from memory', async (t) => {
  const api = await startApi(t)
  const { a, b, tenantId, connectionId } = await twoProcesses(t, api.url)
  await get(b.runtime, tenantId, connectionId)
  await get(b.runtime, tenantId, connectionId)
  const reads = countReads(b.store)
  await b.runtime.changes.close()
  t.equal(b.runtime.changes.live, false)
  await get(b.runtime, tenantId, connectionId)
  await get(b.runtime, tenantId, connectionId)
  t.equal(reads.connections, 2, 'each call read the connection')
  t.equal(reads.credentials, 2, 'and its credential')
  // A change B cannot hear still reaches it: it reads PostgreSQL.
  await a.runtime.connections.disconnect(tenantId, connectionId)
  t.match(await get(b.runtime, tenantId, connectionId).catch((error: unknown) => error), { code: 'not_connected' })
})

t.test('the handle and token caches are bounded, and say how full they are', async (t) => {
  const api = await startApi(t)
  const { b, tenantId } = await twoProcesses(t, api.url)
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  t.teardown(() => redis.disconnect())
  const small = createRuntime({
    store: b.store,
    queues: b.runtime.queues,
    redis,
    connectors: [keyed(api.url)],
    config: {
      publicUrl: 'https://l.example',
      allowPrivateNetwork: true,
      connectionCache: { max: 3 },
      tokenCacheSize: 3
    }
  })
  await small.start()
  t.teardown(() => small.close())
  for (let i = 0; i < 8; i++) {
    const view = await small.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: `k-${i}` } })
    await get(small, tenantId, view.id) // green: the first use is a transition, which drops the handle
    await get(small, tenantId, view.id) // kept from here on
    t.ok(small.handles.size <= 3, `at most 3 handles after ${i + 1} connections`)
    t.ok(small.credentials.cachedTokens <= 3, `at most 3 tokens after ${i + 1} connections`)
  }
  t.equal(small.handles.size, 3)
  t.equal(small.credentials.cachedTokens, 3)
  const scraped = (await small.metrics.text()).body
  t.match(scraped, /latchkey_cache_entries\{cache="connections"\} 3/)
  t.match(scraped, /latchkey_cache_entries\{cache="tokens"\} 3/)
})

async function waitFor(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10))
  if (!condition()) throw new Error('the change did not arrive')
}
