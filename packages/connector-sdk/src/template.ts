import { TemplateError } from './errors.js'

/**
 * The namespaces a `{{placeholder}}` may name. `client` has one key, `id` (the OAuth client
 * id), for revoke URLs that carry it in their path (GitHub's `/applications/{client_id}/token`).
 * `account` holds the identity the verification request found (Atlassian's cloud id), for
 * the API base URL.
 */
export type PlaceholderNamespace = 'parameters' | 'config' | 'metadata' | 'client' | 'account'

export const PLACEHOLDER_NAMESPACES: readonly PlaceholderNamespace[] = [
  'parameters',
  'config',
  'metadata',
  'client',
  'account'
]

/** One `{{namespace.key}}` found in a template. */
export interface Placeholder {
  /** `parameters.subdomain` */
  readonly name: string
  readonly namespace: string
  readonly key: string
  readonly start: number
  readonly end: number
}

/** Values a template is rendered with, by namespace. */
export interface TemplateValues {
  readonly parameters?: Readonly<Record<string, string | undefined>>
  readonly config?: Readonly<Record<string, string | undefined>>
  readonly metadata?: Readonly<Record<string, unknown>>
  readonly client?: { readonly id?: string | undefined }
  readonly account?: Readonly<Record<string, unknown>> | null
}

/** Where a placeholder sits in a URL, which decides how its value is encoded. */
export type UrlPart = 'origin' | 'host' | 'path' | 'query' | 'fragment'

const PLACEHOLDER = /\{\{\s*([^{}\s]*)\s*\}\}/g
const NAME = /^([A-Za-z]+)\.([A-Za-z0-9_][A-Za-z0-9_.-]*)$/

/**
 * Finds the placeholders of a template.
 * @returns the placeholders, and sentences for anything that looks like one but is not well formed.
 */
export function parsePlaceholders(template: string): { placeholders: Placeholder[]; problems: string[] } {
  const placeholders: Placeholder[] = []
  const problems: string[] = []
  for (const match of template.matchAll(PLACEHOLDER)) {
    const inner = match[1] ?? ''
    const parsed = NAME.exec(inner)
    if (parsed === null) {
      problems.push(`placeholder ${match[0]} must look like {{parameters.key}}, {{config.key}} or {{metadata.key}}`)
      continue
    }
    placeholders.push({
      name: inner,
      namespace: parsed[1] ?? '',
      key: parsed[2] ?? '',
      start: match.index,
      end: match.index + match[0].length
    })
  }
  const stripped = template.replace(PLACEHOLDER, '')
  if (stripped.includes('{{') || stripped.includes('}}')) {
    problems.push('has an unbalanced "{{" or "}}"')
  }
  return { placeholders, problems }
}

function lookup(values: TemplateValues, placeholder: Placeholder): string {
  const { namespace, key, name } = placeholder
  let value: unknown
  if (namespace === 'parameters') value = values.parameters?.[key]
  else if (namespace === 'config') value = values.config?.[key]
  else if (namespace === 'metadata') value = readPath(values.metadata, key)
  else if (namespace === 'client') value = key === 'id' ? values.client?.id : undefined
  else if (namespace === 'account') value = values.account?.[key]
  else
    throw new TemplateError(name, `{{${name}}}: unknown namespace "${namespace}"; use parameters, config or metadata`)
  if (value === undefined || value === null || value === '') {
    throw new TemplateError(name, `{{${name}}} has no value`)
  }
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new TemplateError(name, `{{${name}}} is not a plain value`)
  }
  return String(value)
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
 * Renders a template whose result is not a URL (a header or a form value): values are
 * inserted as they are; the transport encodes them.
 *
 * @throws {TemplateError} when a placeholder has no value.
 */
export function renderTemplate(template: string, values: TemplateValues): string {
  const { placeholders, problems } = parsePlaceholders(template)
  if (problems.length > 0) throw new TemplateError('', `template ${problems[0]}`)
  let out = ''
  let cursor = 0
  for (const placeholder of placeholders) {
    out += template.slice(cursor, placeholder.start) + lookup(values, placeholder)
    cursor = placeholder.end
  }
  return out + template.slice(cursor)
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
    out += template.slice(cursor, placeholder.start) + encodeFor(part, placeholder.name, lookup(values, placeholder))
    cursor = placeholder.end
  }
  return out + template.slice(cursor)
}

/** A sample value that is valid for a URL part, used to check URL templates at definition time. */
export function sampleValueFor(part: UrlPart): string {
  return part === 'origin' ? 'https://placeholder.example' : 'placeholder'
}
