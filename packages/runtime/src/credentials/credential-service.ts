import {
  OAuthError,
  exchangeCredentials,
  fetchClientToken,
  fetchJwtBearerToken,
  refreshTokens,
  resolveContext
} from '@latchkey/oauth-client'
import type { HttpOptions, OAuth1Consumer, TokenSet } from '@latchkey/oauth-client'
import type { RedisClient } from '@latchkey/jobs'
import { LRUCache } from 'lru-cache'
import { resolveConfigValues, templateParameters } from '@latchkey/connector-sdk'
import type {
  ConnectorDefinition,
  ConnectorDefinitionJson,
  ResolvedAuthScheme,
  ResolvedJwtBearer,
  ResolvedOAuth1,
  ResolvedTokenExchange
} from '@latchkey/connector-sdk'
import type { Connection, CredentialRecord, Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { connectionContext, oauth1Consumer, openParameters, schemeOf } from '../connections/connection-context.js'
import type { DiscoveryCache } from './discovery-cache.js'
import { refOf } from '../connections/lifecycle.js'
import type { ConnectionLifecycle } from '../connections/lifecycle.js'
import type { ChangeFeed } from '../connections/change-feed.js'
import type { AppCache } from './app-cache.js'
import { tokenHttpFor } from '../calls/client-certificates.js'
import type { ClientCertificates } from '../calls/client-certificates.js'
import { RuntimeError, notFound } from '../errors.js'
import { runtimeErrorFromOAuth } from './oauth-failure.js'
import type { RuntimeConfig } from '../runtime-config.js'
import { HostLimiter } from '../jobs/host-limiter.js'
import type { HostSlot } from '../jobs/host-limiter.js'
import { RuntimeMetrics, connectorLabel } from '../metrics/metrics.js'
import { SingleFlight } from './single-flight.js'
import type { HeldLock } from './single-flight.js'
import { decodeTokenSet, encodeTokenSet, refreshDueAt, typedInOf } from './token-set-codec.js'
import { schemeIn } from '../connectors/catalog.js'

/** Why a refresh happens; recorded in the event. */
export type RefreshReason = 'due' | 'forced' | 'auth_failure' | 'expired' | 'first_use'

/** A token and the credential version it came from. */
export interface CurrentToken {
  readonly tokens: TokenSet
  readonly version: number
  /** What the end customer typed in (API key and basic schemes); `undefined` for OAuth tokens. */
  readonly credentials?: Readonly<Record<string, string>> | undefined
}

/** Schemes that fetch their own tokens instead of refreshing: client credentials, token exchanges. */
function fetchesOwn(scheme: ResolvedAuthScheme): boolean {
  return (
    scheme.kind === 'tokenExchange' ||
    scheme.kind === 'jwtBearer' ||
    (scheme.kind === 'oauth2' && scheme.grant === 'client_credentials')
  )
}

/** A stored credential as a current token. */
function currentOf(credential: CredentialRecord): CurrentToken {
  return {
    tokens: decodeTokenSet(credential.tokenSet),
    version: credential.version,
    credentials: typedInOf(credential.tokenSet)
  }
}

/** Errors that mean "reconnect": the connection turns red and refreshing stops. */
const TERMINAL = new Set(['invalid_grant', 'invalid_client', 'unauthorized_client', 'unsupported_grant_type'])

/** How long a cached token is trusted without a word from other processes. */
const CACHE_TTL_MS = 60_000

/**
 * Valid access tokens, refreshed in single flight: at most one refresh request per
 * connection at a time across every process. After taking the lock it re-reads and
 * re-checks (a sibling may have refreshed already); it never holds a database
 * transaction across the provider call; it saves with a compare-and-set on the credential
 * version, so a holder that outlived its lock cannot overwrite a newer token. Hot tokens
 * are cached in process (bounded, `tokenCacheSize`) and dropped when the change feed says
 * any process refreshed, replaced or disconnected them; while the feed is not live, every
 * token is read from PostgreSQL.
 */
export class CredentialService {
  readonly #flight: SingleFlight
  readonly #hosts: HostLimiter | undefined
  readonly #cache: LRUCache<string, CurrentToken>
  /** Bumped by every change heard: a token read that overlapped one is used but not kept. */
  #generation = 0

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    redis: RedisClient,
    private readonly config: RuntimeConfig,
    prefix: string,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly feed: ChangeFeed,
    private readonly discovery?: DiscoveryCache,
    private readonly apps?: AppCache,
    private readonly metrics: RuntimeMetrics = new RuntimeMetrics({ processMetrics: false }),
    private readonly certificates?: ClientCertificates
  ) {
    this.#cache = new LRUCache({ max: config.tokenCacheSize ?? 10_000, ttl: CACHE_TTL_MS })
    feed.listen((change) => {
      this.#generation += 1
      if (change === undefined) this.#cache.clear()
      else if (change.kind === 'connection') this.#cache.delete(change.connectionId)
    })
    this.#flight = new SingleFlight({ redis, prefix: `${prefix}:credentials`, lockTtlMs: config.refreshLockTtlMs })
    const perHost = config.refreshConcurrencyPerHost
    this.#hosts =
      perHost === undefined
        ? undefined
        : new HostLimiter({
            redis,
            prefix: `${prefix}:refresh`,
            perHost,
            slotTtlMs: this.#flight.lockTtlMs + (config.http?.timeoutMs ?? 10_000)
          })
  }

  private now(): number {
    return (this.config.now ?? Date.now)()
  }

  /** How a connection's token requests go out: with the app's client certificate when its scheme presents one. */
  private async httpOf(
    connection: Pick<Connection, 'tenant_id' | 'connector_key'>,
    scheme: ResolvedAuthScheme | undefined,
    credentials?: Readonly<Record<string, string>>
  ): Promise<HttpOptions | undefined> {
    return tokenHttpFor(this.certificates, connection, scheme, this.config.http, credentials)
  }

  /** How many tokens are held in memory (for tests and metrics). */
  get cachedTokens(): number {
    return this.#cache.size
  }

  /** Drops a connection's cached token and handle here and in every other process. @throws when Redis cannot take it */
  async invalidate(connectionId: string): Promise<void> {
    await this.feed.publish({ kind: 'connection', connectionId })
  }

  /** `invalidate` after a committed change: never throws (see `ChangeFeed.announce`). */
  async forget(connectionId: string): Promise<void> {
    await this.feed.announce({ kind: 'connection', connectionId })
  }

  private async read(connectionId: string): Promise<CurrentToken | undefined> {
    const credential: CredentialRecord | undefined = await this.store.credentials.get(connectionId)
    return credential === undefined ? undefined : currentOf(credential)
  }

  /**
   * Whether the connection's scheme fetches its own tokens, on first use and again instead
   * of refreshing: the client credentials grant, or a token exchange's login.
   */
  private async fetchesOwnTokens(connection: Connection): Promise<boolean> {
    const entry = await this.catalog.get(connection.tenant_id, connection.connector_key)
    if (entry === undefined) return false
    const scheme = schemeIn(entry.definition, connection.auth_scheme)
    return scheme !== undefined && fetchesOwn(scheme)
  }

  /**
   * A token valid for at least `minValidityMs`, refreshed first (in single flight) when
   * it is not. Served from the in-process cache when hot.
   */
  async current(connection: Connection, minValidityMs = 30_000): Promise<CurrentToken> {
    if (connection.status === 'disconnected')
      throw new RuntimeError('not_connected', 'the connection is disconnected: connect it again')
    const cached = this.feed.live ? this.#cache.get(connection.id) : undefined
    const now = this.now()
    if (cached !== undefined && !expiresWithin(cached.tokens, now, minValidityMs)) return cached
    const generation = this.#generation
    const ownTokens = await this.fetchesOwnTokens(connection)
    const token = await this.read(connection.id)
    // Client credentials and token exchanges: the first token is fetched on first use
    // (a token exchange stores what was typed in, with no session token yet).
    if (token === undefined && ownTokens) return this.refresh(connection, 0, 'first_use')
    if (token === undefined) throw new RuntimeError('not_connected', 'the connection has no tokens: connect it first')
    if (ownTokens && token.tokens.accessToken === '') return this.refresh(connection, token.version, 'first_use')
    // Renewable without the end customer: a refresh token, or the token fetched again.
    if (expiresWithin(token.tokens, now, minValidityMs) && (ownTokens || token.tokens.refreshToken !== undefined)) {
      return this.refresh(connection, token.version, 'expired')
    }
    if (this.feed.live && generation === this.#generation) this.#cache.set(connection.id, token)
    return token
  }

  /**
   * Refreshes unless a sibling already moved past `seenVersion`; concurrent callers in
   * every process get the same new token. `seenVersion` undefined forces a refresh of
   * whatever is stored now.
   */
  async refresh(
    connection: Pick<Connection, 'id' | 'tenant_id'>,
    seenVersion: number | undefined,
    reason: RefreshReason
  ): Promise<CurrentToken> {
    return this.#flight.share(connection.id, async () => {
      const token = await this.underLock(connection, seenVersion, (lock) =>
        this.refreshHoldingLock(connection, seenVersion, reason, lock)
      )
      // Without a condition a refresh under the lock always ends with a token (or throws).
      return token as CurrentToken
    })
  }

  /**
   * A refresh the worker runs from the queue, reading nothing before the lock: under it,
   * skipped when the connection is not connected, and, with `onlyIfDue`, when its token is no
   * longer due (a sibling refreshed it meanwhile, or the sweep queued it twice). A sibling
   * holding the lock is refreshing it already: this one is then skipped once that ends.
   * @returns `refreshed`, or `skipped` when there was nothing to do.
   */
  async refreshInBackground(
    connection: Pick<Connection, 'id' | 'tenant_id'>,
    reason: 'due' | 'forced',
    onlyIfDue: boolean
  ): Promise<'refreshed' | 'skipped'> {
    // Apart from other flights of the connection in this process: their callers want a token, this one an outcome.
    return this.#flight.share(`${connection.id}\u0000${reason}\u0000${String(onlyIfDue)}`, async () => {
      const wanted = (read: { connection: Connection; credential: CredentialRecord | undefined }): boolean =>
        read.connection.status === 'connected' &&
        read.credential !== undefined &&
        (!onlyIfDue || (read.credential.refreshDueAt !== null && read.credential.refreshDueAt.getTime() <= this.now()))
      let refreshed = false
      try {
        await this.underLock(connection, undefined, async (lock) => {
          const token = await this.refreshHoldingLock(connection, undefined, reason, lock, wanted)
          refreshed = token !== undefined
          return token
        })
      } catch (error) {
        // Disconnected between the queue and the lock: nothing to refresh.
        if (error instanceof RuntimeError && error.code === 'not_connected') return 'skipped'
        throw error
      }
      return refreshed ? 'refreshed' : 'skipped'
    })
  }

  /**
   * Runs `work` holding the connection's refresh lock; when another process holds it, waits
   * for that process's token (returned without `work`) or failure (thrown).
   */
  private async underLock(
    connection: Pick<Connection, 'id' | 'tenant_id'>,
    seenVersion: number | undefined,
    work: (lock: HeldLock) => Promise<CurrentToken | undefined>
  ): Promise<CurrentToken | undefined> {
    // A holder renews its lock while the provider answers: wait for as long as one request may take.
    const deadline = this.now() + this.#flight.lockTtlMs + (this.config.http?.timeoutMs ?? 10_000) + 5_000
    let version = seenVersion
    for (;;) {
      const lock = await this.#flight.tryLock(connection.id)
      if (lock.acquired) {
        // A flight that ends with a token forgets any earlier failure, in the release's one round trip.
        let succeeded = false
        try {
          const token = await work(lock)
          succeeded = token !== undefined
          return token
        } finally {
          await lock.release({ clearFailure: succeeded })
        }
      }
      // Another process is refreshing: wait for its token (or its failure).
      const waited = this.metrics.lockWaits.startTimer()
      const current = await this.waitForSibling(connection.id, version, deadline).finally(() => waited())
      if (current !== undefined) return current
      // The holder let go without a new token and without a failure: look again, then try ourselves.
      version ??= (await this.read(connection.id))?.version
      if (this.now() > deadline)
        throw new RuntimeError('lock_timeout', 'another process held the refresh lock too long; try again')
    }
  }

  private async waitForSibling(
    connectionId: string,
    seenVersion: number | undefined,
    deadline: number
  ): Promise<CurrentToken | undefined> {
    const startVersion = seenVersion ?? (await this.read(connectionId))?.version
    while (this.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, this.#flight.pollMs))
      const token = await this.read(connectionId)
      // Version 0: a first client credentials fetch, so no token yet is expected.
      if (token === undefined && startVersion !== 0)
        throw new RuntimeError('not_connected', 'the connection was disconnected while refreshing')
      if (token !== undefined && startVersion !== undefined && token.version > startVersion) return token
      if (!(await this.#flight.isLocked(connectionId))) {
        const failure = await this.#flight.lastFailure(connectionId)
        if (failure !== undefined)
          throw new RuntimeError(failure.code as RuntimeError['code'], failure.message, failure.details)
        const after = await this.read(connectionId)
        if (after !== undefined && startVersion !== undefined && after.version > startVersion) return after
        return undefined
      }
    }
    return undefined
  }

  /**
   * The refresh itself, under the lock. `wanted`, when given, decides from the row and
   * credential read under the lock whether to go on; `undefined` when it says no.
   */
  private async refreshHoldingLock(
    connection: Pick<Connection, 'id' | 'tenant_id'>,
    seenVersion: number | undefined,
    reason: RefreshReason,
    lock: HeldLock,
    wanted?: (read: { connection: Connection; credential: CredentialRecord | undefined }) => boolean
  ): Promise<CurrentToken | undefined> {
    // Re-read under the lock, row and credential in one query: a sibling may have refreshed while we were deciding.
    const read = await this.store.credentials.withConnection(connection.tenant_id, connection.id)
    if (read === undefined || read.connection.status === 'disconnected')
      throw new RuntimeError('not_connected', 'the connection is disconnected: connect it again')
    if (wanted !== undefined && !wanted(read)) return undefined
    const fresh = read.connection
    const entry = await this.catalog.get(fresh.tenant_id, fresh.connector_key)
    if (entry === undefined) throw notFound(`connector "${fresh.connector_key}"`)
    const scheme = schemeOf(entry.definition, fresh)
    const clientCredentials = scheme.kind === 'oauth2' && scheme.grant === 'client_credentials'
    const stored: CurrentToken | undefined = read.credential === undefined ? undefined : currentOf(read.credential)
    if (stored === undefined && !clientCredentials)
      throw new RuntimeError('not_connected', 'the connection has no tokens: connect it first')
    // `0`: the caller saw no token at all; any stored one is a sibling's.
    if (stored !== undefined && seenVersion !== undefined && stored.version !== seenVersion) return stored
    if ((scheme.kind === 'tokenExchange' || scheme.kind === 'jwtBearer') && stored !== undefined)
      return this.loginHoldingLock(fresh, entry.definition, scheme, stored, reason, lock)
    if (scheme.kind !== 'oauth2')
      throw new RuntimeError(
        'scheme_mismatch',
        `the connection uses the "${scheme.label}" scheme: its credentials cannot be refreshed, only replaced by connecting again`
      )
    if (!clientCredentials && stored?.tokens.refreshToken === undefined) {
      throw new RuntimeError(
        'needs_reconnect',
        'the provider gave no refresh token for this connection: reconnect to get a new access token'
      )
    }
    const context = await connectionContext(this.store, entry.definition, fresh, {
      discovery: this.discovery,
      apps: this.apps
    })
    // Background refreshes share each provider host's slots; a call that needs its token now never waits for one.
    const slot = reason === 'due' ? await this.hostSlot(context) : undefined
    const http = await this.httpOf(fresh, context.auth)
    let tokens: TokenSet
    try {
      if (lock.lost.aborted)
        throw new RuntimeError('lock_timeout', 'the refresh lock was lost before the provider was called; try again')
      tokens =
        stored === undefined || clientCredentials
          ? await this.metrics.tokenRequest(connectorLabel(entry), 'client_credentials', () =>
              fetchClientToken(context, fresh.requested_scopes, http)
            )
          : await this.metrics.tokenRequest(connectorLabel(entry), 'refresh_token', () =>
              refreshTokens(context, stored.tokens, http)
            )
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      // A sibling that refreshed meanwhile (after this lock was lost) spent the refresh token first: its token stands.
      const after = stored === undefined ? undefined : await this.read(connection.id)
      if (after !== undefined && stored !== undefined && after.version !== stored.version) return after
      const failure = runtimeErrorFromOAuth(error)
      await this.recordFailure(fresh, error)
      await this.#flight.publishFailure(connection.id, {
        code: failure.code,
        message: failure.message,
        details: failure.details
      })
      throw failure
    } finally {
      await slot?.release()
    }
    // Saved before anything else (with its event, in one statement): a rotated refresh token must never be lost.
    const now = this.now()
    const write = {
      tokenSet: encodeTokenSet(tokens),
      expiresAt: tokens.expiresAt ?? null,
      refreshDueAt: refreshDueAt(tokens, now, this.config.refreshMarginSeconds ?? 300)
    }
    const message = clientCredentials
      ? stored === undefined
        ? 'Token fetched (client credentials)'
        : 'Token fetched again (client credentials)'
      : reason === 'forced'
        ? 'Token refreshed on request'
        : reason === 'auth_failure'
          ? 'Token refreshed after the provider refused it'
          : 'Token refreshed'
    const event = {
      kind: clientCredentials ? ('token.fetched' as const) : ('token.refreshed' as const),
      level: 'info' as const,
      message,
      detail: {
        reason,
        expiresAt: tokens.expiresAt?.toISOString() ?? null,
        rotated: !clientCredentials && tokens.refreshToken !== stored?.tokens.refreshToken
      }
    }
    const version =
      stored === undefined
        ? await this.lifecycle.firstToken(refOf(fresh), write, event)
        : await this.lifecycle.refreshed(refOf(fresh), stored.version, write, event)
    this.metrics.refreshes.inc({ outcome: version === undefined ? 'sibling' : 'refreshed' })
    if (version === undefined) {
      // Someone wrote a newer token meanwhile (our lock expired): theirs wins.
      const current = await this.read(connection.id)
      if (current === undefined)
        throw new RuntimeError('not_connected', 'the connection was disconnected while refreshing')
      return current
    }
    const current = { tokens, version }
    if (this.feed.live) this.#cache.set(connection.id, current)
    // What a client credentials token was granted: the answer's scope, else what was asked (RFC 6749 §5.1).
    if (clientCredentials) await this.lifecycle.scopesGranted(fresh, tokens.scopes ?? fresh.requested_scopes)
    if (fresh.status === 'error') await this.lifecycle.recovered(refOf(fresh), 'a new token was fetched')
    return current
  }

  /**
   * A token fetched with what the end customer gave, under the refresh lock: a token
   * exchange's login (the typed-in fields posted to the login URL) or a JWT bearer grant
   * (an assertion signed with their key); the new token is saved beside the credentials.
   */
  private async loginHoldingLock(
    connection: Connection,
    definition: ConnectorDefinition | ConnectorDefinitionJson,
    scheme: ResolvedTokenExchange | ResolvedJwtBearer,
    stored: CurrentToken,
    reason: RefreshReason,
    lock: HeldLock
  ): Promise<CurrentToken> {
    const parameters = await openParameters(this.store, connection.parameters)
    const values = {
      parameters: templateParameters(definition, parameters),
      config: resolveConfigValues(definition, parameters),
      credentials: stored.credentials ?? {}
    }
    // The tenant app's `tokenUrl` override stands for the login or token URL (a sandbox, a test double).
    const app = await (this.apps ?? this.store.apps).get(connection.tenant_id, connection.connector_key)
    const override = app?.overrides.tokenUrl
    const http = await this.httpOf(connection, scheme, stored.credentials)
    let tokens: TokenSet
    try {
      if (lock.lost.aborted)
        throw new RuntimeError('lock_timeout', 'the refresh lock was lost before the provider was called; try again')
      const label = connectorLabel(await this.catalog.get(connection.tenant_id, connection.connector_key))
      tokens =
        scheme.kind === 'tokenExchange'
          ? await this.metrics.tokenRequest(label, 'token_exchange', () =>
              exchangeCredentials(
                { ...scheme, request: { ...scheme.request, url: override ?? scheme.request.url } },
                values,
                http
              )
            )
          : await this.metrics.tokenRequest(label, 'jwt_bearer', () =>
              fetchJwtBearerToken(
                { ...scheme, tokenUrl: override ?? scheme.tokenUrl },
                values,
                connection.requested_scopes.length > 0 ? connection.requested_scopes : scheme.defaultScopes,
                http
              )
            )
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      const failure = runtimeErrorFromOAuth(error)
      await this.recordFailure(connection, error)
      await this.#flight.publishFailure(connection.id, {
        code: failure.code,
        message: failure.message,
        details: failure.details
      })
      throw failure
    }
    const write = {
      tokenSet: { ...encodeTokenSet(tokens), credentials: { ...stored.credentials } },
      expiresAt: tokens.expiresAt ?? null,
      refreshDueAt: null
    }
    const event = {
      kind: 'token.fetched' as const,
      level: 'info' as const,
      message:
        stored.tokens.accessToken === ''
          ? 'Signed in: session token fetched'
          : 'Signed in again: session token fetched',
      detail: { reason, expiresAt: tokens.expiresAt?.toISOString() ?? null, rotated: false }
    }
    const version = await this.lifecycle.refreshed(refOf(connection), stored.version, write, event)
    if (version === undefined) {
      const current = await this.read(connection.id)
      if (current === undefined)
        throw new RuntimeError('not_connected', 'the connection was disconnected while refreshing')
      return current
    }
    const current = { tokens, version, credentials: stored.credentials }
    if (this.feed.live) this.#cache.set(connection.id, current)
    if (connection.status === 'error') await this.lifecycle.recovered(refOf(connection), 'the token was refreshed')
    return current
  }

  private async recordFailure(connection: Connection, error: OAuthError): Promise<void> {
    this.metrics.refreshes.inc({ outcome: TERMINAL.has(error.code) ? 'refused' : 'retryable' })
    if (TERMINAL.has(error.code)) {
      await this.lifecycle.refreshRefused(refOf(connection), error.hint, error.toJSON())
      return
    }
    await this.lifecycle.log(refOf(connection), {
      kind: 'refresh.retryable_failure',
      level: 'warn',
      message: error.hint,
      detail: error.toJSON()
    })
  }

  /**
   * A slot of the provider host's background-refresh cap, or a `throttled` error saying
   * when to come back (a random second or two, so held jobs do not return together).
   */
  private async hostSlot(context: Parameters<typeof resolveContext>[0]): Promise<HostSlot | undefined> {
    if (this.#hosts === undefined) return undefined
    const tokenUrl = resolveContext(context).endpoints.tokenUrl
    if (tokenUrl === undefined) return undefined
    const slot = await this.#hosts.tryAcquire(new URL(tokenUrl).host)
    if (slot === undefined)
      throw new RuntimeError(
        'throttled',
        `enough refreshes are running against ${new URL(tokenUrl).host}; this one comes back shortly`,
        { retryAfterMs: 1_000 + Math.floor(Math.random() * 1_000) }
      )
    return slot
  }

  /** The OAuth 1.0a consumer that signs a connection's calls: the tenant's app, from memory when current. @throws {RuntimeError} `app_not_configured` */
  async consumer(
    connection: Pick<Connection, 'tenant_id' | 'connector_key'>,
    scheme: ResolvedOAuth1
  ): Promise<OAuth1Consumer> {
    return oauth1Consumer(this.apps ?? this.store.apps, connection, scheme)
  }

  /** Looks up a connection for a tenant. */
  async connection(tenantId: string, connectionId: string): Promise<Connection> {
    const connection = await this.store.connections.get(tenantId, connectionId)
    if (connection === undefined) throw notFound('connection')
    return connection
  }
}

function expiresWithin(tokens: TokenSet, now: number, ms: number): boolean {
  return tokens.expiresAt !== undefined && tokens.expiresAt.getTime() - now < ms
}
