import { execFile, spawn, spawnSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import type { Socket } from 'node:net'
import { delimiter, dirname, join } from 'node:path'
import { promisify } from 'node:util'
import pg from 'pg'
import { RedisReplyError, redisCommand } from './redis-command.js'
import type { RedisReply } from './redis-command.js'
import { freePort } from './test-services.js'

const execFileAsync = promisify(execFile)

/** What went wrong with a private server. */
export type PrivateServerErrorCode =
  'NOT_INSTALLED' | 'NO_POSTGRES_USER' | 'START_FAILED' | 'STOP_FAILED' | 'RUNNING' | 'CLOSED'

/** A private PostgreSQL or Redis could not be set up, started or stopped. */
export class PrivateServerError extends Error {
  override readonly name = 'PrivateServerError'
  /** What went wrong, for a `switch`. */
  readonly code: PrivateServerErrorCode

  constructor(code: PrivateServerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
  }
}

// ---------------------------------------------------------------------------------------
// Never outliving the test process

// Synchronous last-resort cleanups of what is still alive, run on a normal process exit
// (a test that forgot `close()`).
const exitCleanups = new Set<() => void>()
let exitHookInstalled = false

function cleanUpOnExit(cleanup: () => void): () => void {
  if (!exitHookInstalled) {
    exitHookInstalled = true
    process.once('exit', () => {
      for (const run of exitCleanups) {
        try {
          run()
        } catch {
          // The process is exiting: nothing is left to report to, and the other servers must still go.
        }
      }
    })
  }
  exitCleanups.add(cleanup)
  return () => exitCleanups.delete(cleanup)
}

/**
 * A `sh` that waits for our end of its stdin to close, then runs `script`. The pipe closes
 * however this process ends, SIGKILL included (tap times a test file out with SIGALRM, then
 * SIGKILL, and neither runs `exit` handlers). Detached, so a Ctrl-C to the process group
 * does not take it down before it has cleaned up.
 */
function startWatchdog(script: string, args: readonly string[]): ChildProcess {
  const watchdog = spawn('sh', ['-c', `cat >/dev/null 2>&1; ${script}`, 'latchkey-watchdog', ...args], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true
  })
  // Best effort on top of the exit hook: a missing watchdog must not fail the test that
  // started the server, and a watchdog killed by `close()` breaks the pipe on purpose.
  watchdog.once('error', () => undefined)
  watchdog.stdin?.once('error', () => undefined)
  watchdog.unref()
  ;(watchdog.stdin as Socket | null)?.unref()
  return watchdog
}

function stopWatchdog(watchdog: ChildProcess): void {
  if (watchdog.exitCode === null && watchdog.signalCode === null) watchdog.kill('SIGKILL')
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs `fn`s one after another, so that e.g. `close()` never races a `start()` in flight. */
function serialQueue(): <T>(fn: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve()
  return <T>(fn: () => Promise<T>): Promise<T> => {
    const next = tail.then(fn)
    // The queue only orders; each caller still gets its own rejection from `next`.
    tail = next.catch(() => undefined)
    return next
  }
}

function tail(path: string, lines = 20): string {
  if (!existsSync(path)) return ''
  return readFileSync(path, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
}

function commandOutput(error: unknown): string {
  const { stderr, stdout, message } = error as { stderr?: string; stdout?: string; message?: string }
  return (stderr || stdout || message || String(error)).trim()
}

// ---------------------------------------------------------------------------------------
// PostgreSQL

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

let postgresBinCache: string | undefined

// As infra/local/local-services.mjs: `initdb` on the PATH, else Debian's newest
// /usr/lib/postgresql/<version>/bin.
function postgresBinDir(): string {
  if (postgresBinCache !== undefined) return postgresBinCache
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')))
      return (postgresBinCache = dirname(realpathSync(join(dir, 'initdb'))))
  }
  const base = '/usr/lib/postgresql'
  const versions = existsSync(base)
    ? readdirSync(base)
        .filter((v) => existsSync(join(base, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : []
  if (versions[0] === undefined)
    throw new PrivateServerError(
      'NOT_INSTALLED',
      'PostgreSQL is not installed: no initdb on the PATH nor in /usr/lib/postgresql/<version>/bin (apt-get install postgresql)'
    )
  return (postgresBinCache = join(base, versions[0], 'bin'))
}

async function postgresUserIds(): Promise<{ uid: number; gid: number }> {
  try {
    const { stdout } = await execFileAsync('id', ['postgres'], { encoding: 'utf8' })
    const match = /uid=(\d+).*?gid=(\d+)/.exec(stdout)
    if (match !== null) return { uid: Number(match[1]), gid: Number(match[2]) }
  } catch (error) {
    // `id` ran and said no (a numeric exit code), as opposed to not running at all.
    if (typeof (error as { code?: unknown }).code !== 'number') throw error
    throw new PrivateServerError(
      'NO_POSTGRES_USER',
      'running as root, PostgreSQL must run as the `postgres` system user, which does not exist (`node infra/local/local-services.mjs up` creates it)',
      { cause: error }
    )
  }
  throw new PrivateServerError(
    'NO_POSTGRES_USER',
    'cannot read the ids of the `postgres` system user from `id postgres`'
  )
}

// PostgreSQL refuses to run as root: as root, its tools run as the `postgres` system user.
function postgresCommand(bin: string, tool: string, args: readonly string[]): [string, string[]] {
  const path = join(bin, tool)
  return isRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, [...args]]
}

async function runPostgresTool(bin: string, tool: string, args: readonly string[]): Promise<void> {
  const [command, fullArgs] = postgresCommand(bin, tool, args)
  // cwd `/`: the postgres user may not be allowed into ours.
  await execFileAsync(command, fullArgs, { cwd: '/', encoding: 'utf8' })
}

// Whether the postmaster that postmaster.pid names is alive (a SIGKILLed one leaves the file behind).
function postmasterAlive(dataDir: string): boolean {
  let pid: number
  try {
    pid = Number.parseInt(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8'), 10)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
  if (!(pid > 0)) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Options of {@link startPostgresServer}. */
export interface PostgresServerOptions {
  /**
   * Run with `fsync=on`. Off, a stopped or killed server still keeps every committed row
   * (the data is in the OS page cache); only a crash of the machine would lose it.
   * @defaultValue `false`
   */
  readonly fsync?: boolean
}

/** How PostgreSQL stops: `fast` rolls back sessions and checkpoints; `immediate` aborts (crash recovery on the next start). */
export type PostgresStopMode = 'fast' | 'immediate'

/** A private PostgreSQL cluster for one test, which the test may stop, crash and restart. */
export interface PostgresServer {
  /** `postgres://latchkey:<password>@127.0.0.1:<port>/latchkey`; the `latchkey` database exists. */
  readonly url: string
  /** The loopback port, the same across restarts. */
  readonly port: number
  /** The cluster's data directory (owned by `postgres` when running as root). */
  readonly dataDir: string
  /**
   * Stops the server (`pg_ctl stop -m <mode> -w`); a no-op when it is stopped.
   * @defaultValue mode `"fast"`
   * @see https://www.postgresql.org/docs/current/server-shutdown.html
   */
  stop(mode?: PostgresStopMode): Promise<void>
  /** Starts it again on the same port with the same data; resolves once it accepts connections. A no-op when it runs. */
  start(): Promise<void>
  /** Stops it (immediately) and deletes its folder. Idempotent, and safe in a teardown after anything failed. */
  close(): Promise<void>
}

/**
 * Starts a PostgreSQL cluster of its own (initdb into a fresh folder under /tmp, a free
 * loopback port, password authentication with SCRAM-SHA-256) for tests that stop, crash or
 * restart the database. The shared server the other tests use is never touched. As root
 * (CI), the server runs as the `postgres` system user. The server is stopped and its folder
 * deleted when the test process ends, however it ends.
 *
 * @see https://www.postgresql.org/docs/current/app-initdb.html
 * @see https://www.postgresql.org/docs/current/app-pg-ctl.html
 */
export async function startPostgresServer(options: PostgresServerOptions = {}): Promise<PostgresServer> {
  const bin = postgresBinDir()
  const ids = isRoot ? await postgresUserIds() : undefined
  // /tmp itself, not $TMPDIR: every parent must be reachable by the postgres user.
  const root = mkdtempSync('/tmp/latchkey-pg-')
  const dataDir = join(root, 'data')
  const log = join(root, 'postgres.log')
  const password = randomBytes(18).toString('base64url')
  const user = 'latchkey'
  const pgCtl = join(bin, 'pg_ctl')
  let port = 0
  let closed = false

  const serverUp = (): boolean => postmasterAlive(dataDir)
  const killNow = (): void => {
    if (serverUp()) {
      const [command, args] = postgresCommand(bin, 'pg_ctl', [
        'stop',
        '-D',
        dataDir,
        '-m',
        'immediate',
        '-w',
        '-t',
        '30'
      ])
      spawnSync(command, args, { cwd: '/', stdio: 'ignore' })
    }
    rmSync(root, { recursive: true, force: true })
  }
  const forgetOnExit = cleanUpOnExit(killNow)
  const watchdog = startWatchdog(
    `[ -f "$1/postmaster.pid" ] && ${isRoot ? 'runuser -u postgres -- ' : ''}"$2" stop -D "$1" -m immediate -w -t 30; rm -rf "$3"`,
    [dataDir, pgCtl, root]
  )
  const serial = serialQueue()

  const startServer = async (): Promise<void> => {
    if (closed) throw new PrivateServerError('CLOSED', `the PostgreSQL server in ${root} was closed`)
    if (serverUp()) return
    const settings = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=${options.fsync === true ? 'on' : 'off'}`
    try {
      await runPostgresTool(bin, 'pg_ctl', ['start', '-D', dataDir, '-l', log, '-w', '-t', '60', '-o', settings])
    } catch (error) {
      throw new PrivateServerError(
        'START_FAILED',
        `PostgreSQL did not start on 127.0.0.1:${port}: ${commandOutput(error)}\n${tail(log)}`,
        { cause: error }
      )
    }
  }

  const stopServer = async (mode: PostgresStopMode): Promise<void> => {
    if (!serverUp()) return
    try {
      await runPostgresTool(bin, 'pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w', '-t', '60'])
    } catch (error) {
      throw new PrivateServerError(
        'STOP_FAILED',
        `PostgreSQL on 127.0.0.1:${port} did not stop (${mode}): ${commandOutput(error)}\n${tail(log)}`,
        { cause: error }
      )
    }
  }

  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= serial(async () => {
      closed = true
      try {
        await stopServer('immediate')
      } finally {
        rmSync(root, { recursive: true, force: true })
        forgetOnExit()
        stopWatchdog(watchdog)
      }
    }))

  try {
    if (ids !== undefined) {
      chmodSync(root, 0o700)
      chownSync(root, ids.uid, ids.gid)
    }
    const pwfile = join(root, 'pwfile')
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 })
    writeFileSync(log, '', { mode: 0o600 })
    if (ids !== undefined) {
      chownSync(pwfile, ids.uid, ids.gid)
      chownSync(log, ids.uid, ids.gid)
    }
    const [initdb] = await Promise.allSettled([
      // Lean: no fsync of the new files, the C locale (no locale lookups), no hints printed.
      runPostgresTool(bin, 'initdb', [
        '-D',
        dataDir,
        '-U',
        user,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions'
      ]),
      freePort().then((free) => {
        port = free
      })
    ])
    rmSync(pwfile, { force: true })
    if (initdb.status === 'rejected')
      throw new PrivateServerError('START_FAILED', `initdb failed: ${commandOutput(initdb.reason)}`, {
        cause: initdb.reason
      })
    await serial(startServer)
    const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' })
    await admin.connect()
    try {
      await admin.query('create database latchkey')
    } finally {
      await admin.end()
    }
  } catch (error) {
    // The first failure is the one to report; cleaning up is best effort on top of it.
    await close().catch(() => undefined)
    throw error
  }

  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/latchkey`,
    port,
    dataDir,
    stop: (mode = 'fast') => serial(() => stopServer(mode)),
    start: () => serial(startServer),
    close
  }
}

// ---------------------------------------------------------------------------------------
// Redis

/** Options of {@link startRedisServer}. */
export interface RedisServerOptions {
  /**
   * Keep data in an append-only file, so a stopped or killed server comes back with every
   * acknowledged write. Without it (and with `save ""`) every start is an empty server.
   * @defaultValue `true`
   */
  readonly appendonly?: boolean
}

/** How Redis stops: `shutdown` sends `SHUTDOWN NOSAVE` (the AOF is flushed); `kill` sends SIGKILL. */
export type RedisStopMode = 'shutdown' | 'kill'

/** Options of {@link RedisServer.start}. */
export interface RedisStartOptions {
  /** Delete the data files first, so the server comes back with nothing. @defaultValue `false` */
  readonly empty?: boolean
}

/** A private redis-server for one test, which the test may stop, kill and restart. */
export interface RedisServer {
  /** `redis://:<password>@127.0.0.1:<port>` */
  readonly url: string
  /** The loopback port, the same across restarts. */
  readonly port: number
  /** Where the server keeps its data files. */
  readonly dataDir: string
  /**
   * Stops the server; a no-op when it is stopped.
   * @defaultValue mode `"shutdown"`
   * @see https://redis.io/docs/latest/commands/shutdown/
   */
  stop(mode?: RedisStopMode): Promise<void>
  /** Starts it again on the same port; resolves once it answers PING (after loading its data). */
  start(options?: RedisStartOptions): Promise<void>
  /**
   * Sends one command on a connection of its own, e.g. `command('CONFIG', 'SET', 'maxmemory', '2mb')`.
   * An error reply rejects with a `RedisReplyError`.
   */
  command(...args: string[]): Promise<RedisReply>
  /** Kills it and deletes its folder. Idempotent, and safe in a teardown after anything failed. */
  close(): Promise<void>
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs)
    child.once('exit', () => {
      clearTimeout(timer)
      resolve(true)
    })
  })
}

/**
 * Starts a redis-server of its own (a spawned child, not daemonized, bound to 127.0.0.1 with
 * a password, `maxmemory-policy noeviction`, `save ""`, no `maxmemory` so a test can
 * `CONFIG SET` one) for tests that stop, kill or restart Redis, or bring it back empty. The
 * shared server the other tests use is never touched. The server is killed and its folder
 * deleted when the test process ends, however it ends.
 *
 * @see https://redis.io/docs/latest/operate/oss_and_stack/management/config-file/
 * @see https://redis.io/docs/latest/operate/oss_and_stack/management/persistence/
 */
export async function startRedisServer(options: RedisServerOptions = {}): Promise<RedisServer> {
  const root = mkdtempSync('/tmp/latchkey-redis-')
  const dataDir = join(root, 'data')
  const conf = join(root, 'redis.conf')
  const log = join(root, 'redis.log')
  const pidFile = join(root, 'server.pid')
  const password = randomBytes(18).toString('base64url')
  let port = 0
  let child: ChildProcess | undefined
  let closed = false

  const alive = (): boolean => child !== undefined && child.exitCode === null && child.signalCode === null
  const killNow = (): void => {
    if (alive()) child?.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
  const forgetOnExit = cleanUpOnExit(killNow)
  const watchdog = startWatchdog('[ -f "$1" ] && kill -9 "$(cat "$1")"; rm -rf "$2"', [pidFile, root])
  const serial = serialQueue()
  const url = (): string => `redis://:${password}@127.0.0.1:${port}`

  const startServer = async (startOptions: RedisStartOptions = {}): Promise<void> => {
    if (closed) throw new PrivateServerError('CLOSED', `the Redis server in ${root} was closed`)
    if (alive()) {
      if (startOptions.empty === true)
        throw new PrivateServerError(
          'RUNNING',
          `Redis on 127.0.0.1:${port} is running; stop it before starting it empty`
        )
      return
    }
    if (startOptions.empty === true) rmSync(dataDir, { recursive: true, force: true })
    mkdirSync(dataDir, { recursive: true, mode: 0o700 })
    const server = spawn('redis-server', [conf], { stdio: ['ignore', 'ignore', 'pipe'] })
    child = server
    // A test that forgets `close()` must still end (the exit hook then kills the server).
    server.unref()
    let stderr = ''
    const errors = server.stderr as Socket | null
    errors?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000)
    })
    errors?.unref()
    let spawnError: NodeJS.ErrnoException | undefined
    server.once('error', (error) => {
      spawnError = error
    })
    if (server.pid !== undefined) writeFileSync(pidFile, `${server.pid}\n`)
    server.once('exit', () => rmSync(pidFile, { force: true }))
    const failed = (reason: string, cause?: unknown): PrivateServerError => {
      if (alive()) server.kill('SIGKILL')
      return new PrivateServerError(
        'START_FAILED',
        `redis-server did not start on 127.0.0.1:${port}: ${reason}\n${stderr.trim()}\n${tail(log)}`.trim(),
        { cause }
      )
    }
    const deadline = Date.now() + 30_000
    for (;;) {
      if (spawnError !== undefined) {
        throw new PrivateServerError(
          spawnError.code === 'ENOENT' ? 'NOT_INSTALLED' : 'START_FAILED',
          `redis-server could not run: ${spawnError.message} (apt-get install redis-server)`,
          { cause: spawnError }
        )
      }
      if (!alive()) throw failed(`it exited (${server.exitCode ?? server.signalCode})`)
      try {
        if ((await redisCommand(url(), ['PING'], { timeoutMs: 1000 })) === 'PONG') return
      } catch (error) {
        // Not listening yet, or -LOADING its data: ask again; anything else is a failure.
        const code = error instanceof RedisReplyError ? error.code : (error as NodeJS.ErrnoException).code
        if (code !== 'ECONNREFUSED' && code !== 'LOADING' && code !== 'ECONNRESET') throw failed(String(error), error)
      }
      if (Date.now() > deadline) throw failed('no PONG within 30 s')
      await sleep(10)
    }
  }

  const stopServer = async (mode: RedisStopMode): Promise<void> => {
    const server = child
    if (server === undefined || !alive()) return
    if (mode === 'shutdown') {
      try {
        await redisCommand(url(), ['SHUTDOWN', 'NOSAVE'], { timeoutMs: 10_000 })
      } catch (error) {
        // Success is the server closing the connection without an answer; an error reply
        // means it refused to shut down, and then it is killed instead.
        if (error instanceof RedisReplyError) server.kill('SIGKILL')
      }
      if (!(await waitForExit(server, 10_000))) server.kill('SIGKILL')
    } else {
      server.kill('SIGKILL')
    }
    if (!(await waitForExit(server, 10_000)))
      throw new PrivateServerError('STOP_FAILED', `redis-server (pid ${server.pid}) on 127.0.0.1:${port} did not exit`)
  }

  let closing: Promise<void> | undefined
  const close = (): Promise<void> =>
    (closing ??= serial(async () => {
      closed = true
      try {
        await stopServer('kill')
      } finally {
        rmSync(root, { recursive: true, force: true })
        forgetOnExit()
        stopWatchdog(watchdog)
      }
    }))

  try {
    port = await freePort()
    writeFileSync(
      conf,
      [
        `port ${port}`,
        'bind 127.0.0.1',
        `dir ${dataDir}`,
        `appendonly ${options.appendonly === false ? 'no' : 'yes'}`,
        'maxmemory-policy noeviction',
        'save ""',
        `requirepass ${password}`,
        'daemonize no',
        `logfile ${log}`
      ].join('\n') + '\n',
      { mode: 0o600 }
    )
    await serial(() => startServer())
  } catch (error) {
    // The first failure is the one to report; cleaning up is best effort on top of it.
    await close().catch(() => undefined)
    throw error
  }

  return {
    url: url(),
    port,
    dataDir,
    stop: (mode = 'shutdown') => serial(() => stopServer(mode)),
    start: (startOptions) => serial(() => startServer(startOptions)),
    command: (...args) => redisCommand(url(), args),
    close
  }
}
