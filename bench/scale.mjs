#!/usr/bin/env node
// npm run bench:scale — the system at a million connections, by hand, bounded, loopback only.
//   1. Seeds BENCH_SCALE_CONNECTIONS (default 1,000,000) connected connections in PostgreSQL,
//      server-side (INSERT … SELECT generate_series: no row crosses the wire), their tokens
//      due at times spread evenly over the next day. At 100,000 and at the full count it
//      prints the sweep's cost per run and Redis memory after the sweeps (flat: only due
//      work is queued, never the whole table).
//   2. Starts 2 API processes and 2 worker processes on that database (the workers sweep
//      every 5 s and refresh what falls due against the quirky provider) and measures
//      `GET /v1/connections?limit=50` and `GET /v1/connections/:id` through both APIs.
//   3. Runs bench:refresh with 1 and then 2 worker processes (BENCH_SCALE_REFRESH
//      connections, default 5,000) and prints the throughput ratio (target ≥ 1.6).
// Ratios and shapes are the result; absolute figures drift on shared machines.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { Redis } from 'ioredis'
import { sql } from 'kysely'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime, encodeTokenSet } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { benchDatabase, freePort, launch, load, row, services } from './bench-kit.mjs'

const TOTAL = Number(process.env.BENCH_SCALE_CONNECTIONS ?? 1_000_000)
const FIRST = Math.min(100_000, TOTAL)
const REFRESH_N = Number(process.env.BENCH_SCALE_REFRESH ?? 5_000)
const BATCH = 100_000
const SWEEPS = 5
const ADMIN = `bench-admin-${randomBytes(12).toString('hex')}`
const encryptionKeys = `bench:${randomBytes(32).toString('base64')}`

const { databaseUrl, redisUrl } = await services()
const database = await benchDatabase(databaseUrl)
const quirky = await startQuirkyProvider({
  clientId: 'bench',
  clientSecret: 'bench-secret',
  // Every seeded connection shares one refresh token: refreshes must not rotate it away.
  modes: { accessTokenTtlSeconds: 86_400, rotateRefreshTokens: false }
})
const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
const prefix = `{lk-scale-${randomBytes(3).toString('hex')}}`
const store = await openStore({ connectionString: database.url, encryptionKeys, maxConnections: 10 })
const queues = createJobQueues({ connection: redis, prefix })
const runtime = createRuntime({
  store,
  queues,
  redis,
  connectors: [],
  config: { publicUrl: 'http://127.0.0.1:1', allowPrivateNetwork: true }
})
await runtime.start()
const children = []
const usedMemory = async () => Number(/used_memory:(\d+)/.exec(await redis.info('memory'))[1])
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MiB`

try {
  const { tenant, apiKey } = await store.tenants.create('bench')
  await runtime.connectors.createCustom(tenant.id, testConnector(quirky, {}, 'bench'))
  await runtime.connectors.setApp(tenant.id, 'bench', { clientId: 'bench', clientSecret: 'bench-secret' })
  // One encrypted token set for every row (decrypting it is the same work whichever row).
  const tokenSetEnc = await store.cipher.encrypt(
    JSON.stringify(
      encodeTokenSet({
        accessToken: 'qat_scale_seed',
        tokenType: 'Bearer',
        expiresAt: new Date(Date.now() + 86_400_000),
        refreshToken: quirky.mintRefreshToken(),
        scopes: ['read'],
        idToken: undefined,
        kept: {}
      })
    )
  )
  const memoryBaseline = await usedMemory()
  let seeded = 0
  let seedSeconds = 0
  const seedTo = async (count) => {
    const started = performance.now()
    for (; seeded < count; seeded = Math.min(count, seeded + BATCH)) {
      const to = Math.min(count, seeded + BATCH)
      // Due times spread evenly over the next day; each token expires five minutes after.
      await sql`
        with c as (
          insert into connections (tenant_id, connector_key, external_id, label, parameters, requested_scopes,
            granted_scopes, status, status_reason, client_id, client_secret_enc, metadata, updated_at)
          select ${tenant.id}, 'bench', 'customer-' || g, null, '{}', '["read"]', '["read"]', 'connected', null,
            null, null, '{}', now()
          from generate_series(${seeded + 1}::int, ${to}::int) g
          returning id, tenant_id)
        insert into credentials (connection_id, tenant_id, token_set_enc, expires_at, refresh_due_at, version, updated_at)
        select id, tenant_id, ${tokenSetEnc}, now() + r * interval '1 day' + interval '5 minutes',
          now() + r * interval '1 day', 1, now()
        from (select id, tenant_id, random() as r from c) spread`.execute(store.db)
    }
    await sql`analyze connections`.execute(store.db)
    await sql`analyze credentials`.execute(store.db)
    seedSeconds += (performance.now() - started) / 1000
  }
  const measureSweeps = async () => {
    const times = []
    let queued = 0
    for (let i = 0; i < SWEEPS; i++) {
      const started = performance.now()
      const swept = await runtime.jobs.sweep()
      times.push(performance.now() - started)
      queued += swept.refreshes
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    times.sort((a, b) => a - b)
    return {
      median: times[Math.floor(times.length / 2)],
      max: times.at(-1),
      queued,
      memory: (await usedMemory()) - memoryBaseline
    }
  }

  console.log(`bench:scale — ${TOTAL} connections, due times over a day, loopback`)
  await seedTo(FIRST)
  const small = await measureSweeps()
  await seedTo(TOTAL)
  const large = await measureSweeps()
  const size =
    await sql`select pg_total_relation_size('connections') + pg_total_relation_size('credentials') as bytes`.execute(
      store.db
    )
  console.log(`  seeded in ${seedSeconds.toFixed(1)} s (${mb(Number(size.rows[0].bytes))} in PostgreSQL with indexes)`)
  for (const [count, m] of [
    [FIRST, small],
    [TOTAL, large]
  ])
    console.log(
      `  at ${String(count).padStart(9)}: sweep median ${m.median.toFixed(1)} ms (max ${m.max.toFixed(1)}), ${m.queued} refreshes queued by ${SWEEPS} sweeps, Redis +${mb(m.memory)}`
    )
  console.log(
    `  sweep cost ${FIRST} → ${TOTAL}: ×${(large.median / small.median).toFixed(2)}; Redis memory ${mb(small.memory)} → ${mb(large.memory)} (flat when only due work is queued)`
  )

  // Two APIs and two workers on the million-connection database.
  const env = {
    DATABASE_URL: database.url,
    REDIS_URL: redisUrl,
    LATCHKEY_ENCRYPTION_KEYS: encryptionKeys,
    LATCHKEY_ADMIN_TOKEN: ADMIN,
    LATCHKEY_QUEUE_PREFIX: prefix,
    LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
    LATCHKEY_RATE_LIMIT_PER_MINUTE: '0',
    LOG_LEVEL: 'error'
  }
  const api = fileURLToPath(new URL('../services/api/dist/server.js', import.meta.url))
  const worker = fileURLToPath(new URL('../services/worker/dist/server.js', import.meta.url))
  const apis = []
  for (let i = 0; i < 2; i++) {
    const port = await freePort()
    children.push(await launch(api, { ...env, PORT: String(port) }, `http://127.0.0.1:${port}/readyz`))
    apis.push(`http://127.0.0.1:${port}`)
  }
  for (let i = 0; i < 2; i++) {
    const port = await freePort()
    children.push(
      await launch(
        worker,
        { ...env, SWEEP_INTERVAL_SECONDS: '5', WORKER_HTTP_PORT: String(port) },
        `http://127.0.0.1:${port}/readyz`
      )
    )
  }
  const one = await store.db.selectFrom('connections').select('id').limit(1).executeTakeFirstOrThrow()
  const headers = { authorization: `Bearer ${apiKey}` }
  for (const [name, path] of [
    ['GET /v1/connections?limit=50', '/v1/connections?limit=50'],
    ['GET /v1/connections/:id', `/v1/connections/${one.id}`]
  ]) {
    const results = await Promise.all(
      apis.map((base) => load(`${base}${path}`, { headers, connections: 16, durationSeconds: 5 }))
    )
    const rps = results.reduce((sum, r) => sum + r.rps, 0)
    console.log(`  ${row(`${name} (2 APIs)`, { ...results[0], rps })}`)
  }
  const refreshed = await store.db
    .selectFrom('credentials')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('version', '>', 1)
    .executeTakeFirstOrThrow()
  console.log(`  the 2 workers refreshed ${refreshed.n} connections that fell due meanwhile`)
} finally {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(
    children.map(
      (child) => new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)))
    )
  )
  await runtime.close()
  await queues.refresh.obliterate({ force: true }).catch(() => undefined)
  await queues.close()
  await store.close()
  redis.disconnect()
  await quirky.close()
  await database.drop()
}

// Refresh throughput with 2 worker processes against 1, in the same sitting.
const run = promisify(execFile)
const refreshBench = fileURLToPath(new URL('./refresh.mjs', import.meta.url))
const rates = []
for (const processes of [1, 2]) {
  const { stdout } = await run(process.execPath, [refreshBench], {
    env: { ...process.env, BENCH_CONNECTIONS: String(REFRESH_N), BENCH_WORKER_PROCESSES: String(processes) },
    maxBuffer: 1 << 20
  })
  const rate = Number(/refreshes\/s through sweep \+ workers\s+(\d+)/.exec(stdout)?.[1])
  rates.push(rate)
  console.log(
    `  refresh with ${processes} worker process${processes === 1 ? '' : 'es'}: ${rate} refreshes/s (${REFRESH_N} due)`
  )
}
console.log(`  2 workers / 1 worker: ×${(rates[1] / rates[0]).toFixed(2)} (target ≥ 1.6)`)
