import t from 'tap'
import { pageOf } from '../src/index.js'

const items = Array.from({ length: 5 }, (_, i) => ({ id: `i${i + 1}` }))
const at = (query: string) => new URL(`http://127.0.0.1:1/api/things${query}`)

t.test('cursor in the body, a header, or the last item', async (t) => {
  const box = {
    items,
    style: 'cursor' as const,
    param: 'marker',
    limitParam: 'limit',
    itemsPath: 'entries',
    cursorPath: 'next_marker'
  }
  const first = pageOf(box, at('?limit=2'), undefined)
  t.same((first.body as { entries: unknown[] }).entries, items.slice(0, 2))
  const marker = (first.body as { next_marker: string }).next_marker
  const last = pageOf(box, at(`?limit=4&marker=${marker}`), undefined)
  t.same(last.body, { next_marker: null, entries: items.slice(2) })
  t.equal(pageOf(box, at('?marker=nonsense'), undefined).status, 400)

  const header = pageOf({ items, style: 'cursor', param: 'c', cursorHeader: 'X-Next', pageSize: 3 }, at(''), undefined)
  t.same(header.body, items.slice(0, 3))
  t.type(header.headers['x-next'], 'string')

  const stripe = {
    items,
    style: 'cursor' as const,
    param: 'starting_after',
    cursorFromLastItem: 'id',
    itemsPath: 'data',
    hasMorePath: 'has_more',
    pageSize: 2
  }
  t.same(pageOf(stripe, at('?starting_after=i4'), undefined).body, { data: [items[4]], has_more: false })
  t.same(pageOf(stripe, at('?starting_after=i9'), undefined).status, 400)

  const notion = {
    items,
    style: 'cursor' as const,
    param: 'start_cursor',
    cursorIn: 'body' as const,
    cursorPath: 'next_cursor',
    itemsPath: 'results',
    pageSize: 4
  }
  const one = pageOf(notion, at(''), { query: 'x' }).body as { next_cursor: string }
  t.same(pageOf(notion, at(''), { start_cursor: one.next_cursor }).body, { next_cursor: null, results: [items[4]] })
})

t.test('Link headers, offsets and page numbers', async (t) => {
  const github = pageOf(
    { items, style: 'link', param: 'page', limitParam: 'per_page' },
    at('?per_page=2&page=2'),
    undefined
  )
  t.same(github.body, items.slice(2, 4))
  t.match(github.headers.link, /<http:\/\/127\.0\.0\.1:1\/api\/things\?per_page=2&page=3>; rel="next"/)
  t.equal(pageOf({ items, style: 'link', param: 'page', pageSize: 5 }, at(''), undefined).headers.link, undefined)
  t.same(
    pageOf(
      { items, style: 'offset', param: 'offset', limitParam: 'limit', itemsPath: 'data.items' },
      at('?offset=3&limit=1'),
      undefined
    ).body,
    {
      data: { items: [items[3]] }
    }
  )
  t.same(pageOf({ items, style: 'page', param: 'p', firstPage: 0, pageSize: 2 }, at('?p=2'), undefined).body, [
    items[4]
  ])
  t.equal(pageOf({ items, style: 'offset', param: 'offset' }, at('?offset=-1'), undefined).status, 400)
})

t.test('the next link in the body, as Microsoft Graph sends @odata.nextLink', async (t) => {
  const graph = {
    items,
    style: 'link' as const,
    param: 'page',
    pageSize: 2,
    itemsPath: 'value',
    linkPath: '@odata.nextLink'
  }
  const first = pageOf(graph, at(''), undefined)
  t.same(first.body, { value: items.slice(0, 2), '@odata.nextLink': 'http://127.0.0.1:1/api/things?page=2' })
  t.equal(first.headers.link, undefined, 'no Link header')
  t.same(pageOf(graph, at('?page=3'), undefined).body, { value: items.slice(4) }, 'the last page has none')
})
