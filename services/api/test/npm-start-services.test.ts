import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createConnection } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { freePort } from '@latchkey/testkit'

const START = fileURLToPath(new URL('../../../infra/local/start.mjs', import.meta.url))

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port })
    socket.once('connect', () => (socket.destroy(), resolve(true)))
    socket.once('error', () => resolve(false))
  })
}

t.test(
  'npm start without DATABASE_URL/REDIS_URL starts a private PostgreSQL and Redis, and stops them when it stops',
  async (t) => {
    // A data folder of its own (reachable by the postgres user), so the shared test services are not touched.
    const dir = mkdtempSync('/tmp/latchkey-start-')
    chmodSync(dir, 0o755)
    t.teardown(() => rmSync(dir, { recursive: true, force: true }))
    const { DATABASE_URL: _db, REDIS_URL: _redis, ...env } = process.env
    const child = spawn(process.execPath, [START], {
      env: { ...env, PORT: String(await freePort()), LATCHKEY_DATA_DIR: dir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let output = ''
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
    t.teardown(() => {
      if (child.exitCode === null) child.kill('SIGKILL')
    })
    await new Promise<void>((resolve, reject) => {
      let buffer = ''
      child.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString()
        if (buffer.includes('{"ready":true')) resolve()
      })
      void exited.then((code) => reject(new Error(`npm start exited with ${code}: ${output}`)))
    })
    const state = JSON.parse(readFileSync(join(dir, 'services.json'), 'utf8')) as {
      postgres: { port: number }
      redis: { port: number }
    }
    t.ok(await listening(state.postgres.port), 'its PostgreSQL is up')
    t.ok(await listening(state.redis.port), 'its Redis is up')
    child.kill('SIGINT')
    t.equal(await exited, 0)
    t.match(output, /stopped the PostgreSQL and Redis it started/)
    t.notMatch(output, /not reachable by the postgres user/, 'the cluster lived in the test folder')
    t.notOk(await listening(state.postgres.port), 'PostgreSQL stopped with it')
    t.notOk(await listening(state.redis.port), 'Redis stopped with it')
  }
)
