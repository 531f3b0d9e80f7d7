import { Agent } from 'undici'
import type { Dispatcher } from 'undici'

/** How the client talks HTTP. Every field has a safe default. */
export interface HttpOptions {
  /**
   * The undici dispatcher every request goes through: inject one to apply an egress
   * policy, a proxy, or a mock of the third-party network.
   * @defaultValue a shared `Agent` with a connect timeout of `connectTimeoutMs`
   */
  readonly dispatcher?: Dispatcher | undefined
  /** Time allowed for the whole request, answer included. @defaultValue `10000` */
  readonly timeoutMs?: number | undefined
  /** Time allowed to open the connection (used by the default dispatcher). @defaultValue `5000` */
  readonly connectTimeoutMs?: number | undefined
  /** The largest answer read; larger ones fail with `response_too_large`. @defaultValue `1048576` (1 MiB) */
  readonly maxResponseBytes?: number | undefined
  /** The clock, in milliseconds since the epoch. @defaultValue `Date.now` */
  readonly now?: (() => number) | undefined
  /** @defaultValue `"Latchkey"` */
  readonly userAgent?: string | undefined
}

export const DEFAULT_TIMEOUT_MS = 10_000
export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000
export const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024

const agents = new Map<number, Agent>()

/** The dispatcher to use: the injected one, else a shared agent per connect timeout. */
export function dispatcherFor(options: HttpOptions): Dispatcher {
  if (options.dispatcher !== undefined) return options.dispatcher
  const connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS
  let agent = agents.get(connectTimeoutMs)
  if (agent === undefined) {
    agent = new Agent({ connect: { timeout: connectTimeoutMs } })
    agents.set(connectTimeoutMs, agent)
  }
  return agent
}
