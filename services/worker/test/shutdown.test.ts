import { createServer } from 'node:http'
import type { ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { Redis } from 'ioredis'
import { pino } from 'pino'
import { defineConnector } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import {
  createTestDatabase,
  serviceUrls,
  startRedisServer,
  testEncryptionKeys,
  testRedisPrefix
} from '@latchkey/testkit'
import { startWorkers } from '../src/index.js'
import { startWorkerHarness } from './helpers.js'

t.test('shutdown aborts a queued call still waiting for its provider; it runs again, no attempt spent', async (t) => {
  // An API that holds every request until the test lets it answer.
  const held: ServerResponse[] = []
  let answered = 0
  let aborted = 0
  const api = createServer((_request, response) => {
    held.push(response)
    response.on('close', () => {
      if (!response.writableFinished) aborted += 1
    })
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve))
  t.teardown(() => {
    api.closeAllConnections()
    return new Promise<void>((resolve) => api.close(() => resolve()))
  })
  const release = () => {
    for (const response of held.splice(0)) {
      if (response.destroyed) continue
      answered += 1
      response.setHeader('content-type', 'application/json')
      response.end('{"done":true}')
    }
  }

  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const store = await openStore({ connectionString: database.url, encryptionKeys: testEncryptionKeys() })
  t.teardown(() => store.close())
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  t.teardown(() => redis.disconnect())
  const prefix = testRedisPrefix()
  const queues = createJobQueues({ connection: redis, prefix })
  t.teardown(() => queues.close())
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: [
      defineConnector({
        key: 'held',
        name: 'Held',
        version: '1.0.0',
        auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' },
        http: { baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}` }
      })
    ],
    config: { publicUrl: 'https://l.example', allowPrivateNetwork: true }
  })
  await runtime.start()
  t.teardown(() => runtime.close())
  const { tenant } = await store.tenants.create('A')
  const connection = await runtime.connections.create(tenant.id, { connector: 'held', credentials: { apiKey: 'k' } })

  const options = {
    runtime,
    connection: redis,
    prefix,
    concurrency: 2,
    sweepIntervalMs: 3_600_000,
    logger: pino({ level: 'silent' })
  }
  const first = await startWorkers({ ...options, shutdownGraceMs: 200 })
  const jobId = await queues.enqueueHttp({
    tenantId: tenant.id,
    connectionId: connection.id,
    method: 'GET',
    url: '/slow'
  })
  await eventually(() => held.length === 1)
  await first.close()
  t.equal(answered, 0, 'the workers stopped while the provider still had not answered')
  await eventually(() => aborted === 1)
  t.pass('the request was aborted')
  const job = await queues.http.getJob(jobId)
  t.equal(await job?.getState(), 'delayed', 'back in the queue')
  t.equal(job?.attemptsMade, 0, 'no attempt spent')

  // Another worker takes it and, once the provider answers, it completes.
  const second = await startWorkers(options)
  t.teardown(() => second.close())
  await eventually(() => held.some((response) => !response.destroyed))
  release()
  await eventually(async () => (await queues.http.getJob(jobId).then((j) => j?.getState())) === 'completed')
  const done = await queues.http.getJob(jobId)
  t.match(done?.returnvalue, { status: 200, body: { done: true } })
})

async function eventually(condition: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error('the condition never held')
}

t.test("shutdown ends even when Redis stops answering: the workers' connections are closed under them", async (t) => {
  const server = await startRedisServer()
  t.teardown(() => server.close())
  const h = await startWorkerHarness(t, { redisUrl: server.url })
  const lines: string[] = []
  const connection = new Redis(server.url, { maxRetriesPerRequest: null })
  t.teardown(() => connection.disconnect())
  const workers = await startWorkers({
    runtime: h.runtime,
    connection,
    prefix: h.prefix,
    concurrency: 1,
    sweepIntervalMs: 3_600_000,
    logger: pino({ level: 'warn' }, { write: (line: string) => void lines.push(line) }),
    shutdownGraceMs: 100,
    forceCloseMs: 300
  })
  // Every client's commands wait for 5 s, as with a Redis that hangs; close must not wait that out.
  await server.command('CLIENT', 'PAUSE', '5000', 'ALL')
  await workers.close()
  t.match(lines.join('\n'), /did not stop in time/, 'close ended, and said it forced the connections closed')
})
