import { $RefParser, JSONParserErrorGroup } from '@apidevtools/json-schema-ref-parser'
import { parse as parseYaml } from 'yaml'
import { OpenApiImportError } from './errors.js'
import type { Issue } from './errors.js'
import { joinPath } from './format-issues.js'
import type {
  ActionDefinition,
  AuthDefinition,
  AuthSchemeDefinition,
  ConnectorDefinitionJson,
  ParameterDefinition
} from './schema.js'
import { actionsFromOperations } from './openapi-actions.js'
import { checkEndpointUrl } from './url-policy.js'
import { validateConnectorDefinition } from './validate-definition.js'

/** Options of {@link fromOpenApi}. */
export interface OpenApiImportOptions {
  /** The connector key to give the imported definition. */
  readonly key: string
  /** The connector's display name. */
  readonly name: string
  /** Which `components.securitySchemes` entry to import. @defaultValue every one the definition can say */
  readonly scheme?: string | undefined
  /** @defaultValue `info.version` when it is a semantic version, else `"1.0.0"` */
  readonly version?: string | undefined
  /** Overrides `servers[0].url` as the API base URL. */
  readonly baseUrl?: string | undefined
  /** Import the document's operations as actions. @defaultValue `true` */
  readonly actions?: boolean | undefined
}

/** A definition holds at most this many actions. */
const MAX_ACTIONS = 200

/** What {@link fromOpenApi} produced. */
export interface OpenApiImport {
  readonly definition: ConnectorDefinitionJson
  /** The security schemes that were imported, by their names in the document. */
  readonly schemes: readonly string[]
  /** Things the document did not say that a person should fill in. */
  readonly warnings: readonly string[]
}

type Json = Record<string, unknown>

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/**
 * Parses an OpenAPI document given as text: JSON, or YAML.
 * @throws {OpenApiImportError} when it is neither.
 */
export function parseOpenApiDocument(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    try {
      return parseYaml(text, { maxAliasCount: 100 })
    } catch (error) {
      // A parser that ran out of stack says so in engine words (the YAML parser wraps them): say what is wrong with the document instead.
      const message = (error as Error).message
      const why =
        error instanceof RangeError || /Maximum call stack size exceeded/.test(message)
          ? 'it is nested too deeply'
          : message.split('\n')[0]
      throw new OpenApiImportError([{ path: '', message: `the document is neither JSON nor YAML (${why})` }])
    }
  }
}

/**
 * Resolves a relative OAuth URL against the server URL, which may hold `{{parameters.*}}`
 * placeholders (from server variables), so `new URL()` cannot be used on it.
 */
function resolveAgainst(value: string, server: string | undefined): string {
  if (server === undefined || /^[a-z][a-z0-9+.-]*:/i.test(value)) return value
  if (value.startsWith('/')) {
    const origin = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(server)?.[0]
    return origin === undefined ? value : origin + value
  }
  return `${server.replace(/\/+$/, '')}/${value.replace(/^\.\//, '')}`
}

interface ServerInfo {
  baseUrl: string | undefined
  parameters: ParameterDefinition[]
  warnings: string[]
}

/** Reads `servers[0]`: its URL becomes the base URL, its variables become parameters. */
function readServer(document: Json, override: string | undefined): ServerInfo {
  if (override !== undefined) return { baseUrl: override, parameters: [], warnings: [] }
  const server = Array.isArray(document.servers) ? document.servers.find(isObject) : undefined
  if (server === undefined || typeof server.url !== 'string') {
    return {
      baseUrl: undefined,
      parameters: [],
      warnings: [
        'the document has no servers[] entry, so the connector has no http.baseUrl; set one before making API calls'
      ]
    }
  }
  const variables = isObject(server.variables) ? server.variables : {}
  const parameters: ParameterDefinition[] = []
  const baseUrl = server.url.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const variable = isObject(variables[name]) ? (variables[name] as Json) : {}
    const options = Array.isArray(variable.enum) ? variable.enum.filter((v): v is string => typeof v === 'string') : []
    if (!parameters.some((p) => p.key === name)) {
      parameters.push({
        key: name,
        label: name,
        ...(options.length > 0
          ? { type: 'dropdown' as const, options: options.map((value) => ({ value })) }
          : { type: 'text' as const }),
        ...(typeof variable.default === 'string' && variable.default !== '' ? { default: variable.default } : {}),
        ...(typeof variable.description === 'string' ? { helpText: variable.description } : {})
      })
    }
    return `{{parameters.${name}}}`
  })
  if (!/^https?:\/\//.test(baseUrl)) {
    return {
      baseUrl: undefined,
      parameters: [],
      warnings: [
        `servers[0].url ${JSON.stringify(server.url)} is not absolute, so the connector has no http.baseUrl; set one before making API calls`
      ]
    }
  }
  return { baseUrl, parameters, warnings: [] }
}

function describeSchemes(schemes: Json): string {
  const names = Object.entries(schemes).map(
    ([name, s]) => `${name} (${isObject(s) && typeof s.type === 'string' ? s.type : 'no type'})`
  )
  return names.length === 0 ? 'none' : names.join(', ')
}

/** One security scheme (or one OAuth 2.0 flow of it) as a scheme of the definition. */
interface MappedScheme {
  /** The `components.securitySchemes` entry it came from. */
  readonly name: string
  readonly path: string
  /** What the definition says, URLs not yet resolved against the server. */
  readonly scheme: AuthSchemeDefinition
  /** The flow's `scopes` is there but not an object. */
  readonly badScopes?: boolean
}

/** A security scheme the definition cannot say, and why. */
interface SkippedScheme {
  readonly name: string
  readonly path: string
  readonly reason: string
}

/** A scheme key from a security scheme's name: lower-case letters, digits and underscores. */
function schemeKeyOf(name: string): string {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
  const key = /^[a-z]/.test(snake) ? snake : `s_${snake}`
  return key.slice(0, 32).replace(/_+$/, '')
}

function scopesOf(flow: Json): Record<string, string> {
  const scopes: Record<string, string> = {}
  for (const [name, description] of Object.entries(isObject(flow.scopes) ? flow.scopes : {})) {
    scopes[name] = typeof description === 'string' ? description : ''
  }
  return scopes
}

/** The OpenID Connect discovery URL's issuer: the URL without `/.well-known/openid-configuration`. */
const DISCOVERY_SUFFIX = '/.well-known/openid-configuration'

/**
 * Maps one security scheme to what the definition can say: OAuth 2.0 authorization code
 * and client credentials flows, OpenID Connect (by its issuer), API keys in a header or the
 * query, HTTP basic and bearer. Everything else is skipped with the reason.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
function mapScheme(name: string, raw: unknown): { mapped: MappedScheme[]; skipped: SkippedScheme[] } {
  const path = joinPath('components.securitySchemes', name)
  const skip = (reason: string) => ({ mapped: [], skipped: [{ name, path, reason }] })
  const one = (scheme: AuthSchemeDefinition) => ({ mapped: [{ name, path, scheme }], skipped: [] })
  if (!isObject(raw)) return skip('is not an object')
  const key = schemeKeyOf(name)
  const helpText =
    typeof raw.description === 'string' && raw.description !== '' ? raw.description.slice(0, 2048) : undefined
  switch (raw.type) {
    case 'oauth2': {
      const flows = isObject(raw.flows) ? raw.flows : {}
      const mapped: MappedScheme[] = []
      const skipped: SkippedScheme[] = []
      for (const [flowName, flow] of Object.entries(flows)) {
        const flowPath = joinPath(path, 'flows', flowName)
        if (!isObject(flow)) continue
        const badScopes = flow.scopes !== undefined && !isObject(flow.scopes)
        if (flowName === 'authorizationCode') {
          mapped.push({
            name,
            path: flowPath,
            badScopes,
            scheme: {
              key,
              kind: 'oauth2',
              grant: 'authorization_code',
              authorizeUrl: flow.authorizationUrl as string,
              tokenUrl: flow.tokenUrl as string,
              ...(flow.refreshUrl === undefined ? {} : { refreshUrl: flow.refreshUrl as string }),
              scopes: scopesOf(flow),
              scopeDelimiter: ' '
            }
          })
        } else if (flowName === 'clientCredentials') {
          mapped.push({
            name,
            path: flowPath,
            badScopes,
            scheme: {
              key: isObject(flows.authorizationCode) ? `${key.slice(0, 13)}_client_credentials` : key,
              kind: 'oauth2',
              grant: 'client_credentials',
              tokenUrl: flow.tokenUrl as string,
              scopes: scopesOf(flow),
              scopeDelimiter: ' '
            }
          })
        } else if (flowName === 'implicit') {
          skipped.push({
            name,
            path: flowPath,
            reason: 'the implicit flow is not imported: it hands tokens to the browser (RFC 9700 says not to use it)'
          })
        } else if (flowName === 'password') {
          skipped.push({
            name,
            path: flowPath,
            reason:
              "the password flow is not imported: it asks for the customer's password (RFC 9700 says not to use it)"
          })
        } else {
          skipped.push({ name, path: flowPath, reason: `the flow "${flowName}" is not an OAuth 2.0 flow` })
        }
      }
      if (mapped.length === 0 && skipped.length === 0) return skip('has no flows')
      return { mapped, skipped }
    }
    case 'openIdConnect': {
      const url = raw.openIdConnectUrl
      if (typeof url !== 'string' || !url.endsWith(DISCOVERY_SUFFIX))
        return skip(`its openIdConnectUrl must end with ${DISCOVERY_SUFFIX} for the issuer to be known`)
      return one({
        key,
        kind: 'oauth2',
        grant: 'authorization_code',
        issuer: url.slice(0, -DISCOVERY_SUFFIX.length),
        scopes: { openid: 'Sign in with OpenID Connect' },
        defaultScopes: ['openid'],
        scopeDelimiter: ' '
      })
    }
    case 'apiKey': {
      if (raw.in !== 'header' && raw.in !== 'query')
        return skip(`an API key in ${JSON.stringify(raw.in)} is not imported: only a header or the query`)
      if (typeof raw.name !== 'string' || raw.name === '') return skip('has no name for the API key')
      return one({
        key,
        kind: 'apiKey',
        ...(helpText === undefined ? {} : { input: { helpText } }),
        send: [{ in: raw.in, name: raw.name, value: '{{credentials.apiKey}}' }]
      })
    }
    case 'http': {
      const scheme = typeof raw.scheme === 'string' ? raw.scheme.toLowerCase() : ''
      if (scheme === 'basic') return one({ key, kind: 'basic', ...(helpText === undefined ? {} : { helpText }) })
      if (scheme === 'bearer')
        return one({
          key,
          kind: 'apiKey',
          label: 'Token',
          input: { label: 'Token', ...(helpText === undefined ? {} : { helpText }) },
          send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
        })
      return skip(`the HTTP scheme ${JSON.stringify(raw.scheme)} is not imported: only basic and bearer`)
    }
    case 'mutualTLS':
      return skip('client certificates (mutualTLS) are not imported')
    default:
      return skip(`its type ${JSON.stringify(raw.type)} is not a security scheme type`)
  }
}

/** The schemes to import: the one named, or every one the definition can say. */
function pickSchemes(schemes: Json, wanted: string | undefined): { mapped: MappedScheme[]; warnings: string[] } {
  const base = 'components.securitySchemes'
  if (wanted !== undefined) {
    if (!isObject(schemes[wanted]))
      throw new OpenApiImportError([
        { path: joinPath(base, wanted), message: `no such security scheme (found: ${describeSchemes(schemes)})` }
      ])
    const one = mapScheme(wanted, schemes[wanted])
    if (one.mapped.length === 0)
      throw new OpenApiImportError(one.skipped.map((s) => ({ path: s.path, message: s.reason })))
    return { mapped: one.mapped, warnings: one.skipped.map((s) => `${s.path}: ${s.reason}`) }
  }
  const mapped: MappedScheme[] = []
  const skipped: SkippedScheme[] = []
  for (const [name, raw] of Object.entries(schemes)) {
    const one = mapScheme(name, raw)
    mapped.push(...one.mapped)
    skipped.push(...one.skipped)
  }
  if (mapped.length === 0)
    throw new OpenApiImportError(
      skipped.length === 0
        ? [{ path: base, message: 'is empty: the document declares no security scheme to import' }]
        : skipped.map((s) => ({ path: s.path, message: s.reason }))
    )
  if (mapped.length > MAX_SCHEMES)
    throw new OpenApiImportError([
      {
        path: base,
        message: `has ${mapped.length} schemes a connector could offer, more than ${MAX_SCHEMES}; name the one to import`
      }
    ])
  // Two schemes of one kind are told apart in the wizard by their names.
  const kinds = mapped.map((m) => `${m.scheme.kind}:${'grant' in m.scheme ? m.scheme.grant : ''}`)
  const labelled = mapped.map((m, i) =>
    kinds.indexOf(kinds[i] as string) !== kinds.lastIndexOf(kinds[i] as string) && m.scheme.label === undefined
      ? { ...m, scheme: { ...m.scheme, label: m.name.slice(0, 128) } }
      : m
  )
  return { mapped: labelled, warnings: skipped.map((s) => `${s.path}: ${s.reason} (left out)`) }
}

/** A connector offers at most this many schemes. */
const MAX_SCHEMES = 6

/** URL fields of a scheme, resolved against the server and checked. */
const URL_FIELDS = [
  ['authorizeUrl', 'authorizationUrl'],
  ['tokenUrl', 'tokenUrl'],
  ['refreshUrl', 'refreshUrl'],
  ['issuer', 'openIdConnectUrl']
] as const

function resolveUrls(mapped: MappedScheme, serverUrl: string | undefined, issues: Issue[]): AuthSchemeDefinition {
  if (mapped.scheme.kind !== 'oauth2') return mapped.scheme
  const scheme: Record<string, unknown> = { ...mapped.scheme }
  // An issuer has its endpoints discovered; otherwise the flow must name them.
  const required =
    mapped.scheme.issuer !== undefined
      ? []
      : mapped.scheme.grant === 'authorization_code'
        ? ['authorizeUrl', 'tokenUrl']
        : ['tokenUrl']
  for (const [field, documentField] of URL_FIELDS) {
    if (!(field in scheme)) continue
    const value = scheme[field]
    const at = joinPath(mapped.path, documentField)
    if (value === undefined) {
      if (required.includes(field)) issues.push({ path: at, message: 'is required and must be a URL' })
      delete scheme[field]
      continue
    }
    if (typeof value !== 'string' || value === '') {
      issues.push({ path: at, message: 'is required and must be a URL' })
      continue
    }
    const resolved = resolveAgainst(value, serverUrl)
    // Templated URLs are checked with the whole definition below, sample values filled in.
    const problem = resolved.includes('{{') ? undefined : checkEndpointUrl(resolved)
    if (problem !== undefined) issues.push({ path: at, message: problem })
    scheme[field] = resolved
  }
  if (mapped.badScopes === true)
    issues.push({ path: joinPath(mapped.path, 'scopes'), message: 'must be an object of scope name → description' })
  return scheme as AuthSchemeDefinition
}

/**
 * Resolves the document's `$ref`s inside it (never outside: no file or network is read) with
 * `@apidevtools/json-schema-ref-parser`. Cycles stay as references; a broken reference is
 * left where it is and named in a warning.
 */
async function dereference(doc: Json, warnings: string[]): Promise<Json> {
  const options = { resolve: { external: false }, dereference: { circular: 'ignore' as const }, continueOnError: true }
  try {
    return (await new $RefParser().dereference(structuredClone(doc), options)) as Json
  } catch (error) {
    if (error instanceof JSONParserErrorGroup) {
      for (const problem of error.errors) {
        const at = joinPath('', ...(problem.path ?? []).map(String))
        warnings.push(`${at === '' ? 'the document' : at}: ${problem.message} (the reference was left as it is)`)
      }
      return error.files.schema as Json
    }
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new OpenApiImportError([{ path: '', message: `its references cannot be resolved (${message})` }])
  }
}

/**
 * Turns an OpenAPI 3.0/3.1 document into a connector definition (Itential's integration
 * model import). Every security scheme the definition can say becomes one of its schemes
 * (OAuth 2.0 authorization code and client credentials, OpenID Connect, API keys in a header
 * or the query, HTTP basic and bearer), the others are named in warnings; `$ref`s are
 * resolved first. `servers[0]` gives the API base URL, its variables become parameters,
 * and the operations become actions.
 *
 * @param document the parsed document, or its JSON or YAML text.
 * @throws {OpenApiImportError} naming what is missing or wrong, with its path.
 * @see https://spec.openapis.org/oas/v3.1.0#security-scheme-object
 */
export async function fromOpenApi(document: unknown, options: OpenApiImportOptions): Promise<OpenApiImport> {
  const parsed = typeof document === 'string' ? parseOpenApiDocument(document) : document
  if (!isObject(parsed)) throw new OpenApiImportError([{ path: '', message: 'the document must be an object' }])
  const warnings: string[] = []
  if (parsed.swagger !== undefined) {
    throw new OpenApiImportError([
      {
        path: 'swagger',
        message: `Swagger ${String(parsed.swagger)} documents are not supported; convert the document to OpenAPI 3`
      }
    ])
  }
  if (parsed.openapi === undefined) {
    // Itential's own examples are fragments that carry only `components`.
    warnings.push('the document has no "openapi" field; it was read as an OpenAPI 3 fragment')
  } else if (typeof parsed.openapi !== 'string' || !parsed.openapi.startsWith('3.')) {
    throw new OpenApiImportError([
      { path: 'openapi', message: `must be 3.0.x or 3.1.x (got ${JSON.stringify(parsed.openapi)})` }
    ])
  }
  const doc = await dereference(parsed, warnings)
  const components = isObject(doc.components) ? doc.components : {}
  if (!isObject(components.securitySchemes)) {
    throw new OpenApiImportError([
      {
        path: 'components.securitySchemes',
        message: 'is missing; the document declares no security schemes, so there is no way to authenticate to import'
      }
    ])
  }
  const picked = pickSchemes(components.securitySchemes, options.scheme)
  warnings.push(...picked.warnings)
  const server = readServer(doc, options.baseUrl)
  const issues: Issue[] = []
  const schemes = picked.mapped.map((mapped) => resolveUrls(mapped, server.baseUrl, issues))
  if (issues.length > 0) throw new OpenApiImportError(issues)

  const info = isObject(doc.info) ? doc.info : {}
  const infoVersion =
    typeof info.version === 'string' && /^\d+\.\d+\.\d+$/.test(info.version) ? info.version : undefined
  // One scheme is written as it always was, without a key; several are a list.
  const auth: AuthDefinition =
    schemes.length === 1 ? (({ key: _key, ...only }) => only)(schemes[0] as AuthSchemeDefinition) : schemes
  const definition: ConnectorDefinitionJson = {
    key: options.key,
    name: options.name,
    version: options.version ?? infoVersion ?? '1.0.0',
    ...(typeof info.description === 'string' && info.description !== ''
      ? { description: info.description.slice(0, 2048) }
      : {}),
    ...(server.parameters.length > 0 ? { parameters: server.parameters } : {}),
    auth,
    ...(server.baseUrl !== undefined ? { http: { baseUrl: server.baseUrl } } : {})
  }
  const result = validateConnectorDefinition(definition)
  if (!result.ok) throw new OpenApiImportError(result.issues)
  // Operations list their scopes under the OAuth 2.0 scheme they use.
  const scoped = picked.mapped.find((m) => m.scheme.kind === 'oauth2') ?? picked.mapped[0]
  const scopes = schemes.flatMap((s) => (s.kind === 'oauth2' ? Object.keys(s.scopes ?? {}) : []))
  const operations =
    options.actions === false ? undefined : importActions(doc, definition, scoped?.name ?? '', scopes, warnings)
  return {
    definition: operations === undefined ? definition : { ...definition, actions: operations },
    schemes: picked.mapped.map((m) => m.name).filter((name, i, all) => all.indexOf(name) === i),
    warnings: [...warnings, ...server.warnings]
  }
}

/**
 * The document's operations as actions (when it has `paths` and a base URL). An operation
 * the definition would refuse is left out with a warning naming the problem, so one odd
 * operation never sinks the import.
 */
function importActions(
  doc: Json,
  definition: ConnectorDefinitionJson,
  scheme: string,
  scopes: readonly string[],
  warnings: string[]
): ActionDefinition[] | undefined {
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) return undefined
  if (definition.http === undefined) {
    warnings.push('the operations were not imported as actions: the document names no server URL (give baseUrl)')
    return undefined
  }
  const imported = actionsFromOperations(doc, scheme, scopes)
  warnings.push(...imported.warnings)
  const kept: ActionDefinition[] = []
  for (const action of imported.actions.slice(0, MAX_ACTIONS)) {
    const check = validateConnectorDefinition({ ...definition, actions: [action] })
    if (check.ok) kept.push(action)
    else warnings.push(`${action.method} ${action.path}: left out (${check.issues[0]?.message ?? 'invalid'})`)
  }
  if (imported.actions.length > MAX_ACTIONS)
    warnings.push(`only the first ${MAX_ACTIONS} of ${imported.actions.length} operations were imported as actions`)
  return kept.length === 0 ? undefined : kept
}
