/**
 * A list served in pages the way real APIs page, for the quirky provider: Box's
 * `next_marker`, Slack's cursor, a cursor header, Stripe's `starting_after` the last id with
 * `has_more`, GitHub's `Link` header, `offset`/`limit`, page numbers, Notion's cursor in a
 * POSTed body.
 */
export interface PagedCollection {
  readonly items: readonly unknown[]
  readonly style: 'cursor' | 'link' | 'offset' | 'page'
  /** The query param (or body field) that carries the cursor, offset or page number. */
  readonly param?: string
  /** The page-size param; without it (or when absent from the request), `pageSize`. */
  readonly limitParam?: string
  /** @defaultValue `10` */
  readonly pageSize?: number
  /** Where the items are in the body; the body is the list when absent. */
  readonly itemsPath?: string
  /** cursor: the body field with the next cursor (dots for nesting), `null` on the last page. */
  readonly cursorPath?: string
  /** cursor: the header with the next cursor. */
  readonly cursorHeader?: string
  /** cursor: the cursor is this field of the last item of the previous page. */
  readonly cursorFromLastItem?: string
  /** cursor: read from the JSON body (a POST) rather than the query. */
  readonly cursorIn?: 'query' | 'body'
  /** page: the first page's number. @defaultValue `1` */
  readonly firstPage?: number
  /** link: the next page's URL goes in this body field instead of the `Link` header (`@odata.nextLink`). */
  readonly linkPath?: string
  /** A body field saying whether more pages follow. */
  readonly hasMorePath?: string
}

/** One page of a collection: its status, headers and body. */
export interface PagedAnswer {
  readonly status: number
  readonly headers: Record<string, string>
  readonly body: unknown
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const segments = path.split('.')
  let node = target
  for (const segment of segments.slice(0, -1)) node = (node[segment] ??= {}) as Record<string, unknown>
  node[segments.at(-1) ?? path] = value
}

const cursorFor = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const indexOfCursor = (cursor: string): number | undefined => {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  return text.startsWith('at:') ? Number(text.slice(3)) : undefined
}

/** The page a request asks for (`url` as received, `body` its JSON body if any). */
export function pageOf(collection: PagedCollection, url: URL, body: unknown): PagedAnswer {
  const size = Number(
    (collection.limitParam === undefined ? undefined : url.searchParams.get(collection.limitParam)) ??
      collection.pageSize ??
      10
  )
  const param = collection.param ?? ''
  const asked =
    collection.cursorIn === 'body'
      ? (body as Record<string, unknown> | undefined)?.[param]
      : (url.searchParams.get(param) ?? undefined)
  let start = 0
  if (collection.style === 'offset') start = Number(asked ?? 0)
  if (collection.style === 'page' || collection.style === 'link')
    start = (Number(asked ?? collection.firstPage ?? 1) - (collection.firstPage ?? 1)) * size
  if (collection.style === 'cursor' && typeof asked === 'string') {
    if (collection.cursorFromLastItem !== undefined) {
      const field = collection.cursorFromLastItem
      const at = collection.items.findIndex((item) => String((item as Record<string, unknown>)[field]) === asked)
      if (at === -1) return { status: 400, headers: {}, body: { error: 'invalid_cursor', message: 'No such object' } }
      start = at + 1
    } else {
      const at = indexOfCursor(asked)
      if (at === undefined) return { status: 400, headers: {}, body: { error: 'invalid_cursor' } }
      start = at
    }
  }
  if (!Number.isInteger(start) || start < 0 || !Number.isInteger(size) || size < 1)
    return { status: 400, headers: {}, body: { error: 'invalid_page' } }
  const items = collection.items.slice(start, start + size)
  const more = start + size < collection.items.length
  const headers: Record<string, string> = {}
  const fields: Record<string, unknown> = {}
  if (collection.style === 'cursor') {
    const next = more ? cursorFor(start + size) : null
    if (collection.cursorHeader !== undefined && next !== null) headers[collection.cursorHeader.toLowerCase()] = next
    if (collection.cursorPath !== undefined) setPath(fields, collection.cursorPath, next)
  }
  if (collection.style === 'link' && more) {
    const next = new URL(url)
    next.searchParams.set(param, String(Number(asked ?? collection.firstPage ?? 1) + 1))
    if (collection.linkPath === undefined) headers.link = `<${next.href}>; rel="next", <${url.href}>; rel="self"`
    else fields[collection.linkPath] = next.href
  }
  if (collection.hasMorePath !== undefined) setPath(fields, collection.hasMorePath, more)
  if (collection.itemsPath === undefined) return { status: 200, headers, body: items }
  setPath(fields, collection.itemsPath, items)
  return { status: 200, headers, body: fields }
}
