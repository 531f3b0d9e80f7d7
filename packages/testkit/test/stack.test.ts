import pg from 'pg'
import t from 'tap'
import { StackError, createTestDatabase, serviceUrls, startRedisServer, startStack } from '../src/index.js'
import type { QuirkyProviderOptions, Stack, StartedStack, Teardowns } from '../src/index.js'

/** Stands in for a tap `Test`: keeps what `startStack` registers, to run it when the test says. */
function teardowns(): Teardowns & { readonly registered: (() => unknown)[] } {
  const registered: (() => unknown)[] = []
  return { registered, teardown: (fn) => void registered.push(fn) }
}

async function databaseExists(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1)
  const client = new pg.Client({ connectionString: serviceUrls().databaseUrl })
  await client.connect()
  try {
    return (await client.query('select 1 from pg_database where datname = $1', [name])).rowCount === 1
  } finally {
    await client.end()
  }
}

/** Whether anything still answers on `url`'s host and port. */
async function listening(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(5_000) })
    return true
  } catch {
    return false
  }
}

t.test('the stack has a fresh database, a Redis connection, a prefix and keys', async (t) => {
  const stack = await startStack(t)
  t.ok(await databaseExists(stack.databaseUrl), 'the database is created')
  t.match(new URL(stack.databaseUrl).pathname, /^\/lk_test_[0-9a-f]{12}$/)
  t.equal(stack.redisUrl, serviceUrls().redisUrl, 'the shared Redis by default')
  t.equal(await stack.redis.ping(), 'PONG')
  t.match(stack.prefix, /^\{lk-test-[0-9a-f]{12}\}$/)
  t.match(stack.encryptionKeys, /^test:[A-Za-z0-9+/]{43}=$/)
  t.equal(stack.authorizationServer, undefined, 'no server unless asked')
  t.equal(stack.quirkyProvider, undefined)
  const other = await startStack(t)
  t.not(other.databaseUrl, stack.databaseUrl, 'each stack its own database')
  t.not(other.prefix, stack.prefix, 'and its own prefix')
  t.not(other.encryptionKeys, stack.encryptionKeys, 'and its own keys')
})

t.test('cleanup runs last in first out, once, and really closes what the stack started', async (t) => {
  const fake = teardowns()
  const stack = await startStack(fake, {
    encryptionKeyId: 'k1',
    authorizationServer: {
      clients: [{ clientId: 'app', clientSecret: 'secret', redirectUris: ['http://127.0.0.1:1/cb'] }]
    },
    quirkyProvider: { clientId: 'app', clientSecret: 'secret' }
  })
  t.equal(fake.registered.length, 1, 'one teardown')
  t.match(stack.encryptionKeys, /^k1:/)
  // Typed as there: the options asked for both servers.
  const { authorizationServer, quirkyProvider } = stack
  t.ok(await listening(authorizationServer.issuer), 'the authorization server answers')
  t.ok(await listening(quirkyProvider.url), 'the quirky provider answers')
  const order: string[] = []
  const seen: Record<string, unknown> = {}
  stack.defer(() => {
    order.push('first')
    seen.redisWhenFirst = stack.redis.status
  })
  stack.defer(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50))
    order.push('second')
  })
  stack.defer(() => void order.push('third'))

  const teardown = fake.registered[0]
  const runs = [teardown?.(), teardown?.(), stack.cleanup()]
  t.equal(runs[0], runs[1], 'the same promise every time')
  t.equal(runs[0], runs[2])
  await Promise.all(runs)
  t.same(order, ['third', 'second', 'first'], 'last deferred, first run; each once')
  t.equal(seen.redisWhenFirst, 'ready', 'what the harness deferred ran while Redis was still connected')
  t.equal(stack.redis.status, 'end', 'Redis is disconnected')
  t.notOk(await databaseExists(stack.databaseUrl), 'the database is dropped')
  t.notOk(await listening(authorizationServer.issuer), 'the authorization server is closed')
  t.notOk(await listening(quirkyProvider.url), 'the quirky provider is closed')
  await stack.cleanup()
  t.same(order, ['third', 'second', 'first'], 'nothing ran twice')
  t.throws(() => stack.defer(() => undefined, 'too late'), {
    name: 'StackError',
    code: 'CLEANED_UP',
    message: /cannot defer "too late"/
  })
})

t.test('a failing cleanup does not stop the others; every failure is reported', async (t) => {
  const fake = teardowns()
  const stack = await startStack(fake)
  const ran: string[] = []
  stack.defer(() => void ran.push('kept'), 'the one that works')
  stack.defer(() => {
    throw new Error('sync boom')
  }, 'close the thrower')
  stack.defer(async () => {
    ran.push('rejecting')
    throw new Error('async boom')
  }, 'close the rejecter')
  const failure = await stack.cleanup().then(
    () => undefined,
    (error: unknown) => error
  )
  t.ok(failure instanceof StackError)
  t.match(failure, {
    code: 'CLEANUP_FAILED',
    message: /^2 of 5 cleanups of the test stack failed: close the rejecter: async boom; close the thrower: sync boom$/,
    errors: [{ message: 'async boom' }, { message: 'sync boom' }],
    cause: { message: 'async boom' }
  })
  t.same(ran, ['rejecting', 'kept'], 'the cleanups after the failures still ran')
  t.equal(stack.redis.status, 'end', 'Redis is disconnected anyway')
  t.notOk(await databaseExists(stack.databaseUrl), 'the database is dropped anyway')
  await t.rejects(fake.registered[0]?.() as Promise<void>, { code: 'CLEANUP_FAILED' }, 'the teardown reports it too')
})

t.test('a cleanup that never finishes is reported by its label, and the others still run', async (t) => {
  const fake = teardowns()
  const stack = await startStack(fake, { cleanupTimeoutMs: 300 })
  const ran: string[] = []
  stack.defer(() => void ran.push('after'), 'the one after')
  stack.defer(() => new Promise(() => undefined), 'close the workers')
  const failure = await stack.cleanup().then(
    () => undefined,
    (error: unknown) => error
  )
  t.match(failure, {
    code: 'CLEANUP_FAILED',
    message: /^1 of 4 cleanups of the test stack failed: close the workers: did not finish within 300 ms$/
  })
  t.same(ran, ['after'], 'the cleanups after the stuck one still ran')
  t.equal(stack.redis.status, 'end')
  t.notOk(await databaseExists(stack.databaseUrl), 'the database is dropped anyway')
})

t.test('with the test’s own database and Redis, the stack uses them and drops nothing', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const redis = await startRedisServer({ appendonly: false })
  t.teardown(() => redis.close())
  const fake = teardowns()
  const stack = await startStack(fake, { databaseUrl: database.url, redisUrl: redis.url })
  t.equal(stack.databaseUrl, database.url)
  t.equal(stack.redisUrl, redis.url)
  await stack.redis.set('seen', 'yes')
  t.equal(await redis.command('GET', 'seen'), 'yes', 'the connection is to the private Redis')
  await stack.cleanup()
  t.ok(await databaseExists(database.url), 'the test’s own database is left alone')
  t.equal(stack.redis.status, 'end')
})

t.test('a Redis that went away: the cleanup stops the reconnecting and ends', async (t) => {
  const redis = await startRedisServer({ appendonly: false })
  t.teardown(() => redis.close())
  const fake = teardowns()
  const stack = await startStack(fake, { redisUrl: redis.url })
  const errors: Error[] = []
  stack.redis.on('error', (error: Error) => errors.push(error))
  t.equal(await stack.redis.ping(), 'PONG')
  await redis.stop('kill')
  const until = Date.now() + 10_000
  while (stack.redis.status !== 'reconnecting' && Date.now() < until)
    await new Promise((resolve) => setTimeout(resolve, 10))
  t.equal(stack.redis.status, 'reconnecting')
  await stack.cleanup()
  await redis.start()
  await new Promise((resolve) => setTimeout(resolve, 500))
  t.not(stack.redis.status, 'ready', 'it did not reconnect once Redis was back')
  t.ok(
    errors.every((error) => /ECONNREFUSED|ECONNRESET|Connection is closed/.test(String(error))),
    'only the outage’s errors'
  )
})

t.test('in a tap test: the stack is cleaned up when the test ends, after the test’s later teardowns', async (t) => {
  let stack: Stack | undefined
  const order: string[] = []
  await t.test('a test with a stack', async (t) => {
    stack = await startStack(t)
    stack.defer(() => void order.push('deferred'))
    t.teardown(() => void order.push('registered after the stack'))
    t.equal(await stack.redis.ping(), 'PONG')
  })
  t.same(order, ['registered after the stack', 'deferred'])
  t.equal(stack?.redis.status, 'end')
  t.notOk(await databaseExists(stack?.databaseUrl ?? ''), 'the database is dropped')
})

// Type-level, checked by tsc and never run: a server is typed as there only when the options asked for it.
void ((plain: Stack, asked: StartedStack<{ readonly quirkyProvider: QuirkyProviderOptions }>): string[] => [
  // @ts-expect-error -- not asked for: possibly undefined
  plain.quirkyProvider.url,
  asked.quirkyProvider.url
])
