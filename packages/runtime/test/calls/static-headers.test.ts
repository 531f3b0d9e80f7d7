import { createServer } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import { startRuntime } from '../helpers.js'

/** A local API answering `{}`, recording each request's URL and headers. */
async function recordingApi(t: Test): Promise<{ url: string; seen: { url: string; headers: IncomingHttpHeaders }[] }> {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = []
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers })
    request.resume()
    response.setHeader('content-type', 'application/json')
    response.end('{}')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

t.test("an API key in its own header, beside the connector's own Authorization header", async (t) => {
  const api = await recordingApi(t)
  const { runtime, tenantId } = await startRuntime(t, {
    connectors: [
      defineConnector({
        key: 'partnered',
        name: 'Partnered',
        version: '1.0.0',
        auth: { kind: 'apiKey', in: 'header', name: 'X-Api-Key' },
        http: {
          baseUrl: api.url,
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
  t.match(api.seen[0]?.headers, { authorization: 'Partner acme-partner', 'x-api-key': 'k-1' })
  await t.rejects(
    runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/things', headers: { 'X-Api-Key': 'mine' } }),
    {
      code: 'invalid_request',
      details: [{ path: 'body.headers.X-Api-Key', message: /where Latchkey puts the credential/ }]
    },
    'callers still cannot set the credential header'
  )
})

t.test(
  'http.headers and http.query: sent on every call, left out when their optional parameter is empty',
  async (t) => {
    const api = await recordingApi(t)
    const { runtime, tenantId } = await startRuntime(t, {
      connectors: [
        defineConnector({
          key: 'versioned',
          name: 'Versioned',
          version: '1.0.0',
          // OpenAI's optional organization header; an Azure-style api-version on every call.
          parameters: [{ key: 'organization', label: 'Organization', required: false }],
          auth: { kind: 'apiKey' },
          http: {
            baseUrl: `${api.url}/v1`,
            headers: {
              'OpenAI-Organization': '{{parameters.organization}}',
              'X-Key-Hash': '{{base64(credentials.apiKey)}}'
            },
            query: { 'api-version': '2024-10-21', org: '{{parameters.organization}}' }
          }
        })
      ]
    })
    const call = async (parameters: Record<string, string>, query?: Record<string, string>) => {
      const connection = await runtime.connections.create(tenantId, {
        connector: 'versioned',
        parameters,
        credentials: { apiKey: 'sk-1' }
      })
      const answer = await runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/models', query })
      answer.body.resume()
      return api.seen.at(-1)
    }
    const withOrg = await call({ organization: 'org-7' })
    t.equal(withOrg?.url, '/v1/models?api-version=2024-10-21&org=org-7')
    t.equal(withOrg?.headers['openai-organization'], 'org-7')
    t.equal(withOrg?.headers['x-key-hash'], Buffer.from('sk-1').toString('base64'), 'credentials usable in headers')
    const without = await call({})
    t.equal(without?.url, '/v1/models?api-version=2024-10-21', 'the empty optional parameter leaves its param out')
    t.equal(without?.headers['openai-organization'], undefined, 'and its header')
    const own = await call({}, { 'api-version': '2025-01-01' })
    t.equal(own?.url, '/v1/models?api-version=2025-01-01', "a caller's own param of the same name wins")
  }
)
