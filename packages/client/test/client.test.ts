import t from 'tap'
import { Webhook } from 'standardwebhooks'
import { startSystem } from '@latchkey/test-system'
import { startWebhookReceiver } from '@latchkey/testkit'
import { createLatchkeyClient } from '../src/index.js'
import type { Connection } from '../src/index.js'

t.test('a builder backend works the API through the typed client', async (t) => {
  const system = await startSystem(t)
  const latchkey = createLatchkeyClient({ baseUrl: `${system.url}/`, apiKey: system.tenant.apiKey })

  const connector = await latchkey.POST('/v1/connectors', {
    body: {
      key: 'acme-crm',
      name: 'Acme CRM',
      version: '1.0.0',
      auth: {
        kind: 'apiKey',
        label: 'API key',
        send: [{ in: 'header', name: 'x-api-key', value: '{{credentials.apiKey}}' }]
      },
      http: { baseUrl: 'https://api.acme-crm.example.com' }
    }
  })
  t.equal(connector.response.status, 201, JSON.stringify(connector.error))

  const created: Connection[] = []
  for (const customer of ['c-1', 'c-2', 'c-3']) {
    const { data, error, response } = await latchkey.POST('/v1/connections', {
      body: { connector: 'acme-crm', externalId: customer, credentials: { apiKey: `key-${customer}` } }
    })
    t.equal(response.status, 201, JSON.stringify(error))
    if (data !== undefined) created.push(data)
  }
  t.same(
    created.map((c) => c.status),
    ['connected', 'connected', 'connected']
  )

  const first = await latchkey.GET('/v1/connections', { params: { query: { limit: 2 } } })
  t.equal(first.data?.connections.length, 2)
  const cursor = first.data?.nextCursor
  t.type(cursor, 'string')
  const second = await latchkey.GET('/v1/connections', { params: { query: { limit: 2, cursor: cursor ?? undefined } } })
  t.equal(second.data?.connections.length, 1)
  t.equal(second.data?.nextCursor, null)

  const one = await latchkey.GET('/v1/connections/{id}', { params: { path: { id: created[0]?.id ?? '' } } })
  t.equal(one.data?.externalId, 'c-1')
  const missing = await latchkey.GET('/v1/connections/{id}', {
    params: { path: { id: '00000000-0000-4000-8000-000000000000' } }
  })
  t.equal(missing.response.status, 404)
  t.equal(missing.error?.error.code, 'not_found', 'errors come typed')

  const hooks = await startWebhookReceiver()
  t.teardown(() => hooks.close())
  const endpoint = await latchkey.POST('/v1/webhook-endpoints', { body: { url: hooks.url } })
  const secret = endpoint.data?.secret ?? ''
  const test = await latchkey.POST('/v1/webhook-endpoints/{id}/test', {
    params: { path: { id: endpoint.data?.id ?? '' } }
  })
  t.equal(test.response.status, 202)
  const [request] = await hooks.waitFor(1)
  t.match(new Webhook(secret).verify(request?.body ?? '', request?.headers ?? {}), { type: 'webhook.test' })

  const keys = await latchkey.GET('/v1/api-keys')
  t.equal(keys.data?.apiKeys.length, 1)
  const unauthenticated = createLatchkeyClient({ baseUrl: system.url, apiKey: 'lk_not-a-key' })
  t.equal((await unauthenticated.GET('/v1/connections', { params: { query: {} } })).response.status, 401)
})
