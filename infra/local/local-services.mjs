#!/usr/bin/env node
// Private PostgreSQL and Redis for development and tests, on loopback, with their data in
// `.data/` at the repository root. Used by `npm start`, `npm test` and `.ci/run` when
// DATABASE_URL / REDIS_URL are not given. Dependency-free on purpose: it runs before
// `npm ci` has built anything.
//
//   node infra/local/local-services.mjs up     start what is not running; print the URLs
//   node infra/local/local-services.mjs env    the same, printed as KEY=value lines (--json for JSON)
//   node infra/local/local-services.mjs down   stop both
//
// Re-runs reuse the data, ports and passwords; a stale pid or lock file is handled.
import { execFileSync, spawnSync } from 'node:child_process'
import { createHash, randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { createServer, connect } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

function say(message) {
  process.stderr.write(`local-services: ${message}\n`)
}

class SetupError extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options })
  if (result.error) throw new SetupError(`${command} could not run: ${result.error.message}`)
  return result
}

function which(command) {
  const result = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

/** Installs Debian packages when running as root with apt-get; otherwise says exactly what to do. */
function aptInstall(packages, why) {
  if (!isRoot || which('apt-get') === undefined) {
    throw new SetupError(
      `${why}. Install it with: sudo apt-get install -y ${packages.join(' ')} (or set ${packages.includes('redis-server') ? 'REDIS_URL' : 'DATABASE_URL'} to an existing server)`
    )
  }
  say(`${why}; installing ${packages.join(' ')} with apt-get`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
}

function postgresBin() {
  const onPath = which('initdb')
  if (onPath !== undefined) return dirname(resolve(dirname(onPath), readLink(onPath)))
  const base = '/usr/lib/postgresql'
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions.length > 0) return join(base, versions[0], 'bin')
  }
  return undefined
}

function readLink(path) {
  try {
    return execFileSync('readlink', ['-f', path], { encoding: 'utf8' }).trim()
  } catch {
    return path
  }
}

async function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolvePort(port))
    })
  })
}

async function portOpen(port) {
  return new Promise((resolveOpen) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => {
      socket.destroy()
      resolveOpen(true)
    })
    socket.once('error', () => resolveOpen(false))
  })
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms))

/** A lock file so that two processes never set up the same folder at once. */
async function withLock(dir, fn) {
  const path = join(dir, 'setup.lock')
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeFileSync(fd, String(process.pid))
      closeSync(fd)
      try {
        return await fn()
      } finally {
        rmSync(path, { force: true })
      }
    } catch (error) {
      if (error.code !== 'EEXIST') throw error
      const holder = Number(readFileSync(path, 'utf8') || '0')
      let alive = false
      try {
        if (holder > 0) process.kill(holder, 0)
        alive = holder > 0
      } catch {
        alive = false
      }
      if (!alive && Date.now() - statSync(path).mtimeMs > 1000) rmSync(path, { force: true })
      await sleep(100)
    }
  }
  throw new SetupError(`${path} is held by another process for too long`)
}

function readState(dir) {
  const path = join(dir, 'services.json')
  return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}
}

function writeState(dir, state) {
  writeFileSync(join(dir, 'services.json'), JSON.stringify(state, null, 2), { mode: 0o600 })
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

function asPostgresUser(bin, tool, args, options = {}) {
  const path = join(bin, tool)
  if (!isRoot) return run(path, args, options)
  // PostgreSQL refuses to run as root: run its tools as the `postgres` system user.
  return run('runuser', ['-u', 'postgres', '--', path, ...args], { cwd: '/', ...options })
}

async function ensurePostgres(dir, state, started) {
  let bin = postgresBin()
  if (bin === undefined) {
    aptInstall(['postgresql'], 'PostgreSQL is not installed')
    bin = postgresBin()
    if (bin === undefined) throw new SetupError('PostgreSQL was installed but initdb was not found')
  }
  if (isRoot && run('id', ['postgres']).status !== 0) {
    execFileSync('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres'
    ])
  }
  const data = postgresDataDir(dir)
  const user = 'latchkey'
  state.postgres ??= { password: randomBytes(18).toString('base64url') }
  const pg = state.postgres
  if (!existsSync(join(data, 'PG_VERSION'))) {
    say(`creating a PostgreSQL cluster in ${data}`)
    mkdirSync(data, { recursive: true, mode: 0o700 })
    const pwfile = join(dirname(data), 'postgres.pw')
    writeFileSync(pwfile, `${pg.password}\n`, { mode: 0o600 })
    if (isRoot) {
      const { uid, gid } = userIds('postgres')
      chownSync(data, uid, gid)
      chownSync(pwfile, uid, gid)
    }
    const init = asPostgresUser(bin, 'initdb', [
      '-D',
      data,
      '-U',
      user,
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-instructions'
    ])
    rmSync(pwfile, { force: true })
    if (init.status !== 0) throw new SetupError(`initdb failed: ${init.stderr || init.stdout}`)
  }
  const running = asPostgresUser(bin, 'pg_ctl', ['status', '-D', data]).status === 0
  if (running && pg.port !== undefined && (await portOpen(pg.port))) return url(pg, user)
  started.postgres = true
  if (!running && existsSync(join(data, 'postmaster.pid'))) {
    say('removing a stale postmaster.pid')
    rmSync(join(data, 'postmaster.pid'), { force: true })
  }
  if (pg.port === undefined || (await portOpen(pg.port))) pg.port = await freePort()
  writeState(dir, state)
  const log = join(dirname(data), 'postgres.log')
  if (isRoot) {
    writeFileSync(log, '', { flag: 'a' })
    const { uid, gid } = userIds('postgres')
    chownSync(log, uid, gid)
  }
  const options = `-p ${pg.port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c fsync=off`
  const start = asPostgresUser(bin, 'pg_ctl', ['start', '-D', data, '-l', log, '-w', '-t', '60', '-o', options])
  if (start.status !== 0) throw new SetupError(`PostgreSQL did not start: ${start.stderr || start.stdout}; see ${log}`)
  const env = { ...process.env, PGPASSWORD: pg.password }
  const created = run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pg.port), '-U', user, 'latchkey'], {
    env
  })
  if (created.status !== 0 && !/already exists/.test(created.stderr))
    throw new SetupError(`createdb failed: ${created.stderr}`)
  say(`PostgreSQL is up on 127.0.0.1:${pg.port}`)
  return url(pg, user)
}

/**
 * Where the cluster lives: `.data/postgres`, unless PostgreSQL's own user (we run it as
 * `postgres` when root) cannot reach that folder, e.g. a clone under a mode-700 home; then a
 * stable folder under /var/lib named after the repository path, so re-runs reuse it.
 */
function postgresDataDir(dir) {
  const preferred = join(dir, 'postgres')
  if (!isRoot) return preferred
  const reachable = run('runuser', ['-u', 'postgres', '--', 'test', '-x', dir]).status === 0
  if (reachable) return preferred
  const fallback = join('/var/lib/latchkey', createHash('sha256').update(dir).digest('hex').slice(0, 16), 'postgres')
  mkdirSync(dirname(fallback), { recursive: true, mode: 0o755 })
  say(`${dir} is not reachable by the postgres user; keeping the cluster in ${fallback}`)
  return fallback
}

function url(pg, user) {
  return `postgres://${user}:${encodeURIComponent(pg.password)}@127.0.0.1:${pg.port}/latchkey`
}

function userIds(name) {
  return {
    uid: Number(execFileSync('id', ['-u', name], { encoding: 'utf8' })),
    gid: Number(execFileSync('id', ['-g', name], { encoding: 'utf8' }))
  }
}

// ---------------------------------------------------------------------------------------
// Redis

async function redisPing(port, password) {
  return new Promise((resolvePing) => {
    const socket = connect({ host: '127.0.0.1', port })
    let buffer = ''
    const done = (ok) => {
      socket.destroy()
      resolvePing(ok)
    }
    socket.setTimeout(1000, () => done(false))
    socket.once('error', () => done(false))
    socket.on('data', (chunk) => {
      buffer += chunk.toString()
      if (buffer.includes('+PONG')) done(true)
      else if (buffer.includes('-')) done(false)
    })
    socket.once('connect', () => socket.write(`AUTH ${password}\r\nPING\r\n`))
  })
}

async function ensureRedis(dir, state, started) {
  let server = which('redis-server')
  if (server === undefined) {
    aptInstall(['redis-server'], 'Redis is not installed')
    server = which('redis-server')
    if (server === undefined) throw new SetupError('redis-server was installed but is not on the PATH')
  }
  state.redis ??= { password: randomBytes(18).toString('base64url') }
  const redis = state.redis
  const data = join(dir, 'redis')
  mkdirSync(data, { recursive: true, mode: 0o700 })
  if (redis.port !== undefined && (await redisPing(redis.port, redis.password))) return redisUrl(redis)
  started.redis = true
  if (redis.port === undefined || (await portOpen(redis.port))) redis.port = await freePort()
  writeState(dir, state)
  const conf = join(data, 'redis.conf')
  writeFileSync(
    conf,
    [
      `port ${redis.port}`,
      'bind 127.0.0.1',
      `dir ${data}`,
      'appendonly yes',
      'maxmemory-policy noeviction',
      'save ""',
      `requirepass ${redis.password}`,
      'daemonize yes',
      `pidfile ${join(data, 'redis.pid')}`,
      `logfile ${join(data, 'redis.log')}`
    ].join('\n') + '\n',
    { mode: 0o600 }
  )
  chmodSync(conf, 0o600)
  const start = run(server, [conf])
  if (start.status !== 0) throw new SetupError(`redis-server did not start: ${start.stderr || start.stdout}`)
  for (let i = 0; i < 100; i++) {
    if (await redisPing(redis.port, redis.password)) {
      say(`Redis is up on 127.0.0.1:${redis.port}`)
      return redisUrl(redis)
    }
    await sleep(50)
  }
  throw new SetupError(`Redis did not answer on 127.0.0.1:${redis.port}; see ${join(data, 'redis.log')}`)
}

function redisUrl(redis) {
  return `redis://:${encodeURIComponent(redis.password)}@127.0.0.1:${redis.port}`
}

// ---------------------------------------------------------------------------------------

/**
 * Starts what is needed: uses DATABASE_URL / REDIS_URL (or REDIS_CLUSTER_NODES) when set,
 * otherwise a private server in `<root>/.data`. Returns the URLs (`redisUrl` undefined for a cluster).
 */
export async function ensureLocalServices({ root = ROOT, env = process.env, dir = join(root, '.data') } = {}) {
  mkdirSync(dir, { recursive: true, mode: 0o755 })
  return withLock(dir, async () => {
    const state = readState(dir)
    // Which servers this call started (rather than found running): the caller may stop those.
    const started = { postgres: false, redis: false }
    const databaseUrl = env.DATABASE_URL || (await ensurePostgres(dir, state, started))
    // A Redis Cluster given by its nodes is used as it is: no private Redis then.
    const redisUrlValue =
      env.REDIS_URL || (env.REDIS_CLUSTER_NODES ? undefined : await ensureRedis(dir, state, started))
    writeState(dir, state)
    return { databaseUrl, redisUrl: redisUrlValue, dataDir: dir, started }
  })
}

/** Stops the private servers (never ones given by URL); `only` limits it to some of them. */
export async function stopLocalServices({
  root = ROOT,
  dir = join(root, '.data'),
  only = { postgres: true, redis: true }
} = {}) {
  const state = readState(dir)
  const bin = postgresBin()
  const data = isRoot ? postgresDataDir(dir) : join(dir, 'postgres')
  if (only.postgres && bin !== undefined && existsSync(join(data, 'PG_VERSION'))) {
    asPostgresUser(bin, 'pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w'])
  }
  const pidFile = join(dir, 'redis', 'redis.pid')
  if (only.redis && state.redis?.port !== undefined && existsSync(pidFile)) {
    const pid = Number(readFileSync(pidFile, 'utf8'))
    try {
      process.kill(pid, 'SIGTERM')
      // Stopped means gone: wait (up to 10 s) until the process has exited.
      for (let i = 0; i < 200; i++) {
        process.kill(pid, 0)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    } catch {
      // Gone (or already gone).
    }
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command = 'up', flag] = process.argv.slice(2)
  try {
    if (command === 'down') {
      await stopLocalServices()
    } else if (command === 'up' || command === 'env') {
      const { databaseUrl, redisUrl: redis } = await ensureLocalServices()
      if (flag === '--json')
        process.stdout.write(`${JSON.stringify({ DATABASE_URL: databaseUrl, REDIS_URL: redis })}\n`)
      else process.stdout.write(`DATABASE_URL=${databaseUrl}\n${redis === undefined ? '' : `REDIS_URL=${redis}\n`}`)
    } else {
      say(`unknown command "${command}"; use up, env or down`)
      process.exit(2)
    }
  } catch (error) {
    say(error instanceof SetupError ? error.message : error.stack)
    process.exit(1)
  }
}
