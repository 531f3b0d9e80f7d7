import t from 'tap'
import { checkHeaders, flatHeaders } from '../../src/index.js'

t.test("callers' headers: every problem by path", async (t) => {
  t.same(checkHeaders({ accept: 'application/json', 'X-Trace': 'a' }, new Set(['authorization'])), [])
  t.same(
    checkHeaders(
      {
        'bad name': 'x',
        'x-split': 'a\r\nInjected: 1',
        'x-nul': `a${String.fromCharCode(0)}b`,
        Host: 'evil.example',
        'Transfer-Encoding': 'chunked',
        Authorization: 'Bearer mine',
        'DD-Application-Key': 'mine'
      },
      new Set(['authorization', 'dd-application-key'])
    ),
    [
      { path: 'body.headers.bad name', message: 'is not a valid header name' },
      { path: 'body.headers.x-split', message: 'must not contain line breaks' },
      { path: 'body.headers.x-nul', message: 'must not contain line breaks' },
      { path: 'body.headers.Host', message: 'is a hop-by-hop or Host header, which callers cannot set' },
      { path: 'body.headers.Transfer-Encoding', message: 'is a hop-by-hop or Host header, which callers cannot set' },
      { path: 'body.headers.Authorization', message: 'is where Latchkey puts the credential; callers cannot set it' },
      {
        path: 'body.headers.DD-Application-Key',
        message: 'is where Latchkey puts the credential; callers cannot set it'
      }
    ]
  )
  t.same(checkHeaders({ Authorization: 'Basic x' }, new Set()), [], 'a token in the query leaves Authorization free')
})

t.test(
  'header values a header cannot carry are refused by path, never sent (found by the property test)',
  async (t) => {
    t.same(checkHeaders({ 'x-latin': 'café\tü', 'x-ascii': 'a b ~' }, new Set()), [], 'tab, ASCII and Latin-1 pass')
    t.match(checkHeaders({ 'x-custom': 'ᠡ𓏙ä', 'x-bell': `a${String.fromCharCode(7)}` }, new Set()), [
      { path: 'body.headers.x-custom', message: /cannot carry/ },
      { path: 'body.headers.x-bell', message: /cannot carry/ }
    ])
  }
)

t.test("an upstream's headers: flat, lower case, without hop-by-hop ones", async (t) => {
  t.same(flatHeaders({ 'Content-Type': 'a', 'set-cookie': ['x=1', 'y=2'], connection: 'close', gone: undefined }), {
    'content-type': 'a',
    'set-cookie': 'x=1, y=2'
  })
})
