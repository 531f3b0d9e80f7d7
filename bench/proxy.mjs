#!/usr/bin/env node
// npm run bench:proxy — requests per second and latency through:
//   (a) the upstream directly, (b) a bare fastify proxy with no auth (@fastify/reply-from),
//   (c) Latchkey's proxy with a real, connected connection (token lookup, injection, policy),
//   (d) the same call through the `/http` JSON envelope.
// Prints the ratios c/a, c/b and d/b measured in the same run. Loopback only; bounded in time.
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { benchDatabase, freePort, launch, load, row, services } from './bench-kit.mjs'

const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const durationSeconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32)
const roundCount = Number(process.env.BENCH_ROUNDS ?? 3)
const children = []

/** CPU time a process has used so far, in microseconds (user + system, from /proc). */
function cpuMicros(child) {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ')
  return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100
}

/** The peak resident memory of a process so far, in MiB (VmHWM, from /proc). */
function peakMiB(child) {
  return Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) / 1024
}

/** Streams `mib` MiB up through the proxy, then `mib` MiB down; the API's peak memory after. */
async function bigBodies(url, apiKey, child, mib) {
  const chunk = Buffer.alloc(64 * 1024, 'y')
  const up = await fetch(`${url}/upload`, {
    method: 'POST',
    headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/octet-stream' },
    duplex: 'half',
    body: (async function* () {
      for (let i = 0; i < mib * 16; i++) yield chunk
    })()
  })
  await up.arrayBuffer()
  const down = await fetch(`${url}/big?mib=${mib}`, { headers: { authorization: `Bearer ${apiKey}` } })
  let bytes = 0
  for await (const part of down.body) bytes += part.length
  if (up.status !== 200 || down.status !== 200 || bytes !== mib * 1024 * 1024)
    throw new Error(`big bodies: ${up.status}, ${down.status}, ${bytes} bytes`)
  return peakMiB(child)
}

/** A load run, with the CPU the serving process spent per request. */
async function measured(child, url, options) {
  const before = cpuMicros(child)
  const result = await load(url, options)
  return { ...result, cpuPerRequest: (cpuMicros(child) - before) / Math.max(1, result.total) }
}
try {
  const { databaseUrl, redisUrl } = await services()
  const database = await benchDatabase(databaseUrl)
  const url = new URL(database.url)

  const [upstreamPort, barePort, apiPort] = [await freePort(), await freePort(), await freePort()]
  const upstream = `http://127.0.0.1:${upstreamPort}`
  children.push(await launch(here('./upstream.mjs'), { PORT: String(upstreamPort) }, `${upstream}/`))
  children.push(
    await launch(
      here('./bare-proxy.mjs'),
      { PORT: String(barePort), UPSTREAM: upstream },
      `http://127.0.0.1:${barePort}/`,
      { profile: true }
    )
  )
  const api = `http://127.0.0.1:${apiPort}`
  const adminToken = randomBytes(24).toString('base64url')
  children.push(
    await launch(
      here('../services/api/dist/server.js'),
      {
        PORT: String(apiPort),
        DATABASE_URL: url.toString(),
        REDIS_URL: redisUrl,
        LATCHKEY_ENCRYPTION_KEYS: `bench:${randomBytes(32).toString('base64')}`,
        LATCHKEY_ADMIN_TOKEN: adminToken,
        LATCHKEY_QUEUE_PREFIX: `{lk-bench-${randomBytes(3).toString('hex')}}`,
        LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
        LOG_LEVEL: 'warn'
      },
      `${api}/readyz`,
      { profile: true }
    )
  )

  // A real connection: the quirky provider grants the token, the upstream serves the API.
  const quirky = await startQuirkyProvider({ clientId: 'bench', clientSecret: 'bench-secret' })
  const tenant = await (
    await fetch(`${api}/v1/tenants`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: '{"name":"bench"}'
    })
  ).json()
  const headers = { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' }
  const connector = testConnector(quirky, {}, 'bench')
  connector.http = { baseUrl: upstream }
  await fetch(`${api}/v1/connectors`, { method: 'POST', headers, body: JSON.stringify(connector) })
  await fetch(`${api}/v1/connectors/bench/app`, {
    method: 'PUT',
    headers,
    body: JSON.stringify({ clientId: 'bench', clientSecret: 'bench-secret' })
  })
  const connection = await (
    await fetch(`${api}/v1/connections`, { method: 'POST', headers, body: '{"connector":"bench"}' })
  ).json()
  const { authorizeUrl } = await (
    await fetch(`${api}/v1/connections/${connection.id}/authorize`, { method: 'POST', headers })
  ).json()
  const start = await fetch(authorizeUrl, { redirect: 'manual' })
  const cookie = start.headers.getSetCookie()[0].split(';')[0]
  const callback = (await fetch(start.headers.get('location'), { redirect: 'manual' })).headers.get('location')
  await fetch(callback, { headers: { cookie } })

  const path = '/folders/0/items'
  console.log(
    `bench:proxy — ${connections} connections, ${durationSeconds} s each, ${roundCount} rounds of (b, c, d), loopback, ${process.env.BENCH_NOTE ?? 'this machine'}`
  )
  await load(`${api}/v1/connections/${connection.id}/proxy${path}`, {
    headers: { authorization: `Bearer ${tenant.apiKey}` },
    connections,
    durationSeconds: 2
  }) // warm-up
  const a = await load(`${upstream}${path}`, { connections, durationSeconds })
  const [, bareChild, apiChild] = children
  // Rounds of b, c, d back to back: each round's ratios come from neighbouring runs, and the
  // median of the rounds is reported, so a burst of other load on the machine moves one round only.
  const rounds = []
  for (let round = 0; round < roundCount; round++) {
    const b = await measured(bareChild, `http://127.0.0.1:${barePort}${path}`, { connections, durationSeconds })
    const c = await measured(apiChild, `${api}/v1/connections/${connection.id}/proxy${path}`, {
      headers: { authorization: `Bearer ${tenant.apiKey}` },
      connections,
      durationSeconds
    })
    const d = await measured(apiChild, `${api}/v1/connections/${connection.id}/http`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', url: path }),
      connections,
      durationSeconds
    })
    rounds.push({ b, c, d, cb: c.rps / b.rps, db: d.rps / b.rps, cpu: c.cpuPerRequest / b.cpuPerRequest })
  }
  const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]
  // The round whose c/b is the median stands for the run in the rows below.
  const { b, c, d } = [...rounds].sort((x, y) => x.cb - y.cb)[Math.floor(rounds.length / 2)]
  const proxyBase = `${api}/v1/connections/${connection.id}/proxy`
  const small = await bigBodies(proxyBase, tenant.apiKey, apiChild, 1)
  const large = await bigBodies(proxyBase, tenant.apiKey, apiChild, 100)
  console.log(row('(a) upstream directly', a))
  console.log(row('(b) bare fastify proxy, no auth', b))
  console.log(row('(c) Latchkey proxy, real connection', c))
  console.log(row('(d) Latchkey /http JSON envelope', d))
  console.log(
    `CPU per request of the serving process: (b) ${b.cpuPerRequest.toFixed(0)} µs   (c) ${c.cpuPerRequest.toFixed(0)} µs   (d) ${d.cpuPerRequest.toFixed(0)} µs   (c/b = ${(c.cpuPerRequest / b.cpuPerRequest).toFixed(2)})`
  )
  console.log(
    `proxy peak memory (VmHWM) after 1 MiB up and down: ${small.toFixed(0)} MiB; after 100 MiB up and down: ${large.toFixed(0)} MiB (ratio ${(large / small).toFixed(2)}, +${(large - small).toFixed(0)} MiB for 200 MiB moved: ${large - small < 50 ? 'streamed' : 'NOT streamed'})`
  )
  console.log(
    `each round: ${rounds.map((r) => `c/b ${r.cb.toFixed(2)} d/b ${r.db.toFixed(2)} cpu c/b ${r.cpu.toFixed(2)}`).join('   |   ')}`
  )
  console.log(
    `ratios (median of ${rounds.length} rounds): c/b = ${median(rounds.map((r) => r.cb)).toFixed(2)}   d/b = ${median(rounds.map((r) => r.db)).toFixed(2)}   c/a = ${(c.rps / a.rps).toFixed(2)}   (throughput; the median round: p50 added by c over b = ${c.p50 - b.p50} ms; p99 c/b = ${(c.p99 / Math.max(1, b.p99)).toFixed(2)})`
  )
  await quirky.close()
  await database.drop()
} finally {
  for (const child of children) child.kill('SIGTERM')
  await Promise.all(
    children.map((child) =>
      child.exitCode === null && child.signalCode === null
        ? new Promise((resolve) => child.once('exit', resolve))
        : undefined
    )
  )
}
