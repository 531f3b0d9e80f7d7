import type { TLocalizedValidationError } from 'typebox/error'
import { PATTERN_MESSAGE } from './schema.js'
import type { Issue } from './errors.js'

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Turns path segments into `auth.defaultScopes[1]` / `auth.scopes["repo:status"]`. */
export function formatPath(segments: readonly (string | number)[]): string {
  let out = ''
  for (const segment of segments) {
    if (typeof segment === 'number' || /^\d+$/.test(segment)) out += `[${segment}]`
    else if (IDENTIFIER.test(segment)) out += out === '' ? segment : `.${segment}`
    else out += `[${JSON.stringify(segment)}]`
  }
  return out
}

/** Joins a base path and more segments. */
export function joinPath(base: string, ...segments: (string | number)[]): string {
  const rest = formatPath(segments)
  if (base === '') return rest
  if (rest === '') return base
  return rest.startsWith('[') ? base + rest : `${base}.${rest}`
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return []
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
}

function resolveSchema(schema: unknown, schemaPath: string): Record<string, unknown> | undefined {
  let node: unknown = schema
  for (const segment of pointerSegments(schemaPath)) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[segment]
  }
  return node !== null && typeof node === 'object' ? (node as Record<string, unknown>) : undefined
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0] ?? 0
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const current = row[j] ?? 0
      row[j] = Math.min(
        (row[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        previous + (a[i - 1]?.toLowerCase() === b[j - 1]?.toLowerCase() ? 0 : 1)
      )
      previous = current
    }
  }
  return row[b.length] ?? 0
}

/** Suggests the closest known name for a mistyped one, when one is close enough. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of known) {
    const d = distance(name, candidate)
    if (d < bestDistance) {
      best = candidate
      bestDistance = d
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined
}

const TYPE_WORDS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
  null: 'null'
}

function describeType(type: unknown): string {
  const types = Array.isArray(type) ? type : [type]
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ')
}

function quoteList(values: readonly unknown[]): string {
  const quoted = values.map((v) => JSON.stringify(v))
  if (quoted.length <= 1) return quoted.join('')
  return `${quoted.slice(0, -1).join(', ')} or ${quoted[quoted.length - 1]}`
}

/**
 * Turns typebox validation errors into issues with readable paths and sentences.
 * @param base a path prefix (e.g. `auth` when the errors come from the auth schema alone)
 */
export function formatSchemaErrors(schema: unknown, errors: Iterable<TLocalizedValidationError>, base = ''): Issue[] {
  const issues: Issue[] = []
  const seen = new Set<string>()
  const constants = new Map<string, { values: unknown[]; at: number }>()
  const push = (path: string, message: string): void => {
    const id = `${path}\u0000${message}`
    if (seen.has(id)) return
    seen.add(id)
    issues.push({ path, message })
  }
  for (const error of errors) {
    const segments = pointerSegments(error.instancePath)
    const path = joinPath(base, ...segments)
    const params = error.params as Record<string, unknown>
    switch (error.keyword) {
      case 'required':
        for (const name of (params.requiredProperties as string[] | undefined) ?? [])
          push(joinPath(path, name), 'is required')
        break
      case 'additionalProperties': {
        const owner = resolveSchema(schema, error.schemaPath)
        const known = Object.keys((owner?.properties as Record<string, unknown> | undefined) ?? {})
        for (const name of (params.additionalProperties as string[] | undefined) ?? []) {
          const suggestion = closest(name, known)
          push(
            joinPath(path, name),
            suggestion === undefined ? 'is not a known field' : `is not a known field; did you mean "${suggestion}"?`
          )
        }
        break
      }
      case 'boolean':
      case 'anyOf':
        // Reported through `additionalProperties` / the union's own dispatch.
        break
      case 'type':
        push(path, `must be ${describeType(params.type)}`)
        break
      case 'enum':
        push(path, `must be ${quoteList((params.allowedValues as unknown[] | undefined) ?? [])}`)
        break
      case 'const': {
        // A union of literals fails once per literal: one sentence lists them all.
        const allowed = constants.get(path)
        if (allowed === undefined) {
          constants.set(path, { values: [params.allowedValue], at: issues.length })
          push(path, `must be ${JSON.stringify(params.allowedValue)}`)
        } else {
          allowed.values.push(params.allowedValue)
          const issue = issues[allowed.at]
          if (issue !== undefined) issues[allowed.at] = { path, message: `must be ${quoteList(allowed.values)}` }
        }
        break
      }
      case 'pattern': {
        const own = resolveSchema(schema, error.schemaPath)?.[PATTERN_MESSAGE]
        push(path, typeof own === 'string' ? own : `must match ${String(params.pattern)}`)
        break
      }
      case 'minLength':
        push(
          path,
          Number(params.limit) === 1 ? 'must not be empty' : `must be at least ${String(params.limit)} characters long`
        )
        break
      case 'maxLength':
        push(path, `must be at most ${String(params.limit)} characters long`)
        break
      case 'minItems':
        push(path, `must have at least ${String(params.limit)} ${Number(params.limit) === 1 ? 'item' : 'items'}`)
        break
      case 'maxItems':
        push(path, `must have at most ${String(params.limit)} items`)
        break
      case 'uniqueItems':
        push(path, 'must not repeat an item')
        break
      case 'minimum':
      case 'maximum':
        push(path, `must be ${String(params.comparison)} ${String(params.limit)}`)
        break
      default:
        push(path, error.message)
    }
  }
  return issues
}
