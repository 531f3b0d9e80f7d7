import type { FastifyRequest } from 'fastify'
import type { Issue } from '@latchkey/connector-sdk'
import { invalidRequest } from '@latchkey/runtime'

/**
 * Text PostgreSQL cannot keep: U+0000 (refused in `text` and `jsonb`) and UTF-16 surrogate
 * halves without their pair (refused in `jsonb` as `\ud800` escapes; on the way to a `text`
 * column the driver's UTF-8 encoding silently turns them into U+FFFD). In a `u` regular
 * expression a well-formed pair is one code point, so `\p{Cs}` matches only unpaired halves.
 *
 * @see https://www.postgresql.org/docs/current/datatype-json.html
 */
const UNSTORABLE = /[\0\p{Cs}]/u

/** What a person is told about a value with such text. */
export const UNSTORABLE_VALUE =
  'must not contain NUL characters (U+0000) or unpaired UTF-16 surrogates (U+D800 to U+DFFF)'

/** What a person is told about a key with such text. */
export const UNSTORABLE_KEY = `is a field name that ${UNSTORABLE_VALUE}`

/** How deep JSON input may nest: deeper documents are refused before any code recurses into them. */
export const MAX_DEPTH = 64

/** The message for a value nested deeper than {@link MAX_DEPTH}. */
export const TOO_DEEP = `is nested more than ${MAX_DEPTH} levels deep`

/** At most this many issues are listed; the message says how many more there are. */
const MAX_ISSUES = 20

/** Keys longer than this are cut in paths, so an error never echoes a whole body. */
const MAX_SEGMENT_LENGTH = 64

/** Paths longer than this (a deeply nested body) are cut. */
const MAX_PATH_LENGTH = 256

/** Whether PostgreSQL can store `text` as it is. */
export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text)
}

/** The first `max` UTF-16 units of `text` and an ellipsis, never splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text
  const end = /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max
  return `${text.slice(0, end)}…`
}

/** A key as a path segment: `.name` when plain, else `["…"]` with every bad character escaped. */
function segment(key: string): string {
  if (key.length <= MAX_SEGMENT_LENGTH && /^[\p{L}\p{N}_$*-]+$/u.test(key)) return `.${key}`
  // JSON.stringify writes U+0000 and unpaired surrogates as `\u` escapes.
  return `[${JSON.stringify(cut(key, MAX_SEGMENT_LENGTH))}]`
}

/** `path` followed by `next`, cut at {@link MAX_PATH_LENGTH}; a cut path stays as it is. */
function extend(path: string, next: string): string {
  return path.endsWith('…') ? path : cut(`${path}${next}`, MAX_PATH_LENGTH)
}

/**
 * Parsed JSON, a query or route parameters; never a stream, a buffer or another class. The
 * query parser's dictionaries have a prototype that itself has none.
 */
function isPlainData(value: unknown): value is Record<string, unknown> | unknown[] {
  if (Array.isArray(value)) return true
  if (typeof value !== 'object' || value === null) return false
  const prototype: unknown = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null || Object.getPrototypeOf(prototype) === null
}

/**
 * Every string in `value` (keys included, at any depth) that PostgreSQL cannot store, as
 * issues whose paths start at `root` (`body.parameters.subdomain`, `query.externalId`,
 * `body.scopes[1]`). Walks with its own stack, so depth is bounded by the body size only.
 * Values other than strings, plain objects and arrays are not entered.
 */
export function unstorableText(value: unknown, root: string): { issues: Issue[]; total: number } {
  const issues: Issue[] = []
  let total = 0
  const found = (path: string, message: string): void => {
    total += 1
    if (issues.length < MAX_ISSUES) issues.push({ path, message })
  }
  // Each entry is a value to look at, its path, the key it sits under (checked first), and its depth.
  type Entry = [unknown, string, string | undefined, number]
  const stack: Entry[] = [[value, root, undefined, 0]]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, path, key, depth] = next
    if (key !== undefined && !isStorableText(key)) found(path, UNSTORABLE_KEY)
    if (typeof current === 'string') {
      if (!isStorableText(current)) found(path, UNSTORABLE_VALUE)
      continue
    }
    if (!isPlainData(current)) continue
    // Code further on (JSON.stringify, the validators) recurses: refuse what would exhaust its stack.
    if (depth >= MAX_DEPTH) {
      found(path, TOO_DEEP)
      continue
    }
    const entries: Entry[] = Array.isArray(current)
      ? current.map((item, index) => [item, extend(path, `[${index}]`), undefined, depth + 1])
      : Object.keys(current).map((name) => [current[name], extend(path, segment(name)), name, depth + 1])
    // Pushed in reverse, so issues come out in document order.
    for (let index = entries.length - 1; index >= 0; index -= 1) stack.push(entries[index] as Entry)
  }
  return { issues, total }
}

/** Options of {@link inputTextCheck}. */
export interface InputTextOptions {
  /**
   * Route URLs (as registered, `/oauth/callback/`) whose query and parameters are left to
   * the route itself: browser pages that sanitise what they are given.
   */
  readonly ownInputHandling: readonly string[]
}

/**
 * A `preValidation` hook that refuses, with a 400 `invalid_request` naming every field,
 * any text PostgreSQL cannot store in the parsed JSON body, the query string and the route
 * parameters. It runs once for every route, before schema validation and authentication.
 * Bodies that are not parsed data (the proxy's stream) are never read.
 */
export function inputTextCheck(options: InputTextOptions): (request: FastifyRequest) => Promise<void> {
  const exempt = new Set(options.ownInputHandling)
  return async (request) => {
    const own = exempt.has(request.routeOptions.url ?? '')
    const found = [
      unstorableText(request.body, 'body'),
      ...(own ? [] : [unstorableText(request.query, 'query'), unstorableText(request.params, 'params')])
    ]
    const total = found.reduce((sum, f) => sum + f.total, 0)
    if (total === 0) return
    const issues = found.flatMap((f) => f.issues).slice(0, MAX_ISSUES)
    const more = total - issues.length
    const message = `${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}${more > 0 ? `; and ${more} more ${more === 1 ? 'field' : 'fields'}` : ''}`
    throw invalidRequest(message, issues)
  }
}
