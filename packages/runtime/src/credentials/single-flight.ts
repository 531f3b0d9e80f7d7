import { randomBytes } from 'node:crypto'
import type { RedisClient } from '@latchkey/jobs'

/** Deletes the lock only if we still hold it, and with `ARGV[2] == "1"` the key's recorded failure, in one round trip. */
const RELEASE = `if ARGV[2] == '1' then redis.call('del', KEYS[2]) end
if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`

/** Extends the lock only if we still hold it. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`

/** A cross-process lock per key on Redis, with in-process deduplication in front of it. */
export interface SingleFlightOptions {
  readonly redis: RedisClient
  /** Key prefix (hash-tagged in production). */
  readonly prefix: string
  /** The lock's TTL; renewed every third of it while held, so a holder that dies frees it within this. @defaultValue `30000` */
  readonly lockTtlMs?: number
  /** How often waiters look again. @defaultValue `50` */
  readonly pollMs?: number
}

/**
 * A held lock: renewed every third of its TTL while held, so it outlives a slow provider
 * call; `lost` aborts when a renewal finds the lock gone or taken (Redis lost it), so the
 * holder can stop before spending anything more.
 */
export interface HeldLock {
  readonly acquired: true
  readonly lost: AbortSignal
  /** Lets go; `clearFailure` also forgets the key's recorded failure (the flight succeeded). */
  release(options?: { readonly clearFailure?: boolean }): Promise<void>
}

/** The lock is held by another process; the caller waits for its result instead. */
export type LockAttempt = HeldLock | { readonly acquired: false }

/**
 * Single flight across processes: `run(key, work)` runs `work` in at most one place at a
 * time per key. In this process concurrent callers share one promise; across processes a
 * Redis lock (SET NX PX, released with compare-and-delete) decides who works, and the
 * others are told to wait (`acquired: false`).
 */
export class SingleFlight {
  readonly #inFlight = new Map<string, Promise<unknown>>()
  readonly #redis: RedisClient
  readonly #prefix: string
  readonly lockTtlMs: number
  readonly pollMs: number

  constructor(options: SingleFlightOptions) {
    this.#redis = options.redis
    this.#prefix = options.prefix
    this.lockTtlMs = options.lockTtlMs ?? 30_000
    this.pollMs = options.pollMs ?? 50
  }

  /** Shares one promise between the concurrent callers of this process. */
  share<T>(key: string, work: () => Promise<T>): Promise<T> {
    const existing = this.#inFlight.get(key)
    if (existing !== undefined) return existing as Promise<T>
    const promise = work().finally(() => this.#inFlight.delete(key))
    this.#inFlight.set(key, promise)
    return promise
  }

  /** Tries to take the cross-process lock for a key; a taken lock is renewed until released. */
  async tryLock(key: string): Promise<LockAttempt> {
    const name = `${this.#prefix}:lock:{${key}}`
    const token = randomBytes(16).toString('hex')
    const ok = await this.#redis.set(name, token, 'PX', this.lockTtlMs, 'NX')
    if (ok !== 'OK') return { acquired: false }
    const lost = new AbortController()
    const renew = async (): Promise<void> => {
      try {
        if ((await this.#redis.eval(RENEW, 1, name, token, String(this.lockTtlMs))) !== 1)
          lost.abort(new Error('the refresh lock was lost'))
      } catch {
        // Redis unreachable: the lock may expire meanwhile; the next renewal tells.
      }
    }
    const timer = setInterval(() => void renew(), Math.max(100, Math.floor(this.lockTtlMs / 3)))
    timer.unref()
    return {
      acquired: true,
      lost: lost.signal,
      release: async (options) => {
        clearInterval(timer)
        await this.#redis.eval(
          RELEASE,
          2,
          name,
          this.failureKey(key),
          token,
          options?.clearFailure === true ? '1' : '0'
        )
      }
    }
  }

  /** Whether some process holds the lock for a key. */
  async isLocked(key: string): Promise<boolean> {
    return (await this.#redis.exists(`${this.#prefix}:lock:{${key}}`)) === 1
  }

  /** Records the outcome of a flight briefly, for the waiters of other processes. */
  async publishFailure(key: string, failure: { code: string; message: string; details?: unknown }): Promise<void> {
    await this.#redis.set(this.failureKey(key), JSON.stringify(failure), 'PX', 5_000)
  }

  async lastFailure(key: string): Promise<{ code: string; message: string; details?: unknown } | undefined> {
    const raw = await this.#redis.get(this.failureKey(key))
    return raw === null ? undefined : (JSON.parse(raw) as { code: string; message: string; details?: unknown })
  }

  /** Beside the lock's key: the same hash tag (`{key}`), so one script may touch both in a Redis Cluster. */
  private failureKey(key: string): string {
    return `${this.#prefix}:failure:{${key}}`
  }
}
