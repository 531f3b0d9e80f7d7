import { resolveOAuth2 } from './normalize.js'
import type { ConnectorDefinition, ConnectorDefinitionJson } from './schema.js'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

/**
 * One line that says what a connector is and how it authenticates, for the CLI and logs:
 * `Box 1.0.0: oauth2 authorization_code, 9 scopes (default root_readonly), ...`.
 */
export function summarizeConnector(definition: ConnectorDefinition | ConnectorDefinitionJson): string {
  const auth = resolveOAuth2(definition.auth)
  const scopeCount = Object.keys(auth.scopes).length
  const parts = [
    `${auth.kind} ${auth.grant}`,
    `${plural(scopeCount, 'scope')}${auth.defaultScopes.length > 0 ? ` (default ${auth.defaultScopes.join(auth.scopeDelimiter)})` : ''}`,
    `delimiter ${JSON.stringify(auth.scopeDelimiter)}`,
    `PKCE ${auth.pkce ? 'on' : 'off'}`,
    auth.clientAuthMethod,
    `${auth.clientOwnership}-owned client`,
    auth.revokeUrl === undefined ? 'no revocation' : 'revocation',
    plural(definition.parameters?.length ?? 0, 'parameter'),
    definition.http === undefined ? 'no API base URL' : `API ${definition.http.baseUrl}`
  ]
  return `${definition.name} ${definition.version}: ${parts.join(', ')}`
}
