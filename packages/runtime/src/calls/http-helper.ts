import { Readable } from 'node:stream'
import {
  API_KEY_PLACEHOLDER,
  TemplateError,
  renderUrlTemplate,
  resolveConfigValues,
  resolveTokenPlacement,
  DEFAULT_REFRESH_ON_STATUS,
  readPath,
  renderTemplate
} from '@latchkey/connector-sdk'
import type {
  AuthFailureRule,
  ConnectorDefinition,
  ConnectorDefinitionJson,
  DeepReadonly,
  HttpDefinition,
  Issue,
  RateLimitDefinition,
  ResolvedAuthScheme,
  TemplateValues
} from '@latchkey/connector-sdk'
import { request } from 'undici'
import type { Dispatcher } from 'undici'
import type { Connection, Store } from '@latchkey/store'
import type { Catalog } from '../connectors/catalog.js'
import { openParameters, schemeOf } from '../connections/connection-context.js'
import type { CredentialService, CurrentToken } from '../credentials/credential-service.js'
import { refOf } from '../connections/lifecycle.js'
import type { ConnectionLifecycle } from '../connections/lifecycle.js'
import { RuntimeError, invalidRequest, notFound } from '../errors.js'
import { checkTrustedOrigin } from './trusted-origin.js'

/** What a flow asks for: a relative URL on the connector's own API. */
export interface ApiRequest {
  readonly method: string
  /** Relative to the connector's base URL, e.g. `/folders/0/items`. */
  readonly url: string
  readonly query?: Readonly<Record<string, string | readonly string[]>> | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** A buffer or string can be replayed after a refresh; a stream cannot. */
  readonly body?: string | Buffer | Readable | undefined
  /** `url` is relative to the base URL's origin rather than below it (a connector's declared verification request only). */
  readonly fromOrigin?: boolean | undefined
}

/** The provider's answer, its body streamed. */
export interface ApiResponse {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: Readable
}

/** Options of the helper. */
export interface HttpHelperOptions {
  readonly dispatcher: Dispatcher
  /** @defaultValue `30000` */
  readonly timeoutMs?: number
  /** Tries for 429/502/503/504 on idempotent requests. @defaultValue `3` */
  readonly maxRetries?: number
  /** The longest `Retry-After` honoured by waiting; longer ones are returned to the caller. @defaultValue `30` */
  readonly maxRetryAfterSeconds?: number
  /** @defaultValue `() => Date.now()` */
  readonly now?: () => number
  /** Waits between retries (injected by tests). */
  readonly sleep?: (ms: number) => Promise<void>
}

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'host'
])
const IDEMPOTENT = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE'])
const RETRY_STATUS = new Set([429, 502, 503, 504])
const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/

/** Backslashes and ASCII control characters, never allowed in a relative URL. */
function hasUnsafeCharacters(value: string): boolean {
  for (const char of value) {
    const code = char.charCodeAt(0)
    if (char === '\\' || code < 0x20 || code === 0x7f) return true
  }
  return false
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
export function targetUrl(baseUrl: string, relative: string, query: ApiRequest['query']): URL | Issue {
  const at = 'body.url'
  if (!relative.startsWith('/') || relative.startsWith('//'))
    return { path: at, message: 'must be a relative URL starting with a single "/"' }
  if (hasUnsafeCharacters(relative)) return { path: at, message: 'must not contain backslashes or control characters' }
  if (/^\/[a-z][a-z0-9+.-]*:/i.test(relative)) return { path: at, message: 'must be a relative URL' }
  const base = new URL(baseUrl)
  const basePath = base.pathname.replace(/\/+$/, '')
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

function checkHeaders(headers: Readonly<Record<string, string>>, tokenHeader: string | undefined): Issue[] {
  const issues: Issue[] = []
  for (const [name, value] of Object.entries(headers)) {
    const path = `body.headers.${name}`
    const lower = name.toLowerCase()
    if (!HEADER_NAME.test(name)) issues.push({ path, message: 'is not a valid header name' })
    else if (/[\r\n]/.test(value) || value.includes(String.fromCharCode(0)))
      issues.push({ path, message: 'must not contain line breaks' })
    else if (HOP_BY_HOP.has(lower))
      issues.push({ path, message: 'is a hop-by-hop or Host header, which callers cannot set' })
    else if (lower === tokenHeader)
      issues.push({ path, message: 'is where Latchkey puts the token; callers cannot set it' })
  }
  return issues
}

/** Where the credential goes on API calls, for every scheme. */
interface Injection {
  readonly in: 'header' | 'query'
  readonly name: string
  /** The value sent, from the stored access token (the API key, the Basic credentials, the OAuth token). */
  readonly value: (accessToken: string) => string
}

function injectionFor(scheme: ResolvedAuthScheme, http: DeepReadonly<HttpDefinition>): Injection {
  if (scheme.kind === 'apiKey')
    return { in: scheme.in, name: scheme.name, value: (key) => scheme.template.replace(API_KEY_PLACEHOLDER, key) }
  if (scheme.kind === 'basic')
    return { in: 'header', name: 'Authorization', value: (credentials) => `Basic ${credentials}` }
  const placement = resolveTokenPlacement(http.tokenPlacement)
  return { in: placement.in, name: placement.name, value: (token) => `${placement.prefix}${token}` }
}

/** The most of an answer read to test it for an auth failure signalled in its body. */
const MAX_INSPECTED_BYTES = 1024 * 1024

/**
 * Reads a JSON answer whose status some auth failure rule names, and tells whether a rule
 * matches. The body is replaced by the bytes read, so the caller still gets all of it.
 */
async function inspectForAuthFailure(
  response: ApiResponse,
  rules: readonly DeepReadonly<AuthFailureRule>[]
): Promise<{ response: ApiResponse; failed: boolean }> {
  const candidates = rules.filter((rule) => (rule.status ?? 200) === response.status)
  if (candidates.length === 0 || !(response.headers['content-type'] ?? '').includes('json'))
    return { response, failed: false }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length
    chunks.push(chunk as Buffer)
    if (size > MAX_INSPECTED_BYTES) break
  }
  const bytes = Buffer.concat(chunks)
  const rest = size > MAX_INSPECTED_BYTES ? response.body : undefined
  const body =
    rest === undefined
      ? Readable.from([bytes])
      : Readable.from(
          (async function* () {
            yield bytes
            for await (const chunk of rest) yield chunk as Buffer
          })()
        )
  let parsed: unknown
  try {
    parsed = rest === undefined ? JSON.parse(bytes.toString('utf8')) : undefined
  } catch {
    parsed = undefined
  }
  const failed =
    parsed !== undefined &&
    candidates.some((rule) => rule.equals.some((value) => readPath(parsed, rule.path) === value))
  return { response: { ...response, body }, failed }
}

/** Milliseconds until a rate limit resets, from the connector's reset header. */
function resetDelayMs(
  rateLimit: DeepReadonly<RateLimitDefinition> | undefined,
  headers: Record<string, string>,
  now: number
): number | undefined {
  if (rateLimit === undefined) return undefined
  const raw = headers[rateLimit.resetHeader.toLowerCase()]
  if (raw === undefined || !/^\d+(\.\d+)?$/.test(raw.trim())) return undefined
  const value = Number(raw)
  switch (rateLimit.resetFormat ?? 'epoch_seconds') {
    case 'epoch_seconds':
      return Math.max(0, value * 1000 - now)
    case 'epoch_milliseconds':
      return Math.max(0, value - now)
    case 'delay_seconds':
      return value * 1000
  }
}

function flat(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP.has(name.toLowerCase())) continue
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value
  }
  return out
}

/**
 * Renders the API base URL, or only its origin. The origin never needs the account
 * identity (the validator keeps `{{account.*}}` out of it), so the verification request
 * that finds the account can be sent before it is known. An origin taken from a placeholder
 * (a token answer's `instance_url`) must be on one of the connector's `http.originHosts`.
 * @throws {RuntimeError} `conflict` when a placeholder has no value yet, or the origin is not trusted.
 */
function baseUrlFor(
  template: string,
  values: TemplateValues,
  definition: ConnectorDefinition | ConnectorDefinitionJson,
  originOnly: boolean
): string {
  // Stand-ins for account values not known yet: they sit in the path, which is dropped.
  const account = originOnly
    ? Object.fromEntries(
        Object.keys(definition.verification?.identity ?? {}).map((name) => [name, values.account?.[name] ?? 'unknown'])
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
    throw new RuntimeError('conflict', `the API URL cannot be built yet: ${error.message}${hint}`)
  }
  checkTrustedOrigin(template, definition.http?.originHosts, values)
  return originOnly ? new URL(rendered).origin : rendered
}

/**
 * Authenticated calls to a connector's own API (Okta's httpHelper): resolves the base URL,
 * injects the token where the definition says, refreshes once (in single flight) and
 * retries once on an auth failure, retries 429/502/503/504 for idempotent requests with
 * capped backoff honouring `Retry-After`, marks the connection green on success and red
 * when a refresh cannot fix an auth failure.
 */
export class HttpHelper {
  readonly #lastMarked = new Map<string, number>()
  /** The apps' URL overrides, briefly (edits show up within 5 seconds in every process). */
  readonly #overrides = new Map<string, { value: Readonly<Record<string, string>> | undefined; until: number }>()

  constructor(
    private readonly store: Store,
    private readonly catalog: Catalog,
    private readonly credentials: CredentialService,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly options: HttpHelperOptions
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  async call(tenantId: string, connectionId: string, apiRequest: ApiRequest): Promise<ApiResponse> {
    const method = apiRequest.method.toUpperCase()
    if (!METHOD.test(method))
      throw invalidRequest('the method is not supported', [
        { path: 'body.method', message: 'must be GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS' }
      ])
    const connection = await this.credentials.connection(tenantId, connectionId)
    if (connection.status === 'error')
      throw new RuntimeError(
        'conflict',
        `the connection needs to be connected again: ${connection.status_reason ?? 'its last refresh failed'}`
      )
    const entry = await this.catalog.get(tenantId, connection.connector_key)
    if (entry === undefined) throw notFound(`connector "${connection.connector_key}"`)
    const http = entry.definition.http
    const overrides = await this.overridesOf(tenantId, connection.connector_key)
    const baseTemplate = overrides?.baseUrl ?? http?.baseUrl
    if (http === undefined || baseTemplate === undefined)
      throw new RuntimeError('conflict', `the connector "${connection.connector_key}" declares no API (http.baseUrl)`)
    const parameters = await openParameters(this.store, connection.parameters)
    const values = {
      parameters,
      config: resolveConfigValues(entry.definition, parameters),
      metadata: connection.metadata,
      account: connection.account
    }
    const target = targetUrl(
      baseUrlFor(baseTemplate, values, entry.definition, apiRequest.fromOrigin === true),
      apiRequest.url,
      apiRequest.query
    )
    if (!(target instanceof URL)) throw invalidRequest('the URL is not allowed', [target])
    const scheme = schemeOf(entry.definition, connection)
    const placement = injectionFor(scheme, http)
    const tokenHeader = placement.in === 'header' ? placement.name.toLowerCase() : undefined
    const issues = checkHeaders(apiRequest.headers ?? {}, tokenHeader)
    if (issues.length > 0) throw invalidRequest('some headers are not allowed', issues)
    const baseHeaders: Record<string, string> = {}
    for (const [name, value] of Object.entries(http.headers ?? {}))
      baseHeaders[name.toLowerCase()] = renderTemplate(value, values)
    for (const [name, value] of Object.entries(apiRequest.headers ?? {})) baseHeaders[name.toLowerCase()] = value
    const refreshOn = new Set(http.refreshOnStatus ?? DEFAULT_REFRESH_ON_STATUS)
    const authFailures = http.authFailures ?? []
    // A new credential without the end customer: a refresh token, or the client credentials grant again.
    const renewable = (token: CurrentToken): boolean =>
      scheme.kind === 'oauth2' && (scheme.grant === 'client_credentials' || token.tokens.refreshToken !== undefined)
    const refused = async (answer: ApiResponse): Promise<{ response: ApiResponse; failed: boolean }> => {
      if (refreshOn.has(answer.status)) return { response: answer, failed: true }
      return authFailures.length === 0
        ? { response: answer, failed: false }
        : inspectForAuthFailure(answer, authFailures)
    }
    const retryStatuses = new Set([...RETRY_STATUS, ...(http.rateLimit?.statuses ?? [])])
    const replayable =
      apiRequest.body === undefined || typeof apiRequest.body === 'string' || Buffer.isBuffer(apiRequest.body)

    const send = async (token: CurrentToken): Promise<ApiResponse> => {
      const url = new URL(target)
      const headers = { ...baseHeaders }
      if (placement.in === 'query') url.searchParams.set(placement.name, placement.value(token.tokens.accessToken))
      else headers[placement.name.toLowerCase()] = placement.value(token.tokens.accessToken)
      let response: Dispatcher.ResponseData
      try {
        response = await request(url, {
          method: method as Dispatcher.HttpMethod,
          headers,
          body: apiRequest.body,
          dispatcher: this.options.dispatcher,
          headersTimeout: this.options.timeoutMs ?? 30_000,
          bodyTimeout: this.options.timeoutMs ?? 30_000
        })
      } catch (error) {
        const code = (error as { code?: string }).code ?? ''
        if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
          throw new RuntimeError('provider_timeout', `${target.host} did not answer in time`)
        throw new RuntimeError(
          'provider_unreachable',
          `${target.host} could not be reached (${code || (error as Error).message})`
        )
      }
      return { status: response.statusCode, headers: flat(response.headers), body: response.body }
    }

    let token = await this.credentials.current(connection)
    let first = await refused(await send(token))
    let response = first.response
    if (first.failed) {
      if (!renewable(token)) {
        if (scheme.kind === 'oauth2')
          await this.markAuthFailure(
            connection,
            response.status,
            'the provider refused the token and gave no refresh token'
          )
        else
          await this.markAuthFailure(
            connection,
            response.status,
            `the provider refused the ${scheme.label.toLowerCase()}`,
            'save a new one (it may have been revoked or rotated)'
          )
        return response
      }
      if (!replayable) {
        // The body cannot be sent twice: renew for the next call, and hand back this answer.
        response.body.resume()
        await this.credentials.refresh(connection, token.version, 'auth_failure')
        return response
      }
      response.body.resume()
      token = await this.credentials.refresh(connection, token.version, 'auth_failure')
      first = await refused(await send(token))
      response = first.response
      if (first.failed) {
        await this.markAuthFailure(connection, response.status, 'the provider still refuses the token after a refresh')
        return response
      }
    }
    const maxRetries = IDEMPOTENT.has(method) && replayable ? (this.options.maxRetries ?? 3) : 0
    for (let attempt = 1; attempt < maxRetries && retryStatuses.has(response.status); attempt++) {
      const wait = this.retryDelay(
        response.headers['retry-after'],
        attempt,
        resetDelayMs(http.rateLimit, response.headers, this.now())
      )
      if (wait === undefined) break
      response.body.resume()
      await (this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms))))(wait)
      response = await send(token)
    }
    if (!refreshOn.has(response.status)) await this.markUsed(connection)
    return response
  }

  private async overridesOf(
    tenantId: string,
    connectorKey: string
  ): Promise<Readonly<Record<string, string>> | undefined> {
    const key = `${tenantId}:${connectorKey}`
    const cached = this.#overrides.get(key)
    if (cached !== undefined && cached.until > this.now()) return cached.value
    const value = await this.store.apps.overrides(tenantId, connectorKey)
    if (this.#overrides.size > 10_000) this.#overrides.clear()
    this.#overrides.set(key, { value, until: this.now() + 5_000 })
    return value
  }

  /**
   * Milliseconds to wait before retry `attempt`: `Retry-After`, else the connector's
   * rate-limit reset header, else capped exponential backoff; `undefined` when the
   * provider asks for longer than we wait.
   */
  private retryDelay(retryAfter: string | undefined, attempt: number, resetMs: number | undefined): number | undefined {
    const cap = this.options.maxRetryAfterSeconds ?? 30
    if (retryAfter === undefined && resetMs !== undefined) return resetMs > cap * 1000 ? undefined : resetMs
    if (retryAfter !== undefined) {
      const seconds = /^\d+$/.test(retryAfter.trim())
        ? Number(retryAfter)
        : Math.ceil((Date.parse(retryAfter) - this.now()) / 1000)
      if (Number.isFinite(seconds)) return seconds > cap ? undefined : Math.max(0, seconds) * 1000
    }
    return Math.min(5_000, 200 * 2 ** (attempt - 1))
  }

  /** Green: used successfully. Written at most once a minute per connection. */
  private async markUsed(connection: Connection): Promise<void> {
    const now = this.now()
    if (
      connection.status === 'connected' &&
      connection.last_used_at !== null &&
      (this.#lastMarked.get(connection.id) ?? 0) > now - 60_000
    )
      return
    this.#lastMarked.set(connection.id, now)
    await this.lifecycle.used(connection, new Date(now))
  }

  /** Red: an auth failure a refresh cannot fix, with what the person can do about it. */
  private async markAuthFailure(
    connection: Connection,
    status: number,
    reason: string,
    remedy = 'connect again'
  ): Promise<void> {
    const message = `${reason} (HTTP ${status}): ${remedy}`
    await this.lifecycle.authFailed(refOf(connection), message, status)
    await this.credentials.invalidate(connection.id)
  }
}
