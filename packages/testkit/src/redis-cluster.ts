import { execFile, spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { redisCommand } from './redis-command.js'
import type { Teardowns } from './start-stack.js'
import { freePort } from './test-services.js'

const execFileAsync = promisify(execFile)
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** A real Redis Cluster on loopback: masters only, every slot assigned, password set. */
export interface RedisCluster {
  /** `127.0.0.1:port,…`: the value of `REDIS_CLUSTER_NODES`. */
  readonly nodes: string
  readonly ports: readonly number[]
  readonly password: string
}

/**
 * Starts `masters` `redis-server --cluster-enabled yes` processes on free loopback ports
 * (their bus ports free too, `cluster-port`), joins them with `redis-cli --cluster create`
 * (no replicas), and waits until every node reports `cluster_state:ok`. Stopped and
 * deleted at teardown (and if the test process exits first).
 */
export async function startRedisCluster(t: Teardowns, masters = 3): Promise<RedisCluster> {
  const root = mkdtempSync('/tmp/latchkey-redis-cluster-')
  const password = randomBytes(18).toString('base64url')
  const children: ChildProcess[] = []
  const stop = (): void => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    rmSync(root, { recursive: true, force: true })
  }
  process.once('exit', stop)
  t.teardown(() => {
    process.removeListener('exit', stop)
    stop()
  })
  const ports: number[] = []
  for (let i = 0; i < masters; i++) {
    const [port, busPort] = [await freePort(), await freePort()]
    ports.push(port)
    const dir = join(root, String(port))
    // prettier-ignore
    const child = spawn('redis-server', [
      '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes', '--cluster-port', String(busPort),
      '--cluster-config-file', join(root, `nodes-${port}.conf`), '--dir', root, '--dbfilename', `dump-${port}.rdb`,
      '--requirepass', password, '--masterauth', password, '--save', '', '--appendonly', 'no',
      '--maxmemory-policy', 'noeviction', '--logfile', `${dir}.log`
    ], { stdio: 'ignore' })
    child.unref()
    children.push(child)
  }
  const url = (port: number): string => `redis://:${password}@127.0.0.1:${port}`
  const log = (port: number): string => {
    try {
      return readFileSync(`${join(root, String(port))}.log`, 'utf8').slice(-2000)
    } catch {
      return ''
    }
  }
  const until = async (what: string, check: (port: number) => Promise<boolean>): Promise<void> => {
    const deadline = Date.now() + 30_000
    for (const port of ports) {
      for (;;) {
        if (await check(port).catch(() => false)) break
        if (Date.now() > deadline) throw new Error(`Redis Cluster node ${port}: ${what} within 30 s\n${log(port)}`)
        await sleep(50)
      }
    }
  }
  await until('no PONG', async (port) => (await redisCommand(url(port), ['PING'], { timeoutMs: 1000 })) === 'PONG')
  const nodes = ports.map((port) => `127.0.0.1:${port}`)
  try {
    // prettier-ignore
    await execFileAsync('redis-cli', [
      '--no-auth-warning', '-a', password, '--cluster', 'create', ...nodes, '--cluster-replicas', '0', '--cluster-yes'
    ], { timeout: 60_000 })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`redis-cli --cluster create failed: ${(stderr ?? '') || (stdout ?? '') || String(error)}`)
  }
  await until('cluster_state is not ok', async (port) =>
    String(await redisCommand(url(port), ['CLUSTER', 'INFO'], { timeoutMs: 1000 })).includes('cluster_state:ok')
  )
  return { nodes: nodes.join(','), ports, password }
}
