import { createServer } from 'node:http'
import t from 'tap'
import { request } from 'undici'
import { createEgressDispatcher, isDeniedHost, isPrivateAddress, targetUrl } from '../src/index.js'

t.test('private, loopback, link-local and reserved addresses are recognised', async (t) => {
  for (const address of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '0.0.0.0', '100.64.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:169.254.169.254', '[::1]']) {
    t.ok(isPrivateAddress(address), address)
  }
  for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', 'example.com']) {
    t.notOk(isPrivateAddress(address), address)
  }
  t.ok(isDeniedHost('localhost'))
  t.ok(isDeniedHost('api.localhost'))
  t.ok(isDeniedHost('LOCALHOST.'))
  t.notOk(isDeniedHost('api.box.com'))
})

t.test('the dispatcher refuses private targets by default, allows them when told', async (t) => {
  const server = createServer((_req, res) => res.end('reached')).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  t.teardown(() => server.close())
  const { port } = server.address() as { port: number }
  const strict = createEgressDispatcher()
  for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`]) {
    const error = await request(url, { dispatcher: strict }).catch((e: unknown) => e)
    t.match(error, { code: 'ERR_EGRESS_DENIED' }, url)
  }
  const metadata = await request('http://169.254.169.254/latest/meta-data/', { dispatcher: strict }).catch((e: unknown) => e)
  t.match(metadata, { code: 'ERR_EGRESS_DENIED' }, 'cloud metadata')
  const relaxed = createEgressDispatcher({ allowPrivateNetwork: true })
  const response = await request(`http://127.0.0.1:${port}/`, { dispatcher: relaxed })
  t.equal(await response.body.text(), 'reached')
})

t.test('target URLs stay on the connector API', async (t) => {
  t.equal(String(targetUrl('https://api.box.com/2.0', '/folders/0?fields=a', { limit: '5' })), 'https://api.box.com/2.0/folders/0?fields=a&limit=5')
  t.match(targetUrl('https://api.box.com/2.0', '/../oauth2/token', undefined), { path: 'body.url', message: /\.\./ })
  t.match(targetUrl('https://api.box.com/2.0', '/%2E%2E/x', undefined), { message: /\.\./ })
  t.match(targetUrl('https://api.box.com/2.0', '//evil.example/x', undefined), { message: /relative URL/ })
  t.match(targetUrl('https://api.box.com/2.0', 'x', undefined), { message: /relative URL/ })
  t.match(targetUrl('https://api.box.com/2.0', '/a\tb', undefined), { message: /control characters/ })
  t.match(targetUrl('https://api.box.com/2.0', '/%zz', undefined), { message: /\.\./ }, 'undecodable escapes are refused')
  t.equal(String(targetUrl('https://api.github.com', '/repos/a/b', undefined)), 'https://api.github.com/repos/a/b')
})
