import { resolveOAuth2 } from './normalize.js'
import type { ConnectorDefinition, ConnectorDefinitionJson } from './schema.js'
import { renderUrlTemplate } from './template.js'
import type { TemplateValues } from './template.js'

/**
 * URLs a tenant may override for its own OAuth app (a provider's sandbox, a regional
 * domain, a test double). Overrides may use the connector's placeholders.
 */
export interface EndpointOverrides {
  readonly authorizeUrl?: string | undefined
  readonly tokenUrl?: string | undefined
  readonly refreshUrl?: string | undefined
  readonly revokeUrl?: string | undefined
  readonly baseUrl?: string | undefined
}

/** A connector's URLs, rendered for one connection. */
export interface ResolvedEndpoints {
  readonly authorizeUrl: string
  readonly tokenUrl: string
  readonly refreshUrl: string
  readonly revokeUrl: string | undefined
  /** `undefined` when the connector has no `http` part, or when its placeholders are not known yet. */
  readonly baseUrl: string | undefined
}

/**
 * Renders a connector's authorize, token, refresh, revoke and API base URLs for one
 * connection, tenant overrides first. An overridden token URL is also the refresh URL
 * unless the refresh URL is overridden too.
 *
 * The base URL is rendered only when `values.metadata` is given (it may use kept token
 * fields, which exist only after the code exchange).
 *
 * @throws {TemplateError} when a placeholder has no value or is unsafe where it sits.
 */
export function resolveEndpoints(
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  values: TemplateValues,
  overrides: EndpointOverrides = {}
): ResolvedEndpoints {
  const auth = resolveOAuth2(definition.auth)
  const render = (template: string): string => renderUrlTemplate(template, values)
  const tokenUrl = overrides.tokenUrl ?? auth.tokenUrl
  const refreshUrl = overrides.refreshUrl ?? (overrides.tokenUrl !== undefined && definition.auth.refreshUrl === undefined ? overrides.tokenUrl : auth.refreshUrl)
  const revokeUrl = overrides.revokeUrl ?? auth.revokeUrl
  const baseUrl = overrides.baseUrl ?? definition.http?.baseUrl
  return {
    authorizeUrl: render(overrides.authorizeUrl ?? auth.authorizeUrl),
    tokenUrl: render(tokenUrl),
    refreshUrl: render(refreshUrl),
    revokeUrl: revokeUrl === undefined ? undefined : render(revokeUrl),
    baseUrl: baseUrl === undefined || values.metadata === undefined ? undefined : render(baseUrl)
  }
}
