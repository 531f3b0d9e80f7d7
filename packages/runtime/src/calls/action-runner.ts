import {
  TemplateError,
  findAction,
  missingScopes,
  readPath,
  renderActionRequest,
  validateActionInput
} from '@latchkey/connector-sdk'
import type { ActionDefinition, DeepReadonly } from '@latchkey/connector-sdk'
import { entryOf, schemeOfHandle } from '../connections/connection-handle.js'
import type { ConnectionHandle, ConnectionHandles } from '../connections/connection-handle.js'
import { RuntimeError, invalidRequest } from '../errors.js'
import type { HttpHelper } from './http-helper.js'
import { firstPage, itemsOf, nextPage } from './pagination.js'
import type { PageRequest } from './pagination.js'
import { readAnswer } from './read-answer.js'
import { targetUrl } from './target-url.js'

type Action = DeepReadonly<ActionDefinition>

/** What a flow asks of an action. */
export interface ActionCall {
  readonly input?: unknown
  /** The most pages read. @defaultValue `1` */
  readonly pages?: number | undefined
  /** The most items returned (pages stop once reached). */
  readonly maxItems?: number | undefined
  /** Aborts the call (a worker shutting down). */
  readonly signal?: AbortSignal | undefined
}

/** What an action returns. */
export interface ActionResult {
  /** The provider's status (of the last page read). */
  readonly status: number
  /** The answer at the action's `output` path; with pagination, every page's items in one list. */
  readonly output: unknown
  /** Pages read. */
  readonly pages: number
  /** More pages exist beyond the limits asked for (or after a page that failed). */
  readonly more: boolean
  /** Set when the provider refused (status 4xx/5xx): what it said. */
  readonly error?: string
}

/** The hardest limit on pages per call, whatever the caller asks. */
export const MAX_ACTION_PAGES = 100

/** What a provider's error body says, in the fields APIs commonly use. */
function providerMessage(body: unknown): string | undefined {
  if (typeof body === 'string') return body.trim() === '' ? undefined : body.slice(0, 300)
  if (body === null || typeof body !== 'object') return undefined
  const record = body as Record<string, unknown>
  for (const field of ['message', 'error_description', 'error', 'detail', 'title', 'errorMessage']) {
    const value = record[field]
    if (typeof value === 'string' && value !== '') return value.slice(0, 300)
    if (value !== null && typeof value === 'object') {
      const nested = providerMessage(value)
      if (nested !== undefined) return nested
    }
  }
  const errors = record.errors
  if (Array.isArray(errors) && errors.length > 0) return providerMessage(errors[0])
  return undefined
}

/** The body as sent, with its content type. */
function encodeBody(
  body: unknown,
  format: 'json' | 'form'
): { payload: string | undefined; contentType: string | undefined } {
  if (body === undefined) return { payload: undefined, contentType: undefined }
  if (format === 'json') return { payload: JSON.stringify(body), contentType: 'application/json' }
  const form = new URLSearchParams()
  for (const [name, value] of Object.entries(body as Record<string, unknown>))
    for (const item of Array.isArray(value) ? value : [value])
      form.append(name, typeof item === 'string' ? item : JSON.stringify(item))
  return { payload: form.toString(), contentType: 'application/x-www-form-urlencoded' }
}

/**
 * Runs a connector's declared actions: the input checked against the action's schema, the
 * scopes it needs checked against what the connection was granted (before any request),
 * the request built from the input and sent through the HTTP helper (auth, refresh on auth
 * failure, retries, the never-an-open-proxy URL check), and its pages followed within the
 * caller's limits.
 */
export class ActionRunner {
  constructor(
    private readonly handles: ConnectionHandles,
    private readonly http: HttpHelper
  ) {}

  /** The action of a connection's connector, its input checked: what `run` would send, without sending (async calls check before queueing). */
  async prepare(tenantId: string, connectionId: string, key: string, input: unknown): Promise<ConnectionHandle> {
    const handle = await this.handles.get(tenantId, connectionId)
    this.check(handle, key, input)
    return handle
  }

  async run(tenantId: string, connectionId: string, key: string, call: ActionCall): Promise<ActionResult> {
    return this.runWith(await this.handles.get(tenantId, connectionId), key, call)
  }

  async runWith(handle: ConnectionHandle, key: string, call: ActionCall): Promise<ActionResult> {
    const action = this.check(handle, key, call.input)
    const input = (call.input ?? {}) as Record<string, unknown>
    let rendered
    try {
      rendered = renderActionRequest(action, { ...handle.values, input })
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error
      if (!error.placeholder.startsWith('input.'))
        throw new RuntimeError('url_incomplete', `the action "${key}" cannot be built yet: ${error.message}`)
      throw invalidRequest('the input cannot be used in the request', [
        { path: `body.${error.placeholder}`, message: error.message }
      ])
    }
    const pagination = action.pagination
    const maxPages = Math.min(Math.max(1, call.pages ?? 1), MAX_ACTION_PAGES)
    const baseUrl = this.http.baseUrl(handle)
    let page: PageRequest | undefined = firstPage(pagination, {
      path: rendered.path,
      query: rendered.query,
      body: rendered.body
    })
    const declaresAccept = Object.keys(entryOf(handle).definition.http?.headers ?? {}).some(
      (name) => name.toLowerCase() === 'accept'
    )
    const collected: unknown[] = []
    let pages = 0
    let status = 0
    let output: unknown
    while (page !== undefined) {
      const { payload, contentType } = encodeBody(page.body, rendered.bodyFormat)
      const headers = {
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
        // JSON unless the connector asks for its own media type on every call (PagerDuty's versioned Accept).
        ...(declaresAccept ? {} : { accept: 'application/json' }),
        ...rendered.headers
      }
      const answer = await readAnswer(
        await this.http.callWith(handle, {
          method: rendered.method,
          url: page.path,
          query: page.query,
          headers,
          body: payload,
          signal: call.signal
        })
      )
      pages += 1
      status = answer.status
      if (status < 200 || status >= 300) {
        const said = providerMessage(answer.body)
        const name = entryOf(handle).definition.name
        return {
          status,
          output: pages === 1 ? answer.body : collected,
          pages,
          more: pages > 1,
          error: `${name} answered ${status}${pages > 1 ? ` on page ${pages}` : ''}${said === undefined ? '' : `: ${said}`}`
        }
      }
      if (pagination === undefined) {
        output = action.output === undefined ? answer.body : readPath(answer.body, action.output)
        break
      }
      const items = itemsOf(answer.body, action.output)
      collected.push(...(items ?? []))
      const next: PageRequest | undefined = nextPage(
        pagination,
        page,
        { headers: answer.headers, body: answer.body, items },
        { url: pageUrl(baseUrl, page), baseUrl }
      )
      const full = call.maxItems !== undefined && collected.length >= call.maxItems
      if (next === undefined || pages >= maxPages || full) {
        if (call.maxItems !== undefined && collected.length > call.maxItems) collected.length = call.maxItems
        return { status, output: collected, pages, more: next !== undefined || (full && items !== undefined) }
      }
      page = next
    }
    return { status, output, pages, more: false }
  }

  /** The action, its input valid and its scopes granted. */
  private check(handle: ConnectionHandle, key: string, input: unknown): Action {
    const definition = entryOf(handle).definition
    const action = findAction(definition, key)
    if (action === undefined)
      throw new RuntimeError('not_found', `the connector "${definition.key}" has no action "${key}"`)
    const issues = validateActionInput(action, input, 'body.input')
    if (issues.length > 0)
      throw invalidRequest(
        `the input of "${key}" has ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`,
        issues
      )
    const granted = handle.connection.granted_scopes
    const scheme = schemeOfHandle(handle)
    if (scheme.kind === 'oauth2' && granted !== null && (action.scopes ?? []).length > 0) {
      const missing = missingScopes(action.scopes ?? [], granted, scheme.scopeIncludes)
      if (missing.length > 0)
        throw new RuntimeError(
          'missing_scope',
          scheme.grant === 'client_credentials'
            ? `the app's token was not granted ${missing.map((s) => `"${s}"`).join(', ')}, which "${key}" needs: grant it to the app at the provider, or ask for it in the app's scopes`
            : `the connection was not granted ${missing.map((s) => `"${s}"`).join(', ')}, which "${key}" needs: authorize it again with this action (POST /v1/connections/:id/authorize with "actions")`,
          { missingScopes: missing, grantedScopes: granted }
        )
    }
    return action
  }
}

/** Where a page was sent, for resolving a relative `Link`. */
function pageUrl(baseUrl: string, page: PageRequest): URL {
  const url = targetUrl(baseUrl, page.path, page.query)
  return url instanceof URL ? url : new URL(baseUrl)
}
