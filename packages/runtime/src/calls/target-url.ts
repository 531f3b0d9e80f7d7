import { TemplateError, renderUrlTemplate, verificationIdentityNames } from '@latchkey/connector-sdk'
import type { ConnectorDefinition, ConnectorDefinitionJson, Issue, TemplateValues } from '@latchkey/connector-sdk'
import { RuntimeError } from '../errors.js'
import { checkTrustedOrigin } from './trusted-origin.js'

/** A call's query: one value or several per name. */
export type Query = Readonly<Record<string, string | readonly string[]>>

/** Backslashes and ASCII control characters, never allowed in a relative URL. */
function hasUnsafeCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i)
    if (code === 0x5c || code < 0x20 || code === 0x7f) return true
  }
  return false
}

/** An API base URL, parsed: its origin, and its path without trailing slashes. */
export interface ApiBase {
  readonly url: string
  readonly origin: string
  readonly path: string
}

/** Parses a rendered base URL (callers that make many calls on one keep the result). */
export function apiBase(url: string): ApiBase {
  const base = new URL(url)
  return { url, origin: base.origin, path: base.pathname.replace(/\/+$/, '') }
}

/**
 * The path as upstreams may read it: decoded once, then again while escapes remain, for
 * servers and frameworks that decode twice (`%255c` → `%5c` → a backslash). Each round
 * turns every `%XX` into one character, so the string shrinks and the rounds end.
 * @returns every reading, the first one strict; `undefined` when the path cannot be decoded at all.
 */
function readingsOf(path: string): string[] | undefined {
  const first = decodeURIComponentSafe(path)
  if (first === undefined) return undefined
  const readings = [first]
  let current = first
  while (/%[0-9a-f]{2}/i.test(current)) {
    current = current.replace(/%([0-9a-f]{2})/gi, (_escape, hex: string) =>
      String.fromCharCode(Number.parseInt(hex, 16))
    )
    readings.push(current)
  }
  return readings
}

/**
 * Builds the target URL: never an open proxy. Refuses absolute and protocol-relative URLs,
 * backslashes, control characters, and any `..` that climbs out of the base path, whether
 * written as they are or percent-encoded, once or several times (`%5c`, `%0d%0a`, `%255c`,
 * `%252e%252e`); the result must stay on the base URL's origin. Query values are not
 * checked: they are data, sent percent-encoded.
 */
export function targetUrl(baseUrl: string | ApiBase, relative: string, query: Query | undefined): URL | Issue {
  const at = 'body.url'
  if (!relative.startsWith('/') || relative.startsWith('//'))
    return { path: at, message: 'must be a relative URL starting with a single "/"' }
  if (hasUnsafeCharacters(relative)) return { path: at, message: 'must not contain backslashes or control characters' }
  if (/^\/[a-z][a-z0-9+.-]*:/i.test(relative)) return { path: at, message: 'must be a relative URL' }
  const base = typeof baseUrl === 'string' ? apiBase(baseUrl) : baseUrl
  const basePath = base.path
  const readings = readingsOf(relative.split('?')[0] ?? '')
  if (readings?.some(hasUnsafeCharacters) === true)
    return { path: at, message: 'must not contain backslashes or control characters, percent-encoded or not' }
  if (readings === undefined || readings.some((reading) => reading.split('/').includes('..')))
    return { path: at, message: 'must not contain ".." segments' }
  const target = new URL(`${base.origin}${basePath}${relative}`)
  if (
    target.origin !== base.origin ||
    !(target.pathname === basePath || target.pathname.startsWith(`${basePath}/`) || basePath === '')
  ) {
    return { path: at, message: "must stay on the connector's API" }
  }
  for (const [name, value] of Object.entries(query ?? {})) {
    for (const item of typeof value === 'string' ? [value] : value) target.searchParams.append(name, item)
  }
  return target
}

function decodeURIComponentSafe(value: string): string | undefined {
  try {
    return decodeURIComponent(value)
  } catch {
    return undefined
  }
}

/**
 * Renders the API base URL, or only its origin. The origin never needs the account
 * identity (the validator keeps `{{account.*}}` out of it), so the verification request
 * that finds the account can be sent before it is known. An origin taken from a placeholder
 * (a token answer's `instance_url`) must be on one of the connector's `http.originHosts`.
 * @throws {RuntimeError} `conflict` when a placeholder has no value yet, or the origin is not trusted.
 */
export function baseUrlFor(
  template: string,
  values: TemplateValues,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  originOnly: boolean
): string {
  // Stand-ins for account values not known yet: they sit in the path, which is dropped.
  const account = originOnly
    ? Object.fromEntries(
        verificationIdentityNames(definition.verification).map((name) => [name, values.account?.[name] ?? 'unknown'])
      )
    : values.account
  let rendered: string
  try {
    rendered = renderUrlTemplate(template, { ...values, account })
  } catch (error) {
    if (!(error instanceof TemplateError)) throw error
    const hint = error.placeholder.startsWith('account.')
      ? ': the verification request finds it (POST /v1/connections/:id/verify)'
      : ''
    throw new RuntimeError('url_incomplete', `the API URL cannot be built yet: ${error.message}${hint}`)
  }
  checkTrustedOrigin(template, definition.http?.originHosts, values)
  return originOnly ? new URL(rendered).origin : rendered
}
