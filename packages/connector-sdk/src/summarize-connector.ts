import { BUILT_IN_CREDENTIALS, resolveAuthSchemes } from './normalize.js'
import type { ResolvedAuthScheme } from './normalize.js'
import type { ConnectorDefinition, ConnectorDefinitionJson } from './schema.js'

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}

function describeScheme(auth: ResolvedAuthScheme): string[] {
  if (auth.kind === 'apiKey' || auth.kind === 'basic') {
    const where = auth.send.map((p) => (p.in === 'basic' ? 'basic' : `${p.in} ${p.name}`)).join(' + ')
    const extra = auth.inputs.filter((input) => !(BUILT_IN_CREDENTIALS as readonly string[]).includes(input.key))
    const fields = extra.length > 0 ? ` (with ${extra.map((input) => input.key).join(', ')})` : ''
    if (auth.kind === 'apiKey') return [`apiKey in ${where}${fields}`]
    const password = auth.inputs.find((input) => input.key === 'password')
    return [`basic${password?.required === true ? '' : ' (key as user name)'}${fields}`]
  }
  if (auth.kind === 'jwtBearer')
    return [`jwtBearer${auth.serviceAccount ? ' (service account key)' : ''} at ${auth.tokenUrl}`]
  if (auth.kind === 'oauth1')
    return [`oauth1 ${auth.signatureMethod}`, auth.revokeUrl === undefined ? 'no revocation' : 'revocation']
  if (auth.kind === 'awsSigV4') return [`AWS Signature V4 for ${auth.service} in ${auth.region}`]
  if (auth.kind === 'tokenExchange')
    return [
      `tokenExchange ${auth.request.method} ${auth.request.url} (${auth.inputs.map((input) => input.key).join(', ')})`
    ]
  const scopeCount = Object.keys(auth.scopes).length
  return [
    `${auth.kind} ${auth.grant}`,
    `${plural(scopeCount, 'scope')}${auth.defaultScopes.length > 0 ? ` (default ${auth.defaultScopes.join(auth.scopeDelimiter)})` : ''}`,
    `delimiter ${JSON.stringify(auth.scopeDelimiter)}`,
    ...(auth.grant === 'authorization_code' ? [`PKCE ${auth.pkce ? 'on' : 'off'}`] : []),
    auth.clientAuthMethod,
    `${auth.clientOwnership}-owned client`,
    auth.revokeUrl === undefined ? 'no revocation' : 'revocation'
  ]
}

/**
 * One line that says what a connector is and how it authenticates, for the CLI and logs:
 * `Box 1.0.0: oauth2 authorization_code, 9 scopes (default root_readonly), ...`; schemes
 * are joined with ` | ` when there are several.
 */
export function summarizeConnector(definition: ConnectorDefinition | ConnectorDefinitionJson): string {
  const schemes = resolveAuthSchemes(definition).map((scheme) => describeScheme(scheme).join(', '))
  const parts = [
    schemes.join(' | '),
    plural(definition.parameters?.length ?? 0, 'parameter'),
    definition.http === undefined ? 'no API base URL' : `API ${definition.http.baseUrl}`
  ]
  return `${definition.name} ${definition.version}: ${parts.join(', ')}`
}
