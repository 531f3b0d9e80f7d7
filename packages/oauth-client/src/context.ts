import { renderTemplate, resolveEndpoints, resolveOAuth2 } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, ConnectorDefinitionJson, EndpointOverrides, ResolvedEndpoints, ResolvedOAuth2AuthorizationCode } from '@latchkey/connector-sdk'

/** The OAuth app a request is made for. */
export interface ClientCredentials {
  readonly clientId: string
  /** Absent for public clients (PKCE only). */
  readonly clientSecret?: string | undefined
}

/** Everything that decides how one connection talks to its provider. */
export interface OAuthContext {
  readonly definition: ConnectorDefinition | ConnectorDefinitionJson
  readonly client: ClientCredentials
  /** The end customer's validated parameters. */
  readonly parameters?: Readonly<Record<string, string>> | undefined
  /** The resolved config values. */
  readonly config?: Readonly<Record<string, string>> | undefined
  /** The tenant app's URL overrides. */
  readonly overrides?: EndpointOverrides | undefined
}

/** The context, resolved once: defaults applied, URLs rendered. */
export interface ResolvedContext {
  readonly auth: ResolvedOAuth2AuthorizationCode
  readonly endpoints: ResolvedEndpoints
  readonly client: ClientCredentials
  /** Renders a param or header value template. */
  readonly render: (template: string) => string
}

/** Applies defaults and renders URLs. @throws {TemplateError} when a placeholder has no value. */
export function resolveContext(context: OAuthContext): ResolvedContext {
  const values = { parameters: context.parameters ?? {}, config: context.config ?? {} }
  return {
    auth: resolveOAuth2(context.definition.auth),
    endpoints: resolveEndpoints(context.definition, values, context.overrides),
    client: context.client,
    render: (template) => renderTemplate(template, values)
  }
}

/** Renders every value of a params or headers map. */
export function renderMap(map: Readonly<Record<string, string>>, render: (template: string) => string): Record<string, string> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, render(value)]))
}
