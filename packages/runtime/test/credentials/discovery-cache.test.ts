import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { DiscoveryCache } from '../../src/index.js'

t.test(
  'metadata is fetched once an hour per issuer, shared by concurrent callers; failures are not kept',
  async (t) => {
    let requests = 0
    let failing = true
    let methods = ['S256']
    const server = createServer((request, response) => {
      requests += 1
      if (failing) {
        response.writeHead(500).end('down')
        return
      }
      response.setHeader('content-type', 'application/json')
      response.end(
        JSON.stringify({
          issuer,
          authorization_endpoint: `${issuer}/authorize`,
          token_endpoint: `${issuer}/token`,
          code_challenge_methods_supported: methods
        })
      )
      void request
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    let clock = Date.now()
    const cache = new DiscoveryCache(undefined, () => clock)

    await t.rejects(cache.metadata(issuer), { name: 'OAuthError' })
    const afterFailure = requests
    t.ok(afterFailure >= 1)
    failing = false
    const [a, b] = await Promise.all([cache.metadata(issuer), cache.metadata(issuer)])
    t.equal(requests, afterFailure + 1, 'tried again after the failure, once for both callers')
    t.match(a, { tokenUrl: `${issuer}/token`, codeChallengeMethodsSupported: ['S256'] })
    t.equal(a, b)

    methods = ['plain']
    clock += 59 * 60 * 1000
    t.same((await cache.metadata(issuer)).codeChallengeMethodsSupported, ['S256'], 'from the cache within the hour')
    t.equal(requests, afterFailure + 1)
    clock += 2 * 60 * 1000
    t.same((await cache.metadata(issuer)).codeChallengeMethodsSupported, ['plain'], 'read again after it')
    t.equal(requests, afterFailure + 2)
  }
)
