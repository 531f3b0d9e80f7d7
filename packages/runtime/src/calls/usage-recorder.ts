import type { Store } from '@latchkey/store'

/** How many connections' uses wait for a flush at most; beyond that the oldest news is dropped. */
const MAX_PENDING = 100_000

/**
 * `lastUsedAt` for connections already green, written in batches: one UPDATE every
 * `intervalMs` for every connection used since, instead of a write per call. The first use
 * (yellow → green) and a red connection's recovery are not batched: they are transitions,
 * written at once by the lifecycle. A failed flush (PostgreSQL down) keeps its ids for the next.
 */
export class UsageRecorder {
  readonly #pending = new Set<string>()
  readonly #timer: NodeJS.Timeout
  #flushing: Promise<void> | undefined

  constructor(
    private readonly store: Store,
    options: { readonly intervalMs?: number; readonly now?: () => number } = {}
  ) {
    this.now = options.now ?? Date.now
    this.#timer = setInterval(() => void this.flush(), options.intervalMs ?? 10_000)
    this.#timer.unref()
  }

  private readonly now: () => number

  /** Notes a successful call on a connection; written with the next flush. */
  record(connectionId: string): void {
    if (this.#pending.size >= MAX_PENDING && !this.#pending.has(connectionId)) return
    this.#pending.add(connectionId)
  }

  /** How many connections wait to be written. */
  get pending(): number {
    return this.#pending.size
  }

  /** Writes every pending use now (one UPDATE); concurrent calls share one flush. */
  async flush(): Promise<void> {
    if (this.#flushing !== undefined) return this.#flushing
    if (this.#pending.size === 0) return
    const ids = [...this.#pending]
    this.#pending.clear()
    this.#flushing = this.store.connections
      .touch(ids, new Date(this.now()))
      .then(() => undefined)
      .catch(() => {
        for (const id of ids) this.record(id)
      })
      .finally(() => {
        this.#flushing = undefined
      })
    return this.#flushing
  }

  /** Stops the timer and writes what is pending. */
  async close(): Promise<void> {
    clearInterval(this.#timer)
    await this.flush()
  }
}
