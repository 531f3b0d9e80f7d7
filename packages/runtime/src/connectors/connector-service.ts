import type { ChangeFeed } from '../connections/change-feed.js'
import {
  OpenApiImportError,
  actionsByScope,
  checkEndpointUrl,
  checkRequestedScopes,
  connectorIcon,
  fromOpenApi,
  parsePlaceholders,
  resolveAuthSchemes,
  resolveVerificationSteps,
  templateParameterKeys,
  usesTenantApp,
  verificationIdentityNames,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import type {
  ConnectorDefinition,
  ConnectorDefinitionJson,
  Issue,
  ResolvedAuthScheme,
  ResolvedOAuth1,
  ResolvedOAuth2
} from '@latchkey/connector-sdk'
import type { Store } from '@latchkey/store'
import type { Catalog, CatalogEntry } from './catalog.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import { redirectUriOf } from '../runtime-config.js'
import { checkClientCertificate, summarizeCertificate } from './client-certificate-check.js'
import type { CertificateSummary } from './client-certificate-check.js'

/** A connector as listed by the API (`api.md`). */
export interface ConnectorSummary {
  key: string
  name: string
  version: string
  description: string | null
  source: 'catalog' | 'custom'
  /**
   * The connector's icon (its own SVG, or a monogram of its name): a catalog connector's
   * is served at `/icons/<key>.svg`; a custom one's is a `data:` URL, as it is the tenant's.
   */
  iconUrl: string
  /** The first (default) scheme's kind and grant; every scheme is in `schemes`. */
  authKind: string
  grant: string | null
  /** The auth schemes the end customer chooses from, the default first. */
  schemes: SchemeSummary[]
  /** The "who am I" request run after connecting, when the connector declares one. */
  verification: { method: string; path: string; identity: string[] } | null
  /** The scopes offered, each with the declared actions that need it. */
  scopes: { name: string; description: string; actions: { key: string; name: string }[] }[]
  defaultScopes: string[]
  scopeDelimiter: string
  customerSelectsScopes: boolean
  pkce: boolean
  clientOwnership: 'developer' | 'customer'
  /** `null` when the scheme has none, or when it is discovered from `issuer`. */
  authorizeUrl: string | null
  tokenUrl: string | null
  refreshUrl: string | null
  revokeUrl: string | null
  issuer: string | null
  parameters: {
    key: string
    label: string
    type: string
    required: boolean
    pattern: string | null
    patternMessage: string | null
    helpText: string | null
    /** The provider's page about the value. */
    docsUrl: string | null
    /** A value of the right shape, for the empty field. */
    example: string | null
    placeholder: string | null
    default: string | null
    options: { value: string; label: string }[] | null
  }[]
  redirectUri: string
  /** Whether this tenant has set its OAuth app (developer-owned connectors). */
  appConfigured: boolean
  /** Whether this tenant's app holds a client certificate (schemes with `clientCertificate: "app"` need one). */
  clientCertificateSet: boolean
  /** What the tenant still has to set before its customers can connect ({@link appSetupOf}). */
  appSetup: AppSetup
}

/** `ready`: the tenant's app is set; `needed`: something of it is missing; `none`: no app is needed. */
export type AppSetup = 'ready' | 'needed' | 'none'

/**
 * Whether a tenant's customers can connect without the tenant setting anything first: an
 * app is needed for a scheme whose OAuth client (or consumer) is the tenant's own, unless
 * every such scheme registers its client at the authorization server itself (RFC 7591);
 * a client certificate that a scheme presents (`clientCertificate: "app"`) is part of the app.
 * The console's "App setup" filter and tiles say this.
 */
export function appSetupOf(
  connector: Pick<ConnectorSummary, 'appConfigured' | 'clientCertificateSet'> & {
    readonly schemes: readonly Pick<
      ConnectorSummary['schemes'][number],
      'clientOwnership' | 'clientRegistration' | 'clientCertificate'
    >[]
  }
): AppSetup {
  const certificateMissing =
    connector.schemes.some((s) => s.clientCertificate === 'app') && !connector.clientCertificateSet
  const own = connector.schemes.filter((s) => s.clientOwnership === 'developer')
  if (own.length === 0) return certificateMissing ? 'needed' : 'none'
  if (connector.appConfigured) return certificateMissing ? 'needed' : 'ready'
  return own.every((s) => s.clientRegistration === 'dynamic') ? 'none' : 'needed'
}

/** What summaries read of a tenant's apps. */
interface TenantApps {
  readonly clients: ReadonlyMap<string, readonly string[] | null>
  readonly certified: ReadonlySet<string>
}

/** A declared action as flows see it. */
export interface ActionView {
  key: string
  name: string
  description: string | null
  method: string
  /** The path template below the API's base URL. */
  path: string
  scopes: string[]
  /** The input's JSON Schema; `null` when it takes none. */
  input: Record<string, unknown> | null
  /** Where the result is read in the answer; `null` for the whole body. */
  output: string | null
  /** How it pages, if it does. */
  pagination: 'cursor' | 'link' | 'offset' | 'page' | null
}

/** One auth scheme as the wizard needs it. */
export interface SchemeSummary {
  key: string
  label: string
  kind: 'oauth2' | 'apiKey' | 'basic' | 'tokenExchange' | 'awsSigV4' | 'jwtBearer' | 'oauth1'
  grant: 'authorization_code' | 'client_credentials' | null
  /** What the end customer types in (API key, user name, password, extra fields); empty for OAuth 2.0 and 1.0a. */
  inputs: {
    /** `apiKey`, `username`, `password` or an extra field's key: the key in `credentials`. */
    key: string
    label: string
    /** `password`: masked; `textarea`: a pasted file (a service account key). */
    type: 'text' | 'password' | 'textarea'
    required: boolean
    pattern: string | null
    /** What to say when the value does not match `pattern`. */
    patternMessage: string | null
    helpText: string | null
    /** The provider's page about the value. */
    docsUrl: string | null
    /** A value of the right shape, for the empty field. */
    example: string | null
  }[]
  scopes: { name: string; description: string }[]
  defaultScopes: string[]
  customerSelectsScopes: boolean
  clientOwnership: 'developer' | 'customer' | null
  /** How an OAuth 2.0 client authenticates (`tls_client_auth`: by the app's certificate, no secret); `null` otherwise. */
  clientAuthMethod: string | null
  /** Who holds the client certificate presented for mutual TLS; `null`: none. */
  clientCertificate: 'app' | 'customer' | null
  /** `dynamic`: the OAuth client registers itself at the authorization server (RFC 7591): no app to set. `null` without a code grant. */
  clientRegistration: 'static' | 'dynamic' | null
  /** The protected resource (RFC 9728, an MCP server's URL template) the tokens are for. */
  protectedResource: string | null
  /** How the wizard asks a customer-owned client's id and secret; `null` unless the customer brings the client. */
  clientFields: {
    clientId: ClientFieldSummary
    clientSecret: ClientFieldSummary
  } | null
  /** Whether connecting opens the provider's page (authorization code, OAuth 1.0a). */
  redirect: boolean
}

/** One field of a customer-owned client, as the wizard shows it. */
export interface ClientFieldSummary {
  /** What the provider calls it; `null`: the wizard's own words. */
  label: string | null
  helpText: string | null
  docsUrl: string | null
  example: string | null
}

function clientField(field: ResolvedOAuth2['clientFields']['clientId']): ClientFieldSummary {
  return {
    label: field.label ?? null,
    helpText: field.helpText ?? null,
    docsUrl: field.docsUrl ?? null,
    example: field.example ?? null
  }
}

function schemeSummary(scheme: ResolvedAuthScheme): SchemeSummary {
  const base = {
    key: scheme.key,
    label: scheme.label,
    kind: scheme.kind,
    scopes: [],
    defaultScopes: [],
    customerSelectsScopes: false,
    clientOwnership: null,
    clientAuthMethod: null,
    clientCertificate: scheme.clientCertificate ?? null,
    clientFields: null,
    clientRegistration: null,
    protectedResource: null,
    redirect: false,
    grant: null
  }
  // OAuth 1.0a: the browser step, on the tenant's consumer; nothing typed in, no scopes of its own.
  if (scheme.kind === 'oauth1') return { ...base, inputs: [], clientOwnership: 'developer', redirect: true }
  if (scheme.kind !== 'oauth2') {
    return {
      ...base,
      inputs: scheme.inputs.map((input) => ({
        key: input.key,
        label: input.label,
        type: input.multiline === true ? 'textarea' : input.secret ? 'password' : 'text',
        required: input.required,
        pattern: input.pattern ?? null,
        patternMessage: input.patternMessage ?? null,
        helpText: input.helpText ?? null,
        docsUrl: input.docsUrl ?? null,
        example: input.example ?? null
      }))
    }
  }
  return {
    ...base,
    grant: scheme.grant,
    inputs: [],
    scopes: Object.entries(scheme.scopes).map(([name, description]) => ({ name, description })),
    defaultScopes: [...scheme.defaultScopes],
    customerSelectsScopes: scheme.grant === 'authorization_code' && scheme.customerSelectsScopes,
    clientOwnership: scheme.clientOwnership,
    clientAuthMethod: scheme.clientAuthMethod,
    clientFields:
      scheme.clientOwnership === 'customer'
        ? {
            clientId: clientField(scheme.clientFields.clientId),
            clientSecret: clientField(scheme.clientFields.clientSecret)
          }
        : null,
    clientRegistration: scheme.grant === 'authorization_code' ? scheme.clientRegistration : null,
    protectedResource: scheme.grant === 'authorization_code' ? (scheme.protectedResource ?? null) : null,
    redirect: scheme.grant === 'authorization_code'
  }
}

/** The scheme a tenant's OAuth app is for: the first developer-owned OAuth 2.0 one, or OAuth 1.0a's consumer. */
function appScheme(
  definition: ConnectorDefinition | ConnectorDefinitionJson
): ResolvedOAuth2 | ResolvedOAuth1 | undefined {
  return resolveAuthSchemes(definition).find(usesTenantApp)
}

/** A tenant's OAuth app as the console shows it: never the secret. `clientId` is `null` for URL overrides of a connector without an OAuth client. */
export interface AppView {
  clientId: string | null
  scopes: string[] | null
  overrides: Record<string, string>
  /** The app's client certificate (mutual TLS), described: never its key or PEM. `null`: none. */
  clientCertificate: CertificateSummary | null
  updatedAt: string
}

/** What `PUT /v1/connectors/:key/app` takes. */
export interface AppInput {
  /** Required for a connector with a developer-owned OAuth client; not allowed without one. */
  readonly clientId?: string | undefined
  /** Omitted: keep the stored secret (the app must exist). */
  readonly clientSecret?: string | undefined
  /** A client certificate chain and its private key (PEM) for mutual TLS; omitted keeps the stored one, `null` removes it. */
  readonly clientCertificate?: { readonly certificate: string; readonly privateKey: string } | null | undefined
  readonly scopes?: readonly string[] | undefined
  readonly overrides?:
    | Partial<
        Record<
          'authorizeUrl' | 'tokenUrl' | 'refreshUrl' | 'revokeUrl' | 'baseUrl' | 'requestTokenUrl' | 'accessTokenUrl',
          string
        >
      >
    | undefined
}

const OVERRIDE_NAMESPACES: Record<string, readonly string[]> = {
  authorizeUrl: ['parameters', 'config'],
  tokenUrl: ['parameters', 'config'],
  refreshUrl: ['parameters', 'config'],
  revokeUrl: ['parameters', 'config', 'client'],
  baseUrl: ['parameters', 'config', 'metadata', 'account'],
  requestTokenUrl: ['parameters', 'config'],
  accessTokenUrl: ['parameters', 'config']
}

/** The URLs an OAuth 1.0a app may move (a sandbox, a test double); `tokenUrl` and `refreshUrl` are OAuth 2.0's. */
const OAUTH1_OVERRIDES = ['requestTokenUrl', 'authorizeUrl', 'accessTokenUrl', 'revokeUrl', 'baseUrl']

/** The catalog, custom connectors, OpenAPI imports and tenants' OAuth apps. */
export class ConnectorService {
  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly publicUrl: string,
    private readonly feed: ChangeFeed
  ) {}

  /** A catalog connector's icon as SVG text (`GET /icons/:key.svg`), or `undefined` for no such connector. */
  catalogIcon(key: string): string | undefined {
    const definition = this.catalog.builtIn(key)
    return definition === undefined ? undefined : connectorIcon(definition)
  }

  async list(tenantId: string): Promise<ConnectorSummary[]> {
    const [entries, apps] = await Promise.all([this.catalog.list(tenantId), this.appsOf(tenantId)])
    return entries.map((entry) => this.summarize(entry, apps, entry.definition.key))
  }

  async get(tenantId: string, key: string): Promise<ConnectorSummary> {
    const entry = await this.require(tenantId, key)
    return this.summarize(entry, await this.appsOf(tenantId), key)
  }

  /** The tenant's apps as summaries read them: OAuth clients with their scopes, and client certificates. */
  private async appsOf(tenantId: string): Promise<TenantApps> {
    const [clients, certified] = await Promise.all([
      this.store.apps.configured(tenantId),
      this.store.apps.certified(tenantId)
    ])
    return { clients, certified }
  }

  /** The connector's declared actions, with their input schemas and the scopes each needs. */
  async actions(tenantId: string, key: string): Promise<ActionView[]> {
    const { definition } = await this.require(tenantId, key)
    return (definition.actions ?? []).map((action) => ({
      key: action.key,
      name: action.name,
      description: action.description ?? null,
      method: action.method,
      path: action.path,
      scopes: [...(action.scopes ?? [])],
      input: (action.input as Record<string, unknown> | undefined) ?? null,
      output: action.output ?? null,
      pagination: action.pagination?.style ?? null
    }))
  }

  async require(tenantId: string, key: string): Promise<CatalogEntry> {
    const entry = await this.catalog.get(tenantId, key)
    if (entry === undefined) throw notFound(`connector "${key}"`)
    return entry
  }

  /** Adds or replaces a tenant's custom connector, validated with the SDK's own schema. */
  async createCustom(tenantId: string, input: unknown): Promise<ConnectorSummary> {
    const result = validateConnectorDefinition(input)
    if (!result.ok)
      throw invalidRequest(
        `the connector definition has ${result.issues.length} ${result.issues.length === 1 ? 'problem' : 'problems'}`,
        result.issues.map((i) => ({ path: i.path === '' ? 'body' : `body.${i.path}`, message: i.message }))
      )
    if (this.catalog.isBuiltIn(result.definition.key))
      throw new RuntimeError('conflict', `"${result.definition.key}" is a catalog connector; choose another key`)
    await this.store.customConnectors.upsert(
      tenantId,
      result.definition.key,
      result.definition as unknown as Record<string, unknown>
    )
    await this.feed.announce({ kind: 'connector', tenantId, connectorKey: result.definition.key })
    return this.get(tenantId, result.definition.key)
  }

  /** Imports an OpenAPI document as a custom connector: every security scheme a definition can say, or the one named. */
  async importOpenApi(
    tenantId: string,
    input: { key: string; name: string; document: unknown; securityScheme?: string | undefined }
  ): Promise<{ connector: ConnectorSummary; warnings: readonly string[] }> {
    let imported
    try {
      imported = await fromOpenApi(input.document, { key: input.key, name: input.name, scheme: input.securityScheme })
    } catch (error) {
      if (!(error instanceof OpenApiImportError)) throw error
      throw invalidRequest(
        'the OpenAPI document cannot be imported',
        error.issues.map((i) => ({ path: i.path === '' ? 'body.document' : mapImportPath(i.path), message: i.message }))
      )
    }
    const connector = await this.createCustom(tenantId, imported.definition)
    return { connector, warnings: imported.warnings }
  }

  /** The tenant's OAuth app for a connector, without its secret. */
  async app(tenantId: string, key: string): Promise<AppView> {
    await this.require(tenantId, key)
    const app = await this.store.apps.get(tenantId, key)
    if (app === undefined) throw notFound(`an OAuth app for "${key}"`)
    return {
      clientId: app.client?.clientId ?? null,
      scopes: app.scopes === null ? null : [...app.scopes],
      overrides: { ...app.overrides },
      clientCertificate:
        app.clientCertificate === null ? null : (summarizeCertificate(app.clientCertificate.certificate) ?? null),
      updatedAt: app.updatedAt.toISOString()
    }
  }

  /** Sets the tenant's OAuth app for a connector; the secret is encrypted and never returned. */
  async setApp(tenantId: string, key: string, input: AppInput): Promise<ConnectorSummary> {
    const entry = await this.require(tenantId, key)
    const auth = appScheme(entry.definition)
    const issues: Issue[] = []
    // A client certificate is the app's when a scheme says so (mutual TLS), whatever the kind.
    const withCertificate = resolveAuthSchemes(entry.definition).filter((s) => s.clientCertificate === 'app')
    if (input.clientCertificate !== undefined && withCertificate.length === 0)
      issues.push({
        path: 'body.clientCertificate',
        message: `is not used: no auth scheme of "${key}" presents a client certificate`
      })
    if (input.clientCertificate !== undefined && input.clientCertificate !== null)
      issues.push(...checkClientCertificate(input.clientCertificate, 'body.clientCertificate', new Date()))
    const [certified] = withCertificate
    if (certified !== undefined && (input.clientCertificate ?? null) === null) {
      // Omitted keeps the stored one, if there is one; `null` would leave the scheme without any.
      const kept =
        input.clientCertificate === undefined &&
        ((await this.store.apps.get(tenantId, key))?.clientCertificate ?? null) !== null
      if (!kept)
        issues.push({
          path: 'body.clientCertificate',
          message: `is required: the "${certified.label}" scheme presents the app's client certificate (mutual TLS); give its certificate and private key (PEM)`
        })
    }
    // RFC 8705 §2.1: the certificate authenticates the client, which has no secret.
    const byCertificate = auth?.kind === 'oauth2' && auth.clientAuthMethod === 'tls_client_auth'
    if (byCertificate && input.clientSecret !== undefined)
      issues.push({
        path: 'body.clientSecret',
        message: 'is not used: the client authenticates with its certificate (tls_client_auth), it has no secret'
      })
    if (auth === undefined) {
      // End customers bring their own credentials: the app holds URL overrides only (a regional host, a vendor's mock server).
      // A token exchange's login URL and a JWT bearer grant's token URL are overridable as `tokenUrl`,
      // a token exchange's logout URL as `revokeUrl`.
      const schemes = resolveAuthSchemes(entry.definition)
      const exchange = schemes.some((s) => s.kind === 'tokenExchange' || s.kind === 'jwtBearer')
      const logout = schemes.some((s) => s.kind === 'tokenExchange' && s.logout !== undefined)
      const settable = ['baseUrl', ...(exchange ? ['tokenUrl'] : []), ...(logout ? ['revokeUrl'] : [])]
      const named = settable.map((n) => `overrides.${n}`)
      const why = `is not used: "${key}" has no developer-owned OAuth 2.0 client, only ${[named.slice(0, -1).join(', '), named.at(-1)].filter((n) => n !== '').join(' and ')} can be set`
      for (const field of ['clientId', 'clientSecret', 'scopes'] as const)
        if (input[field] !== undefined) issues.push({ path: `body.${field}`, message: why })
      for (const name of Object.keys(input.overrides ?? {}))
        if (!settable.includes(name)) issues.push({ path: `body.overrides.${name}`, message: why })
    } else {
      if (input.clientId === undefined)
        issues.push({
          path: 'body.clientId',
          message: `is required: the client id of your OAuth app at ${entry.definition.name}`
        })
      if (auth.kind === 'oauth1') {
        // A consumer has no scopes; its URLs are the three legs, the revoke URL and the API's.
        if (input.scopes !== undefined)
          issues.push({
            path: 'body.scopes',
            message: `is not used: "${key}" signs with OAuth 1.0a, which has no scopes`
          })
        for (const name of Object.keys(input.overrides ?? {}))
          if (!OAUTH1_OVERRIDES.includes(name))
            issues.push({
              path: `body.overrides.${name}`,
              message: `is not used: "${key}" signs with OAuth 1.0a; its app can set ${OAUTH1_OVERRIDES.map((n) => `overrides.${n}`).join(', ')}`
            })
      } else {
        if (input.scopes !== undefined) issues.push(...checkRequestedScopes(input.scopes, auth.scopes, 'body.scopes'))
        for (const name of ['requestTokenUrl', 'accessTokenUrl'] as const)
          if (input.overrides?.[name] !== undefined)
            issues.push({
              path: `body.overrides.${name}`,
              message: 'is an OAuth 1.0a URL; this connector uses OAuth 2.0'
            })
      }
    }
    const kept =
      auth === undefined
        ? []
        : [
            ...auth.keepFields,
            ...(auth.kind === 'oauth2' && auth.grant === 'authorization_code' ? auth.callbackParams : [])
          ]
    const declared = {
      parameters: new Set(templateParameterKeys(entry.definition)),
      config: new Set((entry.definition.configValues ?? []).map((c) => c.key)),
      metadata: new Set(kept),
      client: new Set(['id']),
      account: new Set(verificationIdentityNames(entry.definition.verification))
    }
    for (const [name, value] of Object.entries(input.overrides ?? {})) {
      const path = `body.overrides.${name}`
      const { placeholders, problems } = parsePlaceholders(value)
      for (const problem of problems) issues.push({ path, message: problem })
      const allowed = OVERRIDE_NAMESPACES[name] ?? []
      for (const p of placeholders) {
        if (!allowed.includes(p.namespace) || !declared[p.namespace as keyof typeof declared]?.has(p.key))
          issues.push({ path, message: `placeholder {{${p.name}}} is not available here` })
      }
      const sample = value.replace(/\{\{[^}]*\}\}/g, 'placeholder')
      const problem = checkEndpointUrl(sample)
      if (problem !== undefined) issues.push({ path, message: problem })
    }
    if (issues.length > 0) throw invalidRequest('the OAuth app settings are not valid', issues)
    const overrides = Object.fromEntries(
      Object.entries(input.overrides ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')
    )
    const written = await this.store.apps.upsert(tenantId, key, {
      clientId: auth === undefined ? null : (input.clientId ?? null),
      clientSecret: byCertificate ? null : input.clientSecret,
      clientCertificate: input.clientCertificate,
      scopes: input.scopes === undefined ? null : [...input.scopes],
      overrides
    })
    if (!written)
      throw invalidRequest('the OAuth app settings are not valid', [
        { path: 'body.clientSecret', message: 'is required: this connector has no OAuth app yet' }
      ])
    await this.feed.announce({ kind: 'app', tenantId, connectorKey: key })
    // Overrides alone are no OAuth app (docs/api.md): the answer says what `get` says.
    return this.summarize(
      entry,
      {
        clients: new Map(auth === undefined ? [] : [[key, input.scopes === undefined ? null : [...input.scopes]]]),
        certified: (await this.store.apps.certified(tenantId)).has(key) ? new Set([key]) : new Set()
      },
      key
    )
  }

  /**
   * What the console and the wizard show of a connector for a tenant: with its app
   * configured or not, and the app's default scopes (when it set some) in place of the
   * connector's, for the scheme the app is for.
   */
  private summarize(entry: CatalogEntry, apps: TenantApps, key: string): ConnectorSummary {
    const appConfigured = apps.clients.has(key)
    const appScopes = apps.clients.get(key) ?? null
    const definition: ConnectorDefinition | ConnectorDefinitionJson = entry.definition
    const forApp = appScheme(definition)
    const schemes = resolveAuthSchemes(definition).map((scheme) =>
      appScopes !== null && scheme.key === forApp?.key && scheme.kind === 'oauth2'
        ? { ...scheme, defaultScopes: appScopes }
        : scheme
    )
    const first = schemes[0] as ResolvedAuthScheme
    const oauth = first.kind === 'oauth2' ? first : schemes.find((s): s is ResolvedOAuth2 => s.kind === 'oauth2')
    const code = oauth?.grant === 'authorization_code' ? oauth : undefined
    const verification = definition.verification
    const byScope = actionsByScope(definition)
    const summary: Omit<ConnectorSummary, 'appSetup'> = {
      key: definition.key,
      name: definition.name,
      version: definition.version,
      description: definition.description ?? null,
      source: entry.source,
      iconUrl:
        entry.source === 'catalog'
          ? `${this.publicUrl.replace(/\/+$/, '')}/icons/${encodeURIComponent(definition.key)}.svg`
          : `data:image/svg+xml;base64,${Buffer.from(connectorIcon(definition)).toString('base64')}`,
      authKind: first.kind,
      grant: first.kind === 'oauth2' ? first.grant : null,
      schemes: schemes.map(schemeSummary),
      verification:
        verification === undefined
          ? null
          : {
              // The request that proves it: the last step.
              method: resolveVerificationSteps(verification).at(-1)?.method ?? 'GET',
              path: resolveVerificationSteps(verification).at(-1)?.path ?? '/',
              identity: verificationIdentityNames(verification)
            },
      scopes: Object.entries(oauth?.scopes ?? {}).map(([name, description]) => ({
        name,
        description,
        actions: byScope[name] ?? []
      })),
      defaultScopes: [...(oauth?.defaultScopes ?? [])],
      scopeDelimiter: oauth?.scopeDelimiter ?? ' ',
      customerSelectsScopes: code?.customerSelectsScopes ?? false,
      pkce: code?.pkce ?? false,
      clientOwnership: oauth?.clientOwnership ?? 'developer',
      authorizeUrl: code?.authorizeUrl ?? null,
      tokenUrl: oauth?.tokenUrl ?? null,
      refreshUrl: code?.refreshUrl ?? null,
      revokeUrl: oauth?.revokeUrl ?? null,
      issuer: oauth?.issuer ?? null,
      parameters: (definition.parameters ?? []).map((p) => ({
        key: p.key,
        label: p.label,
        type: p.type ?? 'text',
        required: p.required ?? true,
        pattern: p.pattern ?? null,
        patternMessage: p.patternMessage ?? null,
        helpText: p.helpText ?? null,
        docsUrl: p.docsUrl ?? null,
        example: p.example ?? null,
        placeholder: p.placeholder ?? null,
        default: p.default ?? null,
        options: p.options === undefined ? null : p.options.map((o) => ({ value: o.value, label: o.label ?? o.value }))
      })),
      redirectUri: redirectUriOf(this.publicUrl),
      appConfigured,
      clientCertificateSet: apps.certified.has(key)
    }
    return { ...summary, appSetup: appSetupOf(summary) }
  }
}

/** Import issues about the definition (key, name) point at the request field that set them. */
function mapImportPath(path: string): string {
  if (path === 'key' || path === 'name') return `body.${path}`
  return `body.document.${path}`
}
