import t from 'tap'
import { firstPage, itemsOf, linkRequest, nextLink, nextPage } from '../../src/index.js'

const base = 'https://api.forge.example/v2'
const context = { url: new URL(`${base}/issues`), baseUrl: base }
const answer = (body: unknown, headers: Record<string, string> = {}, items?: unknown[]) => ({
  headers,
  body,
  items: items ?? itemsOf(body, Array.isArray(body) ? undefined : 'entries')
})

t.test('items are the list at the output path, or the body when it is a list', async (t) => {
  t.same(itemsOf({ entries: [1, 2] }, 'entries'), [1, 2])
  t.same(itemsOf({ data: { items: ['a'] } }, 'data.items'), ['a'])
  t.same(itemsOf([3], undefined), [3])
  t.equal(itemsOf({ entries: 'no' }, 'entries'), undefined)
})

t.test('the first page carries the page size and the start', async (t) => {
  const request = { path: '/items', query: { q: 'x' } }
  t.same(firstPage(undefined, request), request)
  t.same(firstPage({ style: 'offset', param: 'offset', limitParam: 'limit', limit: 50 }, request).query, {
    q: 'x',
    limit: '50',
    offset: '0'
  })
  t.same(firstPage({ style: 'page', param: 'page', firstPage: 0 }, request).query, { q: 'x', page: '0' })
  t.same(firstPage({ style: 'page', param: 'page' }, { path: '/i', query: { page: '3' } }).query, { page: '3' })
  t.same(firstPage({ style: 'cursor', param: 'marker', cursorPath: 'next' }, request).query, { q: 'x' })
})

t.test('Link headers: rel="next" among others, quoted or not, several relations', async (t) => {
  t.equal(
    nextLink(
      '<https://api.forge.example/v2/issues?page=1>; rel="prev", <https://api.forge.example/v2/issues?page=3>; rel="next"'
    ),
    'https://api.forge.example/v2/issues?page=3'
  )
  t.equal(nextLink('</v2/issues?page=2>; rel=next'), '/v2/issues?page=2')
  t.equal(nextLink('<https://x.example/a>; title="next page"; rel="last next"'), 'https://x.example/a')
  t.equal(nextLink('<https://x.example/a>; rel="last"'), undefined)
  t.equal(nextLink(undefined), undefined)
})

t.test('a next link is followed only on the API: same origin, below the base path', async (t) => {
  t.same(linkRequest('https://api.forge.example/v2/issues?page=2&per_page=10', context.url, base), {
    path: '/issues',
    query: { page: ['2'], per_page: ['10'] }
  })
  t.same(linkRequest('issues?page=3', context.url, base), { path: '/issues', query: { page: ['3'] } })
  t.equal(linkRequest('https://evil.example/v2/issues?page=2', context.url, base), undefined, 'another origin')
  t.equal(linkRequest('https://api.forge.example/v1/issues', context.url, base), undefined, 'above the base path')
  t.equal(linkRequest('http://[bad', context.url, base), undefined, 'not a URL')
})

t.test('cursor pages: from the body, a header or the last item; in the query or the body', async (t) => {
  const current = { path: '/items', query: { limit: '2' } }
  t.same(
    nextPage(
      { style: 'cursor', param: 'marker', cursorPath: 'next_marker' },
      current,
      answer({ next_marker: 'm2', entries: [1] }),
      context
    ),
    {
      path: '/items',
      query: { limit: '2', marker: 'm2' }
    }
  )
  t.equal(
    nextPage(
      { style: 'cursor', param: 'marker', cursorPath: 'next_marker' },
      current,
      answer({ next_marker: '', entries: [1] }),
      context
    ),
    undefined,
    'an empty cursor ends'
  )
  t.equal(
    nextPage(
      { style: 'cursor', param: 'marker', cursorPath: 'next_marker' },
      current,
      answer({ entries: [1] }),
      context
    ),
    undefined
  )
  t.same(
    nextPage(
      { style: 'cursor', param: 'after', cursorHeader: 'X-Next-Cursor' },
      current,
      answer([1], { 'x-next-cursor': 'h2' }),
      context
    )?.query,
    { limit: '2', after: 'h2' }
  )
  const stripe = {
    style: 'cursor' as const,
    param: 'starting_after',
    cursorFromLastItem: 'id',
    hasMorePath: 'has_more'
  }
  t.same(
    nextPage(
      stripe,
      current,
      answer({ data: [{ id: 'a' }, { id: 'b' }], has_more: true }, {}, [{ id: 'a' }, { id: 'b' }]),
      context
    )?.query,
    {
      limit: '2',
      starting_after: 'b'
    }
  )
  t.equal(
    nextPage(stripe, current, answer({ data: [{ id: 'a' }], has_more: false }, {}, [{ id: 'a' }]), context),
    undefined,
    'has_more false ends'
  )
  t.equal(
    nextPage(stripe, current, answer({ data: [], has_more: true }, {}, []), context),
    undefined,
    'no last item ends'
  )
  const notion = {
    style: 'cursor' as const,
    param: 'start_cursor',
    cursorPath: 'next_cursor',
    cursorIn: 'body' as const
  }
  t.same(
    nextPage(
      notion,
      { path: '/search', query: {}, body: { query: 'x' } },
      answer({ next_cursor: 7, results: [] }),
      context
    ),
    {
      path: '/search',
      query: {},
      body: { query: 'x', start_cursor: '7' }
    }
  )
})

t.test('offset and page numbers grow until a short or empty page', async (t) => {
  const offset = { style: 'offset' as const, param: 'offset', limitParam: 'limit', limit: 2 }
  t.same(
    nextPage(offset, { path: '/i', query: { offset: '0', limit: '2' } }, answer({ entries: [1, 2] }), context)?.query,
    {
      offset: '2',
      limit: '2'
    }
  )
  t.equal(
    nextPage(offset, { path: '/i', query: { offset: '2' } }, answer({ entries: [3] }), context),
    undefined,
    'short page'
  )
  const page = { style: 'page' as const, param: 'page' }
  t.same(nextPage(page, { path: '/i', query: {} }, answer({ entries: [1] }), context)?.query, { page: '2' })
  t.same(nextPage({ ...page, firstPage: 0 }, { path: '/i', query: {} }, answer({ entries: [1] }), context)?.query, {
    page: '1'
  })
  t.equal(
    nextPage(page, { path: '/i', query: { page: '4' } }, answer({ entries: [] }), context),
    undefined,
    'empty page'
  )
  t.equal(
    nextPage(
      { ...page, hasMorePath: 'more' },
      { path: '/i', query: {} },
      answer({ entries: [1], more: 'false' }),
      context
    ),
    undefined
  )
})

t.test('link pages follow the header', async (t) => {
  const link = { style: 'link' as const }
  t.same(
    nextPage(
      link,
      { path: '/issues', query: {} },
      answer([1], { link: '<https://api.forge.example/v2/issues?page=2>; rel="next"' }),
      context
    ),
    {
      path: '/issues',
      query: { page: ['2'] }
    }
  )
  t.equal(nextPage(link, { path: '/issues', query: {} }, answer([1]), context), undefined)
})

t.test('a next link read from the body (Microsoft Graph), kept on the API like a Link header', async (t) => {
  const graph = { style: 'link', linkPath: '@odata.nextLink' } as const
  const current = { path: '/me/messages', query: { $top: '10' } }
  t.same(
    nextPage(
      graph,
      current,
      answer({ value: [1], '@odata.nextLink': 'https://api.forge.example/v2/me/messages?$skip=10' }),
      context
    ),
    { path: '/me/messages', query: { $skip: ['10'] } }
  )
  t.equal(nextPage(graph, current, answer({ value: [1] }), context), undefined, 'none on the last page')
  t.equal(
    nextPage(graph, current, answer({ '@odata.nextLink': 'https://evil.example/v2/me/messages' }), context),
    undefined,
    'never off the API'
  )
})
