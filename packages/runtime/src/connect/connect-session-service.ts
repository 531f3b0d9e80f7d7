import { randomBytes } from 'node:crypto'
import type { ConnectSession, Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { missingScopes, scopesForActions } from '@latchkey/connector-sdk'
import type { Issue } from '@latchkey/connector-sdk'
import type { AuthorizeLink, ConnectFlow } from './connect-flow.js'
import type { ConnectionService, EventView, NewConnectionRequest } from '../connections/connection-service.js'
import type { ConnectionView } from '../connections/connection-view.js'
import type { ConnectorService, ConnectorSummary } from '../connectors/connector-service.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import type { RuntimeConfig } from '../runtime-config.js'
import { isAllowedRedirect } from '../tenants/tenant-settings.js'
import type { Branding, TenantSettingsService, WizardLocale } from '../tenants/tenant-settings.js'
import { schemeIn } from '../connectors/catalog.js'

/** Where the connect wizard lives on this deployment; attempts started there come back here. */
export const WIZARD_PATH = '/connect/'

/** Session tokens carry a prefix so they are recognisable in a leak scan and never mistaken for an API key. */
const TOKEN_PREFIX = 'lkcs_'

/** What `POST /v1/connect-sessions` answers. */
export interface ConnectSessionLink {
  token: string
  /** Opens the wizard; the token travels in the fragment, which browsers never send to a server. */
  url: string
  expiresAt: string
}

/** The actions a session names for one connector, and the scopes they need (what the wizard asks for). */
export interface SessionActions {
  actions: string[]
  scopes: string[]
}

/** What the wizard shows: the connectors offered to this end customer and their connections. */
export interface ConnectSessionOverview {
  externalId: string
  expiresAt: string
  connectors: ConnectorSummary[]
  connections: ConnectionView[]
  /** Per connector key, the actions this session's connections will be used for. */
  actions: Record<string, SessionActions>
  /** Per connection id, the scopes those actions need that it was not granted (asked for by authorizing it again). */
  missingScopes: Record<string, string[]>
  /** The tenant as its customers see it. */
  branding: Branding
  /** Origins allowed to embed this wizard (frame it, or open it as a popup and hear from it). */
  embedOrigins: string[]
  /** Where the wizard sends the customer when a connection succeeds or fails; `null`: it stays. */
  successUrl: string | null
  failureUrl: string | null
  locale: WizardLocale
}

/**
 * Connect sessions: a tenant's backend asks for one per end customer; the link opens the
 * wizard, which can reach that customer's connections (same `externalId`) to the offered
 * connectors and nothing else. No API key ever reaches the browser.
 */
export class ConnectSessionService {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly connectors: ConnectorService,
    private readonly connections: ConnectionService,
    private readonly connect: ConnectFlow,
    private readonly settings: TenantSettingsService,
    private readonly config: RuntimeConfig
  ) {}

  private now(): number {
    return (this.config.now ?? Date.now)()
  }

  async create(
    tenantId: string,
    input: {
      externalId: string
      connectors?: readonly string[] | undefined
      actions?: Readonly<Record<string, readonly string[]>> | undefined
      successUrl?: string | undefined
      failureUrl?: string | undefined
      locale?: WizardLocale | undefined
    }
  ): Promise<ConnectSessionLink> {
    const offered = input.connectors === undefined ? null : [...new Set(input.connectors)]
    const issues: Issue[] = []
    if (offered !== null) {
      for (const [index, key] of offered.entries()) {
        if ((await this.catalog.get(tenantId, key)) === undefined)
          issues.push({ path: `body.connectors[${index}]`, message: `"${key}" is not a connector of this tenant` })
      }
    }
    const actions =
      input.actions === undefined ? null : await this.checkActions(tenantId, offered, input.actions, issues)
    if (input.successUrl !== undefined || input.failureUrl !== undefined) {
      const { redirectUrls } = await this.settings.branding(tenantId)
      for (const field of ['successUrl', 'failureUrl'] as const) {
        const url = input[field]
        if (url !== undefined && !isAllowedRedirect(url, redirectUrls))
          issues.push({
            path: `body.${field}`,
            message: `${url} is not one of this tenant's redirect URLs (add it in the settings' redirectUrls first)`
          })
      }
    }
    if (issues.length > 0)
      throw invalidRequest(
        `the connect session has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`,
        issues
      )
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
    const expiresAt = new Date(this.now() + (this.config.connectSessionTtlSeconds ?? 1800) * 1000)
    const session = await this.store.sessions.create({
      tenantId,
      token,
      externalId: input.externalId,
      connectors: offered,
      actions,
      successUrl: input.successUrl ?? null,
      failureUrl: input.failureUrl ?? null,
      locale: input.locale ?? null,
      expiresAt
    })
    return {
      token,
      // The session's id (not a secret) lets the page's own response allow the tenant's embedding origins.
      url: `${this.config.publicUrl.replace(/\/+$/, '')}${WIZARD_PATH}?s=${session.id}#session=${token}`,
      expiresAt: expiresAt.toISOString()
    }
  }

  /** Each connector named must be offered and declare the actions; every problem is added to `issues`. */
  private async checkActions(
    tenantId: string,
    offered: readonly string[] | null,
    named: Readonly<Record<string, readonly string[]>>,
    issues: Issue[]
  ): Promise<Record<string, string[]>> {
    const actions: Record<string, string[]> = {}
    for (const [key, keys] of Object.entries(named)) {
      const at = `body.actions.${key}`
      const entry = await this.catalog.get(tenantId, key)
      if (entry === undefined) issues.push({ path: at, message: `"${key}" is not a connector of this tenant` })
      else if (offered !== null && !offered.includes(key))
        issues.push({ path: at, message: `"${key}" is not one of the connectors this session offers` })
      else issues.push(...scopesForActions(entry.definition, keys, at).issues)
      actions[key] = [...new Set(keys)]
    }
    return actions
  }

  /** The session a token opens, or `undefined` when it is unknown or expired. */
  async authenticate(token: string): Promise<ConnectSession | undefined> {
    if (!token.startsWith(TOKEN_PREFIX)) return undefined
    return this.store.sessions.findActive(token, new Date(this.now()))
  }

  /**
   * The origins allowed to frame the wizard page opened for a session (`?s=<id>`): the
   * tenant's embedding origins while the session is active, none otherwise.
   */
  async frameAncestors(sessionId: string): Promise<string[]> {
    const session = await this.store.sessions.findActiveById(sessionId, new Date(this.now()))
    if (session === undefined) return []
    return (await this.settings.branding(session.tenant_id)).embedOrigins
  }

  async overview(session: ConnectSession): Promise<ConnectSessionOverview> {
    const all = await this.connectors.list(session.tenant_id)
    const connectors =
      session.connectors === null ? all : session.connectors.flatMap((key) => all.filter((c) => c.key === key))
    const offered = new Set(connectors.map((c) => c.key))
    const connections = (await this.connections.list(session.tenant_id, { externalId: session.external_id })).filter(
      (c) => offered.has(c.connector)
    )
    const actions: Record<string, SessionActions> = {}
    const missing: Record<string, string[]> = {}
    const branding = await this.settings.branding(session.tenant_id)
    for (const [key, keys] of Object.entries(session.actions ?? {})) {
      const entry = offered.has(key) ? await this.catalog.get(session.tenant_id, key) : undefined
      if (entry === undefined) continue
      actions[key] = { actions: keys, scopes: scopesForActions(entry.definition, keys).scopes }
      for (const connection of connections.filter((c) => c.connector === key && c.scopes.granted.length > 0)) {
        const scheme = schemeIn(entry.definition, connection.scheme ?? null)
        if (scheme?.kind !== 'oauth2') continue
        const lacking = missingScopes(actions[key].scopes, connection.scopes.granted, scheme.scopeIncludes)
        if (lacking.length > 0) missing[connection.id] = lacking
      }
    }
    return {
      externalId: session.external_id,
      expiresAt: session.expires_at.toISOString(),
      connectors,
      connections,
      actions,
      missingScopes: missing,
      branding: { name: branding.name, accentColor: branding.accentColor, logoUrl: branding.logoUrl },
      embedOrigins: branding.embedOrigins,
      successUrl: session.success_url,
      failureUrl: session.failure_url,
      locale: (session.locale ?? 'en') as WizardLocale
    }
  }

  /** Creates a connection for the session's end customer; the external id is the session's, whatever the body says. */
  async createConnection(
    session: ConnectSession,
    request: Omit<NewConnectionRequest, 'externalId'>
  ): Promise<ConnectionView> {
    if (!this.offers(session, request.connector))
      throw invalidRequest('the connector is not offered here', [
        { path: 'body.connector', message: `"${request.connector}" is not offered in this connect session` }
      ])
    // The session, not the browser, says what the connection is for.
    const actions = session.actions?.[request.connector] ?? request.actions
    return this.connections.create(session.tenant_id, {
      ...request,
      externalId: session.external_id,
      ...(actions === undefined ? {} : { actions })
    })
  }

  /** Starts a connect attempt; `returnToWizard` when the browser goes there by a full-page redirect (a blocked popup). */
  async authorize(
    session: ConnectSession,
    connectionId: string,
    options: { returnToWizard?: boolean | undefined }
  ): Promise<AuthorizeLink> {
    const connection = await this.require(session, connectionId)
    // A connection made before the session named actions is asked for what they need on top.
    const actions = session.actions?.[connection.connector]
    return this.connect.authorize(session.tenant_id, connectionId, {
      returnTo: options.returnToWizard === true ? WIZARD_PATH : undefined,
      ...(actions === undefined ? {} : { actions })
    })
  }

  async get(session: ConnectSession, connectionId: string): Promise<ConnectionView> {
    return this.require(session, connectionId)
  }

  async disconnect(session: ConnectSession, connectionId: string): Promise<ConnectionView> {
    await this.require(session, connectionId)
    return this.connections.disconnect(session.tenant_id, connectionId)
  }

  /**
   * The customer removes a card that holds nothing: a connection never connected (abandoned,
   * denied, failed) or already disconnected. A working one must be disconnected first, so
   * access is never taken away by a tidy-up.
   * @throws {RuntimeError} `conflict` for a connection that is connected or red.
   */
  async remove(session: ConnectSession, connectionId: string): Promise<void> {
    const connection = await this.require(session, connectionId)
    if (connection.status !== 'configured' && connection.status !== 'disconnected')
      throw new RuntimeError('conflict', 'this connection is in use: disconnect it before removing it')
    await this.connections.delete(session.tenant_id, connectionId)
  }

  async events(session: ConnectSession, connectionId: string, limit: number): Promise<EventView[]> {
    await this.require(session, connectionId)
    return this.connections.events(session.tenant_id, connectionId, limit)
  }

  private offers(session: ConnectSession, connectorKey: string): boolean {
    return session.connectors === null || session.connectors.includes(connectorKey)
  }

  /** Another customer's connection, or one to a connector not offered, is "not found", like another tenant's. */
  private async require(session: ConnectSession, connectionId: string): Promise<ConnectionView> {
    const connection = await this.connections.get(session.tenant_id, connectionId)
    if (connection.externalId !== session.external_id || !this.offers(session, connection.connector))
      throw notFound('connection')
    return connection
  }
}
