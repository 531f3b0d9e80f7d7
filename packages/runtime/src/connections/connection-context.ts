import {
  TemplateError,
  renderTemplate,
  renderUrlTemplate,
  resolveConfigValues,
  templateParameters
} from '@latchkey/connector-sdk'
import type {
  ConnectorDefinition,
  ConnectorDefinitionJson,
  EndpointOverrides,
  ResolvedAuthScheme,
  ResolvedOAuth1,
  ResolvedOAuth2
} from '@latchkey/connector-sdk'
import { OAuthError } from '@latchkey/oauth-client'
import type {
  AuthorizationServerMetadata,
  OAuth1Consumer,
  OAuthContext,
  ProtectedResourceMetadata,
  ServerCapabilities
} from '@latchkey/oauth-client'
import type { AppRecord, Connection, Store } from '@latchkey/store'
import type { DiscoveryCache } from '../credentials/discovery-cache.js'
import { storeClientSources } from '../credentials/app-cache.js'
import type { AppCache, ClientSources } from '../credentials/app-cache.js'
import { schemeIn } from '../connectors/catalog.js'
import { RuntimeError } from '../errors.js'

/** Parameter values of type password are stored encrypted, marked with this prefix. */
const ENCRYPTED = 'enc:'

/** Encrypts the password parameters before they are stored. */
export async function sealParameters(
  store: Store,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  values: Readonly<Record<string, string>>
): Promise<Record<string, string>> {
  const secret = new Set((definition.parameters ?? []).filter((p) => p.type === 'password').map((p) => p.key))
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(values))
    out[key] = secret.has(key) ? ENCRYPTED + (await store.cipher.encrypt(value)) : value
  return out
}

/** Decrypts stored parameters for use in templates. */
export async function openParameters(
  store: Store,
  stored: Readonly<Record<string, string>>
): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(stored))
    out[key] = value.startsWith(ENCRYPTED) ? await store.cipher.decrypt(value.slice(ENCRYPTED.length)) : value
  return out
}

/** Stored parameters as the API shows them: password values masked. */
export function visibleParameters(stored: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(stored).map(([key, value]) => [key, value.startsWith(ENCRYPTED) ? '********' : value])
  )
}

/**
 * The connection's auth scheme, defaults applied.
 * @throws {RuntimeError} `scheme_mismatch` when the connector no longer offers it.
 */
export function schemeOf(
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  connection: Pick<Connection, 'auth_scheme' | 'connector_key'>
): ResolvedAuthScheme {
  return schemeIn(definition, connection.auth_scheme) ?? schemeMismatch(connection)
}

/** The refusal of a connection whose connector no longer offers its scheme. */
export function schemeMismatch(connection: Pick<Connection, 'auth_scheme' | 'connector_key'>): never {
  throw new RuntimeError(
    'scheme_mismatch',
    `the connector "${connection.connector_key}" no longer offers the "${String(connection.auth_scheme)}" auth scheme: connect again with another`
  )
}

/**
 * Everything the OAuth client needs for one connection: the definition and scheme, the
 * client (the tenant's app, or the customer's own), parameters, config values, the URLs
 * that override the definition's (those discovered from the issuer, then the app's), and,
 * when the issuer's metadata was read, what it says about `iss` and PKCE (`server`).
 *
 * @throws {RuntimeError} `app_not_configured` when a developer-owned connector has no app yet, `scheme_mismatch` when the scheme is not OAuth 2.0.
 */
export async function connectionContext(
  store: Store,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  connection: Connection,
  sources: ContextSources = {}
): Promise<ConnectionContext> {
  const { customerClient, discovery, apps = storeClientSources(store), prepared } = sources
  const auth = schemeOf(definition, connection)
  if (auth.kind !== 'oauth2')
    throw new RuntimeError(
      'scheme_mismatch',
      `the connection uses the "${auth.label}" scheme, which has no OAuth 2.0 client`
    )
  const { parameters, config } = prepared ?? (await openedValues(store, definition, connection))
  const facts = prepared?.facts ?? (await fromServerMetadata(auth, { parameters, config }, discovery))
  const { endpoints: discovered, server, issuer, resource, registrationUrl, resourceScopes } = facts
  const base = {
    definition,
    scheme: connection.auth_scheme,
    parameters,
    config,
    auth,
    server,
    issuer,
    resource,
    registrationUrl,
    resourceScopes
  }
  const registered =
    connection.registered_client_id === null
      ? undefined
      : await apps.registeredClient(connection.tenant_id, connection.registered_client_id)
  if (registered !== undefined)
    return {
      ...base,
      // The method the server registered decides how the client authenticates (none: PKCE only).
      auth:
        registered.tokenEndpointAuthMethod === 'none'
          ? auth
          : { ...auth, clientAuthMethod: registered.tokenEndpointAuthMethod },
      client: { clientId: registered.clientId, clientSecret: registered.clientSecret },
      overrides: discovered,
      appScopes: null
    }
  const customer = customerClient ?? (await store.connections.client(connection))
  if (customer !== undefined) return { ...base, client: customer, overrides: discovered, appScopes: null }
  const app = await apps.get(connection.tenant_id, connection.connector_key)
  if (app?.client === null || app === undefined) {
    throw new RuntimeError(
      'app_not_configured',
      auth.grant === 'authorization_code' && auth.clientRegistration === 'dynamic'
        ? `the OAuth client for "${connection.connector_key}" is registered at the authorization server when the connection is connected: POST /v1/connections/${connection.id}/authorize first`
        : `the OAuth app for "${connection.connector_key}" is not set: PUT /v1/connectors/${connection.connector_key}/app with its client id and secret first`
    )
  }
  return { ...base, client: app.client, overrides: { ...discovered, ...app.overrides }, appScopes: app.scopes }
}

/** Where `connectionContext` finds what it does not read itself. */
export interface ContextSources {
  /** The customer's own client, when the caller holds it already (a revocation's snapshot). */
  readonly customerClient?: { clientId: string; clientSecret: string } | undefined
  /** Issuers' and protected resources' metadata; without it nothing is discovered. */
  readonly discovery?: DiscoveryCache | undefined
  /** The tenant's apps and registered clients (the in-memory cache); PostgreSQL when absent. */
  readonly apps?: ClientSources | undefined
  /** What was read for this connection a moment ago (a client registration's preparation), not read again. */
  readonly prepared?: PreparedValues | undefined
}

/** A connection's parameters and config values, opened, and what its servers' metadata says. */
export interface PreparedValues {
  readonly parameters: Readonly<Record<string, string>>
  readonly config: Readonly<Record<string, string>>
  readonly facts: ServerFacts
}

/** A connection's parameters, decrypted, as templates see them (lookup tables applied), and its config values. */
export async function openedValues(
  store: Store,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  connection: Pick<Connection, 'parameters'>
): Promise<{ parameters: Record<string, string>; config: Record<string, string> }> {
  const opened = await openParameters(store, connection.parameters)
  // Lookup tables: a region picked stands for its hosts in the URLs.
  return { parameters: templateParameters(definition, opened), config: resolveConfigValues(definition, opened) }
}

/** What the OAuth client needs for one connection, and what discovery found on the way. */
export type ConnectionContext = OAuthContext & {
  appScopes: readonly string[] | null
  auth: ResolvedOAuth2
  /** The issuer callbacks must name: the declared one, or the one the protected resource names. */
  issuer: string | undefined
  /** The authorization server's `registration_endpoint` (RFC 7591), when its metadata was read. */
  registrationUrl: string | undefined
  /** The protected resource's `scopes_supported` (RFC 9728), when it lists them. */
  resourceScopes: readonly string[] | undefined
}

/** One consumer object per app record, so that its signer is built once. */
const consumers = new WeakMap<object, OAuth1Consumer>()

/**
 * The OAuth 1.0a consumer of a connection: the tenant's app (consumer key as the client id,
 * its secret or RSA private key as the client secret) with the scheme's signature method.
 * @throws {RuntimeError} `app_not_configured` when the tenant has not set the app.
 */
export async function oauth1Consumer(
  apps: Pick<AppCache, 'get'>,
  connection: Pick<Connection, 'tenant_id' | 'connector_key'>,
  auth: ResolvedOAuth1
): Promise<OAuth1Consumer> {
  return consumerOf(await apps.get(connection.tenant_id, connection.connector_key), connection, auth)
}

function consumerOf(
  app: AppRecord | undefined,
  connection: Pick<Connection, 'connector_key'>,
  auth: ResolvedOAuth1
): OAuth1Consumer {
  const client = app?.client ?? undefined
  const secret = client?.clientSecret
  if (client === undefined || secret === undefined)
    throw new RuntimeError(
      'app_not_configured',
      `the OAuth app for "${connection.connector_key}" is not set: PUT /v1/connectors/${connection.connector_key}/app with its consumer key (clientId) and secret (clientSecret) first`
    )
  const known = consumers.get(client)
  if (known?.signatureMethod === auth.signatureMethod) return known
  const consumer = { key: client.clientId, secret, signatureMethod: auth.signatureMethod }
  consumers.set(client, consumer)
  return consumer
}

/** What an OAuth 1.0a connect or revocation needs: the scheme, the consumer and the URLs rendered. */
export interface OAuth1Context {
  readonly auth: ResolvedOAuth1
  readonly consumer: OAuth1Consumer
  readonly requestTokenUrl: string
  readonly authorizeUrl: string
  readonly accessTokenUrl: string
  readonly revokeUrl: string | undefined
  readonly requestTokenParams: Readonly<Record<string, string>>
  readonly authorizeParams: Readonly<Record<string, string>>
}

/**
 * The OAuth 1.0a context of a connection, its URLs and params rendered with its parameters
 * and config values.
 * @throws {RuntimeError} `app_not_configured`, or `scheme_mismatch` when the scheme is not OAuth 1.0a.
 */
export async function oauth1Context(
  store: Store,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  connection: Connection,
  apps: Pick<AppCache, 'get'> = store.apps
): Promise<OAuth1Context> {
  const auth = schemeOf(definition, connection)
  if (auth.kind !== 'oauth1')
    throw new RuntimeError('scheme_mismatch', `the connection uses the "${auth.label}" scheme, not OAuth 1.0a`)
  const values = await openedValues(store, definition, connection)
  const render = (map: Readonly<Record<string, string>>): Record<string, string> =>
    Object.fromEntries(Object.entries(map).map(([name, template]) => [name, renderTemplate(template, values)]))
  // The app's overrides move the legs (a sandbox, a test double), as for OAuth 2.0.
  const app = await apps.get(connection.tenant_id, connection.connector_key)
  const url = (name: 'requestTokenUrl' | 'authorizeUrl' | 'accessTokenUrl', template: string): string =>
    renderUrlTemplate(app?.overrides[name] ?? template, values)
  const revoke = app?.overrides.revokeUrl ?? auth.revokeUrl
  return {
    auth,
    consumer: consumerOf(app, connection, auth),
    requestTokenUrl: url('requestTokenUrl', auth.requestTokenUrl),
    authorizeUrl: url('authorizeUrl', auth.authorizeUrl),
    accessTokenUrl: url('accessTokenUrl', auth.accessTokenUrl),
    revokeUrl: revoke === undefined ? undefined : renderUrlTemplate(revoke, values),
    requestTokenParams: render(auth.requestTokenParams),
    authorizeParams: render(auth.authorizeParams)
  }
}

/** What the servers' metadata says about one connection. */
export interface ServerFacts {
  readonly endpoints: EndpointOverrides
  readonly server: ServerCapabilities | undefined
  readonly issuer: string | undefined
  /** The RFC 8707 resource the tokens are for (the protected resource's identifier). */
  readonly resource: string | undefined
  readonly registrationUrl: string | undefined
  /**
   * The scopes the protected resource asks for: those its 401 challenge named, else its
   * `scopes_supported` (MCP's scope selection); `undefined` when it says neither.
   */
  readonly resourceScopes: readonly string[] | undefined
}

/**
 * The first of the resource's authorization servers, in its order, whose metadata can be used
 * (RFC 9728 §7.6 leaves the choice to the client). One whose metadata is missing or wrong is
 * passed over; one that is unreachable or failing (a 5xx or 429: a retryable error) stops the
 * search instead, so a passing outage never sends a connection to another server than the one
 * it refreshes at.
 * @throws {OAuthError} the unreachable server's error, or `discovery_failed` naming every server when none can be used.
 */
async function firstUsableServer(
  resource: ProtectedResourceMetadata,
  discovery: DiscoveryCache
): Promise<{ issuer: string; found: AuthorizationServerMetadata }> {
  const problems: string[] = []
  for (const issuer of resource.authorizationServers) {
    try {
      return { issuer, found: await discovery.metadata(issuer) }
    } catch (error) {
      if (!(error instanceof OAuthError) || error.retryable) throw error
      problems.push(
        `${issuer}: ${error.code === 'issuer_mismatch' ? 'its metadata names another issuer' : 'no usable metadata'}`
      )
    }
  }
  throw new OAuthError('discovery_failed', {
    endpoint: 'discovery',
    context: `none of the authorization servers ${resource.metadataUrl} lists can be used: ${problems.join('; ')}`
  })
}

/**
 * What the servers' metadata says, when the definition leaves things to it: the protected
 * resource's (RFC 9728) names the authorization server; the issuer's (RFC 8414) gives the
 * endpoints left out, the capabilities the OAuth client adapts to (RFC 9207 `iss`, PKCE
 * methods) and the registration endpoint. Definitions that declare every URL and register
 * no client are not discovered: `server` is then `undefined`, and the connector's own
 * settings decide.
 * @throws {RuntimeError} `provider_unreachable` / `provider_incompatible` when metadata cannot be used, `url_incomplete` when the resource URL lacks a parameter.
 */
export async function fromServerMetadata(
  auth: ResolvedOAuth2,
  values: { readonly parameters: Readonly<Record<string, string>>; readonly config: Readonly<Record<string, string>> },
  discovery: DiscoveryCache | undefined
): Promise<ServerFacts> {
  const code = auth.grant === 'authorization_code' ? auth : undefined
  const missing = auth.tokenUrl === undefined || (code !== undefined && code.authorizeUrl === undefined)
  const wanted = code?.protectedResource !== undefined || code?.clientRegistration === 'dynamic' || missing
  const none = {
    endpoints: {},
    server: undefined,
    issuer: auth.issuer,
    resource: undefined,
    registrationUrl: undefined,
    resourceScopes: undefined
  }
  if (discovery === undefined || !wanted || (auth.issuer === undefined && code?.protectedResource === undefined))
    return none
  try {
    const resource =
      code?.protectedResource === undefined
        ? undefined
        : await discovery.resource(renderUrlTemplate(code.protectedResource, values))
    const { issuer, found } =
      resource === undefined
        ? { issuer: auth.issuer as string, found: await discovery.metadata(auth.issuer as string) }
        : await firstUsableServer(resource, discovery)
    // A client presenting a certificate calls the server's mutual-TLS aliases (RFC 8705 §5).
    const aliases = auth.clientCertificate === undefined ? undefined : found.mtlsEndpointAliases
    return {
      endpoints: missing
        ? {
            authorizeUrl: found.authorizeUrl,
            tokenUrl: aliases?.tokenUrl ?? found.tokenUrl,
            revokeUrl: auth.revokeUrl === undefined ? (aliases?.revokeUrl ?? found.revokeUrl) : undefined
          }
        : {},
      server: {
        authorizationResponseIssParameterSupported: found.authorizationResponseIssParameterSupported,
        codeChallengeMethodsSupported: found.codeChallengeMethodsSupported
      },
      issuer,
      resource: resource?.resource,
      registrationUrl: found.registrationUrl,
      resourceScopes: resource?.challengedScopes ?? resource?.scopesSupported
    }
  } catch (error) {
    if (error instanceof TemplateError)
      throw new RuntimeError('url_incomplete', `the protected resource URL cannot be built yet: ${error.message}`)
    if (error instanceof OAuthError)
      throw new RuntimeError(
        error.retryable ? 'provider_unreachable' : 'provider_incompatible',
        error.hint,
        undefined,
        {
          retryable: error.retryable
        }
      )
    throw error
  }
}
