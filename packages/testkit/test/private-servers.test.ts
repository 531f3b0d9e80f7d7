import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { connect, createServer } from 'node:net'
import type { Server } from 'node:net'
import { dirname, join } from 'node:path'
import { createInterface } from 'node:readline'
import pg from 'pg'
import t from 'tap'
import { RedisReplyError, startPostgresServer, startRedisServer } from '../src/index.js'
import { redisCommand } from '../src/redis-command.js'

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

function occupy(port: number): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(server))
  })
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port }, () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

async function query(url: string, sql: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await client.query(sql, values)
  } finally {
    await client.end()
  }
}

t.test('PostgreSQL: a committed row survives an immediate stop and a restart on the same port', async (t) => {
  const started = performance.now()
  const server = await startPostgresServer()
  t.teardown(() => server.close())
  t.comment(`startPostgresServer: ${Math.round(performance.now() - started)} ms`)
  t.match(server.url, /^postgres:\/\/latchkey:[^@]+@127\.0\.0\.1:\d+\/latchkey$/)
  t.equal(new URL(server.url).port, String(server.port))

  const client = new pg.Client({ connectionString: server.url })
  const connectionErrors: Error[] = []
  client.on('error', (error) => connectionErrors.push(error))
  await client.connect()
  await client.query('create table notes (id int primary key, body text not null)')
  await client.query('insert into notes values (1, $1)', ['kept'])

  await server.stop('immediate')
  await t.rejects(client.query('select 1'), 'the open connection is gone')
  await client.end().catch(() => undefined)
  await t.rejects(query(server.url, 'select 1'), { code: 'ECONNREFUSED' }, 'no new connections')
  await server.stop('immediate')
  t.pass('stopping a stopped server is a no-op')

  const restarted = performance.now()
  await server.start()
  t.comment(`start() after stop('immediate'): ${Math.round(performance.now() - restarted)} ms`)
  t.same(
    (await query(server.url, 'select body from notes')).rows,
    [{ body: 'kept' }],
    'the row is still there after crash recovery'
  )

  await query(server.url, 'insert into notes values (2, $1)', ['also kept'])
  await server.stop()
  await server.start()
  await server.start()
  t.same(
    (await query(server.url, 'select id from notes order by id')).rows,
    [{ id: 1 }, { id: 2 }],
    'and after a fast stop'
  )

  const folder = dirname(server.dataDir)
  t.ok(existsSync(server.dataDir))
  await server.close()
  t.notOk(existsSync(folder), 'close() deletes the folder')
  t.notOk(await portOpen(server.port), 'and the server is gone')
  await server.close()
  await t.rejects(
    server.start(),
    { name: 'PrivateServerError', code: 'CLOSED' },
    'a closed server does not start again'
  )
  t.ok(connectionErrors.length > 0, 'the client saw its connection end')
})

t.test(
  'Redis: data survives stop/start with the append-only file, start({ empty: true }) comes back with nothing',
  async (t) => {
    const started = performance.now()
    const server = await startRedisServer()
    t.teardown(() => server.close())
    t.comment(`startRedisServer: ${Math.round(performance.now() - started)} ms`)
    t.match(server.url, /^redis:\/\/:[^@]+@127\.0\.0\.1:\d+$/)
    t.equal(new URL(server.url).port, String(server.port))

    await t.rejects(
      redisCommand(`redis://127.0.0.1:${server.port}`, ['PING']),
      { name: 'RedisReplyError', code: 'NOAUTH' },
      'a password is required'
    )
    t.same(await server.command('CONFIG', 'GET', 'maxmemory-policy'), ['maxmemory-policy', 'noeviction'])
    t.same(await server.command('CONFIG', 'GET', 'save'), ['save', ''])
    t.equal(await server.command('CONFIG', 'SET', 'maxmemory', '64mb'), 'OK', 'a test may set maxmemory')
    t.same(await server.command('CONFIG', 'GET', 'maxmemory'), ['maxmemory', String(64 * 1024 * 1024)])

    t.equal(await server.command('SET', 'k', 'v'), 'OK')
    t.equal(await server.command('RPUSH', 'list', 'a', 'é'), 2)
    await server.stop()
    await t.rejects(server.command('PING'), { code: 'ECONNREFUSED' })
    await server.stop()
    const restarted = performance.now()
    await server.start()
    t.comment(`start() after stop(): ${Math.round(performance.now() - restarted)} ms`)
    t.equal(await server.command('GET', 'k'), 'v', 'kept after SHUTDOWN NOSAVE')
    t.same(await server.command('LRANGE', 'list', '0', '-1'), ['a', 'é'])

    t.equal(await server.command('SET', 'k', 'v2'), 'OK')
    await server.stop('kill')
    await server.start()
    t.equal(await server.command('GET', 'k'), 'v2', 'an acknowledged write is kept after SIGKILL')

    await t.rejects(server.start({ empty: true }), { code: 'RUNNING' })
    await server.stop()
    await server.start({ empty: true })
    t.equal(await server.command('GET', 'k'), null, 'empty: the key is gone')
    t.equal(await server.command('DBSIZE'), 0)
    t.same(
      await server.command('CONFIG', 'GET', 'maxmemory-policy'),
      ['maxmemory-policy', 'noeviction'],
      'the configuration is the same'
    )
    await t.rejects(server.command('NOSUCHCOMMAND'), RedisReplyError)

    const folder = dirname(server.dataDir)
    await server.close()
    t.notOk(existsSync(folder), 'close() deletes the folder')
    t.notOk(await portOpen(server.port))
    await server.close()
    await t.rejects(server.start(), { code: 'CLOSED' })
  }
)

t.test('Redis without the append-only file comes back empty', async (t) => {
  const server = await startRedisServer({ appendonly: false })
  t.teardown(() => server.close())
  t.same(await server.command('CONFIG', 'GET', 'appendonly'), ['appendonly', 'no'])
  await server.command('SET', 'k', 'v')
  await server.stop()
  await server.start()
  t.equal(await server.command('GET', 'k'), null)
})

t.test('close() cleans up after a start that failed (the port was taken meanwhile); fsync on', async (t) => {
  const postgres = await startPostgresServer({ fsync: true })
  const redis = await startRedisServer()
  t.teardown(() => Promise.all([postgres.close(), redis.close()]))
  t.same((await query(postgres.url, 'show fsync')).rows, [{ fsync: 'on' }])
  t.same((await query(postgres.url, 'show listen_addresses')).rows, [{ listen_addresses: '127.0.0.1' }])
  await Promise.all([postgres.stop(), redis.stop()])
  const squatters = await Promise.all([occupy(postgres.port), occupy(redis.port)])
  t.teardown(() => squatters.forEach((squatter) => squatter.close()))
  await t.rejects(postgres.start(), { name: 'PrivateServerError', code: 'START_FAILED', message: /127\.0\.0\.1/ })
  await t.rejects(redis.start(), {
    name: 'PrivateServerError',
    code: 'START_FAILED',
    message: /Address already in use|exited/
  })
  await Promise.all([postgres.close(), redis.close()])
  t.notOk(existsSync(dirname(postgres.dataDir)))
  t.notOk(existsSync(dirname(redis.dataDir)))
})

t.test('servers never outlive a test process that is killed', async (t) => {
  // A process that starts one server of each kind, says where they live, then idles until
  // it is killed without a chance to clean up.
  const source = new URL('../src/private-servers.ts', import.meta.url).href
  const dir = t.testdir({
    'abandon.mjs': [
      `import { startPostgresServer, startRedisServer } from ${JSON.stringify(source)}`,
      'const postgres = await startPostgresServer()',
      'const redis = await startRedisServer()',
      'process.stdout.write(JSON.stringify({ postgresDataDir: postgres.dataDir, postgresPort: postgres.port, redisDataDir: redis.dataDir, redisPort: redis.port }) + "\\n")',
      'setInterval(() => undefined, 60_000)'
    ].join('\n')
  })
  // The same loaders as this process (tap's TypeScript import hook), so it runs the sources.
  const child = spawn(process.execPath, [...process.execArgv, join(dir, 'abandon.mjs')], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  t.teardown(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  })
  const [line] = await Promise.race([
    (async () => {
      for await (const next of createInterface({ input: child.stdout })) return [next]
      return []
    })(),
    new Promise<string[]>((resolve) => child.once('exit', () => resolve([])))
  ])
  if (line === undefined) throw new Error('the fixture exited before starting its servers')
  const where = JSON.parse(line) as {
    postgresDataDir: string
    postgresPort: number
    redisDataDir: string
    redisPort: number
  }
  t.ok(await portOpen(where.postgresPort), 'PostgreSQL runs')
  t.ok(await portOpen(where.redisPort), 'Redis runs')
  child.kill('SIGKILL')
  const deadline = Date.now() + 20_000
  const gone = async (): Promise<boolean> =>
    !existsSync(dirname(where.postgresDataDir)) &&
    !existsSync(dirname(where.redisDataDir)) &&
    !(await portOpen(where.postgresPort)) &&
    !(await portOpen(where.redisPort))
  while (!(await gone()) && Date.now() < deadline) await sleep(50)
  t.ok(await gone(), 'both servers are stopped and their folders deleted')
})
