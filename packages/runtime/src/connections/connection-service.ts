import {
  CLIENT_CERTIFICATE_KEYS,
  checkRequestedScopes,
  closest,
  resolveAuthSchemes,
  resolveConfigValues,
  SERVICE_ACCOUNT_FIELDS,
  resolveScopes,
  scopesForActions,
  widestScopes,
  templateParameters,
  validateParameters
} from '@latchkey/connector-sdk'
import type {
  ConnectorDefinition,
  ConnectorDefinitionJson,
  Issue,
  ResolvedApiKey,
  ResolvedAuthScheme,
  ResolvedAwsSigV4,
  ResolvedBasic,
  ResolvedJwtBearer,
  ResolvedTokenExchange,
  TemplateValues
} from '@latchkey/connector-sdk'
import { privateKeyProblem } from '@latchkey/oauth-client'
import type { TokenSet } from '@latchkey/oauth-client'
import { injectionFor } from '../calls/auth-injection.js'
import type { JobQueues } from '@latchkey/jobs'
import { ConnectionsRepository } from '@latchkey/store'
import type { Connection, ConnectionEvent, CredentialWrite, Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { openParameters, schemeOf, sealParameters, visibleParameters } from './connection-context.js'
import { encodeTypedIn } from '../credentials/token-set-codec.js'
import { checkClientCertificate } from '../connectors/client-certificate-check.js'
import { toConnectionView } from './connection-view.js'
import type { ConnectionView } from './connection-view.js'
import { outageOf } from '../dependency-outage.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import type { CredentialService } from '../credentials/credential-service.js'
import type { ConnectionLifecycle, HeldWebhooks } from './lifecycle.js'
import { schemeIn } from '../connectors/catalog.js'

/** What `POST /v1/connections` takes. */
export interface NewConnectionRequest {
  readonly connector: string
  readonly parameters?: Record<string, unknown> | undefined
  readonly scopes?: readonly string[] | undefined
  /**
   * The declared actions the connection will be used for: the scopes requested are the union
   * of theirs (with `scopes`, if given, and the offline-access scope), not the defaults.
   */
  readonly actions?: readonly string[] | undefined
  readonly client?: { clientId: string; clientSecret: string } | undefined
  readonly externalId?: string | undefined
  readonly label?: string | undefined
  /** The auth scheme's key when the connector offers several. @defaultValue the first */
  readonly scheme?: string | undefined
  /** What the end customer types in for API key and basic auth schemes: `apiKey`, `username`, `password` and the scheme's extra fields. */
  readonly credentials?: Readonly<Record<string, string | undefined>> | undefined
}

/** The largest credential accepted (an API key, a user name or a password). */
const MAX_CREDENTIAL_LENGTH = 4096
/** The largest pasted one (a service account key, a certificate chain). */
const MAX_PASTED_LENGTH = 65_536

/**
 * Checks the credentials an API key or basic auth connection is created with against what
 * its scheme asks for (required, length, pattern, unknown fields), and returns the values
 * to store. Never echoes a value in a message.
 */
function typedInCredentials(
  scheme: ResolvedAuthScheme,
  credentials: NewConnectionRequest['credentials'],
  issues: Issue[]
): Record<string, string> | undefined {
  const at = 'body.credentials'
  if (scheme.kind === 'oauth2' || scheme.kind === 'oauth1') {
    if (credentials !== undefined)
      issues.push({ path: at, message: `is not used by the "${scheme.label}" scheme: the provider issues the tokens` })
    return undefined
  }
  const asked = scheme.inputs.map((input) => input.key)
  for (const key of Object.keys(credentials ?? {})) {
    if (asked.includes(key)) continue
    const suggestion = closest(key, asked)
    issues.push({
      path: `${at}.${key}`,
      message: `is not used by the "${scheme.label}" scheme: give ${asked.join(', ')}${suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`}`
    })
  }
  const values: Record<string, string> = {}
  let complete = true
  for (const input of scheme.inputs) {
    const path = `${at}.${input.key}`
    const value = credentials?.[input.key]
    if (value === undefined || value === '') {
      if (input.required) {
        issues.push({ path, message: `is required: the ${input.label}` })
        complete = false
      }
      continue
    }
    if (typeof value !== 'string') issues.push({ path, message: 'must be text' })
    else if (value.length > (input.multiline === true ? MAX_PASTED_LENGTH : MAX_CREDENTIAL_LENGTH))
      issues.push({
        path,
        message: `must be at most ${input.multiline === true ? MAX_PASTED_LENGTH : MAX_CREDENTIAL_LENGTH} characters`
      })
    else if ((input.multiline !== true && /[\r\n]/.test(value)) || value.includes(String.fromCharCode(0)))
      issues.push({ path, message: 'must not contain line breaks' })
    else if (input.key === 'username' && scheme.kind === 'basic' && value.includes(':'))
      issues.push({ path, message: 'must not contain ":" (RFC 7617)' })
    // The pattern is the connector's; never echo the value in the message.
    else if (input.pattern !== undefined && !new RegExp(`^(?:${input.pattern})$`, 'u').test(value))
      issues.push({
        path,
        message:
          input.patternMessage ??
          `is not a valid ${input.label.toLowerCase()}${input.helpText === undefined ? '' : ` (${input.helpText})`}`
      })
    else values[input.key] = value
  }
  if (complete && scheme.clientCertificate === 'customer') {
    // The customer's certificate is checked like an app's: it parses, the key is its own, it is valid now.
    const { certificate, privateKey } = CLIENT_CERTIFICATE_KEYS
    const problems = checkClientCertificate(
      { certificate: values[certificate] ?? '', privateKey: values[privateKey] ?? '' },
      { certificate: `${at}.${certificate}`, privateKey: `${at}.${privateKey}` },
      new Date()
    )
    issues.push(...problems)
    if (problems.length > 0) return undefined
  }
  if (scheme.kind === 'jwtBearer' && complete) return signingCredentials(scheme, values, issues)
  return complete ? values : undefined
}

/**
 * A JWT bearer scheme's credentials: the fields of a pasted service account key (never
 * the file itself), or the typed-in fields; either way a private key that can sign.
 */
function signingCredentials(
  scheme: ResolvedJwtBearer,
  values: Record<string, string>,
  issues: Issue[]
): Record<string, string> | undefined {
  if (!scheme.serviceAccount) {
    const problem = privateKeyProblem(values.privateKey ?? '')
    if (problem === undefined) return values
    issues.push({ path: 'body.credentials.privateKey', message: problem })
    return undefined
  }
  const path = 'body.credentials.serviceAccountKey'
  let key: Record<string, unknown>
  try {
    key = JSON.parse(values.serviceAccountKey ?? '') as Record<string, unknown>
  } catch {
    issues.push({ path, message: 'must be the service account key file: JSON' })
    return undefined
  }
  if (key === null || typeof key !== 'object' || key.type !== 'service_account') {
    issues.push({ path, message: 'must be a service account key: JSON with "type": "service_account"' })
    return undefined
  }
  const kept: Record<string, string> = {}
  for (const field of SERVICE_ACCOUNT_FIELDS) if (typeof key[field] === 'string') kept[field] = key[field] as string
  if (kept.client_email === undefined) issues.push({ path, message: 'has no "client_email"' })
  const problem = privateKeyProblem(kept.private_key ?? '')
  if (problem !== undefined) issues.push({ path, message: `has no usable "private_key": it ${problem}` })
  return kept.client_email === undefined || problem !== undefined ? undefined : kept
}

/** A scheme whose credentials the end customer types in. */
type TypedInScheme = ResolvedApiKey | ResolvedBasic | ResolvedTokenExchange | ResolvedAwsSigV4 | ResolvedJwtBearer

/** What a typed-in scheme's credentials are called in messages. */
function credentialsNoun(scheme: TypedInScheme): string {
  const labels = scheme.inputs.map((input) => input.label.toLowerCase())
  return labels.length <= 1
    ? (labels[0] ?? scheme.label.toLowerCase())
    : `${labels.slice(0, -1).join(', ')} and ${labels.at(-1)}`
}

/** Typed-in credentials as a stored token set: no expiry, nothing to refresh. */
function typedCredentialWrite(
  scheme: TypedInScheme,
  credentials: Readonly<Record<string, string>>,
  values: TemplateValues
): CredentialWrite {
  const basic = (): string => {
    if (scheme.kind === 'tokenExchange') return ''
    // The Basic credential as sent, for `GET /token`: a fixed user name or password rendered.
    const header = injectionFor(scheme, undefined).inject({ tokens: EMPTY_TOKENS, credentials }, values).headers
      .authorization
    return header?.replace(/^Basic /, '') ?? ''
  }
  return { tokenSet: encodeTypedIn(scheme.kind, credentials, basic), expiresAt: null, refreshDueAt: null }
}

/** Parameters and config values as templates read them. */
function templateValuesOf(
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  parameters: Readonly<Record<string, string>>
): TemplateValues {
  return {
    parameters: templateParameters(definition, parameters),
    config: resolveConfigValues(definition, parameters)
  }
}

const EMPTY_TOKENS: TokenSet = {
  accessToken: '',
  tokenType: '',
  expiresAt: undefined,
  refreshToken: undefined,
  scopes: undefined,
  idToken: undefined,
  kept: {}
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
  /** Every value typed in for an API key or basic scheme (a key and its application key), OAuth 1.0a's `oauthTokenSecret`; `null` for OAuth 2.0 tokens. */
  credentials: Record<string, string> | null
}

/** Connections: create, read, list, delete, disconnect, events, token. */
export class ConnectionService {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly queues: JobQueues,
    private readonly credentials: CredentialService,
    private readonly lifecycle: ConnectionLifecycle,
    /**
     * Runs the connector's verification request, then releases the webhooks the connect held;
     * set by the runtime once the HTTP helper exists.
     */
    private readonly afterConnect: (held: HeldWebhooks) => Promise<void>
  ) {}

  async create(tenantId: string, request: NewConnectionRequest): Promise<ConnectionView> {
    const entry = await this.catalog.get(tenantId, request.connector)
    if (entry === undefined)
      throw invalidRequest('the connector does not exist', [
        { path: 'body.connector', message: `"${request.connector}" is not a connector of this tenant` }
      ])
    const { definition } = entry
    const auth = schemeIn(definition, request.scheme ?? null)
    if (auth === undefined) {
      const keys = resolveAuthSchemes(definition).map((s) => JSON.stringify(s.key))
      throw invalidRequest('the auth scheme does not exist', [
        { path: 'body.scheme', message: `must be ${keys.join(' or ')}` }
      ])
    }
    const issues: Issue[] = []
    const parameters = validateParameters(definition, request.parameters ?? {}, 'body.parameters')
    if (!parameters.ok) issues.push(...parameters.issues)
    const oauth = auth.kind === 'oauth2' ? auth : undefined
    if (request.scopes !== undefined) {
      if (oauth === undefined)
        issues.push({ path: 'body.scopes', message: `are not used by the "${auth.label}" scheme` })
      else issues.push(...checkRequestedScopes(request.scopes, oauth.scopes, 'body.scopes'))
    }
    // Least privilege: the scopes of the actions the connection will be used for.
    const forActions =
      request.actions === undefined ? undefined : scopesForActions(definition, request.actions, 'body.actions')
    if (forActions !== undefined) issues.push(...forActions.issues)
    if (oauth?.clientOwnership === 'customer' && request.client === undefined)
      issues.push({
        path: 'body.client',
        message: 'is required: this connector is customer-owned, so the end customer gives a client id and secret'
      })
    if (oauth?.clientOwnership !== 'customer' && request.client !== undefined)
      issues.push({
        path: 'body.client',
        message:
          oauth === undefined
            ? `is not used by the "${auth.label}" scheme`
            : "is not allowed: this connector uses the tenant's OAuth app (PUT /v1/connectors/:key/app)"
      })
    const stored = typedInCredentials(auth, request.credentials, issues)
    if (issues.length > 0 || !parameters.ok)
      throw invalidRequest(
        `the connection has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`,
        issues
      )
    const app = oauth?.clientOwnership === 'developer' ? await this.store.apps.get(tenantId, definition.key) : undefined
    const requested =
      oauth === undefined
        ? []
        : widestScopes(
            resolveScopes({
              requested: forActions === undefined ? request.scopes : [...(request.scopes ?? []), ...forActions.scopes],
              appDefaults: app?.scopes ?? undefined,
              connectorDefaults: oauth.defaultScopes,
              offlineScope: oauth.grant === 'authorization_code' ? oauth.offlineScope : undefined
            }),
            oauth.scopeIncludes
          )
    // No browser step: API keys and basic credentials are stored now; client credentials tokens are fetched on first use.
    const connected = stored !== undefined || (oauth !== undefined && oauth.grant === 'client_credentials')
    const sealed = await sealParameters(this.store, definition, parameters.values)
    const { connection, held } = await this.lifecycle.transaction(async (trx) => {
      const created = await this.store.connections.create(
        {
          tenantId,
          connectorKey: definition.key,
          externalId: request.externalId ?? null,
          label: request.label ?? null,
          parameters: sealed,
          requestedScopes: requested,
          client: request.client ?? null,
          authScheme: request.scheme === undefined ? null : auth.key,
          status: connected ? 'connected' : 'configured'
        },
        trx
      )
      const typedIn = stored !== undefined && auth.kind !== 'oauth2' && auth.kind !== 'oauth1'
      const connectedHeld = await this.lifecycle.created(
        { tenantId, connectionId: created.id },
        {
          message: `Connection to ${definition.name} created (${auth.label})`,
          detail: {
            scheme: auth.key,
            scopes: requested,
            ...(request.actions === undefined ? {} : { actions: [...request.actions] })
          }
        },
        trx,
        !connected
          ? undefined
          : typedIn
            ? {
                credential: typedCredentialWrite(auth, stored, templateValuesOf(definition, parameters.values)),
                message: `Connected to ${definition.name} with ${auth.kind === 'apiKey' ? auth.label.toLowerCase() : `a ${credentialsNoun(auth)}`}`
              }
            : {
                credential: undefined,
                message: `Connected to ${definition.name} with the app's client credentials; the first token is fetched on first use`
              }
      )
      return { connection: created, held: connectedHeld }
    })
    if (held !== undefined) await this.afterConnect(held)
    return this.get(tenantId, connection.id)
  }

  /**
   * Replaces a typed-in credential (a rotated API key, a new auth token) on the same
   * connection, so flows keep using its id; verified again right away. A red connection
   * turns connected. Nothing is written when the credentials are refused.
   * @throws {RuntimeError} `conflict` for OAuth 2.0 schemes, whose tokens come from the provider.
   */
  async replaceCredentials(
    tenantId: string,
    id: string,
    credentials: NewConnectionRequest['credentials']
  ): Promise<ConnectionView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    if (entry === undefined) throw notFound(`connector "${connection.connector_key}"`)
    const scheme = schemeOf(entry.definition, connection)
    if (scheme.kind === 'oauth2' || scheme.kind === 'oauth1') {
      throw new RuntimeError(
        'scheme_mismatch',
        `the "${scheme.label}" scheme gets its tokens from the provider: connect again instead (POST /v1/connections/:id/authorize)`
      )
    }
    const issues: Issue[] = []
    const stored = typedInCredentials(scheme, credentials ?? {}, issues)
    if (issues.length > 0 || stored === undefined)
      throw invalidRequest(
        `the credentials have ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}`,
        issues
      )
    const values = templateValuesOf(entry.definition, await openParameters(this.store, connection.parameters))
    const held = await this.lifecycle.credentialsReplaced(
      { tenantId, connectionId: id },
      typedCredentialWrite(scheme, stored, values),
      `New ${credentialsNoun(scheme)} saved`
    )
    await this.afterConnect(held)
    return this.get(tenantId, id)
  }

  async get(tenantId: string, id: string): Promise<ConnectionView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const credential = await this.store.credentials.state(id)
    return toConnectionView(
      { ...connection, parameters: visibleParameters(connection.parameters) },
      credential?.expiresAt ?? null
    )
  }

  async list(
    tenantId: string,
    filters: { connector?: string | undefined; externalId?: string | undefined }
  ): Promise<ConnectionView[]> {
    const connections = await this.store.connections.list(tenantId, {
      connectorKey: filters.connector,
      externalId: filters.externalId
    })
    const byId = await this.store.credentials.expiries(connections.map((c) => c.id))
    return connections.map((c) =>
      toConnectionView({ ...c, parameters: visibleParameters(c.parameters) }, byId.get(c.id) ?? null)
    )
  }

  /**
   * One page of a tenant's connections, newest first in a stable order, filtered; pass
   * `nextCursor` back as `cursor` for the next page (`null` after the last).
   * @throws {RuntimeError} `invalid_request` for a cursor this API did not write.
   */
  async page(
    tenantId: string,
    query: {
      connector?: string | undefined
      externalId?: string | undefined
      status?: Connection['status'] | undefined
      health?: ConnectionView['health'] | undefined
      limit: number
      cursor?: string | undefined
    }
  ): Promise<{ connections: ConnectionView[]; nextCursor: string | null }> {
    const after =
      query.cursor === undefined
        ? undefined
        : ConnectionsRepository.parsePosition(Buffer.from(query.cursor, 'base64url').toString('utf8'))
    if (query.cursor !== undefined && after === undefined)
      throw invalidRequest('the cursor is not one this API gave', [
        { path: 'query.cursor', message: 'is not a cursor from a previous page (pass nextCursor as it was given)' }
      ])
    const rows = await this.store.connections.list(tenantId, {
      connectorKey: query.connector,
      externalId: query.externalId,
      status: query.status,
      health: query.health,
      limit: query.limit + 1,
      after
    })
    const page = rows.slice(0, query.limit)
    const byId = await this.store.credentials.expiries(page.map((c) => c.id))
    const last = page.at(-1)
    return {
      connections: page.map((c) =>
        toConnectionView({ ...c, parameters: visibleParameters(c.parameters) }, byId.get(c.id) ?? null)
      ),
      nextCursor:
        rows.length > query.limit && last !== undefined ? Buffer.from(last.position).toString('base64url') : null
    }
  }

  async events(tenantId: string, id: string, limit: number): Promise<EventView[]> {
    if ((await this.store.connections.get(tenantId, id)) === undefined) throw notFound('connection')
    const events: ConnectionEvent[] = await this.store.events.list(tenantId, id, limit)
    return events.map((e) => ({
      at: e.at.toISOString(),
      kind: e.kind,
      level: e.level,
      message: e.message,
      detail: e.detail
    }))
  }

  /**
   * Disconnects: deletes the tokens, stops refreshing, and, when the connector has a revoke
   * URL, queues their revocation (the job carries only ids).
   */
  async disconnect(tenantId: string, id: string): Promise<ConnectionView> {
    const connection = await this.store.connections.get(tenantId, id)
    if (connection === undefined) throw notFound('connection')
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    const scheme = entry === undefined ? undefined : schemeIn(entry.definition, connection.auth_scheme)
    // Discovered revocation endpoints count too: the job finds out, and says "not supported" when there is none.
    const discovered =
      scheme?.kind === 'oauth2' &&
      (scheme.tokenUrl === undefined || (scheme.grant === 'authorization_code' && scheme.authorizeUrl === undefined))
    const revokeUrl =
      scheme?.kind === 'oauth2'
        ? (scheme.revokeUrl ??
          (discovered
            ? (scheme.issuer ?? (scheme.grant === 'authorization_code' ? scheme.protectedResource : undefined))
            : undefined))
        : scheme?.kind === 'oauth1'
          ? scheme.revokeUrl
          : scheme?.kind === 'tokenExchange'
            ? scheme.logout?.url
            : undefined
    const revocationId = await this.lifecycle.transaction(async (trx) => {
      const taken = await this.store.credentials.take(id, trx)
      await this.lifecycle.disconnected(
        { tenantId, connectionId: id },
        taken === undefined
          ? 'Disconnected (no tokens were stored)'
          : 'Disconnected: tokens deleted, refreshing stopped',
        trx
      )
      if (taken === undefined) return undefined
      if (revokeUrl === undefined) {
        const message =
          scheme !== undefined && scheme.kind !== 'oauth2' && scheme.kind !== 'oauth1'
            ? `The ${scheme.label.toLowerCase()} was deleted here; revoke it at the provider too if it should stop working everywhere`
            : 'The provider offers no token revocation; the tokens were deleted here only'
        await this.lifecycle.log(
          { tenantId, connectionId: id },
          { kind: 'revocation.not_supported', level: 'info', message },
          trx
        )
        return undefined
      }
      // Enough to revoke even if the connection is deleted before the job runs.
      const snapshot = {
        connectorKey: connection.connector_key,
        authScheme: connection.auth_scheme,
        parameters: connection.parameters,
        client: (await this.store.connections.client(connection)) ?? null,
        // A dynamically registered client (RFC 7591) is kept apart; its id is enough.
        registeredClientId: connection.registered_client_id
      }
      const created = await this.store.revocations.create(tenantId, id, taken.tokenSetEnc, snapshot, trx)
      await this.lifecycle.log(
        { tenantId, connectionId: id },
        {
          kind: 'revocation.queued',
          level: 'info',
          message: 'Revocation at the provider queued',
          detail: { revocationId: created }
        },
        trx
      )
      return created
    })
    await this.afterDisconnect(tenantId, id, revocationId)
    return this.get(tenantId, id)
  }

  /**
   * What follows a committed disconnect through Redis: dropping cached tokens everywhere and
   * queueing the revocation. When Redis cannot take it (down, or full), the disconnect has
   * still happened: the revocation row is recorded, the worker's sweep queues it, and the
   * connection's log says so; other processes' cached tokens lapse within a minute and the
   * disconnected status refuses calls meanwhile.
   */
  private async afterDisconnect(tenantId: string, id: string, revocationId: string | undefined): Promise<void> {
    try {
      await this.credentials.invalidate(id)
      if (revocationId !== undefined) await this.queues.enqueueRevocation({ revocationId, tenantId, connectionId: id })
    } catch (error) {
      if (outageOf(error) !== 'redis') throw error
      if (revocationId === undefined) return
      await this.lifecycle.log(
        { tenantId, connectionId: id },
        {
          kind: 'revocation.deferred',
          level: 'warn',
          message:
            "The queue (Redis) could not take the revocation job just now; the revocation is recorded and the worker's sweep will queue it shortly"
        }
      )
    }
  }

  /** Deletes a connection; its tokens are revoked first, as on disconnect. */
  async delete(tenantId: string, id: string): Promise<void> {
    await this.disconnect(tenantId, id)
    await this.store.connections.delete(tenantId, id)
    // Every process forgets it (a call since the disconnect may have loaded it again).
    await this.credentials.forget(id)
  }

  /** A valid access token, refreshed first (in single flight) when it expires within 30 seconds. */
  async token(tenantId: string, id: string): Promise<TokenView> {
    const connection = await this.credentials.connection(tenantId, id)
    const { tokens, credentials } = await this.credentials.current(connection)
    return {
      accessToken: tokens.accessToken,
      tokenType: tokens.tokenType,
      expiresAt: tokens.expiresAt?.toISOString() ?? null,
      credentials: credentials === undefined ? null : { ...credentials }
    }
  }

  /** Refreshes now, in single flight; `invalid_grant` turns the connection red. */
  async refresh(tenantId: string, id: string): Promise<void> {
    const connection = await this.credentials.connection(tenantId, id)
    if (connection.status === 'disconnected')
      throw new RuntimeError('not_connected', 'the connection is disconnected: connect it again')
    await this.credentials.refresh(connection, undefined, 'forced')
  }
}
