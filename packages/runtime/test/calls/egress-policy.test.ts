import { createServer } from 'node:http'
import t from 'tap'
import { request } from 'undici'
import { createEgressDispatcher, isDeniedHost, isPrivateAddress } from '../../src/index.js'

t.test('private, loopback, link-local and reserved addresses are recognised', async (t) => {
  for (const address of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '0.0.0.0',
    '100.64.0.1',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:169.254.169.254',
    '[::1]'
  ]) {
    t.ok(isPrivateAddress(address), address)
  }
  for (const address of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', 'example.com']) {
    t.notOk(isPrivateAddress(address), address)
  }
  t.ok(isDeniedHost('localhost'))
  t.ok(isDeniedHost('[::ffff:7f00:1]'))
  t.ok(isDeniedHost('192.0.2.1'))
  t.ok(isDeniedHost('api.localhost'))
  t.ok(isDeniedHost('LOCALHOST.'))
  t.notOk(isDeniedHost('api.box.com'))
})

/** Internal addresses in their IPv4-compatible and IPv4-mapped IPv6 forms, and every range that is not public unicast. */
const NOT_PUBLIC = [
  // IPv4-compatible (::/96) and IPv4-mapped (::ffff:0:0/96) forms of loopback and cloud metadata
  '::7f00:1',
  '::127.0.0.1',
  '::ffff:127.0.0.1',
  '::ffff:7f00:1',
  '::ffff:169.254.169.254',
  '::ffff:a9fe:a9fe',
  '::a9fe:a9fe',
  '::ffff:10.0.0.1',
  '::ffff:0:7f00:1',
  // documentation and benchmarking
  '192.0.2.1',
  '198.51.100.7',
  '203.0.113.9',
  '198.18.0.1',
  '198.19.255.254',
  '2001:db8::1',
  '2001:2::1',
  // other non-public IPv4: CGNAT, "this network", reserved, broadcast, multicast, IETF protocol assignments, the 6to4 relay
  '100.64.0.1',
  '100.127.255.254',
  '0.1.2.3',
  '240.0.0.1',
  '255.255.255.255',
  '224.0.0.1',
  '192.0.0.8',
  '192.88.99.1',
  // IPv6 embedding an internal IPv4 address: 6to4, Teredo, NAT64
  '2002:7f00:1::1',
  '2002:a9fe:a9fe::1',
  '2001:0:4136:e378:8000:63bf:80ff:fffe',
  '64:ff9b::7f00:1',
  '64:ff9b::169.254.169.254',
  '64:ff9b:1::a9fe:a9fe',
  // other non-public IPv6: unique-local, site-local, discard, multicast, link-local with a zone
  'fc00::1',
  'fd12:3456::1',
  'fec0::1',
  '100::1',
  'ff02::1',
  'fe80::1%eth0'
]

t.test(
  'IPv4-compatible and IPv4-mapped forms, documentation, benchmarking and other non-public ranges are denied',
  async (t) => {
    for (const address of NOT_PUBLIC) {
      t.ok(isPrivateAddress(address), address)
      t.ok(isPrivateAddress(`[${address}]`), `[${address}]`)
      t.ok(isDeniedHost(address.includes(':') ? `[${address}]` : address), `host ${address}`)
    }
    for (const address of [
      '8.8.8.8',
      '::ffff:808:808',
      '::808:808',
      '2a00:1450:4001:82a::200e',
      '100.128.0.1',
      '198.20.0.1',
      '192.0.3.1'
    ]) {
      t.notOk(isPrivateAddress(address), `${address} is public`)
    }
  }
)

t.test('the dispatcher refuses every non-public literal before connecting', async (t) => {
  const strict = createEgressDispatcher({ connectTimeoutMs: 1_000 })
  t.teardown(() => strict.close())
  // The zone id cannot be written in a URL host.
  for (const address of NOT_PUBLIC.filter((a) => !a.includes('%'))) {
    const url = address.includes(':') ? `http://[${address}]:8080/` : `http://${address}:8080/`
    const error = await request(url, { dispatcher: strict }).catch((e: unknown) => e)
    t.match(error, { code: 'ERR_EGRESS_DENIED' }, url)
  }
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
  const metadata = await request('http://169.254.169.254/latest/meta-data/', { dispatcher: strict }).catch(
    (e: unknown) => e
  )
  t.match(metadata, { code: 'ERR_EGRESS_DENIED' }, 'cloud metadata')
  const relaxed = createEgressDispatcher({ allowPrivateNetwork: true })
  const response = await request(`http://127.0.0.1:${port}/`, { dispatcher: relaxed })
  t.equal(await response.body.text(), 'reached')
})
