import type { Readable } from 'node:stream'
import { DEFAULT_REFRESH_ON_STATUS, renderTemplateIfComplete } from '@latchkey/connector-sdk'
import type { Dispatcher } from 'undici'
import type { ClientCertificates } from './client-certificates.js'
import type { RuntimeMetrics } from '../metrics/metrics.js'
import type { Connection } from '@latchkey/store'
import { entryOf, schemeOfHandle } from '../connections/connection-handle.js'
import type { ConnectionHandle, ConnectionHandles } from '../connections/connection-handle.js'
import type { CredentialService, CurrentToken } from '../credentials/credential-service.js'
import { refOf } from '../connections/lifecycle.js'
import type { ConnectionLifecycle } from '../connections/lifecycle.js'
import { RuntimeError, invalidRequest } from '../errors.js'
import { inspectForAuthFailure } from './auth-failure.js'
import { injectionFor } from './auth-injection.js'
import { checkHeaders, flatHeaders } from './request-headers.js'
import { IDEMPOTENT, isRetryableAnswer, resetDelayMs, retryDelay } from './retry-policy.js'
import { peekJson } from './peek-json.js'
import { apiBase, baseUrlFor, targetUrl } from './target-url.js'
import type { ApiBase, Query } from './target-url.js'
import type { UsageRecorder } from './usage-recorder.js'

/** What a flow asks for: a relative URL on the connector's own API. */
export interface ApiRequest {
  readonly method: string
  /** Relative to the connector's base URL, e.g. `/folders/0/items`. */
  readonly url: string
  readonly query?: Query | undefined
  readonly headers?: Readonly<Record<string, string>> | undefined
  /** A buffer or string can be replayed after a refresh; a stream cannot. */
  readonly body?: string | Buffer | Readable | undefined
  /** Aborts the call (a worker shutting down); the call fails with `aborted`, which is retryable. */
  readonly signal?: AbortSignal | undefined
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
  /** The agents of schemes that present a client certificate (mutual TLS). */
  readonly certificates?: ClientCertificates
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
  /** Where provider answer times are recorded. */
  readonly metrics?: RuntimeMetrics
}

const METHOD = /^(GET|HEAD|POST|PUT|PATCH|DELETE|OPTIONS)$/
/** The most of a rate-limited answer read to find the wait in its body. */
const MAX_PEEKED_BYTES = 64 * 1024

/** Base URLs rendered (their origins checked) and parsed once per handle: handles never change, they are replaced. */
const renderedBases = new WeakMap<ConnectionHandle, Map<string, ApiBase>>()

function renderedBase(handle: ConnectionHandle, template: string, originOnly: boolean): ApiBase {
  const key = `${originOnly ? 'o' : 'p'}${template}`
  let byTemplate = renderedBases.get(handle)
  const known = byTemplate?.get(key)
  if (known !== undefined) return known
  const rendered = apiBase(baseUrlFor(template, handle.values, entryOf(handle).definition, originOnly))
  if (byTemplate === undefined) renderedBases.set(handle, (byTemplate = new Map()))
  byTemplate.set(key, rendered)
  return rendered
}

/** The most of a request body read to merge a credential into it, or to sign it. */
const MAX_MERGED_BODY_BYTES = 10 * 1024 * 1024

/** `http.headers` rendered for one call; those whose placeholders have no value left out. */
function extraHeaders(
  templates: Readonly<Record<string, string>> | undefined,
  values: ConnectionHandle['values'],
  token: CurrentToken
): Record<string, string> {
  const headers: Record<string, string> = {}
  if (templates === undefined) return headers
  const scope = { ...values, credentials: token.credentials ?? {} }
  for (const [name, template] of Object.entries(templates)) {
    const value = renderTemplateIfComplete(template, scope)
    if (value !== undefined) headers[name.toLowerCase()] = value
  }
  return headers
}

/**
 * A request body in memory (a stream read, bounded), for a signed request or one whose
 * JSON the credential is merged into; `why` ends the 400 when it is too large.
 */
async function bufferedBody(
  body: ApiRequest['body'],
  why = 'this connector signs every body'
): Promise<string | Buffer | undefined> {
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return body
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of body) {
    size += (chunk as Buffer).length
    if (size > MAX_MERGED_BODY_BYTES) {
      body.destroy()
      throw invalidRequest('the request body is too large', [
        { path: 'body.body', message: `must be at most ${MAX_MERGED_BODY_BYTES} bytes: ${why}` }
      ])
    }
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/**
 * The request body as a JSON object, for a connector that sends its credential in it
 * (Mandrill's `key`): none becomes `{}`; anything else than an object is refused.
 */
async function jsonObjectBody(method: string, body: ApiRequest['body']): Promise<Record<string, unknown>> {
  const refuse = (message: string): never => {
    throw invalidRequest('the request cannot carry the credential', [{ path: 'body.body', message }])
  }
  if (method === 'GET' || method === 'HEAD')
    return refuse(`cannot be sent with ${method}: this connector sends its credential in the JSON body (use POST)`)
  const held = await bufferedBody(body, "this connector's credential is merged into it")
  const text = held === undefined ? '' : typeof held === 'string' ? held : held.toString('utf8')
  if (text.trim() === '') return {}
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    return refuse('must be a JSON object: this connector sends its credential in it')
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    return refuse('must be a JSON object: this connector sends its credential in it')
  return parsed as Record<string, unknown>
}

/**
 * Authenticated calls to a connector's own API (Okta's httpHelper): resolves the base URL,
 * injects the token where the definition says, refreshes once (in single flight) and
 * retries once on an auth failure, retries 429/502/503/504 for idempotent requests with
 * capped backoff honouring `Retry-After`, marks the connection green on success and red
 * when a refresh cannot fix an auth failure.
 */
export class HttpHelper {
  constructor(
    private readonly handles: ConnectionHandles,
    private readonly credentials: CredentialService,
    private readonly lifecycle: ConnectionLifecycle,
    private readonly usage: UsageRecorder,
    private readonly options: HttpHelperOptions
  ) {}

  private now(): number {
    return (this.options.now ?? Date.now)()
  }

  /** A call on the tenant's connection; its handle comes from memory when current. */
  async call(tenantId: string, connectionId: string, apiRequest: ApiRequest): Promise<ApiResponse> {
    const startedAt = performance.now()
    return this.callWith(await this.handles.get(tenantId, connectionId), apiRequest, startedAt)
  }

  /**
   * The API base URL of a handle, rendered (an action's next-page links are checked against it).
   * @throws {RuntimeError} `not_declared` when the connector declares no API.
   */
  baseUrl(handle: ConnectionHandle): string {
    const template = handle.overrides?.baseUrl ?? entryOf(handle).definition.http?.baseUrl
    if (template === undefined)
      throw new RuntimeError(
        'not_declared',
        `the connector "${handle.connection.connector_key}" declares no API (http.baseUrl)`
      )
    return renderedBase(handle, template, false).url
  }

  /**
   * A call on a handle the caller already resolved (jobs, verification). `startedAt`
   * (`performance.now()`) is when the call began, for the added-latency metric.
   */
  async callWith(
    handle: ConnectionHandle,
    apiRequest: ApiRequest,
    startedAt: number = performance.now()
  ): Promise<ApiResponse> {
    const method = apiRequest.method.toUpperCase()
    if (!METHOD.test(method))
      throw invalidRequest('the method is not supported', [
        { path: 'body.method', message: 'must be GET, HEAD, POST, PUT, PATCH, DELETE or OPTIONS' }
      ])
    const { connection, values } = handle
    if (connection.status === 'error')
      throw new RuntimeError(
        'needs_reconnect',
        `the connection needs to be connected again: ${connection.status_reason ?? 'its last refresh failed'}`
      )
    const entry = entryOf(handle)
    const http = entry.definition.http
    const baseTemplate = handle.overrides?.baseUrl ?? http?.baseUrl
    if (http === undefined || baseTemplate === undefined)
      throw new RuntimeError(
        'not_declared',
        `the connector "${connection.connector_key}" declares no API (http.baseUrl)`
      )
    const target = targetUrl(
      renderedBase(handle, baseTemplate, apiRequest.fromOrigin === true),
      apiRequest.url,
      apiRequest.query
    )
    if (!(target instanceof URL)) throw invalidRequest('the URL is not allowed', [target])
    const scheme = schemeOfHandle(handle)
    const injection = injectionFor(scheme, http)
    const issues = checkHeaders(apiRequest.headers ?? {}, injection.headers)
    if (issues.length > 0) throw invalidRequest('some headers are not allowed', issues)
    const callerHeaders: Record<string, string> = {}
    for (const [name, value] of Object.entries(apiRequest.headers ?? {})) callerHeaders[name.toLowerCase()] = value
    // A key sent in the JSON body: the body is read (bounded) and the key merged in on each send.
    const jsonBody = injection.inBody ? await jsonObjectBody(method, apiRequest.body) : undefined
    // A signed request: its body is hashed, so it is read first (bounded).
    const heldBody = injection.sign === undefined ? apiRequest.body : await bufferedBody(apiRequest.body)
    if (jsonBody !== undefined) {
      delete callerHeaders['content-length']
      callerHeaders['content-type'] = 'application/json'
    }
    const refreshOn = new Set(http.refreshOnStatus ?? DEFAULT_REFRESH_ON_STATUS)
    const authFailures = http.authFailures ?? []
    // A new credential without the end customer: a refresh token, the client credentials grant or the login again.
    const renewable = (token: CurrentToken): boolean =>
      scheme.kind === 'tokenExchange' ||
      scheme.kind === 'jwtBearer' ||
      (scheme.kind === 'oauth2' && (scheme.grant === 'client_credentials' || token.tokens.refreshToken !== undefined))
    const refused = async (answer: ApiResponse): Promise<{ response: ApiResponse; failed: boolean }> => {
      if (refreshOn.has(answer.status)) return { response: answer, failed: true }
      return authFailures.length === 0
        ? { response: answer, failed: false }
        : inspectForAuthFailure(answer, authFailures)
    }
    const replayable =
      jsonBody !== undefined || heldBody === undefined || typeof heldBody === 'string' || Buffer.isBuffer(heldBody)

    // OAuth 1.0a signs with the tenant's consumer as well as the token.
    const consumer = scheme.kind === 'oauth1' ? await this.credentials.consumer(connection, scheme) : undefined
    // The added latency is observed once per call, when its first request leaves.
    let sent = false
    const send = async (token: CurrentToken): Promise<ApiResponse> => {
      // A scheme with a client certificate (the app's, or the customer's with the credentials) has its own agent.
      const dispatcher =
        scheme.clientCertificate === undefined || this.options.certificates === undefined
          ? this.options.dispatcher
          : await this.options.certificates.dispatcherFor(
              connection.tenant_id,
              connection.connector_key,
              scheme,
              this.options.dispatcher,
              token.credentials
            )
      const injected = injection.inject(token, values)
      const headers = extraHeaders(http.headers, values, token)
      Object.assign(headers, callerHeaders, injected.headers)
      let url = target
      if (http.query !== undefined || injected.query.length > 0) {
        url = new URL(target)
        for (const [name, template] of Object.entries(http.query ?? {})) {
          if (url.searchParams.has(name)) continue
          const value = renderTemplateIfComplete(template, { ...values, credentials: token.credentials ?? {} })
          if (value !== undefined) url.searchParams.set(name, value)
        }
        for (const [name, value] of injected.query) url.searchParams.set(name, value)
      }
      const body = jsonBody === undefined ? heldBody : JSON.stringify({ ...jsonBody, ...injected.body })
      if (injection.sign !== undefined)
        Object.assign(
          headers,
          injection.sign(
            { method, url, headers, body: body as string | Buffer | undefined },
            consumer === undefined ? token : { ...token, consumer },
            values
          )
        )
      let response: Dispatcher.ResponseData
      if (!sent) {
        sent = true
        this.options.metrics?.callOverhead.observe((performance.now() - startedAt) / 1000)
      }
      const upstream = this.options.metrics?.upstream.startTimer()
      try {
        // The dispatcher directly (undici's request() only parses the URL again to get here).
        response = await dispatcher.request({
          origin: url.origin,
          path: `${url.pathname}${url.search}`,
          method: method as Dispatcher.HttpMethod,
          headers,
          body: body ?? null,
          headersTimeout: this.options.timeoutMs ?? 30_000,
          bodyTimeout: this.options.timeoutMs ?? 30_000,
          ...(apiRequest.signal === undefined ? {} : { signal: apiRequest.signal })
        })
        upstream?.({ status: `${Math.floor(response.statusCode / 100)}xx` })
      } catch (error) {
        upstream?.({ status: 'none' })
        if (apiRequest.signal?.aborted === true)
          throw new RuntimeError(
            'aborted',
            `the call to ${target.host} was stopped (the worker is shutting down); it runs again`
          )
        const code = (error as { code?: string }).code ?? ''
        if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT')
          throw new RuntimeError('provider_timeout', `${target.host} did not answer in time`)
        throw new RuntimeError(
          'provider_unreachable',
          `${target.host} could not be reached (${code || (error as Error).message})`
        )
      }
      return { status: response.statusCode, headers: flatHeaders(response.headers), body: response.body }
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
        else if (scheme.kind === 'oauth1')
          await this.markAuthFailure(
            connection,
            response.status,
            'the provider refused the OAuth 1.0a token (revoked, or the consumer key changed)'
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
    const rateLimit = http.rateLimit
    for (
      let attempt = 1;
      attempt < maxRetries && isRetryableAnswer(response.status, response.headers, rateLimit);
      attempt++
    ) {
      // APIs that write the wait in their error body: read it (a bounded peek), keep the body whole.
      let body: unknown
      if (rateLimit?.body !== undefined) ({ response, json: body } = await peekJson(response, MAX_PEEKED_BYTES))
      const wait = retryDelay(
        response.headers['retry-after'],
        attempt,
        resetDelayMs(rateLimit, response.headers, this.now(), body),
        this.options.maxRetryAfterSeconds ?? 30,
        this.now()
      )
      if (wait === undefined) break
      response.body.resume()
      await (this.options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms))))(wait)
      response = await send(token)
    }
    if (!refreshOn.has(response.status)) await this.markUsed(connection)
    return response
  }

  /** Green: used successfully; the first use (or a red or yellow connection) is written now, later ones batched. */
  private async markUsed(connection: Connection): Promise<void> {
    const at = new Date(this.now())
    if (connection.status === 'connected' && connection.last_used_at !== null) this.usage.record(connection.id)
    else await this.lifecycle.used(connection, at)
  }

  /** Red: an auth failure a refresh cannot fix, with what the person can do about it. */
  private async markAuthFailure(
    connection: Connection,
    status: number,
    reason: string,
    remedy = 'connect again'
  ): Promise<void> {
    const message = `${reason} (HTTP ${status}): ${remedy}`
    // The lifecycle tells every process: cached handles and tokens are dropped.
    await this.lifecycle.authFailed(refOf(connection), message, status)
  }
}
