import { Compile } from 'typebox/compile'
import { closest, joinPath } from './format-issues.js'
import { HEADER_NAME, isObject, recordOf, strings } from './json-shape.js'
import type { Json } from './json-shape.js'
import { parsePlaceholders } from './template.js'
import type { PlaceholderNamespace } from './template.js'
import type { Checker } from './validate-definition.js'

/** What an action's templates may name: the input, and what the API's base URL may. */
const ACTION_NAMESPACES: readonly PlaceholderNamespace[] = ['input', 'parameters', 'config', 'metadata', 'account']
/** Values (headers, query, body) may also use the time. */
const VALUE_NAMESPACES: readonly PlaceholderNamespace[] = [...ACTION_NAMESPACES, 'now']

/** Headers Latchkey or the scheme sets on every call. */
export const RESERVED_HEADERS = ['authorization', 'host', 'content-length', 'cookie']

/** Every scope some OAuth 2.0 scheme declares; `undefined` when no scheme uses scopes. */
function declaredScopes(auth: unknown): string[] | undefined {
  const schemes = (Array.isArray(auth) ? auth : [auth]).filter(isObject)
  const oauth = schemes.filter((scheme) => scheme.kind === 'oauth2')
  if (oauth.length === 0) return undefined
  return oauth.flatMap((scheme) => (isObject(scheme.scopes) ? Object.keys(scheme.scopes) : []))
}

/** Every string of a JSON body template, with its path. */
function bodyStrings(value: unknown, at: string): { at: string; text: string }[] {
  if (typeof value === 'string') return [{ at, text: value }]
  if (Array.isArray(value)) return value.flatMap((item, index) => bodyStrings(item, joinPath(at, index)))
  if (isObject(value)) return Object.entries(value).flatMap(([key, item]) => bodyStrings(item, joinPath(at, key)))
  return []
}

function checkInputSchema(check: Checker, input: unknown, at: string): void {
  if (!isObject(input)) return
  const properties = isObject(input.properties) ? Object.keys(input.properties) : []
  strings(input.required).forEach((name, index) => {
    if (!properties.includes(name))
      check.add(joinPath(at, 'required', index), `"${name}" is not one of the input's properties`)
  })
  try {
    Compile(input as never)
  } catch (error) {
    check.add(at, `is not a JSON Schema this runtime can check (${(error as Error).message})`)
  }
}

function checkPagination(check: Checker, action: Json, actionAt: string): void {
  const at = joinPath(actionAt, 'pagination')
  const pagination = action.pagination
  if (!isObject(pagination)) return
  const style = pagination.style
  const needs = (field: string, why: string): void => {
    if (pagination[field] === undefined) check.add(joinPath(at, field), `is required: ${why}`)
  }
  const unused = (fields: readonly string[]): void => {
    for (const field of fields)
      if (pagination[field] !== undefined) check.add(joinPath(at, field), `is not used by the "${String(style)}" style`)
  }
  if (style === 'cursor') {
    needs('param', 'it names the query param (or body field) that sends the cursor')
    const sources = ['cursorPath', 'cursorHeader', 'cursorFromLastItem'].filter((f) => pagination[f] !== undefined)
    if (sources.length !== 1)
      check.add(at, 'must say where the next cursor is: exactly one of cursorPath, cursorHeader or cursorFromLastItem')
    if (pagination.cursorFromLastItem !== undefined && action.output === undefined)
      check.add(joinPath(at, 'cursorFromLastItem'), "needs the action's output: the items whose last one holds it")
    if (pagination.cursorIn === 'body' && (action.method === 'GET' || action.method === 'DELETE'))
      check.add(joinPath(at, 'cursorIn'), `cannot be "body" with ${String(action.method)}`)
    unused(['firstPage', 'linkPath'])
  } else if (style === 'link') {
    // The page size is asked on the first request; the next links carry it on.
    unused(['param', 'cursorPath', 'cursorHeader', 'cursorFromLastItem', 'cursorIn', 'firstPage'])
  } else if (style === 'offset' || style === 'page') {
    needs('param', `it names the query param that sends the ${style === 'offset' ? 'offset' : 'page number'}`)
    // Without `output` the items are the body itself, which must then be a list (GitHub, GitLab).
    unused([
      'cursorPath',
      'cursorHeader',
      'cursorFromLastItem',
      'cursorIn',
      'linkPath',
      ...(style === 'offset' ? ['firstPage'] : [])
    ])
  }
  if (pagination.limitParam !== undefined && pagination.limit === undefined)
    check.add(joinPath(at, 'limit'), 'is required with limitParam: the page size to ask for')
  for (const field of ['cursorHeader'])
    if (typeof pagination[field] === 'string' && !HEADER_NAME.test(pagination[field]))
      check.add(joinPath(at, field), 'is not a valid header name')
}

function checkAction(check: Checker, action: Json, at: string, scopes: string[] | undefined): void {
  const input = isObject(action.input) ? action.input : undefined
  const properties = isObject(input?.properties) ? Object.keys(input.properties) : []
  const required = new Set(strings(input?.required))
  check.scope.input = new Set(properties)
  if (action.input !== undefined) checkInputSchema(check, action.input, joinPath(at, 'input'))
  const path = typeof action.path === 'string' ? action.path : undefined
  if (path !== undefined) {
    if (path.startsWith('//') || /[\\\s?#]/.test(path.replace(/\{\{[^}]*\}\}/g, '')))
      check.add(
        joinPath(at, 'path'),
        'must be a relative path without white space, backslashes, "?" or "#" (put the query in query)'
      )
    if (check.placeholders(joinPath(at, 'path'), path, ACTION_NAMESPACES, { url: true }))
      // A path cannot be built without its values: they must be required inputs.
      for (const placeholder of parsePlaceholders(path).placeholders) {
        const name = placeholder.key.split('.')[0] ?? ''
        if (placeholder.namespace === 'input' && !required.has(name))
          check.add(
            joinPath(at, 'path'),
            `{{${placeholder.name}}} must be a required input ("${name}" in input.required): the path cannot be built without it`
          )
      }
  }
  check.values(joinPath(at, 'query'), action.query, VALUE_NAMESPACES, {})
  check.values(joinPath(at, 'headers'), action.headers, VALUE_NAMESPACES, { headers: true })
  for (const name of Object.keys(recordOf(action.headers)))
    if (RESERVED_HEADERS.includes(name.toLowerCase()))
      check.add(joinPath(at, 'headers', name), 'is set by Latchkey itself and cannot be overridden')
  if (action.body !== undefined) {
    if (action.method === 'GET' || action.method === 'DELETE')
      check.add(joinPath(at, 'body'), `is not sent with ${String(action.method)}`)
    for (const { at: where, text } of bodyStrings(action.body, joinPath(at, 'body')))
      check.placeholders(where, text, VALUE_NAMESPACES)
    if (action.bodyFormat === 'form' && !isObject(action.body))
      check.add(joinPath(at, 'body'), 'must be an object of fields with bodyFormat "form"')
  }
  if (action.bodyFormat !== undefined && action.body === undefined)
    check.add(joinPath(at, 'bodyFormat'), 'needs a body')
  checkScopeList(check, action.scopes, joinPath(at, 'scopes'), scopes)
  checkPagination(check, action, at)
}

/** Each scope must be declared by an OAuth 2.0 scheme of the connector. */
function checkScopeList(check: Checker, list: unknown, at: string, scopes: string[] | undefined): void {
  strings(list).forEach((scope, index) => {
    if (scopes === undefined) check.add(joinPath(at, index), 'no auth scheme of this connector uses OAuth 2.0 scopes')
    else if (scopes.length > 0 && !scopes.includes(scope)) {
      const suggestion = closest(scope, scopes)
      check.add(
        joinPath(at, index),
        `"${scope}" is not a declared scope${suggestion === undefined ? '' : `; did you mean "${suggestion}"?`}`
      )
    }
  })
}

/** Checks the meaning of `actions`: unique keys, templates naming their inputs, declared scopes, coherent pagination. */
export function checkActions(check: Checker, json: Json): void {
  if (!Array.isArray(json.actions)) return
  if (json.actions.length > 0 && !isObject(json.http))
    check.add('actions', "needs http.baseUrl: actions are requests on the connector's API")
  const scopes = declaredScopes(json.auth)
  if (isObject(json.verification)) checkScopeList(check, json.verification.scopes, 'verification.scopes', scopes)
  const seen = new Map<string, number>()
  const known = check.scope.input
  json.actions.forEach((action: unknown, index: number) => {
    if (!isObject(action)) return
    const at = joinPath('actions', index)
    if (typeof action.key === 'string') {
      const first = seen.get(action.key)
      if (first !== undefined) check.add(joinPath(at, 'key'), `repeats the key of actions[${first}]`)
      else seen.set(action.key, index)
    }
    checkAction(check, action, at, scopes)
  })
  check.scope.input = known
}
