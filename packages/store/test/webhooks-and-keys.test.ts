import t from 'tap'
import { ConnectionsRepository } from '../src/index.js'
import { addConnection, freshStore } from './helpers.js'

t.test('webhook endpoints: secrets encrypted, subscriptions, edits, rotation, a tenant of its own', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  const other = (await store.tenants.create('B')).tenant
  const all = await store.webhooks.createEndpoint(tenant.id, {
    url: 'https://a.example/hooks',
    events: null,
    description: 'everything',
    secret: 'whsec_all'
  })
  const some = await store.webhooks.createEndpoint(tenant.id, {
    url: 'https://b.example/hooks',
    events: ['connection.failed'],
    description: null,
    secret: 'whsec_some'
  })
  t.notOk('secret_enc' in all, 'no secret column in what callers get')
  const raw = await store.db.selectFrom('webhook_endpoints').select('secret_enc').execute()
  t.ok(
    raw.every((r) => !r.secret_enc.includes('whsec')),
    'stored encrypted'
  )
  t.same(
    (await store.webhooks.listEndpoints(tenant.id)).map((e) => e.id),
    [all.id, some.id]
  )
  t.same(await store.webhooks.listEndpoints(other.id), [])
  t.equal(await store.webhooks.getEndpoint(other.id, all.id), undefined, "another tenant's id is not found")
  t.equal(await store.webhooks.getEndpoint(tenant.id, 'not-a-uuid'), undefined)

  t.same((await store.webhooks.subscribed(tenant.id, 'connection.failed')).sort(), [all.id, some.id].sort())
  t.same(await store.webhooks.subscribed(tenant.id, 'connection.created'), [all.id])
  const off = await store.webhooks.updateEndpoint(tenant.id, all.id, { enabled: false })
  t.match(off, { enabled: false, disabled_reason: 'disabled through the API' })
  t.same(await store.webhooks.subscribed(tenant.id, 'connection.created'), [], 'a disabled endpoint takes nothing')
  await store.webhooks.endpointFailed(all.id, new Date('2026-12-01T00:00:00Z'))
  const since = await store.webhooks.endpointFailed(all.id, new Date('2026-12-02T00:00:00Z'))
  t.equal(since.toISOString(), '2026-12-01T00:00:00.000Z', 'the failing streak keeps its start')
  const on = await store.webhooks.updateEndpoint(tenant.id, all.id, { enabled: true, url: 'https://c.example/h' })
  t.match(on, { enabled: true, disabled_reason: null, failing_since: null, url: 'https://c.example/h' })
  t.equal(await store.webhooks.updateEndpoint(other.id, all.id, { description: 'x' }), undefined)
  t.match(await store.webhooks.disableEndpoint(all.id, 'kept failing'), {
    enabled: false,
    disabled_reason: 'kept failing'
  })
  t.equal(await store.webhooks.disableEndpoint(all.id, 'again'), undefined, 'only the first disables')
  await store.webhooks.updateEndpoint(tenant.id, all.id, { enabled: true })

  const rotated = await store.webhooks.rotateSecret(tenant.id, all.id, 'whsec_new', new Date(Date.now() + 60_000))
  t.ok(rotated?.previous_secret_expires_at)
  t.equal(await store.webhooks.rotateSecret(other.id, all.id, 'x', new Date()), undefined)
  t.notOk(await store.webhooks.deleteEndpoint(other.id, some.id))
  t.notOk(await store.webhooks.deleteEndpoint(tenant.id, 'nope'))
  t.ok(await store.webhooks.deleteEndpoint(tenant.id, some.id))
})

t.test('messages and deliveries: sent in the caller transaction, attempts recorded once, overdue found', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  const endpoint = await store.webhooks.createEndpoint(tenant.id, {
    url: 'https://a.example/hooks',
    events: null,
    description: null,
    secret: 'whsec_current'
  })
  await store.webhooks.rotateSecret(tenant.id, endpoint.id, 'whsec_next', new Date(Date.now() + 60_000))
  t.same(await store.webhooks.createMessage(tenant.id, { id: 'msg_none', type: 'x', body: '{}' }, []), [])
  await t.rejects(
    store.db.transaction().execute(async (trx) => {
      await store.webhooks.createMessage(tenant.id, { id: 'msg_rolled', type: 'x', body: '{}' }, [endpoint.id], trx)
      throw new Error('the change failed')
    })
  )
  t.equal((await store.db.selectFrom('webhook_deliveries').selectAll().execute()).length, 0, 'rolled back with it')
  const [id = ''] = await store.webhooks.createMessage(
    tenant.id,
    { id: 'msg_one', type: 'webhook.test', body: '{"a":1}' },
    [endpoint.id]
  )
  const toSend = await store.webhooks.toSend(id, new Date())
  t.same(toSend?.secrets, ['whsec_next', 'whsec_current'], 'the previous secret signs until it expires')
  t.same((await store.webhooks.toSend(id, new Date(Date.now() + 120_000)))?.secrets, ['whsec_next'])
  t.match(toSend?.message, { id: 'msg_one', type: 'webhook.test', body: '{"a":1}' })
  t.equal(await store.webhooks.toSend('nope', new Date()), undefined)

  const later = new Date(Date.now() + 5_000)
  t.ok(
    await store.webhooks.recordAttempt(id, 0, {
      status: 'pending',
      statusCode: 500,
      durationMs: 12.4,
      error: 'the endpoint answered 500',
      nextAttemptAt: later
    })
  )
  t.notOk(
    await store.webhooks.recordAttempt(id, 0, { status: 'succeeded', statusCode: 200, durationMs: 1, error: null }),
    'a job run twice records once'
  )
  t.match(await store.webhooks.getDelivery(tenant.id, endpoint.id, id), {
    status: 'pending',
    attempts: 1,
    last_status_code: 500,
    last_duration_ms: 12,
    type: 'webhook.test'
  })
  t.same(await store.webhooks.overdue(0, 10), [], 'not due yet')
  await store.db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(Date.now() - 120_000) })
    .execute()
  t.same(await store.webhooks.overdue(60, 10), [{ id, attempts: 1 }])
  t.ok(await store.webhooks.recordAttempt(id, 1, { status: 'succeeded', statusCode: 204, durationMs: 3, error: null }))
  t.same(await store.webhooks.overdue(60, 10), [], 'finished deliveries are never overdue')
  const again = await store.webhooks.redeliver({
    tenant_id: tenant.id,
    endpoint_id: endpoint.id,
    message_id: 'msg_one'
  })
  await store.webhooks.abandon(again, 'not sent: the endpoint is disabled')
  const log = await store.webhooks.listDeliveries(tenant.id, endpoint.id, { limit: 10 })
  t.same(
    log.map((d) => d.status),
    ['failed', 'succeeded'],
    'newest first'
  )
  t.same((await store.webhooks.listDeliveries(tenant.id, endpoint.id, { limit: 10, status: 'failed' })).length, 1)
  t.equal(await store.webhooks.getDelivery(tenant.id, endpoint.id, 'nope'), undefined)
  await store.webhooks.endpointAnswered(endpoint.id)
})

const SECRET = `whsec_${Buffer.alloc(32, 3).toString('base64')}`

t.test('a held message: not due until released; released, its body rewritten and its deliveries due', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const endpoint = await store.webhooks.createEndpoint(tenant.id, {
    url: 'https://hooks.example.com',
    events: null,
    description: null,
    secret: SECRET
  })
  const heldUntil = new Date(Date.now() + 600_000)
  const [deliveryId] = await store.webhooks.createMessage(
    tenant.id,
    { id: 'msg_held', type: 'connection.connected', body: '{"data":{"account":null}}' },
    [endpoint.id],
    store.db,
    heldUntil
  )
  const held = await store.webhooks.getDelivery(tenant.id, endpoint.id, deliveryId ?? '')
  t.same(held?.next_attempt_at, heldUntil, 'due only when the hold lapses')
  // A delivery whose job was lost two minutes ago, beside it: the sweep takes that one only.
  const [lost] = await store.webhooks.createMessage(tenant.id, { id: 'msg_lost', type: 'webhook.test', body: '{}' }, [
    endpoint.id
  ])
  await store.db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(Date.now() - 120_000) })
    .where('id', '=', lost ?? '')
    .execute()
  t.same(await store.webhooks.overdue(60, 10), [{ id: lost, attempts: 0 }], 'the sweep leaves a held delivery alone')

  const before = Date.now()
  t.same(await store.webhooks.releaseMessage('msg_held', '{"data":{"account":{"user":"ada"}}}'), [deliveryId])
  const sent = await store.webhooks.toSend(deliveryId ?? '', new Date())
  t.equal(sent?.message.body, '{"data":{"account":{"user":"ada"}}}', 'the body rewritten')
  t.ok((sent?.delivery.next_attempt_at.getTime() ?? Infinity) <= Date.now(), 'due now')
  t.ok((sent?.delivery.next_attempt_at.getTime() ?? 0) >= before - 1_000)
})

t.test('a message already attempted keeps its body; its attempted deliveries are not due again', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const endpoints = await Promise.all(
    ['https://a.example.com', 'https://b.example.com'].map((url) =>
      store.webhooks.createEndpoint(tenant.id, { url, events: null, description: null, secret: SECRET })
    )
  )
  const [tried, untried] = await store.webhooks.createMessage(
    tenant.id,
    { id: 'msg_sent', type: 'connection.connected', body: 'as sent' },
    endpoints.map((e) => e.id),
    store.db,
    new Date(Date.now() + 600_000)
  )
  // The sweep sent one already (its process died before releasing it): a retry is scheduled.
  const retryAt = new Date(Date.now() + 30_000)
  t.ok(
    await store.webhooks.recordAttempt(tried ?? '', 0, {
      status: 'pending',
      statusCode: 503,
      durationMs: 5,
      error: 'the endpoint answered 503',
      nextAttemptAt: retryAt
    })
  )
  t.same(
    await store.webhooks.releaseMessage('msg_sent', 'rewritten'),
    [untried],
    'only the delivery never attempted is queued'
  )
  t.equal((await store.webhooks.toSend(untried ?? '', new Date()))?.message.body, 'as sent', 'one body per webhook-id')
  t.same((await store.webhooks.toSend(tried ?? '', new Date()))?.delivery.next_attempt_at, retryAt, 'its retry kept')
})

t.test('API keys: created and listed by prefix, last use written, revoked but never the last', async (t) => {
  const { store } = await freshStore(t)
  const { tenant, apiKey } = await store.tenants.create('A')
  const { record, apiKey: second } = await store.tenants.createKey(tenant.id, 'CI')
  t.equal(record.prefix, second.slice(0, 10))
  t.notOk('key_hash' in record)
  const found = await store.tenants.findByApiKey(second)
  t.equal(found?.keyId, record.id)
  t.ok((await store.tenants.listKeys(tenant.id)).find((k) => k.id === record.id)?.last_used_at, 'last use written')
  t.equal(await store.tenants.revokeKey(tenant.id, 'nope'), 'not_found')
  t.equal(await store.tenants.revokeKey(tenant.id, record.id), 'revoked')
  t.equal(await store.tenants.findByApiKey(second), undefined)
  t.equal(await store.tenants.revokeKey(tenant.id, record.id), 'not_found', 'revoked already')
  const [first] = await store.tenants.listKeys(tenant.id)
  t.equal(await store.tenants.revokeKey(tenant.id, first?.id ?? ''), 'last_key')
  t.ok(await store.tenants.findByApiKey(apiKey), 'the last key still works')
  t.same(
    (await store.tenants.list(10)).map((x) => x.name),
    ['A']
  )
})

t.test('connections: pages by position in a stable order, filters, counts by status', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  const rows = []
  for (let i = 0; i < 5; i++) rows.push(await addConnection(store, tenant, { externalId: `c${i}` }))
  const first = await store.connections.list(tenant.id, { limit: 2 })
  const position = ConnectionsRepository.parsePosition(first.at(-1)?.position ?? '')
  t.ok(position)
  const rest = await store.connections.list(tenant.id, { limit: 10, after: position })
  t.equal(first.length + rest.length, 5)
  t.same(new Set([...first, ...rest].map((r) => r.id)).size, 5, 'no row twice')
  t.equal(ConnectionsRepository.parsePosition('garbage'), undefined)
  await store.connections.update(tenant.id, rows[0]?.id ?? '', { status: 'error' })
  t.same(
    (await store.connections.list(tenant.id, { health: 'red' })).map((r) => r.id),
    [rows[0]?.id]
  )
  t.same((await store.connections.list(tenant.id, { status: 'error' })).length, 1)
  t.same((await store.connections.list(tenant.id, { health: 'green' })).length, 0)
  t.same((await store.connections.list(tenant.id, { health: 'yellow' })).length, 4)
  t.same(
    (await store.connections.countByStatus()).sort((a, b) => a.status.localeCompare(b.status)),
    [
      { status: 'configured', count: 4 },
      { status: 'error', count: 1 }
    ]
  )
})
