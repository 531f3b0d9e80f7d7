import { isObject } from './json-shape.js'
import type { Json } from './json-shape.js'
import type { ActionDefinition } from './schema.js'
import { RESERVED_HEADERS } from './validate-actions.js'

/**
 * OpenAPI operations as actions (Itential's integration models are OpenAPI documents whose
 * operations are what flows call): the operationId as key, path and query parameters as
 * the input, the JSON request body as `input.body`, the scopes of the imported security
 * scheme the operation lists. Pagination and outputs are not in OpenAPI: a person adds them.
 * @see https://spec.openapis.org/oas/v3.1.0#operation-object
 */

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const
/** Keywords of OpenAPI's schema dialect that JSON Schema validation does not use. */
const ANNOTATIONS = [
  'example',
  'examples',
  'xml',
  'externalDocs',
  'discriminator',
  'deprecated',
  'readOnly',
  'writeOnly'
]
const MAX_DEPTH = 12

/** What the operations gave, and what a person should know about those left out. */
export interface ImportedActions {
  readonly actions: ActionDefinition[]
  readonly warnings: string[]
}

/** `listFolderItems`, `get-file` → `list_folder_items`, `get_file`; always a valid action key. */
export function actionKeyOf(text: string): string {
  const snake = text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toLowerCase()
    .replace(/^_+|_+$/g, '')
  const key = /^[a-z]/.test(snake) ? snake : `op_${snake}`
  return key.slice(0, 63).replace(/_+$/, '')
}

/** An input property name placeholders can carry: letters, digits and underscores. */
const inputName = (name: string): string => name.replace(/[^A-Za-z0-9_]/g, '_')

/** Follows a local `#/components/...` reference; `undefined` when it points elsewhere or nowhere. */
function follow(document: Json, ref: unknown): Json | undefined {
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return undefined
  let node: unknown = document
  for (const part of ref.slice(2).split('/')) {
    node = isObject(node) ? node[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined
  }
  return isObject(node) ? node : undefined
}

/**
 * A schema of the document as plain JSON Schema: local references inlined (a cycle or an
 * outside reference becomes "anything"), `nullable` as a union with null, annotations dropped.
 */
export function plainSchema(document: Json, schema: unknown, depth = 0, seen: readonly string[] = []): Json {
  if (!isObject(schema) || depth > MAX_DEPTH) return {}
  if (typeof schema.$ref === 'string') {
    if (seen.includes(schema.$ref)) return {}
    return plainSchema(document, follow(document, schema.$ref), depth + 1, [...seen, schema.$ref])
  }
  const out: Json = {}
  for (const [name, value] of Object.entries(schema)) {
    if (ANNOTATIONS.includes(name) || name.startsWith('x-') || name === 'nullable') continue
    if (name === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([key, item]) => [key, plainSchema(document, item, depth + 1, seen)])
      )
    } else if ((name === 'items' || name === 'additionalProperties' || name === 'not') && isObject(value)) {
      out[name] = plainSchema(document, value, depth + 1, seen)
    } else if ((name === 'allOf' || name === 'anyOf' || name === 'oneOf') && Array.isArray(value)) {
      out[name] = value.map((item) => plainSchema(document, item, depth + 1, seen))
    } else out[name] = value
  }
  return schema.nullable === true ? { anyOf: [out, { type: 'null' }] } : out
}

interface Parameter {
  readonly name: string
  readonly in: string
  readonly required: boolean
  readonly schema: Json
  readonly description: string | undefined
}

function parametersOf(document: Json, ...lists: unknown[]): Parameter[] {
  const byKey = new Map<string, Parameter>()
  for (const list of lists) {
    if (!Array.isArray(list)) continue
    for (const raw of list) {
      const item = isObject(raw) && typeof raw.$ref === 'string' ? follow(document, raw.$ref) : raw
      if (!isObject(item) || typeof item.name !== 'string' || typeof item.in !== 'string') continue
      // Operation parameters override path-level ones of the same name and place.
      byKey.set(`${item.in}:${item.name}`, {
        name: item.name,
        in: item.in,
        required: item.in === 'path' || item.required === true,
        schema: plainSchema(document, item.schema),
        description: typeof item.description === 'string' ? item.description.slice(0, 2048) : undefined
      })
    }
  }
  return [...byKey.values()]
}

/** The scopes of `scheme` an operation's security lists (the document's when it has none); `[]` when it needs none. */
function scopesOf(document: Json, operation: Json, scheme: string, declared: readonly string[]): string[] {
  const security = Array.isArray(operation.security) ? operation.security : document.security
  if (!Array.isArray(security)) return []
  const scopes = new Set<string>()
  for (const requirement of security)
    if (isObject(requirement) && Array.isArray(requirement[scheme]))
      for (const scope of requirement[scheme])
        if (typeof scope === 'string' && declared.includes(scope)) scopes.add(scope)
  return [...scopes]
}

/** The request body: JSON as `input.body` whole; a form's fields one by one. */
function bodyOf(
  document: Json,
  operation: Json
): { body: unknown; bodyFormat?: 'form'; schema: Json; required: boolean } | undefined {
  const requestBody = isObject(operation.requestBody)
    ? (follow(document, operation.requestBody.$ref) ?? operation.requestBody)
    : undefined
  if (!isObject(requestBody) || !isObject(requestBody.content)) return undefined
  const content = requestBody.content
  const required = requestBody.required === true
  const json = Object.keys(content).find((type) => /^application\/([\w.+-]+\+)?json\b/.test(type))
  if (json !== undefined) {
    const media = content[json]
    return { body: '{{input.body}}', schema: plainSchema(document, isObject(media) ? media.schema : {}), required }
  }
  const form = content['application/x-www-form-urlencoded']
  if (isObject(form)) {
    const schema = plainSchema(document, form.schema)
    const fields = isObject(schema.properties) ? Object.keys(schema.properties) : []
    if (fields.length === 0) return undefined
    const body = Object.fromEntries(fields.map((field) => [field, `{{input.body.${field}}}`]))
    return { body, bodyFormat: 'form', schema, required }
  }
  return undefined
}

/**
 * Every operation of the document's `paths` as an action.
 * @param scheme the imported security scheme, whose scopes the operations may list
 * @param declared the scheme's scopes
 */
export function actionsFromOperations(document: Json, scheme: string, declared: readonly string[]): ImportedActions {
  const actions: ActionDefinition[] = []
  const warnings: string[] = []
  const taken = new Set<string>()
  const paths = isObject(document.paths) ? document.paths : {}
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue
    for (const method of METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const where = `${method.toUpperCase()} ${path}`
      const id =
        typeof operation.operationId === 'string' && operation.operationId !== '' ? operation.operationId : where
      let key = actionKeyOf(id)
      for (let n = 2; taken.has(key); n++) key = `${actionKeyOf(id).slice(0, 59)}_${n}`
      taken.add(key)
      const parameters = parametersOf(document, item.parameters, operation.parameters)
      const properties: Json = {}
      const required: string[] = []
      const query: Record<string, string> = {}
      const headers: Record<string, string> = {}
      let template = path
      for (const parameter of parameters) {
        if (parameter.in === 'cookie' || RESERVED_HEADERS.includes(parameter.name.toLowerCase())) continue
        const name = inputName(parameter.name)
        if (properties[name] !== undefined) {
          warnings.push(
            `${where}: the ${parameter.in} parameter "${parameter.name}" repeats the input "${name}"; left out`
          )
          continue
        }
        properties[name] = {
          ...parameter.schema,
          ...(parameter.description === undefined ? {} : { description: parameter.description })
        }
        if (parameter.required) required.push(name)
        const placeholder = `{{input.${name}}}`
        if (parameter.in === 'path') template = template.split(`{${parameter.name}}`).join(placeholder)
        else if (parameter.in === 'query') query[parameter.name] = placeholder
        else if (parameter.in === 'header') headers[parameter.name] = placeholder
      }
      if (/\{[^{}]*\}/.test(template.replace(/\{\{input\.[A-Za-z0-9_]+\}\}/g, ''))) {
        warnings.push(`${where}: a path parameter is not described; left out`)
        continue
      }
      const body = method === 'get' || method === 'delete' ? undefined : bodyOf(document, operation)
      if (body !== undefined) {
        properties.body = body.schema
        if (body.required) required.push('body')
      }
      const summary = typeof operation.summary === 'string' && operation.summary !== '' ? operation.summary : id
      const scopes = scopesOf(document, operation, scheme, declared)
      actions.push({
        key,
        name: summary.slice(0, 128),
        ...(typeof operation.description === 'string' && operation.description !== ''
          ? { description: operation.description.slice(0, 2048) }
          : {}),
        method: method.toUpperCase() as ActionDefinition['method'],
        path: template,
        ...(Object.keys(query).length > 0 ? { query } : {}),
        ...(Object.keys(headers).length > 0 ? { headers } : {}),
        ...(body === undefined
          ? {}
          : { body: body.body, ...(body.bodyFormat === undefined ? {} : { bodyFormat: 'form' }) }),
        input: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) },
        ...(scopes.length > 0 ? { scopes } : {})
      } as ActionDefinition)
    }
  }
  return { actions, warnings }
}
