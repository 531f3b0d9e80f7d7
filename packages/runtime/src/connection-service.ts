import { checkRequestedScopes, resolveOAuth2, resolveScopes, validateParameters } from '@latchkey/connector-sdk'
import type { Issue } from '@latchkey/connector-sdk'
import type { JobQueues } from '@latchkey/jobs'
import type { ConnectionEvent, Store } from '@latchkey/store'
import type { Catalog } from './catalog.js'
import { sealParameters, visibleParameters } from './connection-context.js'
import { toConnectionView } from './connection-view.js'
import type { ConnectionView } from './connection-view.js'
import { RuntimeError, invalidRequest, notFound } from './errors.js'
import type { CredentialService } from './credential-service.js'

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
    private readonly credentials: CredentialService
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
      // Enough to revoke even if the connection is deleted before the job runs.
      const snapshot = { connectorKey: connection.connector_key, parameters: connection.parameters, client: (await this.store.connections.client(connection)) ?? null }
      const created = await this.store.revocations.create(tenantId, id, taken.tokenSetEnc, snapshot, trx)
      await this.store.events.add(tenantId, id, { kind: 'revocation.queued', level: 'info', message: 'Revocation at the provider queued', detail: { revocationId: created } }, trx)
      return created
    })
    await this.credentials.invalidate(id)
    if (revocationId !== undefined) await this.queues.enqueueRevocation({ revocationId, tenantId, connectionId: id })
    return this.get(tenantId, id)
  }

  /** Deletes a connection; its tokens are revoked first, as on disconnect. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.disconnect(tenantId, id)
    await this.store.connections.delete(tenantId, id)
  }

  /** A valid access token, refreshed first (in single flight) when it expires within 30 seconds. */
  async token(tenantId: string, id: string): Promise<TokenView> {
    const connection = await this.credentials.connection(tenantId, id)
    const { tokens } = await this.credentials.current(connection)
    return { accessToken: tokens.accessToken, tokenType: tokens.tokenType, expiresAt: tokens.expiresAt?.toISOString() ?? null }
  }

  /** Refreshes now, in single flight; `invalid_grant` turns the connection red. */
  async refresh(tenantId: string, id: string): Promise<void> {
    const connection = await this.credentials.connection(tenantId, id)
    if (connection.status === 'disconnected') throw new RuntimeError('not_connected', 'the connection is disconnected: connect it again')
    await this.credentials.refresh(connection, undefined, 'forced')
  }
}
