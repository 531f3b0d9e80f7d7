import { resolveAuthSchemes } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, DeepReadonly, ResolvedAuthScheme } from '@latchkey/connector-sdk'

type Definition = ConnectorDefinition | DeepReadonly<ConnectorDefinition>

/** The markers around each generated part of `docs/connectors.md`; the prose between them is written by hand. */
export const GENERATED = {
  connectors: ['<!-- generated: connectors (npm run docs:connectors) -->', '<!-- end generated: connectors -->'],
  actions: ['<!-- generated: actions (npm run docs:connectors) -->', '<!-- end generated: actions -->']
} as const

const code = (text: string): string => `\`${text}\``
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ')
const none = '—'

function authLabel(scheme: ResolvedAuthScheme): string {
  switch (scheme.kind) {
    case 'oauth2':
      return scheme.grant === 'authorization_code' ? 'OAuth 2.0 code' : 'OAuth 2.0 client credentials'
    case 'oauth1':
      return `OAuth 1.0a (${scheme.signatureMethod})`
    case 'apiKey':
      return 'API key'
    case 'basic':
      return scheme.inputs.some((input) => input.key === 'password') ? 'Basic' : 'Basic (key as user name)'
    case 'tokenExchange':
      return 'token exchange (login)'
    case 'jwtBearer':
      return scheme.serviceAccount ? 'JWT bearer (service account key)' : 'JWT bearer'
    case 'awsSigV4':
      return 'AWS Signature V4'
  }
}

/** What a scheme declares beyond the plain protocol, briefly. */
function declared(scheme: ResolvedAuthScheme): string[] {
  if (scheme.kind === 'apiKey' || scheme.kind === 'basic')
    return scheme.send.map((placement) =>
      placement.in === 'basic' ? 'basic auth' : `${placement.in} ${code(placement.name)}`
    )
  if (scheme.kind === 'tokenExchange') return [`${scheme.request.method} ${code(scheme.request.url)}`]
  if (scheme.kind === 'jwtBearer') return [`assertion to ${code(scheme.tokenUrl)}`]
  if (scheme.kind === 'awsSigV4') return [`service ${code(scheme.service)}`]
  if (scheme.kind === 'oauth1') return scheme.keepFields.length > 0 ? [`keeps ${scheme.keepFields.join(', ')}`] : []
  const parts: string[] = []
  const scopes = Object.keys(scheme.scopes).length
  if (scopes > 0)
    parts.push(
      `${scopes} scope${scopes === 1 ? '' : 's'}${scheme.scopeDelimiter === ' ' ? '' : ` (${JSON.stringify(scheme.scopeDelimiter)}-separated)`}`
    )
  if (scheme.grant === 'authorization_code') {
    if (scheme.pkce) parts.push('PKCE')
    if (scheme.offlineScope !== undefined) parts.push(`offline scope ${code(scheme.offlineScope)}`)
    for (const [name, value] of Object.entries(scheme.authorizeParams)) parts.push(code(`${name}=${value}`))
    if (scheme.incrementalConsent !== undefined) parts.push('incremental consent')
  }
  const paramsIn = scheme.tokenRequestFormat === 'query' ? 'query' : 'body'
  parts.push(scheme.clientAuthMethod === 'client_secret_basic' ? 'Basic client auth' : `${paramsIn} client auth`)
  if (scheme.tokenRequestFormat === 'json') parts.push('JSON token request')
  if (scheme.tokenRequestFormat === 'query') parts.push('token request in the query string')
  if (scheme.clientOwnership === 'customer') parts.push("the customer's own client")
  if (scheme.keepFields.length > 0) parts.push(`keeps ${scheme.keepFields.join(', ')}`)
  return parts
}

function refresh(scheme: ResolvedAuthScheme): string {
  if (scheme.kind === 'oauth2')
    return scheme.grant === 'client_credentials' ? 'a new token (client credentials)' : 'refresh token, when issued'
  if (scheme.kind === 'tokenExchange') return 'logs in again'
  if (scheme.kind === 'jwtBearer') return 'a new assertion'
  return none
}

function revocation(scheme: ResolvedAuthScheme): string {
  if (scheme.kind === 'oauth2') {
    if (scheme.revokeUrl === undefined) return none
    const { method, token, format } = scheme.revoke
    return `${method} ${code(scheme.revokeUrl)} (${token} token${format === 'none' ? '' : `, ${format}`})`
  }
  if (scheme.kind === 'oauth1') return scheme.revokeUrl === undefined ? none : `${code(scheme.revokeUrl)} (signed)`
  if (scheme.kind === 'tokenExchange' && scheme.logout !== undefined)
    return `${scheme.logout.method} ${code(scheme.logout.url)} (logout)`
  return 'deleted here only'
}

function verification(definition: Definition): string {
  const check = definition.verification
  if (check === undefined) return none
  const requests = check.steps ?? [check]
  return requests
    .map((step) => {
      const identity = Object.keys(step.identity ?? {})
      return `${step.method === 'POST' ? 'POST ' : ''}${code(step.path ?? '')}${identity.length > 0 ? ` (${identity.join(', ')})` : ''}`
    })
    .join(', then ')
}

/** Several schemes of a connector, each described the same way, are joined on one line. */
function perScheme(schemes: readonly ResolvedAuthScheme[], describe: (scheme: ResolvedAuthScheme) => string): string {
  const described = [...new Set(schemes.map(describe))]
  return described.length === 1 ? (described[0] ?? none) : schemes.map((s) => `${s.label}: ${describe(s)}`).join('; ')
}

/** The table of every connector: auth kinds, what each declares, refresh, revocation, parameters, verification. */
export function connectorsTable(catalog: readonly Definition[]): string {
  const rows = [...catalog]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((definition) => {
      const schemes = resolveAuthSchemes(definition as ConnectorDefinition)
      const name = definition.docsUrl === undefined ? definition.name : `[${definition.name}](${definition.docsUrl})`
      const parameters = (definition.parameters ?? []).map((parameter) => code(parameter.key))
      return [
        name,
        schemes.map(authLabel).join(', or '),
        perScheme(schemes, (scheme) => declared(scheme).join(', ') || none),
        perScheme(schemes, refresh),
        perScheme(schemes, revocation),
        parameters.length > 0 ? parameters.join(', ') : none,
        verification(definition),
        String(definition.actions?.length ?? 0)
      ]
        .map(cell)
        .join(' | ')
    })
  return [
    '| Connector | Auth | Declared beyond the protocol | Refresh | Revocation | Parameters | Verification (identity kept) | Actions |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map((row) => `| ${row} |`)
  ].join('\n')
}

/** The table of declared actions, with each list's paging style. */
export function actionsTable(catalog: readonly Definition[]): string {
  const rows = [...catalog]
    .filter((definition) => (definition.actions?.length ?? 0) > 0)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((definition) => {
      const actions = (definition.actions ?? []).map(
        (action) => `${code(action.key)}${action.pagination === undefined ? '' : ` (${action.pagination.style})`}`
      )
      return `| ${cell(definition.name)} | ${actions.join(', ')} |`
    })
  return ['| Connector | Actions |', '|---|---|', ...rows].join('\n')
}

/**
 * `text` (the current `docs/connectors.md`) with its generated parts written from `catalog`.
 * @throws {Error} when a marker is missing (the file would otherwise silently stop being generated)
 */
export function renderConnectorsDoc(text: string, catalog: readonly Definition[]): string {
  let out = text
  for (const [part, [start, end]] of Object.entries(GENERATED)) {
    const from = out.indexOf(start)
    const to = out.indexOf(end)
    if (from === -1 || to === -1 || to < from) throw new Error(`docs/connectors.md has lost its ${part} markers`)
    const table = part === 'connectors' ? connectorsTable(catalog) : actionsTable(catalog)
    out = `${out.slice(0, from + start.length)}\n${table}\n${out.slice(to)}`
  }
  return out
}
