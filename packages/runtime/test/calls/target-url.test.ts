import t from 'tap'
import { targetUrl } from '../../src/index.js'

const BOX = 'https://api.box.com/2.0'

t.test('target URLs stay on the connector API', async (t) => {
  t.equal(
    String(targetUrl('https://api.box.com/2.0', '/folders/0?fields=a', { limit: '5' })),
    'https://api.box.com/2.0/folders/0?fields=a&limit=5'
  )
  t.match(targetUrl('https://api.box.com/2.0', '/../oauth2/token', undefined), { path: 'body.url', message: /\.\./ })
  t.match(targetUrl('https://api.box.com/2.0', '/%2E%2E/x', undefined), { message: /\.\./ })
  t.match(targetUrl('https://api.box.com/2.0', '//evil.example/x', undefined), { message: /relative URL/ })
  t.match(targetUrl('https://api.box.com/2.0', 'x', undefined), { message: /relative URL/ })
  t.match(targetUrl('https://api.box.com/2.0', '/a\tb', undefined), { message: /control characters/ })
  t.match(
    targetUrl('https://api.box.com/2.0', '/%zz', undefined),
    { message: /\.\./ },
    'undecodable escapes are refused'
  )
  t.equal(String(targetUrl('https://api.github.com', '/repos/a/b', undefined)), 'https://api.github.com/repos/a/b')
})

t.test('percent-encoded backslashes and control characters are refused like raw ones', async (t) => {
  for (const path of [
    '/a%5cb',
    '/a%5Cb',
    '/a%0d%0aX-Injected:1',
    '/a%0D%0AX-Injected:1',
    '/a%0ab',
    '/a%00',
    '/a%7f',
    '/a%7Fb',
    '/a%09b',
    '/a%1fb',
    '/a%5c..%5c..%5cx'
  ]) {
    t.match(
      targetUrl(BOX, path, undefined),
      { path: 'body.url', message: /backslashes or control characters, percent-encoded or not/ },
      path
    )
  }
})

t.test('double-encoded backslashes, control characters and dot segments are refused, at any depth', async (t) => {
  for (const path of ['/a%255cb', '/a%255Cb', '/a%250d%250aX-Injected:1', '/a%2500', '/a%25255cb', '/a%2525250a']) {
    t.match(
      targetUrl(BOX, path, undefined),
      { message: /backslashes or control characters, percent-encoded or not/ },
      path
    )
  }
  for (const path of ['/%252e%252e/oauth2/token', '/x/%25252E%25252E/%25252E%25252E/y']) {
    t.match(targetUrl(BOX, path, undefined), { message: /\.\./ }, path)
  }
})

t.test('other escapes are kept as they are', async (t) => {
  t.equal(String(targetUrl(BOX, '/files/100%25', undefined)), `${BOX}/files/100%25`, 'a literal percent sign')
  t.equal(String(targetUrl(BOX, '/files/a%20b%2Fc', undefined)), `${BOX}/files/a%20b%2Fc`)
  t.equal(String(targetUrl(BOX, '/files/%C3%A9t%C3%A9', undefined)), `${BOX}/files/%C3%A9t%C3%A9`)
  t.equal(
    String(targetUrl(BOX, '/search', { q: 'line one\nline two' })),
    `${BOX}/search?q=line+one%0Aline+two`,
    'query values may hold any text: they are encoded'
  )
})
