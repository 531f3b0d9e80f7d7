import { renderTemplate, resolveAuthScheme, resolveEndpoints } from '@latchkey/connector-sdk'
import type {
  ConnectorDefinition,
  ConnectorDefinitionJson,
  EndpointOverrides,
  ResolvedEndpoints,
  ResolvedOAuth2,
  ResolvedOAuth2AuthorizationCode
} from '@latchkey/connector-sdk'
import type { ServerCapabilities } from './discover.js'

/** The OAuth app a request is made for. */
export interface ClientCredentials {
  readonly clientId: string
  /**
   * The client secret; with `private_key_jwt`, the private key (PKCS #8 PEM or a JWK as
   * JSON). Absent for public clients (PKCE only).
   */
  readonly clientSecret?: string | undefined
}

/** Everything that decides how one connection talks to its provider. */
export interface OAuthContext {
  readonly definition: ConnectorDefinition | ConnectorDefinitionJson
  /** The auth scheme's key when the connector offers several. @defaultValue the first scheme */
  readonly scheme?: string | null | undefined
  /**
   * The scheme already resolved by the caller (defaults applied), so it is not resolved
   * again on every request; it must be the one `definition` and `scheme` name.
   * @defaultValue resolved from `definition` and `scheme`
   */
  readonly auth?: ResolvedOAuth2 | undefined
  readonly client: ClientCredentials
  /** The end customer's validated parameters. */
  readonly parameters?: Readonly<Record<string, string>> | undefined
  /** The resolved config values. */
  readonly config?: Readonly<Record<string, string>> | undefined
  /** URLs overriding the definition's: the discovered ones, then the tenant app's on top. */
  readonly overrides?: EndpointOverrides | undefined
  /**
   * What the issuer's metadata says, when it was discovered: the PKCE methods offered
   * (`buildAuthorizeUrl` adapts to them) and whether callbacks carry `iss`.
   * @defaultValue `undefined`: the connector's settings alone decide
   */
  readonly server?: ServerCapabilities | undefined
  /**
   * The protected resource the tokens are for (RFC 8707 `resource`), sent on the authorize,
   * token and refresh requests: an MCP server's URL, discovered with RFC 9728.
   * @see https://www.rfc-editor.org/rfc/rfc8707#section-2
   */
  readonly resource?: string | undefined
}

/** The context, resolved once: defaults applied, URLs rendered. */
export interface ResolvedContext<A extends ResolvedOAuth2 = ResolvedOAuth2> {
  readonly auth: A
  readonly endpoints: ResolvedEndpoints
  readonly client: ClientCredentials
  /** The RFC 8707 resource indicator, when there is one. */
  readonly resource: string | undefined
  /** Renders a param or header value template. */
  readonly render: (template: string) => string
}

/**
 * Applies defaults and renders URLs.
 * @throws {TemplateError} when a placeholder has no value.
 * @throws {TypeError} when the scheme is unknown or not OAuth 2.0 (a caller's mistake).
 */
export function resolveContext(context: OAuthContext): ResolvedContext {
  const known = resolvedContexts.get(context)
  if (known !== undefined) return known
  const values = {
    parameters: context.parameters ?? {},
    config: context.config ?? {},
    client: { id: context.client.clientId }
  }
  const auth = context.auth ?? resolveAuthScheme(context.definition, context.scheme)
  if (auth === undefined)
    throw new TypeError(`"${context.definition.key}" has no auth scheme "${String(context.scheme)}"`)
  if (auth.kind !== 'oauth2')
    throw new TypeError(`the "${auth.key}" scheme of "${context.definition.key}" is not OAuth 2.0`)
  const resolved: ResolvedContext = {
    auth,
    endpoints: resolveEndpoints(context.definition, values, context.overrides, auth),
    client: context.client,
    resource: context.resource,
    render: (template) => renderTemplate(template, values)
  }
  resolvedContexts.set(context, resolved)
  return resolved
}

/** Contexts are read-only values: each is resolved once, however many requests it makes. */
const resolvedContexts = new WeakMap<OAuthContext, ResolvedContext>()

/** Like {@link resolveContext}, for the authorization code grant only. */
export function resolveCodeContext(context: OAuthContext): ResolvedContext<ResolvedOAuth2AuthorizationCode> {
  const resolved = resolveContext(context)
  if (resolved.auth.grant !== 'authorization_code')
    throw new TypeError(
      `the "${resolved.auth.key}" scheme of "${context.definition.key}" does not use the authorization code grant`
    )
  return resolved as ResolvedContext<ResolvedOAuth2AuthorizationCode>
}

/**
 * A URL the request needs, or a clear error when it is unknown (left to discovery, and
 * discovery did not run or found none).
 */
export function requireUrl(url: string | undefined, name: string, context: ResolvedContext): string {
  if (url !== undefined) return url
  throw new TypeError(
    `the ${name} of "${context.auth.key}" is not known: declare it, or discover it from the issuer first`
  )
}

/** Renders every value of a params or headers map. */
export function renderMap(
  map: Readonly<Record<string, string>>,
  render: (template: string) => string
): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, render(value)]))
}
