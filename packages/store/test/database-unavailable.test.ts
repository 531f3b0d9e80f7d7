import t from 'tap'
import { freePort } from '@latchkey/testkit'
import { createDatabase, isDatabaseUnavailable } from '../src/index.js'

const withCode = (code: string, message = 'failed'): Error => Object.assign(new Error(message), { code })

t.test('a PostgreSQL that is not there is unavailable; a wrong query is not', async (t) => {
  const port = await freePort()
  const db = createDatabase({ connectionString: `postgres://nobody@127.0.0.1:${port}/none`, connectTimeoutMs: 2_000 })
  t.teardown(() => db.destroy())
  const refused = await db
    .selectFrom('tenants')
    .selectAll()
    .execute()
    .then(
      () => undefined,
      (error: unknown) => error
    )
  t.ok(refused instanceof Error, 'the query failed')
  t.equal(isDatabaseUnavailable(refused), true, 'a refused connection means "try again"')
})

t.test('SQLSTATEs of a server shutting down, starting or full, and connection exceptions', async (t) => {
  for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001'])
    t.equal(isDatabaseUnavailable(withCode(code)), true, code)
  for (const code of ['42P01', '23505', '42601', '22P02'])
    t.equal(isDatabaseUnavailable(withCode(code)), false, `${code}: the query is at fault`)
})

t.test('socket codes and the messages pg uses without a code', async (t) => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
    t.equal(isDatabaseUnavailable(withCode(code)), true, code)
  t.equal(isDatabaseUnavailable(withCode('ENOENT')), false)
  for (const message of [
    'Connection terminated unexpectedly',
    'Client has encountered a connection error and is not queryable',
    'timeout exceeded when trying to connect',
    'Client was closed and is not queryable'
  ])
    t.equal(isDatabaseUnavailable(new Error(message)), true, message)
  t.equal(isDatabaseUnavailable(new Error('syntax error at or near "selec"')), false)
})

t.test('the cause chain and aggregate errors are searched, and a looping chain ends', async (t) => {
  t.equal(isDatabaseUnavailable(new Error('query failed', { cause: withCode('ECONNREFUSED') })), true)
  t.equal(
    isDatabaseUnavailable(new AggregateError([new Error('first'), withCode('ECONNRESET')], 'all attempts failed')),
    true,
    'one unreachable address among several'
  )
  t.equal(isDatabaseUnavailable(new AggregateError([new Error('a'), new Error('b')])), false)

  const wrapped = new Error('outer', { cause: new Error('inner', { cause: withCode('ECONNREFUSED') }) })
  t.equal(isDatabaseUnavailable(wrapped), true, 'two wrappings deep')
  const cyclic = new Error('cyclic')
  cyclic.cause = cyclic
  t.equal(isDatabaseUnavailable(cyclic), false, 'a cause chain that loops ends, unavailable or not')
})

t.test('anything that is not an Error is not a database outage', async (t) => {
  for (const value of [undefined, null, 'ECONNREFUSED', { code: 'ECONNREFUSED' }, 42])
    t.equal(isDatabaseUnavailable(value), false, JSON.stringify(value) ?? String(value))
})
