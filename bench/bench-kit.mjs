// Shared plumbing of the benchmarks: services, a child process per server, autocannon runs.
import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import autocannon from 'autocannon'
import { ensureLocalServices } from '../infra/local/local-services.mjs'

export async function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address()
      probe.close(() => resolve(port))
    })
  })
}

export async function services() {
  return ensureLocalServices()
}

/**
 * Starts a Node script as a child process; resolves when `url/path` answers. With
 * `{ profile: true }` and `BENCH_CPU_PROF=<folder>`, the process writes a V8 CPU profile
 * there when it exits (open it in Chrome's DevTools).
 */
export async function launch(script, env, readyUrl, { profile = false } = {}) {
  const folder = process.env.BENCH_CPU_PROF
  const flags = profile && folder !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${folder}`] : []
  const child = spawn(process.execPath, [...flags, script], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`${script} exited with ${child.exitCode}`)
    try {
      if ((await fetch(readyUrl)).status < 500) return child
    } catch {
      // starting
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  child.kill()
  throw new Error(`${script} did not answer at ${readyUrl}`)
}

/** One autocannon run on loopback: bounded in time, stops by itself. */
export async function load(url, { headers = {}, method = 'GET', body, connections = 32, durationSeconds = 8 } = {}) {
  const result = await autocannon({ url, method, headers, body, connections, duration: durationSeconds, pipelining: 1 })
  if (result.non2xx > 0 || result.errors > 0)
    console.warn(`  warning: ${result.non2xx} non-2xx answers, ${result.errors} errors at ${url}`)
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx
  }
}

export function row(name, r) {
  return `${name.padEnd(34)} ${r.rps.toFixed(0).padStart(8)} req/s   p50 ${String(r.p50).padStart(4)} ms   p99 ${String(r.p99).padStart(4)} ms`
}

/** A database of its own for one benchmark run; `drop()` removes it. */
export async function benchDatabase(databaseUrl) {
  const { randomBytes } = await import('node:crypto')
  const pg = (await import('pg')).default
  const name = `lk_bench_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: databaseUrl })
  admin.on('error', () => undefined)
  await admin.connect()
  await admin.query(`create database ${name}`)
  const url = new URL(databaseUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await new Promise((resolve) => setTimeout(resolve, 300))
      await admin.query(`drop database if exists ${name}`).catch(() => undefined)
      await admin.end()
    }
  }
}
