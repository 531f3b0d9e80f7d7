import { checkRequestedScopes, resolveOAuth2, resolveScopes, validateParameters } from '@latchkey/connector-sdk'
import type { Issue } from '@latchkey/connector-sdk'
import { OAuthError, refreshTokens } from '@latchkey/oauth-client'
import type { JobQueues } from '@latchkey/jobs'
import type { ConnectionEvent, Store } from '@latchkey/store'
import type { Catalog } from './catalog.js'
import { connectionContext, sealParameters, visibleParameters } from './connection-context.js'
import { toConnectionView } from './connection-view.js'
import type { ConnectionView } from './connection-view.js'
import { RuntimeError, invalidRequest, notFound } from './errors.js'
import type { RuntimeConfig } from './runtime-config.js'
import { decodeTokenSet, encodeTokenSet, refreshDueAt } from './token-set-codec.js'
import { runtimeErrorFromOAuth } from './oauth-failure.js'

/** What `POST /v1/connections` takes. */
export interface NewConnectionRequest {
  readonly connector: string
  readonly parameters?: Record<string, unknown> | undefined
  readonly scopes?: readonly string[] | undefined
  readonly client?: { clientId: string; clientSecret: string } | undefined
  readonly externalId?: string | undefined
  readonly label?: string | undefined
}

/** An event as the API shows it. */
export interface EventView {
  at: string
  kind: string
  level: string
  message: string
  detail: Record<string, unknown>
}

/** A token handed out by `GET /v1/connections/:id/token`. */
export interface TokenView {
  accessToken: string
  tokenType: string
  expiresAt: string | null
}

/** Connections: create, read, list, delete, disconnect, events, token. */
export class ConnectionService {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly queues: JobQueues,
    private readonly config: RuntimeConfig
  ) {}

  async create(tenantId: string, request: NewConnectionRequest): Promise<ConnectionView> {
    const entry = await this.catalog.get(tenantId, request.connector)
    if (entry === undefined) throw invalidRequest('the connector does not exist', [{ path: 'body.connector', message: `"${request.connector}" is not a connector of this tenant` }])
    const { definition } = entry
    const auth = resolveOAuth2(definition.auth)
    const issues: Issue[] = []
    const parameters = validateParameters(definition, request.parameters ?? {}, 'body.parameters')
    if (!parameters.ok) issues.push(...parameters.issues)
    if (request.scopes !== undefined) issues.push(...checkRequestedScopes(request.scopes, auth.scopes, 'body.scopes'))
    if (auth.clientOwnership === 'customer' && request.client === undefined) issues.push({ path: 'body.client', message: 'is required: this connector is customer-owned, so the end customer gives a client id and secret' })
    if (auth.clientOwnership === 'developer' && request.client !== undefined) issues.push({ path: 'body.client', message: "is not allowed: this connector uses the tenant's OAuth app (PUT /v1/connectors/:key/app)" })
    if (issues.length > 0 || !parameters.ok) throw invalidRequest(`the connection has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`, issues)
    const app = auth.clientOwnership === 'developer' ? await this.store.apps.get(tenantId, definition.key) : undefined
    const requested = resolveScopes({ requested: request.scopes, appDefaults: app?.scopes ?? undefined, connectorDefaults: auth.defaultScopes, offlineScope: auth.offlineScope })
    const connection = await this.store.connections.create({
      tenantId,
      connectorKey: definition.key,
      externalId: request.externalId ?? null,
      label: request.label ?? null,
      parameters: await sealParameters(this.store, definition, parameters.values),
      requestedScopes: requested,
      client: request.client ?? null
    })
    await this.store.events.add(tenantId, connection.id, { kind: 'connection.created', level: 'info', message: `Connection to ${definition.name} created`, detail: { scopes: requested } })
    return toConnectionView({ ...connection, parameters: visibleParameters(connection.parameters) }, null)
  }

  async get(tenantId: string, id: string): Promise<ConnectionView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const credential = await this.store.db.selectFrom('credentials').select('expires_at').where('connection_id', '=', id).executeTakeFirst()
    return toConnectionView({ ...connection, parameters: visibleParameters(connection.parameters) }, credential?.expires_at ?? null)
  }

  async list(tenantId: string, filters: { connector?: string | undefined; externalId?: string | undefined }): Promise<ConnectionView[]> {
    const connections = await this.store.connections.list(tenantId, { connectorKey: filters.connector, externalId: filters.externalId })
    const ids = connections.map((c) => c.id)
    const expiries = ids.length === 0 ? [] : await this.store.db.selectFrom('credentials').select(['connection_id', 'expires_at']).where('connection_id', 'in', ids).execute()
    const byId = new Map(expiries.map((row) => [row.connection_id, row.expires_at]))
    return connections.map((c) => toConnectionView({ ...c, parameters: visibleParameters(c.parameters) }, byId.get(c.id) ?? null))
  }

  async events(tenantId: string, id: string, limit: number): Promise<EventView[]> {
    if ((await this.store.connections.get(tenantId, id)) === undefined) throw notFound('connection')
    const events: ConnectionEvent[] = await this.store.events.list(tenantId, id, limit)
    return events.map((e) => ({ at: e.at.toISOString(), kind: e.kind, level: e.level, message: e.message, detail: e.detail }))
  }

  /**
   * Disconnects: deletes the tokens, stops refreshing, and, when the connector has a revoke
   * URL, queues their revocation (the job carries only ids).
   */
  async disconnect(tenantId: string, id: string): Promise<ConnectionView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    const revokeUrl = entry === undefined ? undefined : resolveOAuth2(entry.definition.auth).revokeUrl
    const revocationId = await this.store.db.transaction().execute(async (trx) => {
      const taken = await this.store.credentials.take(id, trx)
      await this.store.connections.update(tenantId, id, { status: 'disconnected', statusReason: null }, trx)
      await this.store.events.add(tenantId, id, { kind: 'connection.disconnected', level: 'info', message: taken === undefined ? 'Disconnected (no tokens were stored)' : 'Disconnected: tokens deleted, refreshing stopped' }, trx)
      if (taken === undefined) return undefined
      if (revokeUrl === undefined) {
        await this.store.events.add(tenantId, id, { kind: 'revocation.not_supported', level: 'info', message: 'The provider offers no token revocation; the tokens were deleted here only' }, trx)
        return undefined
      }
      const created = await this.store.revocations.create(tenantId, id, taken.tokenSetEnc, trx)
      await this.store.events.add(tenantId, id, { kind: 'revocation.queued', level: 'info', message: 'Revocation at the provider queued', detail: { revocationId: created } }, trx)
      return created
    })
    if (revocationId !== undefined) await this.queues.enqueueRevocation({ revocationId, tenantId, connectionId: id })
    return this.get(tenantId, id)
  }

  /** Deletes a connection; its tokens are revoked first, as on disconnect. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.disconnect(tenantId, id)
    await this.store.connections.delete(tenantId, id)
  }

  /**
   * A valid access token. When it has expired (or is about to) and a refresh token is at
   * hand, it is refreshed first, with a compare-and-set on the credential version.
   */
  async token(tenantId: string, id: string): Promise<TokenView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const credential = await this.store.credentials.get(id)
    if (credential === undefined || connection.status === 'disconnected') throw new RuntimeError('not_connected', 'the connection has no tokens: connect it first')
    let tokens = decodeTokenSet(credential.tokenSet)
    const now = (this.config.now ?? Date.now)()
    if (tokens.expiresAt !== undefined && tokens.expiresAt.getTime() - now < 30_000 && tokens.refreshToken !== undefined) {
      tokens = await this.refresh(tenantId, id, 'due')
    }
    return { accessToken: tokens.accessToken, tokenType: tokens.tokenType, expiresAt: tokens.expiresAt?.toISOString() ?? null }
  }

  /** Refreshes now; `invalid_grant` turns the connection red. */
  async refresh(tenantId: string, id: string, reason: 'due' | 'forced'): ReturnType<typeof refreshTokens> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    const credential = await this.store.credentials.get(id)
    if (entry === undefined || credential === undefined) throw new RuntimeError('not_connected', 'the connection has no tokens: connect it first')
    const previous = decodeTokenSet(credential.tokenSet)
    if (previous.refreshToken === undefined) throw new RuntimeError('conflict', 'the provider gave no refresh token for this connection: reconnect to get a new access token')
    const context = await connectionContext(this.store, entry.definition, connection)
    const now = (this.config.now ?? Date.now)()
    let fresh
    try {
      fresh = await refreshTokens(context, previous, this.config.http)
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      const red = error.code === 'invalid_grant' || error.code === 'invalid_client' || error.code === 'unauthorized_client'
      await this.store.connections.update(tenantId, id, red ? { status: 'error', statusReason: error.hint } : { statusReason: error.hint })
      await this.store.events.add(tenantId, id, { kind: red ? 'connection.refresh_failed' : 'refresh.retryable_failure', level: red ? 'error' : 'warn', message: error.hint, detail: error.toJSON() })
      throw runtimeErrorFromOAuth(error)
    }
    const version = await this.store.credentials.replace(id, credential.version, { tokenSet: encodeTokenSet(fresh), expiresAt: fresh.expiresAt ?? null, refreshDueAt: refreshDueAt(fresh, now, this.config.refreshMarginSeconds ?? 300) })
    if (version === undefined) {
      // Someone else refreshed meanwhile: theirs is newer.
      const current = await this.store.credentials.get(id)
      return current === undefined ? fresh : decodeTokenSet(current.tokenSet)
    }
    await this.store.events.add(tenantId, id, { kind: 'token.refreshed', level: 'info', message: reason === 'forced' ? 'Token refreshed on request' : 'Token refreshed', detail: { expiresAt: fresh.expiresAt?.toISOString() ?? null } })
    if (connection.status === 'error') await this.store.connections.update(tenantId, id, { status: 'connected', statusReason: null })
    return fresh
  }
}
