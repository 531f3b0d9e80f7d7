import type { DeepReadonly, RateLimitDefinition } from '@latchkey/connector-sdk'

/** Methods retried on 429/502/503/504 (when their body can be sent again). */
export const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
/** Statuses worth another try, besides the connector's own rate-limit statuses. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 502, 503, 504])

/** Milliseconds until a rate limit resets, from the connector's reset header. */
export function resetDelayMs(
  rateLimit: DeepReadonly<RateLimitDefinition> | undefined,
  headers: Record<string, string>,
  now: number
): number | undefined {
  if (rateLimit === undefined) return undefined
  const raw = headers[rateLimit.resetHeader.toLowerCase()]
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined
  const value = Number(raw)
  switch (rateLimit.resetFormat ?? 'epoch_seconds') {
    case 'epoch_seconds':
      return Math.max(0, value * 1000 - now)
    case 'epoch_milliseconds':
      return Math.max(0, value - now)
    case 'delay_seconds':
      return value * 1000
  }
}

/**
 * Milliseconds to wait before retry `attempt`: `Retry-After` (seconds or an HTTP-date),
 * else the connector's rate-limit reset, else capped exponential backoff (200 ms doubling,
 * at most 5 s); `undefined` when the provider asks for longer than `capSeconds`.
 */
export function retryDelay(
  retryAfter: string | undefined,
  attempt: number,
  resetMs: number | undefined,
  capSeconds: number,
  now: number
): number | undefined {
  if (retryAfter === undefined && resetMs !== undefined) return resetMs > capSeconds * 1000 ? undefined : resetMs
  if (retryAfter !== undefined) {
    const seconds = /^\d+$/.test(retryAfter.trim())
      ? Number(retryAfter)
      : Math.ceil((Date.parse(retryAfter) - now) / 1000)
    if (Number.isFinite(seconds)) return seconds > capSeconds ? undefined : Math.max(0, seconds) * 1000
  }
  return Math.min(5_000, 200 * 2 ** (attempt - 1))
}
