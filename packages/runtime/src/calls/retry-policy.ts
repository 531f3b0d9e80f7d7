import { readPath } from '@latchkey/connector-sdk'
import type { DeepReadonly, RateLimitDefinition } from '@latchkey/connector-sdk'

/** Methods retried on 429/502/503/504 (when their body can be sent again). */
export const IDEMPOTENT: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
/** Statuses worth another try, besides the connector's own rate-limit statuses. */
export const RETRY_STATUS: ReadonlySet<number> = new Set([429, 502, 503, 504])

/** How a reset header value is written (`auto`: decided by the value). */
export type ResetFormat = NonNullable<RateLimitDefinition['resetFormat']>

/**
 * Milliseconds until a reset written as `raw` in `format`: epoch seconds or milliseconds,
 * seconds or milliseconds from now, an HTTP-date or ISO 8601; `auto` decides by the value (above 10^12 epoch
 * milliseconds, above 10^9 epoch seconds, other numbers seconds from now, anything else a
 * date). `undefined` when it cannot be read. Never negative.
 */
export function parseReset(raw: string, format: ResetFormat, now: number): number | undefined {
  const text = raw.trim()
  const numeric = /^\d+(\.\d+)?$/.test(text) ? Number(text) : undefined
  const epochSeconds = (value: number) => Math.max(0, value * 1000 - now)
  const epochMilliseconds = (value: number) => Math.max(0, value - now)
  const date = () => {
    const at = Date.parse(text)
    return Number.isNaN(at) ? undefined : Math.max(0, at - now)
  }
  switch (format) {
    case 'epoch_seconds':
      return numeric === undefined ? undefined : epochSeconds(numeric)
    case 'epoch_milliseconds':
      return numeric === undefined ? undefined : epochMilliseconds(numeric)
    case 'delay_seconds':
      return numeric === undefined ? undefined : numeric * 1000
    case 'delay_milliseconds':
      return numeric === undefined ? undefined : numeric
    case 'http_date':
    case 'iso8601':
      return numeric === undefined ? date() : undefined
    case 'auto':
      if (numeric === undefined) return date()
      if (numeric > 1e12) return epochMilliseconds(numeric)
      if (numeric > 1e9) return epochSeconds(numeric)
      return numeric * 1000
  }
}

/** The format a reset header is read in: its own in `resetFormats` (any case), else `resetFormat`. */
function formatOf(rateLimit: DeepReadonly<RateLimitDefinition>, name: string): ResetFormat {
  const own = Object.entries(rateLimit.resetFormats ?? {}).find(
    ([header]) => header.toLowerCase() === name.toLowerCase()
  )
  return own?.[1] ?? rateLimit.resetFormat ?? 'auto'
}

/**
 * Milliseconds until a rate limit resets, as the connector declares it: the first of its
 * reset headers present and readable, else the wait written in the JSON body (a number of
 * seconds, or a text whose pattern captures them).
 */
export function resetDelayMs(
  rateLimit: DeepReadonly<RateLimitDefinition> | undefined,
  headers: Record<string, string>,
  now: number,
  body?: unknown
): number | undefined {
  if (rateLimit === undefined) return undefined
  const names = rateLimit.resetHeader === undefined ? [] : [rateLimit.resetHeader].flat()
  for (const name of names) {
    const raw = headers[name.toLowerCase()]
    // A header may have a format of its own (BigCommerce: one in seconds, another in milliseconds).
    const format = formatOf(rateLimit, name)
    const ms = raw === undefined ? undefined : parseReset(raw, format, now)
    if (ms !== undefined) return ms
  }
  if (rateLimit.body === undefined || body === undefined) return undefined
  const value = readPath(body, rateLimit.body.path)
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : undefined
  if (text === undefined) return undefined
  const seconds = rateLimit.body.pattern === undefined ? text : new RegExp(rateLimit.body.pattern, 'u').exec(text)?.[1]
  return seconds !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(seconds) ? Number(seconds) * 1000 : undefined
}

/**
 * Whether an answer is worth another try: 429, 502, 503, 504, and the connector's own
 * rate-limit statuses, those only when its remaining-calls header (if declared) reads 0 or
 * the answer says `Retry-After` (GitHub's secondary limits).
 */
export function isRetryableAnswer(
  status: number,
  headers: Record<string, string>,
  rateLimit: DeepReadonly<RateLimitDefinition> | undefined
): boolean {
  if (RETRY_STATUS.has(status)) return true
  if (rateLimit?.statuses?.includes(status) !== true) return false
  if (rateLimit.remainingHeader === undefined || headers['retry-after'] !== undefined) return true
  return headers[rateLimit.remainingHeader.toLowerCase()]?.trim() === '0'
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
