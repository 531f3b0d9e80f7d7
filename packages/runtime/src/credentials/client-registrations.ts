import { registerClient, OAuthError } from '@latchkey/oauth-client'
import type { HttpOptions } from '@latchkey/oauth-client'
import type { ConnectorDefinition, ConnectorDefinitionJson, ResolvedAuthScheme } from '@latchkey/connector-sdk'
import type { Connection, RegisteredClientRecord, Store } from '@latchkey/store'
import { fromServerMetadata, openedValues } from '../connections/connection-context.js'
import type { PreparedValues } from '../connections/connection-context.js'
import { RuntimeError } from '../errors.js'
import type { DiscoveryCache } from './discovery-cache.js'

/** A secret this close to expiring is not used to start a connect: the client is registered again. */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000

/**
 * OAuth clients registered at authorization servers (RFC 7591) for schemes with
 * `clientRegistration: "dynamic"`: one per tenant, server and redirect URI, registered the
 * first time a tenant connects there, kept encrypted, reused by the tenant's every
 * connection to that server, and registered again when its secret expires. An app the
 * tenant set for the connector is used instead.
 */
export class ClientRegistrations {
  /** Registrations under way in this process, so concurrent first connects register once. */
  readonly #pending = new Map<string, Promise<RegisteredClientRecord>>()

  constructor(
    private readonly store: Store,
    private readonly discovery: DiscoveryCache,
    private readonly redirectUri: string,
    private readonly http: HttpOptions | undefined,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * Makes sure a connection about to be connected has its client: the tenant's registered
   * client at the scheme's authorization server (registered now if there is none yet).
   * @returns the connection row, naming its registered client, and what was read on the way (`prepared`, for its context)
   * @throws {RuntimeError} `provider_incompatible` (no registration endpoint, registration refused), `provider_unreachable`.
   */
  async prepare(
    connection: Connection,
    definition: ConnectorDefinition | ConnectorDefinitionJson,
    scheme: ResolvedAuthScheme
  ): Promise<{ connection: Connection; prepared?: PreparedValues }> {
    if (scheme.kind !== 'oauth2' || scheme.grant !== 'authorization_code' || scheme.clientRegistration !== 'dynamic')
      return { connection }
    const app = await this.store.apps.get(connection.tenant_id, connection.connector_key)
    if (app?.client !== undefined && app.client !== null) return { connection: await this.use(connection, null) }
    const values = await openedValues(this.store, definition, connection)
    const facts = await fromServerMetadata(scheme, values, this.discovery)
    const issuer = facts.issuer as string
    if (facts.registrationUrl === undefined)
      throw new RuntimeError(
        'provider_incompatible',
        `the authorization server ${issuer} offers no dynamic client registration (its metadata has no registration_endpoint): register an OAuth app there and set it with PUT /v1/connectors/${connection.connector_key}/app`
      )
    const registrationUrl = facts.registrationUrl
    const key = `${connection.tenant_id} ${issuer} ${this.redirectUri}`
    let pending = this.#pending.get(key)
    if (pending === undefined) {
      pending = this.clientAt(connection.tenant_id, issuer, registrationUrl, scheme.clientAuthMethod)
      this.#pending.set(key, pending)
      void pending.finally(() => this.#pending.delete(key)).catch(() => undefined)
    }
    return { connection: await this.use(connection, (await pending).id), prepared: { ...values, facts } }
  }

  private async clientAt(
    tenantId: string,
    issuer: string,
    registrationUrl: string,
    method: string
  ): Promise<RegisteredClientRecord> {
    const known = await this.store.registeredClients.find(tenantId, issuer, this.redirectUri)
    if (known !== undefined && (known.expiresAt === null || known.expiresAt.getTime() > this.now() + EXPIRY_MARGIN_MS))
      return known
    const registered = await this.register(tenantId, registrationUrl, method)
    if (known === undefined) return this.store.registeredClients.add(tenantId, issuer, this.redirectUri, registered)
    return (await this.store.registeredClients.supersede(tenantId, known.id, registered)) ?? known
  }

  private async register(tenantId: string, registrationUrl: string, method: string) {
    const settings = await this.store.settings.get(tenantId)
    try {
      return await registerClient(
        {
          registrationUrl,
          redirectUri: this.redirectUri,
          clientName: settings?.display_name ?? 'Latchkey',
          tokenEndpointAuthMethod: method === 'client_secret_post' ? 'client_secret_post' : 'client_secret_basic'
        },
        this.http
      )
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error
      throw new RuntimeError(
        error.retryable ? 'provider_unreachable' : 'provider_incompatible',
        error.hint,
        { oauthError: error.code },
        { retryable: error.retryable }
      )
    }
  }

  /** The connection naming this registered client (`null`: none, the tenant's app is used). */
  private async use(connection: Connection, registeredClientId: string | null): Promise<Connection> {
    if (connection.registered_client_id === registeredClientId) return connection
    const updated = await this.store.connections.useRegisteredClient(
      connection.tenant_id,
      connection.id,
      registeredClientId
    )
    return updated ?? connection
  }
}
