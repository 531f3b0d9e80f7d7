import { parse as parseYaml } from 'yaml'
import { OpenApiImportError } from './errors.js'
import type { Issue } from './errors.js'
import { joinPath } from './format-issues.js'
import type {
  ActionDefinition,
  ConnectorDefinitionJson,
  OAuth2AuthorizationCodeAuth,
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
  /** Which `components.securitySchemes` entry to import; needed only when there are several. */
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
  readonly definition: Omit<ConnectorDefinitionJson, 'auth'> & { auth: OAuth2AuthorizationCodeAuth }
  /** The security scheme that was imported. */
  readonly scheme: string
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

function pickScheme(schemes: Json, wanted: string | undefined): { name: string; flow: Json } | Issue {
  const base = 'components.securitySchemes'
  if (wanted !== undefined) {
    const scheme = schemes[wanted]
    const at = joinPath(base, wanted)
    if (!isObject(scheme)) return { path: at, message: `no such security scheme (found: ${describeSchemes(schemes)})` }
    if (scheme.type !== 'oauth2')
      return { path: joinPath(at, 'type'), message: `must be "oauth2" to import (got ${JSON.stringify(scheme.type)})` }
    const flows = isObject(scheme.flows) ? scheme.flows : {}
    if (!isObject(flows.authorizationCode)) {
      const others = Object.keys(flows)
      return {
        path: joinPath(at, 'flows', 'authorizationCode'),
        message: `is missing; only the authorization code flow can be imported${others.length > 0 ? ` (this scheme has: ${others.join(', ')})` : ''}`
      }
    }
    return { name: wanted, flow: flows.authorizationCode }
  }
  const candidates = Object.entries(schemes).filter(
    ([, s]) => isObject(s) && s.type === 'oauth2' && isObject(s.flows) && isObject(s.flows.authorizationCode)
  )
  if (candidates.length === 0) {
    return {
      path: base,
      message: `no oauth2 scheme with an authorizationCode flow was found (found: ${describeSchemes(schemes)})`
    }
  }
  if (candidates.length > 1) {
    return {
      path: base,
      message: `several oauth2 authorizationCode schemes were found (${candidates.map(([n]) => n).join(', ')}); name the one to import`
    }
  }
  const [name, scheme] = candidates[0] as [string, Json]
  return { name, flow: (scheme.flows as Json).authorizationCode as Json }
}

/**
 * Turns an OpenAPI 3.0/3.1 document's `oauth2` security scheme with an `authorizationCode`
 * flow into a connector definition (Itential's integration model import): authorize,
 * token and refresh URLs, scopes with their descriptions; `servers[0]` gives the API base
 * URL, and its variables become parameters.
 *
 * @param document the parsed document, or its JSON or YAML text.
 * @throws {OpenApiImportError} naming what is missing or wrong, with its path.
 * @see https://spec.openapis.org/oas/v3.1.0#oauth-flow-object
 */
export function fromOpenApi(document: unknown, options: OpenApiImportOptions): OpenApiImport {
  const doc = typeof document === 'string' ? parseOpenApiDocument(document) : document
  if (!isObject(doc)) throw new OpenApiImportError([{ path: '', message: 'the document must be an object' }])
  const warnings: string[] = []
  if (doc.swagger !== undefined) {
    throw new OpenApiImportError([
      {
        path: 'swagger',
        message: `Swagger ${String(doc.swagger)} documents are not supported; convert the document to OpenAPI 3`
      }
    ])
  }
  if (doc.openapi === undefined) {
    // Itential's own examples are fragments that carry only `components`.
    warnings.push('the document has no "openapi" field; it was read as an OpenAPI 3 fragment')
  } else if (typeof doc.openapi !== 'string' || !doc.openapi.startsWith('3.')) {
    throw new OpenApiImportError([
      { path: 'openapi', message: `must be 3.0.x or 3.1.x (got ${JSON.stringify(doc.openapi)})` }
    ])
  }
  const components = isObject(doc.components) ? doc.components : {}
  if (!isObject(components.securitySchemes)) {
    throw new OpenApiImportError([
      {
        path: 'components.securitySchemes',
        message:
          'is missing; the document declares no security schemes, so there is no oauth2 authorizationCode scheme to import'
      }
    ])
  }
  const picked = pickScheme(components.securitySchemes, options.scheme)
  if ('path' in picked) throw new OpenApiImportError([picked])

  const flowPath = joinPath('components.securitySchemes', picked.name, 'flows', 'authorizationCode')
  const server = readServer(doc, options.baseUrl)
  const serverUrl = server.baseUrl
  const issues: Issue[] = []
  const url = (field: string, required: boolean): string | undefined => {
    const value = picked.flow[field]
    if (value === undefined && !required) return undefined
    if (typeof value !== 'string' || value === '') {
      issues.push({ path: joinPath(flowPath, field), message: 'is required and must be a URL' })
      return undefined
    }
    const resolved = resolveAgainst(value, serverUrl)
    // Templated URLs are checked with the whole definition below, sample values filled in.
    const problem = resolved.includes('{{') ? undefined : checkEndpointUrl(resolved)
    if (problem !== undefined) issues.push({ path: joinPath(flowPath, field), message: problem })
    return resolved
  }
  const authorizeUrl = url('authorizationUrl', true)
  const tokenUrl = url('tokenUrl', true)
  const refreshUrl = url('refreshUrl', false)
  const scopes: Record<string, string> = {}
  if (picked.flow.scopes !== undefined && !isObject(picked.flow.scopes)) {
    issues.push({ path: joinPath(flowPath, 'scopes'), message: 'must be an object of scope name → description' })
  }
  for (const [name, description] of Object.entries(isObject(picked.flow.scopes) ? picked.flow.scopes : {})) {
    scopes[name] = typeof description === 'string' ? description : ''
  }
  if (issues.length > 0) throw new OpenApiImportError(issues)

  const info = isObject(doc.info) ? doc.info : {}
  const infoVersion =
    typeof info.version === 'string' && /^\d+\.\d+\.\d+$/.test(info.version) ? info.version : undefined
  const definition: Omit<ConnectorDefinitionJson, 'auth'> & { auth: OAuth2AuthorizationCodeAuth } = {
    key: options.key,
    name: options.name,
    version: options.version ?? infoVersion ?? '1.0.0',
    ...(typeof info.description === 'string' && info.description !== ''
      ? { description: info.description.slice(0, 2048) }
      : {}),
    ...(server.parameters.length > 0 ? { parameters: server.parameters } : {}),
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: authorizeUrl as string,
      tokenUrl: tokenUrl as string,
      ...(refreshUrl !== undefined ? { refreshUrl } : {}),
      scopes,
      scopeDelimiter: ' '
    },
    ...(server.baseUrl !== undefined ? { http: { baseUrl: server.baseUrl } } : {})
  }
  const result = validateConnectorDefinition(definition)
  if (!result.ok) throw new OpenApiImportError(result.issues)
  const operations = options.actions === false ? undefined : importActions(doc, definition, picked.name, warnings)
  return {
    definition: operations === undefined ? definition : { ...definition, actions: operations },
    scheme: picked.name,
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
  definition: OpenApiImport['definition'],
  scheme: string,
  warnings: string[]
): ActionDefinition[] | undefined {
  if (!isObject(doc.paths) || Object.keys(doc.paths).length === 0) return undefined
  if (definition.http === undefined) {
    warnings.push('the operations were not imported as actions: the document names no server URL (give baseUrl)')
    return undefined
  }
  const imported = actionsFromOperations(doc, scheme, Object.keys(definition.auth.scopes ?? {}))
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
