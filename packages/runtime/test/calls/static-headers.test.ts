import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import { startRuntime } from '../helpers.js'

t.test("an API key in its own header, beside the connector's own Authorization header", async (t) => {
  const seen: IncomingHttpHeaders[] = []
  const server = createServer((request, response) => {
    seen.push(request.headers)
    request.resume()
    response.setHeader('content-type', 'application/json')
    response.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  const { runtime, tenantId } = await startRuntime(t, {
    connectors: [
      defineConnector({
        key: 'partnered',
        name: 'Partnered',
        version: '1.0.0',
        auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' },
        http: {
          baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
          headers: { Authorization: 'Partner acme-partner' }
        }
      })
    ]
  })
  const connection = await runtime.connections.create(tenantId, {
    connector: 'partnered',
    credentials: { apiKey: 'k-1' }
  })
  const answer = await runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/things' })
  answer.body.resume()
  t.equal(answer.status, 200)
  t.match(seen[0], { authorization: 'Partner acme-partner', 'x-api-key': 'k-1' })
  await t.rejects(
    runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/things', headers: { 'X-Api-Key': 'mine' } }),
    {
      code: 'invalid_request',
      details: [{ path: 'body.headers.X-Api-Key', message: /where Latchkey puts the credential/ }]
    },
    'callers still cannot set the credential header'
  )
})
