import { renderUrlTemplate } from '@latchkey/connector-sdk'
import { OAuthError, endSession, invalidateOAuth1Token, revokeTokenSet } from '@latchkey/oauth-client'
import type { HttpJob, HttpJobResult, JobQueues, RefreshJob, RevokeJob } from '@latchkey/jobs'
import type { Connection, Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { connectionContext, oauth1Context, openedValues } from '../connections/connection-context.js'
import type { CredentialService } from '../credentials/credential-service.js'
import { RuntimeError } from '../errors.js'
import type { RuntimeConfig } from '../runtime-config.js'
import { decodeTokenSet, typedInOf } from '../credentials/token-set-codec.js'
import type { HttpHelper } from '../calls/http-helper.js'
import type { ActionRunner } from '../calls/action-runner.js'
import type { DiscoveryCache } from '../credentials/discovery-cache.js'
import { refOf } from '../connections/lifecycle.js'
import type { ConnectionLifecycle } from '../connections/lifecycle.js'
import { readAnswer } from '../calls/read-answer.js'
import { RuntimeMetrics } from '../metrics/metrics.js'
import { tokenHttpFor } from '../calls/client-certificates.js'
import type { ClientCertificates } from '../calls/client-certificates.js'
import { schemeIn } from '../connectors/catalog.js'
import { injectionFor } from '../calls/auth-injection.js'

/** A stand-in connection row built from a revocation's snapshot, for a connection deleted since. */
function snapshotConnection(
  revocation: { tenant_id: string; connection_id: string },
  snapshot: {
    connectorKey?: string
    parameters?: Record<string, string>
    authScheme?: string | null
    registeredClientId?: string | null
  }
): Connection {
  const now = new Date()
  return {
    id: revocation.connection_id,
    tenant_id: revocation.tenant_id,
    connector_key: snapshot.connectorKey ?? '',
    external_id: null,
    label: null,
    parameters: snapshot.parameters ?? {},
    requested_scopes: [],
    granted_scopes: null,
    status: 'disconnected',
    status_reason: null,
    client_id: null,
    client_secret_enc: null,
    metadata: {},
    last_used_at: null,
    auth_scheme: snapshot.authScheme ?? null,
    account: null,
    verified_at: null,
    registered_client_id: snapshot.registeredClientId ?? null,
    created_at: now,
    updated_at: now
  }
}

/** Whether a job that failed with this error should be tried again (with backoff). */
export function isRetryable(error: unknown): boolean {
  if (error instanceof RuntimeError) return error.retryable
  if (error instanceof OAuthError) return error.retryable
  // Unknown failures (a database blip) are retried; attempts are bounded.
  return true
}

/** What a job did, for logs and tests. */
export type JobOutcome = 'done' | 'skipped' | 'not_supported'

/**
 * The work behind the queues: refresh one connection, revoke one disconnected token set,
 * and the sweep that finds what is due. PostgreSQL is the source of truth: the sweep puts
 * back every due refresh and pending revocation, so Redis losing its data loses nothing.
 */
export class BackgroundJobs {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly credentials: CredentialService,
    private readonly queues: JobQueues,
    private readonly config: RuntimeConfig,
    private readonly http: HttpHelper,
    private readonly actions: ActionRunner,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly discovery?: DiscoveryCache,
    private readonly metrics: RuntimeMetrics = new RuntimeMetrics({ processMetrics: false }),
    private readonly certificates?: ClientCertificates
  ) {}

  /**
   * Runs a queued call or action and returns the provider's answer (its body read within
   * 5 MiB) or the action's result; `signal` (the worker's, on shutdown) aborts it, and it runs again later.
   */
  async call(job: HttpJob, signal?: AbortSignal): Promise<HttpJobResult> {
    if ('action' in job)
      return this.actions.run(job.tenantId, job.connectionId, job.action, {
        input: job.input,
        pages: job.pages,
        maxItems: job.maxItems,
        signal
      })
    const response = await this.http.call(job.tenantId, job.connectionId, {
      signal,
      method: job.method,
      url: job.url,
      query: job.query,
      headers: job.headers,
      body: job.body
    })
    return readAnswer(response)
  }

  private now(): number {
    return (this.config.now ?? Date.now)()
  }

  /** Refreshes a connection unless it was refreshed, disconnected or turned red meanwhile. */
  async refresh(job: RefreshJob): Promise<JobOutcome> {
    // Nothing read before the lock: under it, the row and credential say whether there is still work.
    const outcome = await this.credentials.refreshInBackground(
      { id: job.connectionId, tenant_id: job.tenantId },
      job.reason === 'forced' ? 'forced' : 'due',
      job.reason === 'due'
    )
    return outcome === 'refreshed' ? 'done' : 'skipped'
  }

  /**
   * Revokes a disconnected token set at the provider (RFC 7009): the refresh token first
   * (most providers then drop the whole grant), then the access token.
   */
  async revoke(job: RevokeJob): Promise<JobOutcome> {
    const revocation = await this.store.revocations.get(job.revocationId)
    if (revocation?.tokenSet === undefined || revocation.status !== 'pending') return 'skipped'
    // The connection row, or the snapshot taken at disconnect when it was deleted since.
    const snapshot = revocation.context as {
      connectorKey?: string
      parameters?: Record<string, string>
      client?: { clientId: string; clientSecret: string } | null
      authScheme?: string | null
      registeredClientId?: string | null
    }
    const live = await this.store.connections.get(revocation.tenant_id, revocation.connection_id)
    const connection: Connection = live ?? snapshotConnection(revocation, snapshot)
    const entry = await this.catalog.get(connection.tenant_id, connection.connector_key)
    if (entry === undefined) {
      await this.store.revocations.finish(revocation.id, 'failed', 'the connector no longer exists')
      return 'skipped'
    }
    const tokens = decodeTokenSet(revocation.tokenSet)
    const revokeAtProvider = async (): Promise<'revoked' | 'not_supported'> => {
      const scheme = schemeIn(entry.definition, connection.auth_scheme)
      if (scheme?.kind === 'tokenExchange') {
        // A session: ended at the logout URL, the token on it as on API calls.
        if (scheme.logout === undefined) return 'not_supported'
        const values = await openedValues(this.store, entry.definition, connection)
        const credentials = typedInOf(revocation.tokenSet ?? {})
        const injected = injectionFor(scheme, entry.definition.http).inject({ tokens, credentials }, values)
        // The tenant's app may move it, with the login URL and the API (a customer's own server, a test double).
        const moved = (await this.store.apps.overrides(connection.tenant_id, connection.connector_key))?.revokeUrl
        const url = new URL(renderUrlTemplate(moved ?? scheme.logout.url, values))
        for (const [name, value] of injected.query) url.searchParams.append(name, value)
        await endSession(
          { url: url.toString(), method: scheme.logout.method, headers: injected.headers },
          await tokenHttpFor(this.certificates, connection, scheme, this.config.http, credentials)
        )
        return 'revoked'
      }
      if (scheme?.kind === 'oauth1') {
        // OAuth 1.0a: a signed POST with the token itself (X's invalidate_token); already invalid counts as done.
        const context = await oauth1Context(this.store, entry.definition, connection)
        if (context.revokeUrl === undefined) return 'not_supported'
        const secret = typedInOf(revocation.tokenSet ?? {})?.oauthTokenSecret ?? ''
        await invalidateOAuth1Token(
          context.revokeUrl,
          context.consumer,
          { token: tokens.accessToken, secret },
          this.config.http
        )
        return 'revoked'
      }
      const context = await connectionContext(this.store, entry.definition, connection, {
        customerClient: snapshot.client ?? undefined,
        discovery: this.discovery
      })
      // Revocation presents the app's client certificate when the scheme has one (mutual TLS).
      const http = await tokenHttpFor(this.certificates, connection, context.auth, this.config.http)
      return revokeTokenSet(context, tokens, http)
    }
    try {
      const outcome = await revokeAtProvider()
      await this.store.revocations.finish(revocation.id, 'done', null)
      this.metrics.revocations.inc({ outcome: outcome === 'revoked' ? 'done' : 'not_supported' })
      if (live === undefined) return outcome === 'revoked' ? 'done' : 'not_supported'
      await this.lifecycle.log(
        refOf(connection),
        outcome === 'revoked'
          ? { kind: 'revocation.done', level: 'info', message: 'The tokens were revoked at the provider' }
          : { kind: 'revocation.not_supported', level: 'info', message: 'The provider offers no token revocation' }
      )
      return outcome === 'revoked' ? 'done' : 'not_supported'
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      await this.store.revocations.recordAttempt(revocation.id, error.hint)
      if (error.retryable) this.metrics.revocations.inc({ outcome: 'retry' })
      else await this.giveUpRevocation(job, error.hint)
      if (live !== undefined)
        await this.lifecycle.log(refOf(connection), {
          kind: 'revocation.failed',
          level: error.retryable ? 'warn' : 'error',
          message: error.retryable ? `Revocation failed, will retry: ${error.hint}` : error.hint,
          detail: error.toJSON()
        })
      throw error
    }
  }

  /** Records that a revocation will not be tried again; the builder hears of it (`connection.revocation_failed`). */
  async giveUpRevocation(job: RevokeJob, reason: string): Promise<void> {
    const revocation = await this.store.revocations.get(job.revocationId)
    if (revocation === undefined || revocation.status !== 'pending') return
    const connectorKey = (revocation.context as { connectorKey?: string }).connectorKey ?? ''
    if (!(await this.store.revocations.finish(job.revocationId, 'failed', reason))) return
    this.metrics.revocations.inc({ outcome: 'gave_up' })
    await this.lifecycle.revocationGaveUp(
      { tenantId: job.tenantId, connectionId: job.connectionId },
      `Gave up revoking the tokens at the provider: ${reason.replace(/\.$/, '')}. They were deleted here; revoke the app's access at the provider if needed.`,
      connectorKey
    )
  }

  /**
   * Finds credentials whose refresh is due (the partial index on `refresh_due_at`), pending
   * revocations and overdue webhook deliveries, and queues them; queueing is deduplicated, so
   * running it often is cheap and running it after Redis lost everything puts everything back.
   * Also drops what has expired: old connect sessions, abandoned connection cards, and
   * registered clients superseded over an hour ago that nothing uses any more.
   * @returns how many refreshes, revocations and webhook deliveries were queued, and how many abandoned cards and superseded clients were deleted.
   */
  async sweep(
    limit = 5_000,
    random: () => number = Math.random
  ): Promise<{
    refreshes: number
    revocations: number
    webhooks: number
    abandoned: number
    supersededClients: number
  }> {
    const now = this.now()
    const due = await this.store.credentials.due(new Date(now), limit)
    const spreadMs = (this.config.refreshSpreadSeconds ?? 30) * 1000
    for (const row of due) {
      // Spread a burst of due tokens: each waits a random part of the window, never past half its remaining life.
      const window =
        row.expiresAt === null ? spreadMs : Math.min(spreadMs, Math.max(0, (row.expiresAt.getTime() - now) / 2))
      await this.queues.enqueueRefresh(
        { connectionId: row.connectionId, tenantId: row.tenantId, reason: 'due' },
        { delayMs: random() * window }
      )
    }
    const pending = await this.store.revocations.pending(30, limit)
    for (const row of pending)
      await this.queues.enqueueRevocation({
        revocationId: row.id,
        tenantId: row.tenant_id,
        connectionId: row.connection_id
      })
    // Webhook deliveries due a minute ago and still pending lost their job (Redis was down, or lost its data).
    const overdue = await this.store.webhooks.overdue(60, limit)
    for (const row of overdue) await this.queues.enqueueWebhook({ deliveryId: row.id, attempt: row.attempts })
    // Expired connect sessions open nothing; keep a day of them for support questions, then drop them.
    await this.store.sessions.deleteExpired(new Date(this.now() - 86_400_000))
    // Cards of attempts never connected (abandoned, denied, failed before any token) expire.
    const hours = this.config.abandonedConnectionHours ?? 24
    const abandoned =
      hours === 0 ? [] : await this.store.connections.deleteAbandoned(new Date(now - hours * 3_600_000), limit)
    for (const { id } of abandoned) await this.credentials.forget(id)
    // A registered client superseded by a new registration (its secret expiring) serves the
    // connections made with it; once none names it, it is kept no longer.
    const supersededClients = await this.store.registeredClients.pruneSuperseded(new Date(now - 3_600_000), limit)
    return {
      refreshes: due.length,
      revocations: pending.length,
      webhooks: overdue.length,
      abandoned: abandoned.length,
      supersededClients
    }
  }
}
