import t from 'tap'
import { checkHeaders, flatHeaders, injectionFor } from '../../src/index.js'

t.test("callers' headers: every problem by path", async (t) => {
  t.same(checkHeaders({ accept: 'application/json', 'X-Trace': 'a' }, 'authorization'), [])
  t.same(
    checkHeaders(
      {
        'bad name': 'x',
        'x-split': 'a\r\nInjected: 1',
        'x-nul': `a${String.fromCharCode(0)}b`,
        Host: 'evil.example',
        'Transfer-Encoding': 'chunked',
        Authorization: 'Bearer mine'
      },
      'authorization'
    ),
    [
      { path: 'body.headers.bad name', message: 'is not a valid header name' },
      { path: 'body.headers.x-split', message: 'must not contain line breaks' },
      { path: 'body.headers.x-nul', message: 'must not contain line breaks' },
      { path: 'body.headers.Host', message: 'is a hop-by-hop or Host header, which callers cannot set' },
      { path: 'body.headers.Transfer-Encoding', message: 'is a hop-by-hop or Host header, which callers cannot set' },
      { path: 'body.headers.Authorization', message: 'is where Latchkey puts the token; callers cannot set it' }
    ]
  )
  t.same(checkHeaders({ Authorization: 'Basic x' }, undefined), [], 'a token in the query leaves Authorization free')
})

t.test("an upstream's headers: flat, lower case, without hop-by-hop ones", async (t) => {
  t.same(flatHeaders({ 'Content-Type': 'a', 'set-cookie': ['x=1', 'y=2'], connection: 'close', gone: undefined }), {
    'content-type': 'a',
    'set-cookie': 'x=1, y=2'
  })
})

t.test('where each scheme puts the credential', async (t) => {
  const http = { baseUrl: 'https://api.example' }
  const oauth = injectionFor({ kind: 'oauth2' } as Parameters<typeof injectionFor>[0], http)
  t.match(oauth, { in: 'header', name: 'Authorization' })
  t.equal(oauth.value('tok'), 'Bearer tok')
  const basic = injectionFor({ kind: 'basic' } as Parameters<typeof injectionFor>[0], http)
  t.equal(basic.value('dXNlcjpwdw=='), 'Basic dXNlcjpwdw==')
  const key = injectionFor(
    { kind: 'apiKey', in: 'query', name: 'api_key', template: 'k={{apiKey}}' } as Parameters<typeof injectionFor>[0],
    http
  )
  t.match(key, { in: 'query', name: 'api_key' })
  t.equal(key.value('s3cret'), 'k=s3cret')
  const placed = injectionFor({ kind: 'oauth2' } as Parameters<typeof injectionFor>[0], {
    ...http,
    tokenPlacement: { in: 'query', name: 'access_token', prefix: '' }
  })
  t.match(placed, { in: 'query', name: 'access_token' })
  t.equal(placed.value('tok'), 'tok')
})
