import { randomBytes } from 'node:crypto'
import type { RedisClient } from '@latchkey/jobs'

/**
 * Takes a slot when fewer than the cap are held: a sorted set of holders scored by when
 * their slot lapses (Redis time), so a holder that dies frees its slot by itself.
 * KEYS[1] set; ARGV: cap, slot TTL in ms, member.
 */
const ACQUIRE = `
local now = redis.call('time')
local nowMs = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('zremrangebyscore', KEYS[1], '-inf', nowMs)
if redis.call('zcard', KEYS[1]) < tonumber(ARGV[1]) then
  redis.call('zadd', KEYS[1], nowMs + tonumber(ARGV[2]), ARGV[3])
  redis.call('pexpire', KEYS[1], tonumber(ARGV[2]))
  return 1
end
return 0`

/** A slot taken from a {@link HostLimiter}; release it when the provider call is over. */
export interface HostSlot {
  release(): Promise<void>
}

/** Options of {@link HostLimiter}. */
export interface HostLimiterOptions {
  readonly redis: RedisClient
  /** Key prefix (hash-tagged in production). */
  readonly prefix: string
  /** Slots per provider host across every process. */
  readonly perHost: number
  /** How long a slot lasts if its holder never releases it (it died). */
  readonly slotTtlMs: number
}

/**
 * Caps the background refreshes in flight per provider host across every process, so a
 * burst of due tokens never hammers one provider: a caller that finds every slot taken
 * is told to come back later instead of waiting.
 */
export class HostLimiter {
  constructor(private readonly options: HostLimiterOptions) {}

  /** A slot for `host`, or `undefined` when every slot is taken. */
  async tryAcquire(host: string): Promise<HostSlot | undefined> {
    const key = `${this.options.prefix}:hosts:${host}`
    const member = randomBytes(12).toString('hex')
    const taken = await this.options.redis.eval(
      ACQUIRE,
      1,
      key,
      String(this.options.perHost),
      String(this.options.slotTtlMs),
      member
    )
    if (taken !== 1) return undefined
    return { release: async () => void (await this.options.redis.zrem(key, member)) }
  }
}
