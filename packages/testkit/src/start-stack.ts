import { Redis } from 'ioredis'
import { startAuthorizationServer } from './authorization-server.js'
import type { AuthorizationServer, AuthorizationServerOptions } from './authorization-server.js'
import { startQuirkyProvider } from './quirky-provider.js'
import type { QuirkyProvider, QuirkyProviderOptions } from './quirky-provider.js'
import { createTestDatabase, serviceUrls, testEncryptionKeys, testRedisPrefix } from './test-services.js'

/** Where {@link startStack} registers its one cleanup: a tap `Test` fits. */
export interface Teardowns {
  teardown(fn: () => unknown): void
}

/** What went wrong with a stack: a cleanup threw, or something was deferred after the cleanup had begun. */
export type StackErrorCode = 'CLEANUP_FAILED' | 'CLEANED_UP'

/** A stack's cleanup failed, or {@link Stack.defer} came too late. */
export class StackError extends Error {
  override readonly name = 'StackError'
  /** What went wrong, for a `switch`. */
  readonly code: StackErrorCode
  /** Every error a cleanup threw, in the order the cleanups ran (empty for `CLEANED_UP`). */
  readonly errors: readonly unknown[]

  constructor(code: StackErrorCode, message: string, errors: readonly unknown[] = []) {
    super(message, errors.length === 0 ? undefined : { cause: errors[0] })
    this.code = code
    this.errors = errors
  }
}

/** Options of {@link startStack}. */
export interface StackOptions {
  /**
   * A database of the test's own (a private PostgreSQL's, say): used as it is, neither created
   * nor dropped.
   * @defaultValue a fresh `createTestDatabase()`, dropped at cleanup
   */
  readonly databaseUrl?: string
  /**
   * The Redis to connect to (a private redis-server's, say).
   * @defaultValue `serviceUrls().redisUrl`
   */
  readonly redisUrl?: string
  /**
   * The key id of the fresh `LATCHKEY_ENCRYPTION_KEYS` value.
   * @defaultValue `"test"`
   */
  readonly encryptionKeyId?: string
  /** Start the oidc-provider authorization server with these options, closed at cleanup. */
  readonly authorizationServer?: AuthorizationServerOptions
  /** Start the quirky provider with these options, closed at cleanup. */
  readonly quirkyProvider?: QuirkyProviderOptions
  /**
   * How long one cleanup may take before it is reported as stuck by its label (and the next
   * ones run), so a hang names what hung instead of running into the test's timeout.
   * @defaultValue 30 000 ms
   */
  readonly cleanupTimeoutMs?: number
}

/** The infrastructure of one test, cleaned up once, last in first out, when the test ends. */
export interface Stack {
  /** The test's PostgreSQL database: a fresh one, or `StackOptions.databaseUrl`. */
  readonly databaseUrl: string
  /** The Redis `redis` is connected to. */
  readonly redisUrl: string
  /** A connection to `redisUrl` with `maxRetriesPerRequest: null` (as BullMQ requires), disconnected at cleanup. */
  readonly redis: Redis
  /** A fresh Redis key prefix (`testRedisPrefix()`), for the test's queues. */
  readonly prefix: string
  /** A fresh `LATCHKEY_ENCRYPTION_KEYS` value (`testEncryptionKeys()`). */
  readonly encryptionKeys: string
  /** The authorization server, when `StackOptions.authorizationServer` asked for one. */
  readonly authorizationServer: AuthorizationServer | undefined
  /** The quirky provider, when `StackOptions.quirkyProvider` asked for one. */
  readonly quirkyProvider: QuirkyProvider | undefined
  /**
   * Registers a cleanup in the stack: it runs before everything registered earlier (the
   * database, Redis and servers the stack started, and earlier `defer`s), after everything
   * registered later. `label` names it in a {@link StackError}.
   * @throws {StackError} `CLEANED_UP` once the cleanup has begun.
   */
  defer(fn: () => unknown, label?: string): void
  /**
   * Runs the cleanup now instead of at the test's teardown; the same promise every time, the
   * teardown included, so each cleanup runs once. Every cleanup runs even if one before it
   * failed.
   * @throws {StackError} `CLEANUP_FAILED` listing every cleanup that threw.
   */
  cleanup(): Promise<void>
}

/** A {@link Stack} whose servers are there when the options asked for them. */
export type StartedStack<O extends StackOptions> = Stack &
  (O extends { readonly authorizationServer: AuthorizationServerOptions }
    ? { readonly authorizationServer: AuthorizationServer }
    : unknown) &
  (O extends { readonly quirkyProvider: QuirkyProviderOptions } ? { readonly quirkyProvider: QuirkyProvider } : unknown)

interface Cleanup {
  readonly fn: () => unknown
  readonly label: string
}

const REDIS_END_TIMEOUT_MS = 10_000

// Resolves once the connection has ended, so nothing of it outlives the cleanup.
async function disconnect(redis: Redis): Promise<void> {
  if (redis.status === 'end') return
  // Reconnecting, no socket is open and ioredis emits no `end`: cancelling the retry is all there is.
  if (redis.status === 'reconnecting') {
    redis.disconnect()
    return
  }
  let timer: NodeJS.Timeout | undefined
  const ended = new Promise<void>((resolve, reject) => {
    redis.once('end', resolve)
    timer = setTimeout(
      () => reject(new Error(`the Redis connection did not end within ${REDIS_END_TIMEOUT_MS} ms`)),
      REDIS_END_TIMEOUT_MS
    )
  })
  redis.disconnect()
  try {
    await ended
  } finally {
    clearTimeout(timer)
  }
}

/** Longer than any cleanup takes (the Redis disconnect gives up after 10 s); a stuck one is named, and the rest still run. */
const CLEANUP_TIMEOUT_MS = 30_000

async function withinCleanupTime(cleanup: Cleanup, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const stuck = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    await Promise.race([Promise.resolve().then(cleanup.fn), stuck])
  } finally {
    clearTimeout(timer)
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/**
 * Starts the infrastructure one test needs, all real: a fresh PostgreSQL database (or the
 * test's own), a Redis connection and a fresh key prefix, fresh encryption keys, and the
 * authorization server and quirky provider when asked. Harnesses add what is theirs (a store,
 * queues, a runtime, an app, workers) and register its closing with {@link Stack.defer}, so
 * one cleanup, registered once with `t.teardown`, closes everything in reverse order of
 * creation, runs every step even when one fails, and reports every failure.
 *
 * @example
 * ```ts
 * const stack = await startStack(t, { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } })
 * const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: stack.encryptionKeys })
 * stack.defer(() => store.close(), 'close the store')
 * ```
 */
export async function startStack<O extends StackOptions = Record<never, never>>(
  t: Teardowns,
  options?: O
): Promise<StartedStack<O>> {
  const settings: StackOptions = options ?? {}
  const cleanups: Cleanup[] = []
  let cleaning: Promise<void> | undefined

  const run = async (): Promise<void> => {
    const errors: unknown[] = []
    const failed: string[] = []
    let ran = 0
    for (let next = cleanups.pop(); next !== undefined; next = cleanups.pop()) {
      ran++
      try {
        await withinCleanupTime(next, settings.cleanupTimeoutMs ?? CLEANUP_TIMEOUT_MS)
      } catch (error) {
        errors.push(error)
        failed.push(`${next.label}: ${messageOf(error)}`)
      }
    }
    if (errors.length > 0)
      throw new StackError(
        'CLEANUP_FAILED',
        `${errors.length} of ${ran} cleanups of the test stack failed: ${failed.join('; ')}`,
        errors
      )
  }
  const cleanup = (): Promise<void> => (cleaning ??= run())
  const defer = (fn: () => unknown, label = fn.name || 'a deferred cleanup'): void => {
    if (cleaning !== undefined)
      throw new StackError('CLEANED_UP', `cannot defer "${label}": the test stack is already cleaned up`)
    cleanups.push({ fn, label })
  }
  // First, so that whatever starts below is cleaned up even when something after it fails.
  t.teardown(cleanup)

  let databaseUrl = settings.databaseUrl
  if (databaseUrl === undefined) {
    const database = await createTestDatabase()
    defer(() => database.drop(), `drop the test database ${database.name}`)
    databaseUrl = database.url
  }
  const redisUrl = settings.redisUrl ?? serviceUrls().redisUrl
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
  defer(() => disconnect(redis), 'disconnect from Redis')
  let authorizationServer: AuthorizationServer | undefined
  if (settings.authorizationServer !== undefined) {
    const server = await startAuthorizationServer(settings.authorizationServer)
    defer(() => server.close(), 'close the authorization server')
    authorizationServer = server
  }
  let quirkyProvider: QuirkyProvider | undefined
  if (settings.quirkyProvider !== undefined) {
    const provider = await startQuirkyProvider(settings.quirkyProvider)
    defer(() => provider.close(), 'close the quirky provider')
    quirkyProvider = provider
  }
  const stack: Stack = {
    databaseUrl,
    redisUrl,
    redis,
    prefix: testRedisPrefix(),
    encryptionKeys: testEncryptionKeys(settings.encryptionKeyId),
    authorizationServer,
    quirkyProvider,
    defer,
    cleanup
  }
  // The conditional members are exactly the servers started above for the options that asked.
  return stack as StartedStack<O>
}
