import { randomUUID } from 'node:crypto'
import { duplicateRedis } from '@latchkey/jobs'
import type { RedisClient } from '@latchkey/jobs'

/** What changed, as every process's caches need to hear it. Ids only: never a secret. */
export type Change =
  /** A connection's row or its credential: status, parameters, account, tokens, deletion. */
  | { readonly kind: 'connection'; readonly connectionId: string }
  /** A tenant's app for a connector: client, secret, scopes, URL overrides. */
  | { readonly kind: 'app'; readonly tenantId: string; readonly connectorKey: string }
  /** A tenant's custom connector definition. */
  | { readonly kind: 'connector'; readonly tenantId: string; readonly connectorKey: string }
  /** A tenant's API key was revoked. */
  | { readonly kind: 'api_key'; readonly keyId: string }

/** Hears every change, this process's own first (synchronously) and then other processes'. */
export type ChangeListener = (change: Change) => void

/**
 * Tells every process that something its caches hold has changed, over one Redis pub/sub
 * channel. Caches ask `live` before trusting what they hold: while the subscription is
 * down (Redis restarting, a network cut), changes may be missed, so `live` is false and
 * everything held is dropped (listeners hear `undefined`); it turns true again once the
 * subscription is back.
 */
export class ChangeFeed {
  readonly #channel: string
  /** Marks this feed's own messages: their echo from Redis is not heard twice. */
  readonly #origin = randomUUID()
  readonly #listeners: ((change: Change | undefined) => void)[] = []
  #subscriber: RedisClient | undefined
  #live = false

  constructor(
    private readonly redis: RedisClient,
    prefix: string
  ) {
    this.#channel = `${prefix}:changes`
  }

  /** Whether changes from other processes are being heard right now. */
  get live(): boolean {
    return this.#live
  }

  /** Adds a listener; `undefined` means "anything may have changed: drop everything". */
  listen(listener: (change: Change | undefined) => void): void {
    this.#listeners.push(listener)
  }

  async start(): Promise<void> {
    if (this.#subscriber !== undefined) return
    // Its own connection, which may wait for Redis (the caller's may fail fast); ioredis resubscribes after a reconnect.
    const subscriber = duplicateRedis(this.redis, {
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      commandTimeout: undefined
    })
    this.#subscriber = subscriber
    // It reconnects by itself; the process's main connection reports the outage.
    subscriber.on('error', () => undefined)
    subscriber.on('close', () => this.lost())
    subscriber.on('message', (_channel: string, message: string) => {
      const { change, origin } = parseMessage(message)
      if (origin === this.#origin) return
      // A message this version cannot read: drop everything rather than keep something stale.
      this.emit(change)
    })
    // After a reconnect: subscribed again (confirmed by Redis), everything held is dropped, and from then on nothing is missed.
    subscriber.on('ready', () => {
      if (this.#live) return
      subscriber.subscribe(this.#channel).then(
        () => {
          if (this.#subscriber !== subscriber) return
          this.emit(undefined)
          this.#live = true
        },
        () => undefined
      )
    })
    await subscriber.subscribe(this.#channel)
    this.#live = true
  }

  async close(): Promise<void> {
    this.#live = false
    this.#subscriber?.disconnect()
    this.#subscriber = undefined
  }

  /**
   * Drops what this process holds at once, then tells the others. Publishing can fail
   * (Redis down): the caller decides whether that matters; other processes are then
   * disconnected from Redis too, or hear nothing, and their entries lapse with their TTL.
   */
  async publish(change: Change): Promise<void> {
    this.emit(change)
    await this.redis.publish(this.#channel, JSON.stringify({ ...change, origin: this.#origin }))
  }

  /**
   * `publish` for changes already committed: never throws. When Redis cannot take the
   * message, this process has dropped its copies all the same, and other processes' copies
   * lapse with their TTL (their own feed is most likely down too, and serving nothing).
   * @returns whether the other processes were told
   */
  async announce(change: Change): Promise<boolean> {
    try {
      await this.publish(change)
      return true
    } catch {
      return false
    }
  }

  private lost(): void {
    if (!this.#live) return
    this.#live = false
    this.emit(undefined)
  }

  private emit(change: Change | undefined): void {
    for (const listener of this.#listeners) listener(change)
  }
}

/** A message of the channel: the change (`undefined` when unreadable) and which feed sent it. */
function parseMessage(message: string): { change: Change | undefined; origin: unknown } {
  let value: Partial<Record<string, unknown>>
  try {
    value = JSON.parse(message) as Partial<Record<string, unknown>>
  } catch {
    return { change: undefined, origin: undefined }
  }
  if (value.kind === 'connection' && typeof value.connectionId === 'string')
    return { change: { kind: 'connection', connectionId: value.connectionId }, origin: value.origin }
  if (value.kind === 'api_key' && typeof value.keyId === 'string')
    return { change: { kind: 'api_key', keyId: value.keyId }, origin: value.origin }
  if (
    (value.kind === 'app' || value.kind === 'connector') &&
    typeof value.tenantId === 'string' &&
    typeof value.connectorKey === 'string'
  )
    return {
      change: { kind: value.kind, tenantId: value.tenantId, connectorKey: value.connectorKey },
      origin: value.origin
    }
  return { change: undefined, origin: value.origin }
}
