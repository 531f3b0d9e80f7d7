import t from 'tap'
import { connectToQuirky } from './quirky-connection.js'

// Encoded backslashes and line breaks reach upstreams that decode paths (once, or twice).
const REFUSED = [
  'a%5cb',
  'a%5Cb',
  'a%0d%0aX-Injected:1',
  'a%0D%0AX-Injected:1',
  'a%00b',
  'a%7f',
  'a%255cb',
  'a%250d%250aX-Injected:1'
]

t.test('the proxy refuses percent-encoded backslashes and control characters before the provider', async (t) => {
  const { quirky, proxy } = await connectToQuirky(t)
  const before = quirky.counters.apiCalls
  for (const path of REFUSED) {
    const answer = await proxy(path)
    t.equal(answer.statusCode, 400, path)
    t.equal(answer.json().error.code, 'invalid_request', path)
  }
  for (const path of ['a%5cb', 'a%0d%0aX-Injected:1']) {
    t.match(
      (await proxy(path)).json(),
      {
        error: { details: [{ path: 'body.url', message: /backslashes or control characters, percent-encoded or not/ }] }
      },
      `${path}: the reason is given`
    )
  }
  t.equal(quirky.counters.apiCalls, before, 'no refused path reached the provider')
  const fine = await proxy('files/100%25/a%20b')
  t.equal(fine.statusCode, 200, 'other escapes pass')
  t.match(fine.json(), { path: '/api/v2/files/100%25/a%20b' })
})

t.test('the JSON envelope refuses them too', async (t) => {
  const { quirky, http } = await connectToQuirky(t)
  const before = quirky.counters.apiCalls
  for (const path of REFUSED) {
    const answer = await http({ method: 'GET', url: `/${path}` })
    t.equal(answer.statusCode, 400, path)
    t.equal(answer.json().error.code, 'invalid_request', path)
  }
  t.equal(quirky.counters.apiCalls, before, 'no refused path reached the provider')
})
