import { resolveAuthScheme } from './normalize.js'
import type { ResolvedAuthScheme } from './normalize.js'
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
  /** `undefined` for schemes without a browser step, or before discovery. */
  readonly authorizeUrl: string | undefined
  /** `undefined` for schemes without tokens, or before discovery. */
  readonly tokenUrl: string | undefined
  readonly refreshUrl: string | undefined
  readonly revokeUrl: string | undefined
  /** `undefined` when the connector has no `http` part, or when its placeholders are not known yet. */
  readonly baseUrl: string | undefined
}

/**
 * Renders a connector's authorize, token, refresh, revoke and API base URLs for one
 * connection and scheme (the first when none is named), tenant overrides first. An
 * overridden token URL is also the refresh URL unless the refresh URL is overridden or
 * declared too. Discovered URLs are passed as overrides beneath the tenant's.
 *
 * The base URL is rendered only when `values.metadata` is given (it may use kept token
 * fields, which exist only after the code exchange).
 *
 * @throws {TemplateError} when a placeholder has no value or is unsafe where it sits.
 */
export function resolveEndpoints(
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  values: TemplateValues,
  overrides: EndpointOverrides = {},
  scheme: ResolvedAuthScheme | undefined = resolveAuthScheme(definition)
): ResolvedEndpoints {
  const render = (template: string | undefined): string | undefined =>
    template === undefined ? undefined : renderUrlTemplate(template, values)
  const baseUrl = overrides.baseUrl ?? definition.http?.baseUrl
  const renderedBase = baseUrl === undefined || values.metadata === undefined ? undefined : render(baseUrl)
  if (scheme === undefined || scheme.kind !== 'oauth2') {
    return {
      authorizeUrl: undefined,
      tokenUrl: undefined,
      refreshUrl: undefined,
      revokeUrl: undefined,
      baseUrl: renderedBase
    }
  }
  const tokenUrl = overrides.tokenUrl ?? scheme.tokenUrl
  const declaredRefresh =
    scheme.grant === 'authorization_code' && scheme.refreshUrl !== scheme.tokenUrl ? scheme.refreshUrl : undefined
  const refreshUrl = overrides.refreshUrl ?? declaredRefresh ?? tokenUrl
  return {
    authorizeUrl:
      scheme.grant === 'authorization_code' ? render(overrides.authorizeUrl ?? scheme.authorizeUrl) : undefined,
    tokenUrl: render(tokenUrl),
    refreshUrl: render(refreshUrl),
    revokeUrl: render(overrides.revokeUrl ?? scheme.revokeUrl),
    baseUrl: renderedBase
  }
}
