import type { Connection, CredentialWrite, EventInput, Store } from '@latchkey/store'
import type { HeldMessage, WebhookOutbox } from '../webhooks/webhook-outbox.js'
import type { WebhookEventType } from '../webhooks/webhook-events.js'
import type { ChangeFeed } from './change-feed.js'

/** Which connection a transition is about. */
export interface ConnectionRef {
  readonly tenantId: string
  readonly connectionId: string
}

/**
 * Webhooks a transition stored but did not queue: a connect's `connection.connected` (and a
 * replacement's `connection.credentials_replaced`) waits for the verification request that
 * follows, so the builder hears of the account it found. The transition returns them;
 * {@link ConnectionLifecycle.release} queues them.
 */
export interface HeldWebhooks {
  readonly ref: ConnectionRef
  readonly messages: readonly HeldMessage[]
}

/** The database or a transaction of it, as the repositories take them. */
type Executor = NonNullable<Parameters<Store['events']['add']>[3]>

/** A transaction of {@link ConnectionLifecycle.transaction}. */
export type LifecycleTransaction = Parameters<Store['connections']['lockForTransition']>[2]

/** Whether two JSON values are equal, whatever their keys' order. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value !== null && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
              .map(([k, v]) => [k, canonical(v)])
          )
        : value
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}

/** The ref of a stored connection row. */
export function refOf(connection: Pick<Connection, 'tenant_id' | 'id'>): ConnectionRef {
  return { tenantId: connection.tenant_id, connectionId: connection.id }
}

/**
 * The one writer of a connection's status and of its log: every transition (connected,
 * refused, red, green again, disconnected, verified) writes its status change and its
 * event together, in one transaction where both are written. Services decide *that* a
 * transition happened and hand over the facts; only this module writes them. After each
 * committed change it tells every process (the change feed), so cached handles and tokens
 * are dropped at once. Transitions a builder hears of also store their webhook in the same
 * transaction (the outbox), queued once it committed; a connect's are held until its
 * verification ran ({@link HeldWebhooks}).
 */
export class ConnectionLifecycle {
  /** The webhook deliveries each open {@link transaction} has stored, to queue after its commit. */
  private readonly deliveries = new WeakMap<object, string[]>()

  constructor(
    private readonly store: Store,
    private readonly feed: ChangeFeed,
    private readonly outbox: WebhookOutbox
  ) {}

  /**
   * Runs `work` in one transaction whose transitions may send webhooks: their deliveries are
   * queued after the commit (never for a rollback). Callers that write beside a transition
   * (a disconnect taking the tokens) use this instead of a bare transaction.
   */
  async transaction<T>(work: (trx: LifecycleTransaction) => Promise<T>): Promise<T> {
    const deliveries: string[] = []
    const result = await this.store.db.transaction().execute(async (trx) => {
      this.deliveries.set(trx, deliveries)
      return work(trx)
    })
    await this.outbox.dispatch(deliveries)
    return result
  }

  /** The deliveries `trx` queues when it commits. */
  private pending(trx: LifecycleTransaction): string[] {
    const pending = this.deliveries.get(trx)
    if (pending === undefined) throw new Error('a transition that sends webhooks must run in lifecycle.transaction()')
    return pending
  }

  /** Stores a connection webhook in `trx`, to be queued when it commits. */
  private async notify(
    trx: LifecycleTransaction,
    ref: ConnectionRef,
    type: WebhookEventType,
    fallback?: Record<string, unknown>
  ): Promise<void> {
    this.pending(trx).push(...(await this.outbox.connectionEvent(trx, ref, type, fallback)))
  }

  /** Stores a connection webhook in `trx` held back for {@link release}. @returns what to release */
  private async hold(trx: LifecycleTransaction, ref: ConnectionRef, type: WebhookEventType): Promise<HeldWebhooks> {
    this.pending(trx) // like every webhook of a transition: only inside transaction()
    const message = await this.outbox.hold(trx, ref, type)
    return { ref, messages: message === undefined ? [] : [message] }
  }

  /**
   * Queues the webhooks a transition held, once what followed it (the verification request)
   * ran: each takes the account identity the connection has now.
   */
  async release(held: HeldWebhooks): Promise<void> {
    if (held.messages.length === 0) return
    await this.transaction(async (trx) => {
      for (const message of held.messages)
        this.pending(trx).push(...(await this.outbox.release(trx, held.ref, message)))
    })
  }

  /**
   * Tells every process the connection changed. This process's caches drop it at once; if
   * Redis cannot take the message, the change is committed all the same and other
   * processes' copies lapse with their TTL (or were dropped already: their feed is down too).
   */
  private async changed(ref: ConnectionRef): Promise<void> {
    await this.feed.announce({ kind: 'connection', connectionId: ref.connectionId })
  }

  /** An entry of the connection's log that changes no status (a refresh, a revocation step). */
  async log(ref: ConnectionRef, event: EventInput, trx: Executor = this.store.db): Promise<void> {
    await this.store.events.add(ref.tenantId, ref.connectionId, event, trx)
  }

  /**
   * Connected through the provider's consent: the token set, the connection connected with
   * the granted scopes and kept metadata, and the event, in one transaction.
   * @returns its `connection.connected` webhook, held for the verification that follows
   */
  async connected(
    ref: ConnectionRef,
    change: {
      readonly credential: CredentialWrite
      readonly grantedScopes: readonly string[]
      /** The connection's requested scopes, when a consent for more widened them. */
      readonly requestedScopes?: readonly string[]
      readonly metadata: Record<string, unknown>
    },
    event: Omit<EventInput, 'kind' | 'level'>
  ): Promise<HeldWebhooks> {
    const held = await this.transaction(async (trx) => {
      await this.store.credentials.put(ref.tenantId, ref.connectionId, change.credential, trx)
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        {
          status: 'connected',
          statusReason: null,
          grantedScopes: [...change.grantedScopes],
          ...(change.requestedScopes === undefined ? {} : { requestedScopes: [...change.requestedScopes] }),
          metadata: change.metadata,
          // A new token is not known to work until it is used: yellow until then, also after a reconnect.
          lastUsedAt: null
        },
        trx
      )
      await this.log(ref, { kind: 'connection.connected', level: 'info', ...event }, trx)
      return this.hold(trx, ref, 'connection.connected')
    })
    await this.changed(ref)
    return held
  }

  /**
   * A refreshed (or fetched again) token set saved with its event in one statement, if the
   * credential is still at `expectedVersion`; every process then drops its copy.
   * @returns the new version, or `undefined` when a sibling wrote first (nothing written).
   */
  async refreshed(
    ref: ConnectionRef,
    expectedVersion: number,
    write: CredentialWrite,
    event: EventInput
  ): Promise<number | undefined> {
    const version = await this.store.credentials.replaceAndLog(ref.connectionId, expectedVersion, write, event)
    if (version !== undefined) await this.changed(ref)
    return version
  }

  /** The first token of a client credentials connection, saved with its event. @returns its version */
  async firstToken(ref: ConnectionRef, write: CredentialWrite, event: EventInput): Promise<number> {
    const version = await this.store.db.transaction().execute(async (trx) => {
      const written = await this.store.credentials.put(ref.tenantId, ref.connectionId, write, trx)
      await this.log(ref, event, trx)
      return written
    })
    await this.changed(ref)
    return version
  }

  /** A connect attempt failed after its checks: the reason on the connection, and the event. */
  async connectFailed(ref: ConnectionRef, reason: string, detail: Record<string, unknown>): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      await this.store.connections.update(ref.tenantId, ref.connectionId, { statusReason: reason }, trx)
      await this.log(ref, { kind: 'connect.failed', level: 'error', message: reason, detail }, trx)
    })
    await this.changed(ref)
  }

  /**
   * Typed-in credentials replaced in place: stored, connected again, logged.
   * @returns its `connection.credentials_replaced` webhook, held for the verification that follows
   */
  async credentialsReplaced(ref: ConnectionRef, credential: CredentialWrite, message: string): Promise<HeldWebhooks> {
    const held = await this.transaction(async (trx) => {
      await this.store.credentials.put(ref.tenantId, ref.connectionId, credential, trx)
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { status: 'connected', statusReason: null },
        trx
      )
      await this.log(ref, { kind: 'connection.credentials_replaced', level: 'info', message }, trx)
      return this.hold(trx, ref, 'connection.credentials_replaced')
    })
    await this.changed(ref)
    return held
  }

  /**
   * Created: the row and its first log entries, inside the caller's {@link transaction} (which
   * inserted it). `connected` when no browser step is needed (typed-in credentials, stored
   * here; client credentials, whose token comes on first use).
   * @returns when connected, its `connection.connected` webhook, held for the verification that follows
   */
  async created(
    ref: ConnectionRef,
    event: Omit<EventInput, 'kind' | 'level'>,
    trx: LifecycleTransaction,
    connected?: { readonly credential: CredentialWrite | undefined; readonly message: string }
  ): Promise<HeldWebhooks | undefined> {
    await this.log(ref, { kind: 'connection.created', level: 'info', ...event }, trx)
    await this.notify(trx, ref, 'connection.created')
    if (connected === undefined) return undefined
    if (connected.credential !== undefined)
      await this.store.credentials.put(ref.tenantId, ref.connectionId, connected.credential, trx)
    await this.log(ref, { kind: 'connection.connected', level: 'info', message: connected.message }, trx)
    return this.hold(trx, ref, 'connection.connected')
  }

  /** Disconnected, inside the caller's {@link transaction} (which also takes the tokens away for revocation). */
  async disconnected(ref: ConnectionRef, message: string, trx: LifecycleTransaction): Promise<void> {
    await this.store.connections.update(
      ref.tenantId,
      ref.connectionId,
      { status: 'disconnected', statusReason: null },
      trx
    )
    await this.log(ref, { kind: 'connection.disconnected', level: 'info', message }, trx)
    await this.notify(trx, ref, 'connection.disconnected')
  }

  /**
   * Revocation given up after every retry: logged when the connection still exists, and told
   * to the builder either way (a deleted connection's webhook carries its id and connector).
   */
  async revocationGaveUp(ref: ConnectionRef, message: string, connectorKey: string): Promise<void> {
    await this.transaction(async (trx) => {
      if ((await this.store.connections.lockForTransition(ref.tenantId, ref.connectionId, trx)) !== undefined)
        await this.log(ref, { kind: 'revocation.gave_up', level: 'error', message }, trx)
      await this.notify(trx, ref, 'connection.revocation_failed', { connector: connectorKey, status: 'deleted' })
    })
  }

  /** The provider refused a refresh for good (`invalid_grant`): red with the reason, no longer swept, logged. */
  async refreshRefused(ref: ConnectionRef, reason: string, detail: Record<string, unknown>): Promise<void> {
    await this.transaction(async (trx) => {
      const before = (await this.store.connections.lockForTransition(ref.tenantId, ref.connectionId, trx))?.status
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { status: 'error', statusReason: reason },
        trx
      )
      await this.store.credentials.stopRefreshing(ref.connectionId, trx)
      await this.log(ref, { kind: 'connection.refresh_failed', level: 'error', message: reason, detail }, trx)
      if (before !== undefined && before !== 'error') await this.notify(trx, ref, 'connection.failed')
    })
    await this.changed(ref)
  }

  /** A red connection that works again (a fresh token, or a successful call): connected, logged, told once. */
  async recovered(ref: ConnectionRef, how: string, lastUsedAt?: Date): Promise<void> {
    await this.transaction(async (trx) => {
      const before = (await this.store.connections.lockForTransition(ref.tenantId, ref.connectionId, trx))?.status
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { status: 'connected', statusReason: null, ...(lastUsedAt === undefined ? {} : { lastUsedAt }) },
        trx
      )
      if (before !== 'error') return
      await this.log(ref, { kind: 'connection.recovered', level: 'info', message: `Working again: ${how}` }, trx)
      await this.notify(trx, ref, 'connection.recovered')
    })
    await this.changed(ref)
  }

  /**
   * The scopes a token was granted, when they differ from what the connection records (a
   * client credentials answer's `scope`, RFC 6749 §5.1): the row, and every process told.
   */
  async scopesGranted(connection: Connection, scopes: readonly string[]): Promise<void> {
    const before = connection.granted_scopes ?? []
    if (before.length === scopes.length && scopes.every((scope) => before.includes(scope))) return
    await this.store.connections.update(connection.tenant_id, connection.id, { grantedScopes: [...scopes] })
    await this.changed(refOf(connection))
  }

  /** Used successfully: last used now, and green again if it was not (recovered, when it was red). */
  async used(connection: Connection, at: Date): Promise<void> {
    if (connection.status === 'error') return this.recovered(refOf(connection), 'a call succeeded', at)
    await this.store.connections.update(connection.tenant_id, connection.id, {
      lastUsedAt: at,
      ...(connection.status === 'connected' ? {} : { status: 'connected', statusReason: null })
    })
    await this.changed(refOf(connection))
  }

  /** An auth failure a refresh cannot fix: red with what the person can do, logged. */
  async authFailed(ref: ConnectionRef, message: string, status: number): Promise<void> {
    await this.transaction(async (trx) => {
      const before = (await this.store.connections.lockForTransition(ref.tenantId, ref.connectionId, trx))?.status
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { status: 'error', statusReason: message },
        trx
      )
      await this.log(ref, { kind: 'connection.auth_failed', level: 'error', message, detail: { status } }, trx)
      if (before !== undefined && before !== 'error') await this.notify(trx, ref, 'connection.failed')
    })
    await this.changed(ref)
  }

  /**
   * Verified: the account identity and the time kept (the reason cleared when connected),
   * logged; the builder hears of it when the identity is new or changed.
   */
  async verified(
    ref: ConnectionRef,
    account: Record<string, unknown>,
    clearReason: boolean,
    event: Omit<EventInput, 'kind' | 'level'>
  ): Promise<void> {
    await this.transaction(async (trx) => {
      const before = await this.store.connections.lockForTransition(ref.tenantId, ref.connectionId, trx)
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { account, verifiedAt: new Date(), ...(clearReason ? { statusReason: null } : {}) },
        trx
      )
      await this.log(ref, { kind: 'connection.verified', level: 'info', ...event }, trx)
      if (before !== undefined && !sameJson(before.account, account)) await this.notify(trx, ref, 'connection.verified')
    })
    await this.changed(ref)
  }

  /** Verification refused: the reason on the connection, logged. */
  async verificationFailed(ref: ConnectionRef, reason: string, status: number | null): Promise<void> {
    await this.store.db.transaction().execute(async (trx) => {
      await this.store.connections.update(
        ref.tenantId,
        ref.connectionId,
        { statusReason: `Verification failed: ${reason}` },
        trx
      )
      await this.log(
        ref,
        {
          kind: 'connection.verification_failed',
          level: 'warn',
          message: `Verification failed: ${reason}`,
          detail: { status }
        },
        trx
      )
    })
    await this.changed(ref)
  }
}
