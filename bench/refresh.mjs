#!/usr/bin/env node
// npm run bench:refresh — N connections (default 10,000) all due now against the testkit's
// quirky provider. Prints refreshes per second through the sweep and the workers, the ratio
// to the token endpoint's raw capacity measured in the same run (the same refresh requests
// sent straight at it with the same concurrency), and Redis memory and PostgreSQL bytes per
// connection. Loopback only; bounded by N.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { Redis } from 'ioredis'
import pg from 'pg'
import { sql } from 'kysely'
import { pino } from 'pino'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime, encodeTokenSet } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { startWorkers } from '@latchkey/worker'
import { benchDatabase, services } from './bench-kit.mjs'

const N = Number(process.env.BENCH_CONNECTIONS ?? 10_000)
// 0: the workers run in this process (round trips counted); k: k worker processes (services/worker/dist/server.js).
const PROCESSES = Number(process.env.BENCH_WORKER_PROCESSES ?? 0)
const encryptionKeys = `bench:${randomBytes(32).toString('base64')}`
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32)
const { databaseUrl, redisUrl } = await services()
const database = await benchDatabase(databaseUrl)
const url = new URL(database.url)

const quirky = await startQuirkyProvider({
  clientId: 'bench',
  clientSecret: 'bench-secret',
  modes: { accessTokenTtlSeconds: 3600 }
})
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
const prefix = `{lk-bench-${randomBytes(3).toString('hex')}}`
const store = await openStore({
  connectionString: url.toString(),
  encryptionKeys,
  maxConnections: 20
})
const queues = createJobQueues({ connection: redis, prefix })
// The pipeline's throughput: no spreading of the burst and no per-host cap (both shape load on purpose).
const runtime = createRuntime({
  store,
  queues,
  redis,
  connectors: [],
  config: { publicUrl: 'http://127.0.0.1:1', allowPrivateNetwork: true, refreshSpreadSeconds: 0 }
})
await runtime.start()

try {
  const { tenant } = await store.tenants.create('bench')
  await runtime.connectors.createCustom(tenant.id, testConnector(quirky, {}, 'bench'))
  await runtime.connectors.setApp(tenant.id, 'bench', { clientId: 'bench', clientSecret: 'bench-secret' })

  // Raw capacity of the token endpoint: the same refresh requests, straight at it.
  const rawCount = Math.min(N, 3000)
  const rawTokens = Array.from({ length: rawCount }, () => quirky.mintRefreshToken())
  const basic = `Basic ${Buffer.from('bench:bench-secret').toString('base64')}`
  let next = 0
  const rawStarted = performance.now()
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < rawTokens.length) {
        const refreshToken = rawTokens[next++]
        const response = await fetch(quirky.tokenUrl, {
          method: 'POST',
          headers: {
            authorization: basic,
            accept: 'application/json',
            'content-type': 'application/x-www-form-urlencoded'
          },
          body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken })
        })
        await response.text()
      }
    })
  )
  const rawRate = rawCount / ((performance.now() - rawStarted) / 1000)

  // N connected connections, all due now.
  const seedStarted = performance.now()
  const dueAt = new Date(Date.now() - 1000)
  for (let offset = 0; offset < N; offset += 500) {
    const batch = Math.min(500, N - offset)
    const rows = await store.db
      .insertInto('connections')
      .values(
        Array.from({ length: batch }, (_, i) => ({
          tenant_id: tenant.id,
          connector_key: 'bench',
          external_id: `customer-${offset + i}`,
          label: null,
          parameters: '{}',
          requested_scopes: '["read"]',
          granted_scopes: '["read"]',
          status: 'connected',
          status_reason: null,
          client_id: null,
          client_secret_enc: null,
          metadata: '{}',
          updated_at: new Date()
        }))
      )
      .returning('id')
      .execute()
    const credentials = []
    for (const row of rows) {
      const tokenSet = encodeTokenSet({
        accessToken: `qat_seed_${row.id}`,
        tokenType: 'Bearer',
        expiresAt: new Date(Date.now() + 60_000),
        refreshToken: quirky.mintRefreshToken(),
        scopes: ['read'],
        idToken: undefined,
        kept: {}
      })
      credentials.push({
        connection_id: row.id,
        tenant_id: tenant.id,
        token_set_enc: await store.cipher.encrypt(JSON.stringify(tokenSet)),
        expires_at: new Date(Date.now() + 60_000),
        refresh_due_at: dueAt,
        version: 1,
        updated_at: new Date()
      })
    }
    await store.db.insertInto('credentials').values(credentials).execute()
  }
  const seedSeconds = (performance.now() - seedStarted) / 1000

  const sizes =
    await sql`select pg_total_relation_size('connections') + pg_total_relation_size('credentials') as bytes`.execute(
      store.db
    )
  const bytes = Number(sizes.rows[0].bytes)
  const memoryBefore = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1])
  const sweepStarted = performance.now()
  // One sweep with room for all N (the periodic sweep takes 5,000 at a time, oldest due first).
  await runtime.jobs.sweep(N)
  const queued = await queues.refresh.count()
  const memoryQueued = Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1])

  // Worker processes start against a paused queue and all begin together.
  await queues.refresh.pause()
  const children = Array.from({ length: PROCESSES }, () =>
    spawn(process.execPath, [fileURLToPath(new URL('../services/worker/dist/server.js', import.meta.url))], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl,
        LATCHKEY_ENCRYPTION_KEYS: encryptionKeys,
        LATCHKEY_QUEUE_PREFIX: prefix,
        LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
        WORKER_CONCURRENCY: String(CONCURRENCY),
        SWEEP_INTERVAL_SECONDS: '3600',
        REFRESH_CONCURRENCY_PER_HOST: '10000',
        REFRESH_SPREAD_SECONDS: '0',
        LOG_LEVEL: 'error'
      },
      stdio: ['ignore', 'ignore', 'inherit']
    })
  )
  for (let i = 0; (await queues.refresh.getWorkersCount()) < PROCESSES; i++) {
    if (i > 300) throw new Error('the worker processes did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const workers =
    PROCESSES > 0
      ? {
          close: async () => {
            for (const child of children) child.kill('SIGTERM')
            await Promise.all(children.map((child) => new Promise((resolve) => child.once('exit', resolve))))
          }
        }
      : await startWorkers({
          runtime,
          connection: redis,
          prefix,
          concurrency: CONCURRENCY,
          sweepIntervalMs: 3_600_000,
          logger: pino({ level: 'silent' })
        })
  // PostgreSQL round trips of this process while it refreshes (every query goes through pg's Client#query).
  let roundTrips = 0
  let pollQueries = 0
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (...args) {
    roundTrips += 1
    return query.apply(this, args)
  }
  const refreshStarted = performance.now()
  await queues.refresh.resume()
  for (;;) {
    pollQueries += 1
    const left = await store.db
      .selectFrom('credentials')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('version', '=', 1)
      .executeTakeFirstOrThrow()
    if (Number(left.n) === 0) break
    if (performance.now() - refreshStarted > 600_000)
      throw new Error(`${left.n} connections still not refreshed after 10 minutes`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  const refreshSeconds = (performance.now() - (sweepStarted < refreshStarted ? refreshStarted : sweepStarted)) / 1000
  const rate = N / refreshSeconds
  await workers.close()
  pg.Client.prototype.query = query

  console.log(
    `bench:refresh — ${N} connections due now, worker concurrency ${CONCURRENCY}, ${PROCESSES === 0 ? 'workers in the bench process' : `${PROCESSES} worker processes`}, loopback`
  )
  console.log(
    `  seeded in ${seedSeconds.toFixed(1)} s; sweep queued ${queued} jobs in ${((refreshStarted - sweepStarted) / 1000).toFixed(2)} s`
  )
  console.log(`  refreshes/s through sweep + workers     ${rate.toFixed(0)}   (${N} in ${refreshSeconds.toFixed(1)} s)`)
  console.log(
    `  token endpoint raw capacity (same run)  ${rawRate.toFixed(0)} refreshes/s   ratio ${(rate / rawRate).toFixed(2)}`
  )
  console.log(
    `  token requests seen by the provider      ${quirky.counters.tokenRequests.refresh_token - rawCount} for ${N} connections`
  )
  console.log(
    `  PostgreSQL round trips per refresh      ${PROCESSES === 0 ? ((roundTrips - pollQueries) / N).toFixed(2) : 'counted with BENCH_WORKER_PROCESSES=0'}`
  )
  console.log(
    `  Redis memory per queued connection      ${((memoryQueued - memoryBefore) / Math.max(1, queued)).toFixed(0)} bytes`
  )
  console.log(
    `  PostgreSQL bytes per connection         ${(bytes / N).toFixed(0)} (connections + credentials, with indexes)`
  )
} finally {
  await runtime.close()
  await queues.refresh.obliterate({ force: true }).catch(() => undefined)
  await queues.close()
  await store.close()
  redis.disconnect()
  await quirky.close()
  await database.drop()
}
