import t from 'tap'
import { Webhook } from 'standardwebhooks'
import { startQuirkyProvider, startWebhookReceiver, testConnector } from '@latchkey/testkit'
import type { ReceivedWebhook } from '@latchkey/testkit'
import type { Harness } from './harness.js'
import { approveInBrowser, startHarness } from './harness.js'

/** The paths of a 400's details, in order. */
const pathsOf = (answer: { json(): unknown }): string[] =>
  (answer.json() as { error: { details: { path: string }[] } }).error.details.map((d) => d.path)

/** No worker in the API harness: sends every queued webhook attempt as the worker would (sent ones are skipped). */
async function deliverQueued(h: Harness): Promise<void> {
  for (const job of await h.queues.webhook.getJobs(['waiting', 'delayed']))
    await h.runtime.webhookSender.deliver(job.data)
}

t.test('webhook endpoints: created with a secret shown once, listed, edited, rotated, deleted', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const created = await h.call('POST', '/v1/webhook-endpoints', {
    apiKey: tenant.apiKey,
    body: { url: 'https://hooks.example.com/latchkey', events: ['connection.failed'], description: 'alerts' }
  })
  t.equal(created.statusCode, 201, created.body)
  t.equal(created.headers['cache-control'], 'no-store')
  const endpoint = created.json()
  t.match(endpoint, {
    url: 'https://hooks.example.com/latchkey',
    events: ['connection.failed'],
    description: 'alerts',
    enabled: true,
    disabledReason: null,
    failingSince: null,
    previousSecretExpiresAt: null
  })
  t.match(endpoint.secret, /^whsec_/)

  const listed = await h.call('GET', '/v1/webhook-endpoints', { apiKey: tenant.apiKey })
  t.equal(listed.statusCode, 200)
  t.equal(listed.json().endpoints.length, 1)
  const one = await h.call('GET', `/v1/webhook-endpoints/${endpoint.id}`, { apiKey: tenant.apiKey })
  t.equal(one.statusCode, 200)
  for (const answer of [listed, one]) t.notOk(answer.body.includes(endpoint.secret), 'the secret is never shown again')
  t.notOk('secret' in one.json())
  const stored = await h.store.db.selectFrom('webhook_endpoints').select('secret_enc').executeTakeFirstOrThrow()
  t.notOk(stored.secret_enc.includes(endpoint.secret.slice(6, 20)), 'stored encrypted')

  const patched = await h.call('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
    apiKey: tenant.apiKey,
    body: { events: null, description: null }
  })
  t.equal(patched.statusCode, 200, patched.body)
  t.match(patched.json(), { events: null, description: null, url: 'https://hooks.example.com/latchkey' })
  const off = await h.call('PATCH', `/v1/webhook-endpoints/${endpoint.id}`, {
    apiKey: tenant.apiKey,
    body: { enabled: false }
  })
  t.match(off.json(), { enabled: false, disabledReason: 'disabled through the API' })
  const test = await h.call('POST', `/v1/webhook-endpoints/${endpoint.id}/test`, { apiKey: tenant.apiKey })
  t.equal(test.statusCode, 409, 'a disabled endpoint takes no test event')
  t.match(test.json().error.message, /enable it first/)

  const rotated = await h.call('POST', `/v1/webhook-endpoints/${endpoint.id}/rotate-secret`, { apiKey: tenant.apiKey })
  t.equal(rotated.statusCode, 200, rotated.body)
  t.match(rotated.json().secret, /^whsec_/)
  t.not(rotated.json().secret, endpoint.secret)
  t.type(rotated.json().previousSecretExpiresAt, 'string')

  const deleted = await h.call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`, { apiKey: tenant.apiKey })
  t.equal(deleted.statusCode, 204)
  t.equal((await h.call('GET', `/v1/webhook-endpoints/${endpoint.id}`, { apiKey: tenant.apiKey })).statusCode, 404)
  t.equal((await h.call('DELETE', `/v1/webhook-endpoints/${endpoint.id}`, { apiKey: tenant.apiKey })).statusCode, 404)
})

t.test('bad endpoints: a 400 listing every field', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const bad = await h.call('POST', '/v1/webhook-endpoints', {
    apiKey: tenant.apiKey,
    body: {
      url: 'ftp://user:pw@hooks.example.com/x#frag',
      events: ['connection.connected', 'connection.exploded', 'connection.connected', 'webhook.test']
    }
  })
  t.equal(bad.statusCode, 400)
  t.same(
    bad.json().error.details.map((d: { path: string }) => d.path),
    ['body.url', 'body.url', 'body.url', 'body.events[1]', 'body.events[2]', 'body.events[3]']
  )
  t.match(bad.json().error.details[3].message, /not an event type; one of connection\.created/)
  const shape = await h.call('POST', '/v1/webhook-endpoints', {
    apiKey: tenant.apiKey,
    body: { events: { all: true }, secret: 'mine' }
  })
  t.equal(shape.statusCode, 400)
  t.same(
    [...new Set(shape.json().error.details.map((d: { path: string }) => d.path))].sort(),
    ['body.events', 'body.secret', 'body.url'],
    'the shape: missing url, events not a list, unknown field'
  )
  const empty = await h.call('POST', '/v1/webhook-endpoints', {
    apiKey: tenant.apiKey,
    body: { url: 'https://hooks.example.com', events: [] }
  })
  t.match(empty.json(), { error: { details: [{ path: 'body.events', message: /at least one/ }] } })
  const created = await h.call('POST', '/v1/webhook-endpoints', {
    apiKey: tenant.apiKey,
    body: { url: 'https://hooks.example.com' }
  })
  const nothing = await h.call('PATCH', `/v1/webhook-endpoints/${created.json().id}`, {
    apiKey: tenant.apiKey,
    body: {}
  })
  t.equal(nothing.statusCode, 400, 'a PATCH must change something')
  t.match(nothing.json(), { error: { details: [{ path: 'body', message: 'must have at least one field' }] } })
  const patch = await h.call('PATCH', `/v1/webhook-endpoints/${created.json().id}`, {
    apiKey: tenant.apiKey,
    body: { enabled: 'maybe', description: 'x'.repeat(501), events: ['connection.exploded'], secret: 'mine' }
  })
  t.equal(patch.statusCode, 400)
  t.same(
    [...new Set(pathsOf(patch))].sort(),
    ['body.description', 'body.enabled', 'body.secret'],
    'the shape: every bad field'
  )
  const patchEvents = await h.call('PATCH', `/v1/webhook-endpoints/${created.json().id}`, {
    apiKey: tenant.apiKey,
    body: { url: 'ftp://hooks.example.com', events: ['connection.exploded'] }
  })
  t.same(pathsOf(patchEvents), ['body.url', 'body.events[0]'], 'the checks past the shape: every bad field')
  const query = await h.call('GET', `/v1/webhook-endpoints/${created.json().id}/deliveries?limit=0&status=lost`, {
    apiKey: tenant.apiKey
  })
  t.equal(query.statusCode, 400)
  t.same([...new Set(pathsOf(query))].sort(), ['query.limit', 'query.status'], 'query fields named as the query')
  t.match(query.json(), { error: { details: [{ path: 'query.limit', message: 'must be >= 1' }] } })
  const longId = await h.call('GET', `/v1/webhook-endpoints/${'x'.repeat(65)}`, { apiKey: tenant.apiKey })
  t.equal(longId.statusCode, 400)
  t.same(pathsOf(longId), ['params.id'])
  const deliveryId = await h.call('POST', `/v1/webhook-endpoints/x/deliveries/${'y'.repeat(65)}/retry`, {
    apiKey: tenant.apiKey
  })
  t.same(pathsOf(deliveryId), ['params.deliveryId'])
  t.equal((await h.call('GET', '/v1/webhook-endpoints')).statusCode, 401, 'a tenant key is required')
})

t.test("a tenant never reaches another tenant's endpoints or deliveries", async (t) => {
  const h = await startHarness(t)
  const owner = await h.createTenant('Owner')
  const other = await h.createTenant('Other')
  const hooks = await startWebhookReceiver()
  t.teardown(() => hooks.close())
  const created = await h.call('POST', '/v1/webhook-endpoints', { apiKey: owner.apiKey, body: { url: hooks.url } })
  const id = created.json().id as string
  const test = await h.call('POST', `/v1/webhook-endpoints/${id}/test`, { apiKey: owner.apiKey })
  t.equal(test.statusCode, 202, test.body)
  const deliveryId = test.json().id as string
  const paths: [method: 'GET' | 'PATCH' | 'DELETE' | 'POST', path: string, body?: unknown][] = [
    ['GET', `/v1/webhook-endpoints/${id}`],
    ['PATCH', `/v1/webhook-endpoints/${id}`, { description: 'mine now' }],
    ['POST', `/v1/webhook-endpoints/${id}/rotate-secret`],
    ['POST', `/v1/webhook-endpoints/${id}/test`],
    ['GET', `/v1/webhook-endpoints/${id}/deliveries`],
    ['GET', `/v1/webhook-endpoints/${id}/deliveries/${deliveryId}`],
    ['POST', `/v1/webhook-endpoints/${id}/deliveries/${deliveryId}/retry`],
    ['DELETE', `/v1/webhook-endpoints/${id}`]
  ]
  for (const [method, path, body] of paths) {
    const answer = await h.call(method, path, { apiKey: other.apiKey, ...(body === undefined ? {} : { body }) })
    t.equal(answer.statusCode, 404, `${method} ${path}`)
  }
  t.same((await h.call('GET', '/v1/webhook-endpoints', { apiKey: other.apiKey })).json(), { endpoints: [] })
  const mine = await h.call('GET', `/v1/webhook-endpoints/${id}/deliveries`, { apiKey: owner.apiKey })
  t.match(mine.json().deliveries, [{ id: deliveryId, type: 'webhook.test', messageId: /^msg_/ }])
  t.equal((await h.call('GET', `/v1/webhook-endpoints/${id}`, { apiKey: owner.apiKey })).json().description, null)
})

t.test('the signing secret never reaches a log line, even at debug level with a delivery', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const hooks = await startWebhookReceiver()
  t.teardown(() => hooks.close())
  const created = await h.call('POST', '/v1/webhook-endpoints', { apiKey: tenant.apiKey, body: { url: hooks.url } })
  const { id, secret } = created.json() as { id: string; secret: string }
  const rotated = await h.call('POST', `/v1/webhook-endpoints/${id}/rotate-secret`, { apiKey: tenant.apiKey })
  const test = await h.call('POST', `/v1/webhook-endpoints/${id}/test`, { apiKey: tenant.apiKey })
  // No worker in this harness: the delivery job is waiting in the queue, as the API left it.
  t.equal(await h.queues.webhook.count(), 1)
  const job = (await h.queues.webhook.getJobs(['waiting']))[0]
  t.same(job?.data, { deliveryId: test.json().id, attempt: 0 }, 'the job carries ids only')
  await h.runtime.webhookSender.deliver({ deliveryId: test.json().id, attempt: 0 })
  const [request] = await hooks.waitFor(1)
  t.ok(new Webhook(rotated.json().secret as string).verify(request?.body ?? '', request?.headers ?? {}))
  const lines = h.logs.join('')
  t.ok(lines.includes('/v1/webhook-endpoints'), 'the requests were logged')
  for (const value of [secret, rotated.json().secret as string]) {
    t.notOk(lines.includes(value), 'no secret in the logs')
    t.notOk(lines.includes(value.slice(6)), 'not even without its prefix')
  }
  t.notOk(request?.body.includes(secret.slice(6)), 'nor in the webhook body')
})

t.test(
  'connection.connected carries the account verification found, at the first connect and at every reconnect',
  async (t) => {
    const h = await startHarness(t)
    const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: 'quirky-secret' })
    t.teardown(() => quirky.close())
    const hooks = await startWebhookReceiver()
    t.teardown(() => hooks.close())
    const tenant = await h.createTenant()
    const endpoint = await h.call('POST', '/v1/webhook-endpoints', { apiKey: tenant.apiKey, body: { url: hooks.url } })
    const secret = endpoint.json().secret as string
    const definition = {
      ...testConnector(quirky, {}, 'quirky'),
      verification: { path: '/whoami', identity: { user: 'login', team: 'team.name' } }
    }
    t.equal((await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })).statusCode, 201)
    await h.call('PUT', '/v1/connectors/quirky/app', {
      apiKey: tenant.apiKey,
      body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
    })
    quirky.setApiAnswer('/api/whoami', { login: 'ada', team: { name: 'Engines' } })
    const created = await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })
    const id = created.json().id as string
    t.match(await approveInBrowser(h, tenant.apiKey, id), /Authorization completed successfully/)
    await deliverQueued(h)
    const connectedBodies = (requests: readonly ReceivedWebhook[]) =>
      requests
        .map((r) => new Webhook(secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> })
        .filter((body) => body.type === 'connection.connected')
    const [first] = await hooks.waitFor(3)
    t.ok(first, 'delivered')
    const [connected] = connectedBodies(hooks.received)
    t.match(
      connected?.data,
      {
        id,
        status: 'connected',
        scopes: { granted: ['read'] },
        account: { user: 'ada', team: 'Engines' },
        verifiedAt: /^\d{4}-/
      },
      'the first connect tells who connected'
    )
    t.same(
      hooks.received.map((r) => (JSON.parse(r.body) as { type: string }).type).sort(),
      ['connection.connected', 'connection.created', 'connection.verified'],
      'each event once'
    )

    // Reconnected (the customer signed in again, as someone else): connected again, with the new identity.
    quirky.setApiAnswer('/api/whoami', { login: 'grace', team: { name: 'Compilers' } })
    t.match(await approveInBrowser(h, tenant.apiKey, id), /Authorization completed successfully/)
    await deliverQueued(h)
    await hooks.waitFor(5)
    const again = connectedBodies(hooks.received)
    t.equal(again.length, 2, 'a reconnect sends connection.connected again')
    t.match(again[1]?.data, { id, status: 'connected', account: { user: 'grace', team: 'Compilers' } })
    const ids = hooks.received.map((r) => r.headers['webhook-id'])
    t.equal(new Set(ids).size, ids.length, 'each its own message')

    // Reconnected as the same person: connected again (the identity unchanged is no verified event).
    t.match(await approveInBrowser(h, tenant.apiKey, id), /Authorization completed successfully/)
    await deliverQueued(h)
    await hooks.waitFor(6)
    const third = connectedBodies(hooks.received)
    t.equal(third.length, 3)
    t.match(third[2]?.data, { account: { user: 'grace', team: 'Compilers' } })
    t.equal(hooks.received.length, 6, 'nothing else was sent')
    const log = await h.call('GET', `/v1/webhook-endpoints/${endpoint.json().id}/deliveries`, { apiKey: tenant.apiKey })
    t.ok(
      (log.json().deliveries as { status: string }[]).every((d) => d.status === 'succeeded'),
      'every delivery recorded as sent'
    )
  }
)
