import { TemplateError } from './errors.js'

/**
 * The namespaces a `{{placeholder}}` may name. `client` has one key, `id` (the OAuth client
 * id), for revoke URLs that carry it in their path (GitHub's `/applications/{client_id}/token`).
 * `account` holds the identity the verification request found (Atlassian's cloud id), for
 * the API base URL. `credentials` holds what the end customer typed in for an API key or
 * basic scheme (`apiKey`, `username`, `password` and the scheme's extra `fields`), for the
 * places that scheme sends them. `now` is the time of the call: `iso`, `epochSeconds`,
 * `epochMilliseconds`. `input` is what a flow gave an action (`{{input.owner}}`, or a path into
 * it, `{{input.filter.status}}`), in the action's path, query, headers and body only.
 */
export type PlaceholderNamespace =
  'parameters' | 'config' | 'metadata' | 'client' | 'account' | 'credentials' | 'now' | 'input'

export const PLACEHOLDER_NAMESPACES: readonly PlaceholderNamespace[] = [
  'parameters',
  'config',
  'metadata',
  'client',
  'account',
  'credentials',
  'now',
  'input'
]

/** The keys of `{{now.*}}`. */
export const NOW_KEYS = ['iso', 'epochSeconds', 'epochMilliseconds'] as const

/**
 * Functions a placeholder may call on its arguments, which are placeholders' names or
 * double-quoted literals, joined before the function applies: `{{base64(credentials.apiKey, ":X")}}`.
 * Functions are for values (headers, bodies, credentials), never URLs.
 */
export const TEMPLATE_FUNCTIONS = {
  /** RFC 4648 base64 of the UTF-8 bytes (a Basic credential). */
  base64: (text: string): string => Buffer.from(text, 'utf8').toString('base64'),
  /** RFC 4648 §5 base64url, no padding. */
  base64url: (text: string): string => Buffer.from(text, 'utf8').toString('base64url'),
  /** Percent-encoding of a URI component. */
  urlencode: (text: string): string => encodeURIComponent(text)
} as const

export type TemplateFunction = keyof typeof TEMPLATE_FUNCTIONS

/** A value a placeholder refers to: `parameters.subdomain`. */
export interface Reference {
  /** `parameters.subdomain` */
  readonly name: string
  readonly namespace: string
  readonly key: string
}

/** One `{{namespace.key}}` (or `{{function(arguments)}}`) found in a template. */
export interface Placeholder extends Reference {
  readonly start: number
  readonly end: number
  /** Set for `{{base64(...)}}`: the function and its arguments, in order. */
  readonly call?: {
    readonly fn: TemplateFunction
    readonly args: readonly (Reference | { readonly literal: string })[]
  }
  /** Every value the placeholder refers to: itself, or its function's arguments. */
  readonly references: readonly Reference[]
}

/** Values a template is rendered with, by namespace. */
export interface TemplateValues {
  readonly parameters?: Readonly<Record<string, string | undefined>>
  readonly config?: Readonly<Record<string, string | undefined>>
  readonly metadata?: Readonly<Record<string, unknown>>
  readonly client?: { readonly id?: string | undefined }
  readonly account?: Readonly<Record<string, unknown>> | null
  readonly credentials?: Readonly<Record<string, string | undefined>>
  /** The time `{{now.*}}` stands for, in epoch milliseconds. @defaultValue `Date.now()` */
  readonly now?: number
  /** An action's input. */
  readonly input?: Readonly<Record<string, unknown>>
}

/** Where a placeholder sits in a URL, which decides how its value is encoded. */
export type UrlPart = 'origin' | 'host' | 'path' | 'query' | 'fragment'

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g
const NAME = /^([A-Za-z]+)\.([A-Za-z0-9_][A-Za-z0-9_.-]*)$/
const CALL = /^([A-Za-z][A-Za-z0-9]*)\((.*)\)$/s
/** One argument: a name, or a double-quoted JSON string; then a comma or the end. */
const ARGUMENT = /\s*(?:("(?:[^"\\]|\\.)*")|([A-Za-z]+\.[A-Za-z0-9_][A-Za-z0-9_.-]*))\s*(,|$)/y

function reference(inner: string): Reference | undefined {
  const parsed = NAME.exec(inner)
  return parsed === null ? undefined : { name: inner, namespace: parsed[1] ?? '', key: parsed[2] ?? '' }
}

/** Parses `fn(a, "b")`; a sentence when it is not well formed. */
function parseCall(inner: string): Placeholder['call'] | string | undefined {
  const call = CALL.exec(inner)
  if (call === null) return undefined
  const fn = call[1] ?? ''
  if (!Object.hasOwn(TEMPLATE_FUNCTIONS, fn))
    return `placeholder {{${inner}}} calls an unknown function "${fn}"; use ${Object.keys(TEMPLATE_FUNCTIONS).join(', ')}`
  const text = call[2] ?? ''
  const args: (Reference | { literal: string })[] = []
  ARGUMENT.lastIndex = 0
  while (ARGUMENT.lastIndex < text.length) {
    const at = ARGUMENT.lastIndex
    const match = ARGUMENT.exec(text)
    if (match === null || match.index !== at)
      return `placeholder {{${inner}}}: the arguments of ${fn} must be names such as credentials.apiKey or "quoted text", separated by commas`
    if (match[1] !== undefined) args.push({ literal: JSON.parse(match[1]) as string })
    else args.push(reference(match[2] ?? '') as Reference)
    if (match[3] === '') break
  }
  if (args.length === 0) return `placeholder {{${inner}}}: ${fn} needs at least one argument`
  return { fn: fn as TemplateFunction, args }
}

/**
 * Finds the placeholders of a template.
 * @returns the placeholders, and sentences for anything that looks like one but is not well formed.
 */
export function parsePlaceholders(template: string): { placeholders: Placeholder[]; problems: string[] } {
  const placeholders: Placeholder[] = []
  const problems: string[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? ''
    const span = { start: match.index, end: match.index + match[0].length }
    const simple = reference(inner)
    if (simple !== undefined) {
      placeholders.push({ ...simple, ...span, references: [simple] })
      continue
    }
    const call = parseCall(inner)
    if (typeof call === 'string') problems.push(call)
    else if (call !== undefined)
      placeholders.push({
        name: inner,
        namespace: '',
        key: '',
        ...span,
        call,
        references: call.args.filter((arg): arg is Reference => 'name' in arg)
      })
    else problems.push(`placeholder ${match[0]} must look like {{parameters.key}}, {{config.key}} or {{metadata.key}}`)
  }
  const stripped = template.replace(PLACEHOLDER, '')
  if (stripped.includes('{{') || stripped.includes('}}')) {
    problems.push('has an unbalanced "{{" or "}}"')
  }
  return { placeholders, problems }
}

function nowValue(key: string, at: number): string | undefined {
  if (key === 'iso') return new Date(at).toISOString()
  if (key === 'epochSeconds') return String(Math.floor(at / 1000))
  if (key === 'epochMilliseconds') return String(at)
  return undefined
}

/** The value a placeholder refers to, as it is (a list stays a list), or `undefined`. */
export function placeholderValue(values: TemplateValues, reference: Reference): unknown {
  return rawValue(values, reference)
}

function rawValue(values: TemplateValues, reference: Reference): unknown {
  const { namespace, key, name } = reference
  if (namespace === 'parameters') return values.parameters?.[key]
  if (namespace === 'config') return values.config?.[key]
  if (namespace === 'metadata') return readPath(values.metadata, key)
  if (namespace === 'client') return key === 'id' ? values.client?.id : undefined
  if (namespace === 'account') return values.account?.[key]
  if (namespace === 'credentials') return values.credentials?.[key]
  if (namespace === 'now') return nowValue(key, values.now ?? Date.now())
  if (namespace === 'input') return readPath(values.input, key)
  throw new TemplateError(
    name,
    `{{${name}}}: unknown namespace "${namespace}"; use ${PLACEHOLDER_NAMESPACES.join(', ')}`
  )
}

const missing = (value: unknown): boolean => value === undefined || value === null || value === ''

function lookupReference(values: TemplateValues, reference: Reference): string {
  const value = rawValue(values, reference)
  const { name } = reference
  if (missing(value)) throw new TemplateError(name, `{{${name}}} has no value`)
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new TemplateError(name, `{{${name}}} is not a plain value`)
  }
  return String(value)
}

function lookup(values: TemplateValues, placeholder: Placeholder): string {
  if (placeholder.call === undefined) return lookupReference(values, placeholder)
  const joined = placeholder.call.args
    .map((arg) => ('literal' in arg ? arg.literal : lookupReference(values, arg)))
    .join('')
  return TEMPLATE_FUNCTIONS[placeholder.call.fn](joined)
}

/**
 * Reads a dot path (`authed_user.access_token`) from a JSON-like value.
 * A key that itself contains dots is found first when it exists as is.
 */
export function readPath(source: unknown, path: string): unknown {
  if (source === null || typeof source !== 'object') return undefined
  const record = source as Record<string, unknown>
  if (Object.hasOwn(record, path)) return record[path]
  let current: unknown = source
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/**
 * Reads a path that may select in arrays: dot segments as {@link readPath}, and
 * `[field=value]` segments picking the first element of an array whose `field` equals
 * `value` (compared as text): `sites[url=https://acme.atlassian.net].id`.
 */
export function selectPath(source: unknown, path: string): unknown {
  const segments = path.match(/\[[^\]]*\]|[^.[\]]+/g) ?? []
  if (!path.includes('[')) return readPath(source, path)
  let current: unknown = source
  for (const segment of segments) {
    if (segment.startsWith('[')) {
      const at = segment.indexOf('=')
      if (!Array.isArray(current) || at === -1) return undefined
      const field = segment.slice(1, at)
      const wanted = segment.slice(at + 1, -1)
      current = current.find((item) => {
        const value = readPath(item, field)
        return (
          (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') &&
          String(value) === wanted
        )
      })
      continue
    }
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined
    current = (current as Record<string, unknown>)[segment]
  }
  return current
}

/**
 * Renders a template whose result is not a URL (a header or a form value): values are
 * inserted as they are; the transport encodes them.
 *
 * @throws {TemplateError} when a placeholder has no value.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  /** Applied to each value inserted (JSON-escaping for a JSON body). */
  encode: (value: string) => string = (value) => value
): string {
  const { placeholders, problems } = parsePlaceholders(template)
  if (problems.length > 0) throw new TemplateError('', `template ${problems[0]}`)
  let out = ''
  let cursor = 0
  for (const placeholder of placeholders) {
    out += template.slice(cursor, placeholder.start) + encode(lookup(values, placeholder))
    cursor = placeholder.end
  }
  return out + template.slice(cursor)
}

/**
 * Renders the placeholders of a text that has braces of its own (a GraphQL query in a
 * JSON body): well-formed placeholders are replaced, anything else is left as it is.
 *
 * @throws {TemplateError} when a placeholder has no value.
 */
export function renderEmbeddedTemplate(
  text: string,
  values: TemplateValues,
  encode: (value: string) => string = (value) => value
): string {
  let out = ''
  let cursor = 0
  for (const placeholder of parsePlaceholders(text).placeholders) {
    out += text.slice(cursor, placeholder.start) + encode(lookup(values, placeholder))
    cursor = placeholder.end
  }
  return out + text.slice(cursor)
}

/**
 * Renders a template only when every value it refers to exists: `undefined` otherwise, so
 * that a header or query param built from an optional parameter is left out when the
 * end customer left that parameter empty.
 *
 * @throws {TemplateError} when a value exists but cannot be used.
 */
export function renderTemplateIfComplete(template: string, values: TemplateValues): string | undefined {
  const { placeholders } = parsePlaceholders(template)
  for (const placeholder of placeholders)
    for (const reference of placeholder.references) if (missing(rawValue(values, reference))) return undefined
  return renderTemplate(template, values)
}

/**
 * Tells, for every placeholder of a URL template, which part of the URL it sits in.
 * A placeholder at the very start (before any `://`) stands for a whole origin, such as
 * Salesforce's `{{metadata.instance_url}}`.
 */
export function placeholderParts(template: string): { placeholder: Placeholder; part: UrlPart }[] {
  const { placeholders } = parsePlaceholders(template)
  // Mask placeholders so that their inner text cannot be taken for URL delimiters.
  let masked = template
  for (const p of placeholders)
    masked = masked.slice(0, p.start) + '\u0000'.repeat(p.end - p.start) + masked.slice(p.end)
  const schemeEnd = masked.indexOf('://')
  const authorityStart = schemeEnd === -1 ? 0 : schemeEnd + 3
  const after = (from: number, chars: string): number => {
    for (let i = from; i < masked.length; i++) if (chars.includes(masked[i] ?? '')) return i
    return masked.length
  }
  const authorityEnd = after(authorityStart, '/?#')
  const queryStart = after(authorityEnd, '?#')
  const fragmentStart = after(authorityEnd, '#')
  return placeholders.map((placeholder) => {
    let part: UrlPart
    if (placeholder.start === 0 && (schemeEnd === -1 || schemeEnd >= placeholder.end)) part = 'origin'
    else if (placeholder.start < authorityEnd) part = 'host'
    else if (placeholder.start >= fragmentStart) part = 'fragment'
    else if (placeholder.start >= queryStart) part = 'query'
    else part = 'path'
    return { placeholder, part }
  })
}

const HOST = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/

function encodeFor(part: UrlPart, name: string, value: string): string {
  switch (part) {
    case 'origin': {
      let url: URL
      try {
        url = new URL(value)
      } catch {
        throw new TemplateError(name, `{{${name}}} must be an absolute URL to stand at the start of a URL`)
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') {
        throw new TemplateError(name, `{{${name}}} must be an http(s) URL to stand at the start of a URL`)
      }
      return value.replace(/\/+$/, '')
    }
    case 'host':
      if (!HOST.test(value)) {
        throw new TemplateError(
          name,
          `{{${name}}} cannot be used in a host name: ${JSON.stringify(value)} is not letters, digits, dashes and dots`
        )
      }
      return value
    case 'path':
    case 'query':
    case 'fragment':
      return encodeURIComponent(value)
  }
}

/**
 * Renders a URL template, encoding each value for where it sits: host names are checked
 * (no value can change which host is called), path, query and fragment values are
 * percent-encoded, a leading origin placeholder must be an absolute URL.
 *
 * @throws {TemplateError} when a placeholder has no value or a value is unsafe where it sits.
 */
export function renderUrlTemplate(template: string, values: TemplateValues): string {
  const { problems } = parsePlaceholders(template)
  if (problems.length > 0) throw new TemplateError('', `template ${problems[0]}`)
  let out = ''
  let cursor = 0
  for (const { placeholder, part } of placeholderParts(template)) {
    if (placeholder.call !== undefined)
      throw new TemplateError(placeholder.name, `{{${placeholder.name}}}: functions are not available in URLs`)
    out += template.slice(cursor, placeholder.start) + encodeFor(part, placeholder.name, lookup(values, placeholder))
    cursor = placeholder.end
  }
  return out + template.slice(cursor)
}

/** A sample value that is valid for a URL part, used to check URL templates at definition time. */
export function sampleValueFor(part: UrlPart): string {
  return part === 'origin' ? 'https://placeholder.example' : 'placeholder'
}
