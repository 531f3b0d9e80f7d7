import { Compile } from 'typebox/compile'
import type { Issue } from './errors.js'
import { formatSchemaErrors, joinPath, closest } from './format-issues.js'
import type { ActionDefinition, ConnectorDefinition, ConnectorDefinitionJson, DeepReadonly } from './schema.js'
import { parsePlaceholders, placeholderValue, renderTemplateIfComplete, renderUrlTemplate } from './template.js'
import type { TemplateValues } from './template.js'

type Definition = ConnectorDefinition | ConnectorDefinitionJson
type Action = DeepReadonly<ActionDefinition>

/** The action of a definition by key. */
export function findAction(definition: Definition, key: string): Action | undefined {
  return definition.actions?.find((action) => action.key === key)
}

/** Compiled input checks, once per action object (definitions are frozen). */
const validators = new WeakMap<object, ReturnType<typeof Compile>>()

/**
 * Checks an action's input against its schema.
 * @returns every problem, with paths below `base` (`body.input.owner`); none when the action takes any input.
 */
export function validateActionInput(action: Action, input: unknown, base = 'input'): Issue[] {
  const schema = action.input
  if (schema === undefined) {
    if (input === undefined || input === null) return []
    return typeof input === 'object' && !Array.isArray(input) ? [] : [{ path: base, message: 'must be an object' }]
  }
  let validator = validators.get(schema)
  if (validator === undefined) validators.set(schema, (validator = Compile(schema as never)))
  const value = input ?? {}
  if (validator.Check(value)) return []
  return formatSchemaErrors(schema, validator.Errors(value), base)
}

/**
 * The scopes a connection made for these actions asks: their union, in declaration order, and
 * the verification request's `scopes` (so it can still tell whose account it is).
 * @returns the scopes, and an issue per unknown action key (paths below `base`).
 */
export function scopesForActions(
  definition: Definition,
  keys: readonly string[],
  base = 'actions'
): { scopes: string[]; issues: Issue[] } {
  const scopes = new Set<string>()
  const issues: Issue[] = []
  const known = (definition.actions ?? []).map((action) => action.key)
  keys.forEach((key, index) => {
    const action = findAction(definition, key)
    if (action === undefined) {
      const suggestion = closest(key, known)
      issues.push({
        path: joinPath(base, index),
        message:
          known.length === 0
            ? `"${key}" is not an action: ${definition.name} declares none`
            : `"${key}" is not an action of ${definition.name}${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
      })
      return
    }
    for (const scope of action.scopes ?? []) scopes.add(scope)
  })
  // A connection made for actions still says whose account it is.
  if (keys.length > 0) for (const scope of definition.verification?.scopes ?? []) scopes.add(scope)
  return { scopes: [...scopes], issues }
}

/** For each declared scope, the actions that need it (what the wizard shows beside a permission). */
export function actionsByScope(definition: Definition): Record<string, { key: string; name: string }[]> {
  const byScope: Record<string, { key: string; name: string }[]> = {}
  for (const action of definition.actions ?? [])
    for (const scope of action.scopes ?? []) (byScope[scope] ??= []).push({ key: action.key, name: action.name })
  return byScope
}

/** One request an action makes, before auth: relative to the API's base URL. */
export interface ActionRequest {
  readonly method: string
  /** Rendered, values percent-encoded. */
  readonly path: string
  readonly query: Record<string, string | string[]>
  readonly headers: Record<string, string>
  /** The body as JSON (an object or list), or form fields; `undefined` for none. */
  readonly body?: unknown
  readonly bodyFormat: 'json' | 'form'
}

/** A body template's string: one placeholder keeps its value's type; a field without a value is `undefined`. */
function renderBodyString(template: string, values: TemplateValues): unknown {
  const { placeholders } = parsePlaceholders(template)
  const only = placeholders[0]
  if (placeholders.length === 1 && only?.call === undefined && only?.start === 0 && only.end === template.length) {
    const value = placeholderValue(values, only)
    return value === null || value === '' ? undefined : value
  }
  return renderTemplateIfComplete(template, values)
}

/** Renders a JSON body template; fields (and list items) without a value are left out. */
export function renderBody(template: unknown, values: TemplateValues): unknown {
  if (typeof template === 'string') return renderBodyString(template, values)
  if (Array.isArray(template))
    return template.map((item) => renderBody(item, values)).filter((item) => item !== undefined)
  if (template !== null && typeof template === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(template)) {
      const rendered = renderBody(item, values)
      if (rendered !== undefined) out[key] = rendered
    }
    return out
  }
  return template
}

/** A query or header value: one placeholder naming a list gives several values. */
function renderValue(template: string, values: TemplateValues): string | string[] | undefined {
  const rendered = renderBodyString(template, values)
  if (rendered === undefined) return undefined
  if (Array.isArray(rendered)) return rendered.map((item) => (typeof item === 'string' ? item : JSON.stringify(item)))
  return typeof rendered === 'string' ? rendered : JSON.stringify(rendered)
}

/**
 * Builds an action's request from its input (already validated) and the connection's values.
 * @throws {TemplateError} when a value cannot be used where it sits (a path value that is a list).
 */
export function renderActionRequest(action: Action, values: TemplateValues): ActionRequest {
  const query: Record<string, string | string[]> = {}
  for (const [name, template] of Object.entries(action.query ?? {})) {
    const value = renderValue(template, values)
    if (value !== undefined) query[name] = value
  }
  const headers: Record<string, string> = {}
  for (const [name, template] of Object.entries(action.headers ?? {})) {
    const value = renderValue(template, values)
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  const body = action.body === undefined ? undefined : renderBody(action.body, values)
  return {
    method: action.method,
    path: renderUrlTemplate(action.path, values),
    query,
    headers,
    ...(body === undefined ? {} : { body }),
    bodyFormat: action.bodyFormat ?? 'json'
  }
}
