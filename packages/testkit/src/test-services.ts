import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import pg from 'pg'

/** Where the shared PostgreSQL and Redis are. */
export interface ServiceUrls {
  readonly databaseUrl: string
  readonly redisUrl: string
}

let cached: ServiceUrls | undefined

function repositoryRoot(from: string): string {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'infra', 'local', 'local-services.mjs'))) return dir
    const parent = dirname(dir)
    if (parent === dir)
      throw new Error(
        'cannot find infra/local/local-services.mjs above the working directory; set DATABASE_URL and REDIS_URL'
      )
    dir = parent
  }
}

/**
 * The PostgreSQL and Redis tests use: `DATABASE_URL`/`REDIS_URL` when set (as `npm test`
 * does), otherwise the private servers of `infra/local`, started when needed.
 */
export function serviceUrls(): ServiceUrls {
  if (cached !== undefined) return cached
  const { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl } = process.env
  if (databaseUrl !== undefined && databaseUrl !== '' && redisUrl !== undefined && redisUrl !== '') {
    cached = { databaseUrl, redisUrl }
    return cached
  }
  const script = join(repositoryRoot(process.cwd()), 'infra', 'local', 'local-services.mjs')
  const output = JSON.parse(
    execFileSync(process.execPath, [script, 'env', '--json'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit']
    })
  ) as Record<string, string>
  cached = { databaseUrl: databaseUrl || (output.DATABASE_URL ?? ''), redisUrl: redisUrl || (output.REDIS_URL ?? '') }
  return cached
}

/** A database of its own for one test, dropped by `drop()`. */
export interface TestDatabase {
  readonly url: string
  readonly name: string
  drop(): Promise<void>
}

/** Creates an empty database on the shared server, named `lk_test_<random>`. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const admin = new URL(serviceUrls().databaseUrl)
  const name = `lk_test_${randomBytes(6).toString('hex')}`
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    await client.query(`create database ${name}`)
  } finally {
    await client.end()
  }
  const url = new URL(admin)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    name,
    drop: async () => {
      const dropper = new pg.Client({ connectionString: admin.toString() })
      await dropper.connect()
      try {
        await dropper.query(`drop database if exists ${name} with (force)`)
      } finally {
        await dropper.end()
      }
    }
  }
}

/** A fresh Redis key prefix for one test (hash-tagged, so Redis Cluster keeps a queue's keys together). */
export function testRedisPrefix(): string {
  return `{lk-test-${randomBytes(6).toString('hex')}}`
}

/** A fresh `LATCHKEY_ENCRYPTION_KEYS` value. */
export function testEncryptionKeys(kid = 'test'): string {
  return `${kid}:${randomBytes(32).toString('base64')}`
}

/** A TCP port free on 127.0.0.1 right now, for a server a test starts in another process. */
export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => resolve(port))
    })
  })
}
