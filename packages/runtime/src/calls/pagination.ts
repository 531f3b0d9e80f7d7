import { readPath } from '@latchkey/connector-sdk'
import type { DeepReadonly, PaginationDefinition } from '@latchkey/connector-sdk'

type Pagination = DeepReadonly<PaginationDefinition>

/** One page's request, relative to the API's base URL. */
export interface PageRequest {
  readonly path: string
  readonly query: Readonly<Record<string, string | readonly string[]>>
  /** A JSON body (the cursor may travel in it). */
  readonly body?: unknown
}

/** What the next page is decided from. */
export interface PageAnswer {
  readonly headers: Readonly<Record<string, string>>
  readonly body: unknown
  /** The items of this page, when the action says where they are. */
  readonly items: readonly unknown[] | undefined
}

/** The items of a page: the list at `output`, or the body itself when it is a list. */
export function itemsOf(body: unknown, output: string | undefined): unknown[] | undefined {
  const value = output === undefined ? body : readPath(body, output)
  return Array.isArray(value) ? value : undefined
}

/** The first page: the offset or page number and the page size set. */
export function firstPage(pagination: Pagination | undefined, request: PageRequest): PageRequest {
  if (pagination === undefined) return request
  const query: Record<string, string | readonly string[]> = { ...request.query }
  if (pagination.limitParam !== undefined && pagination.limit !== undefined)
    query[pagination.limitParam] = String(pagination.limit)
  if (pagination.param !== undefined && pagination.style === 'offset') query[pagination.param] ??= '0'
  if (pagination.param !== undefined && pagination.style === 'page')
    query[pagination.param] ??= String(pagination.firstPage ?? 1)
  return { ...request, query }
}

/**
 * The `rel="next"` target of a `Link` header (RFC 8288), or `undefined`.
 * @see https://www.rfc-editor.org/rfc/rfc8288#section-3
 */
export function nextLink(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]*)*)/g)) {
    const params = match[2] ?? ''
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(params)
    const relations = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/)
    if (relations.includes('next')) return match[1]
  }
  return undefined
}

/**
 * A next link as a request below the base URL; `undefined` when it leaves the API (another
 * origin, or above the base path): pages never take the credential elsewhere.
 */
export function linkRequest(link: string, current: URL, baseUrl: string): PageRequest | undefined {
  let next: URL
  try {
    next = new URL(link, current)
  } catch {
    return undefined
  }
  const base = new URL(baseUrl)
  const basePath = base.pathname.replace(/\/+$/, '')
  if (next.origin !== base.origin) return undefined
  if (!(next.pathname === basePath || next.pathname.startsWith(`${basePath}/`))) return undefined
  const query: Record<string, string[]> = {}
  for (const [name, value] of next.searchParams) (query[name] ??= []).push(value)
  return { path: next.pathname.slice(basePath.length) || '/', query }
}

const readsFalse = (value: unknown): boolean => value === false || value === 'false' || value === 0

function cursorOf(pagination: Pagination, answer: PageAnswer): string | undefined {
  let cursor: unknown
  if (pagination.cursorHeader !== undefined) cursor = answer.headers[pagination.cursorHeader.toLowerCase()]
  else if (pagination.cursorPath !== undefined) cursor = readPath(answer.body, pagination.cursorPath)
  else if (pagination.cursorFromLastItem !== undefined) {
    const last = answer.items?.at(-1)
    cursor = last === undefined ? undefined : readPath(last, pagination.cursorFromLastItem)
  }
  if (typeof cursor === 'number') return String(cursor)
  return typeof cursor === 'string' && cursor !== '' ? cursor : undefined
}

/**
 * The request for the page after `current`, or `undefined` when this was the last one.
 * @param url the URL `current` was sent to (relative links resolve against it)
 */
export function nextPage(
  pagination: Pagination,
  current: PageRequest,
  answer: PageAnswer,
  context: { readonly url: URL; readonly baseUrl: string }
): PageRequest | undefined {
  if (pagination.hasMorePath !== undefined && readsFalse(readPath(answer.body, pagination.hasMorePath)))
    return undefined
  const param = pagination.param ?? ''
  switch (pagination.style) {
    case 'link': {
      const inBody = pagination.linkPath === undefined ? undefined : readPath(answer.body, pagination.linkPath)
      const link =
        pagination.linkPath === undefined
          ? nextLink(answer.headers.link)
          : typeof inBody === 'string' && inBody !== ''
            ? inBody
            : undefined
      return link === undefined ? undefined : linkRequest(link, context.url, context.baseUrl)
    }
    case 'cursor': {
      const cursor = cursorOf(pagination, answer)
      if (cursor === undefined) return undefined
      if (pagination.cursorIn === 'body') {
        const body = current.body !== null && typeof current.body === 'object' ? current.body : {}
        return { ...current, body: { ...body, [param]: cursor } }
      }
      return { ...current, query: { ...current.query, [param]: cursor } }
    }
    case 'offset':
    case 'page': {
      const count = answer.items?.length ?? 0
      if (count === 0 || (pagination.limit !== undefined && count < pagination.limit)) return undefined
      const now = Number(current.query[param] ?? (pagination.style === 'offset' ? 0 : (pagination.firstPage ?? 1)))
      const next = pagination.style === 'offset' ? now + count : now + 1
      return { ...current, query: { ...current.query, [param]: String(next) } }
    }
  }
}
