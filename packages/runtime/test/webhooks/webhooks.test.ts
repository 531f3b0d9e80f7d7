import t from 'tap'
import type { Test } from 'tap'
import { Webhook } from 'standardwebhooks'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { startWebhookReceiver } from '@latchkey/testkit'
import type { WebhookReceiver } from '@latchkey/testkit'
import { RuntimeMetrics, WEBHOOK_HOLD_MS, WebhookOutbox, WebhookSender } from '../../src/index.js'
import { eventKinds, startRuntime } from '../helpers.js'

const KEYED: ConnectorDefinitionJson = {
  key: 'keyed',
  name: 'Keyed',
  version: '1.0.0',
  auth: {
    kind: 'apiKey',
    label: 'API key',
    send: [{ in: 'header', name: 'x-api-key', value: '{{credentials.apiKey}}' }]
  },
  parameters: [{ key: 'token', label: 'Token', type: 'password', required: false }]
}

async function receiver(t: Test): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver()
  t.teardown(() => started.close())
  return started
}

t.test('the service: endpoints checked field by field, kept per tenant, the log and replays', async (t) => {
  const { runtime, store, tenantId, sibling } = await startRuntime(t, { connectors: [KEYED] })
  const other = (await store.tenants.create('Other')).tenant.id
  await t.rejects(runtime.webhooks.create(tenantId, { url: 'not a url' }), {
    code: 'invalid_request',
    details: [{ path: 'body.url', message: 'is not an absolute URL' }]
  })
  await t.rejects(runtime.webhooks.create(tenantId, { url: 'http://hooks.example.com/x' }), {
    code: 'invalid_request',
    details: [{ path: 'body.url', message: /https \(plain http only for a loopback host\)/ }]
  })
  const strict = await sibling({ allowPrivateNetwork: false })
  await t.rejects(strict.webhooks.create(tenantId, { url: 'https://10.1.2.3/x' }), {
    code: 'invalid_request',
    details: [{ path: 'body.url', message: /private or local/ }]
  })
  await t.rejects(strict.webhooks.create(tenantId, { url: 'http://127.0.0.1/x' }), {
    code: 'invalid_request',
    details: [
      { path: 'body.url', message: 'must use https' },
      { path: 'body.url', message: /private/ }
    ]
  })
  await t.rejects(runtime.webhooks.create(tenantId, { url: 'https://a.example', events: ['webhook.test', 'x.y'] }), {
    code: 'invalid_request',
    details: [{ path: 'body.events[0]' }, { path: 'body.events[1]', message: /not an event type/ }]
  })

  const hooks = await receiver(t)
  const endpoint = await runtime.webhooks.create(tenantId, { url: hooks.url, events: ['connection.created'] })
  t.same(
    (await runtime.webhooks.list(tenantId)).map((e) => e.id),
    [endpoint.id]
  )
  await t.rejects(runtime.webhooks.get(other, endpoint.id), { code: 'not_found' })
  await t.rejects(runtime.webhooks.update(other, endpoint.id, { description: 'x' }), { code: 'not_found' })
  await t.rejects(runtime.webhooks.rotateSecret(other, endpoint.id), { code: 'not_found' })
  await t.rejects(runtime.webhooks.delete(other, endpoint.id), { code: 'not_found' })
  await t.rejects(runtime.webhooks.deliveries(other, endpoint.id, { limit: 5 }), { code: 'not_found' })
  await t.rejects(runtime.webhooks.delivery(tenantId, endpoint.id, 'nope'), { code: 'not_found' })
  await t.rejects(runtime.webhooks.retry(tenantId, endpoint.id, 'nope'), { code: 'not_found' })
  t.match(await runtime.webhooks.update(tenantId, endpoint.id, { description: 'mine' }), { description: 'mine' })

  // A connection created with a password parameter: the webhook shows it masked, as the API does.
  const connection = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    parameters: { token: 'parameter-canary' },
    credentials: { apiKey: 'key-canary' }
  })
  const sender = runtime.webhookSender
  const [pending] = await runtime.webhooks.deliveries(tenantId, endpoint.id, { limit: 5 })
  t.match(pending, { type: 'connection.created', status: 'pending', attempts: 0 })
  t.equal(await sender.deliver({ deliveryId: pending?.id ?? '', attempt: 0 }), 'delivered')
  t.equal(await sender.deliver({ deliveryId: pending?.id ?? '', attempt: 0 }), 'skipped', 'delivered once')
  const [request] = await hooks.waitFor(1)
  const body = new Webhook(endpoint.secret).verify(request?.body ?? '', request?.headers ?? {}) as {
    data: { id: string; parameters: Record<string, string> }
  }
  t.equal(body.data.id, connection.id)
  t.same(body.data.parameters, { token: '********' })
  t.notOk(/canary/.test(request?.body ?? ''), 'no password or key in the body')

  const replay = await runtime.webhooks.retry(tenantId, endpoint.id, pending?.id ?? '')
  t.equal(await sender.deliver({ deliveryId: replay.id, attempt: 0 }), 'delivered')
  const [, again] = await hooks.waitFor(2)
  t.equal(again?.headers['webhook-id'], request?.headers['webhook-id'], 'a replay keeps the webhook-id')
  await runtime.webhooks.delete(tenantId, endpoint.id)
  t.equal(await sender.deliver({ deliveryId: replay.id, attempt: 1 }), 'skipped', 'gone with its endpoint')
})

t.test(
  'the sender: answers judged, failures recorded with a reason, the endpoint disabled after too long',
  async (t) => {
    const metrics = new RuntimeMetrics({ processMetrics: false })
    const { runtime, store, queues, tenantId } = await startRuntime(t, {
      connectors: [],
      config: { webhooks: { timeoutMs: 300, retryDelaysMs: [60_000], disableAfterMs: 60_000 } }
    })
    const now = { at: Date.now() }
    const dispatcher = runtime.config.http?.dispatcher
    if (dispatcher === undefined) throw new Error('no dispatcher')
    const outbox = new WebhookOutbox(store, queues)
    const sender = new WebhookSender(
      store,
      queues,
      outbox,
      dispatcher,
      { timeoutMs: 300, retryDelaysMs: [60_000], disableAfterMs: 60_000 },
      () => now.at,
      metrics
    )
    const hooks = await receiver(t)
    const endpoint = await runtime.webhooks.create(tenantId, { url: hooks.url })
    const watcher = await runtime.webhooks.create(tenantId, {
      url: hooks.url.replace('/hooks', '/watch'),
      events: ['webhook_endpoint.disabled']
    })
    const attempt = async (answer: Parameters<WebhookReceiver['answer']>[0]) => {
      hooks.answer(answer)
      const test = await runtime.webhooks.test(tenantId, endpoint.id)
      const first = await sender.deliver({ deliveryId: test.id, attempt: 0 })
      return { first, delivery: await runtime.webhooks.delivery(tenantId, endpoint.id, test.id) }
    }
    const retried = await attempt(() => ({ status: 503, body: 'busy\nnow' }))
    t.equal(retried.first, 'retrying')
    t.match(retried.delivery, {
      status: 'pending',
      attempts: 1,
      lastStatusCode: 503,
      lastError: 'the endpoint answered 503: busy now'
    })
    t.ok(Date.parse(retried.delivery.nextAttemptAt ?? '') >= now.at + 59_000, 'the next attempt on the schedule')
    t.equal(await sender.deliver({ deliveryId: retried.delivery.id, attempt: 1 }), 'failed', 'the schedule spent')

    const hung = await attempt(() => ({ status: 200, hang: true }))
    t.equal(hung.first, 'retrying')
    t.match(hung.delivery.lastError, /no answer within/)
    const redirected = await attempt(() => ({ status: 302, headers: { location: 'https://elsewhere.example' } }))
    t.equal(redirected.first, 'failed', 'redirects are not followed')
    t.ok((await runtime.webhooks.get(tenantId, endpoint.id)).failingSince !== null, 'the endpoint is failing')

    now.at += 61_000
    const last = await attempt(() => ({ status: 500 }))
    t.equal(last.first, 'retrying')
    const disabled = await runtime.webhooks.get(tenantId, endpoint.id)
    t.equal(disabled.enabled, false)
    t.match(disabled.disabledReason, /every delivery failed for 1 minutes|every delivery failed for/)
    const [notice] = await runtime.webhooks.deliveries(tenantId, watcher.id, { limit: 5 })
    t.equal(notice?.type, 'webhook_endpoint.disabled', 'the other endpoint hears of it')
    t.equal(
      await sender.deliver({ deliveryId: last.delivery.id, attempt: 1 }),
      'skipped',
      'a disabled endpoint gets nothing'
    )
    t.match(await runtime.webhooks.delivery(tenantId, endpoint.id, last.delivery.id), {
      status: 'failed',
      lastError: 'not sent: the endpoint is disabled'
    })

    await hooks.close()
    await runtime.webhooks.update(tenantId, endpoint.id, { enabled: true })
    const refused = await runtime.webhooks.test(tenantId, endpoint.id)
    t.equal(await sender.deliver({ deliveryId: refused.id, attempt: 0 }), 'retrying')
    t.match((await runtime.webhooks.delivery(tenantId, endpoint.id, refused.id)).lastError, /refused/)
    const text = (await metrics.text()).body
    t.match(text, /latchkey_webhook_attempts_seconds_count\{outcome="retrying"\} [1-9]/)
    t.match(text, /latchkey_webhook_attempts_seconds_count\{outcome="failed"\} [1-9]/)
  }
)

t.test('metrics: bounded labels, gauges read on scrape keep their last values when a dependency fails', async (t) => {
  const metrics = new RuntimeMetrics({ processMetrics: false, countEveryMs: 0 })
  await t.rejects(
    metrics.tokenRequest('github', 'refresh_token', async () => {
      throw new Error('boom')
    }),
    /boom/
  )
  t.equal(await metrics.tokenRequest('github', 'refresh_token', async () => 'ok'), 'ok')
  let fail = false
  metrics.gauge('latchkey_test_gauge', 'a test gauge', ['kind'], async (set) => {
    if (fail) throw new Error('down')
    set({ kind: 'a' }, 3)
  })
  t.match((await metrics.text()).body, /latchkey_test_gauge\{kind="a"\} 3/)
  fail = true
  t.match((await metrics.text()).body, /latchkey_test_gauge\{kind="a"\} 3/, 'the last value stays')
  const text = (await metrics.text()).body
  t.match(text, /latchkey_token_requests_seconds_count\{connector="github",grant="refresh_token",outcome="failed"\} 1/)
  t.match(text, /latchkey_token_requests_seconds_count\{connector="github",grant="refresh_token",outcome="ok"\} 1/)
})

t.test(
  'tenants: keys created, listed and revoked (never the last), the operator list, pages of connections',
  async (t) => {
    const { runtime, tenantId } = await startRuntime(t, { connectors: [KEYED] })
    const key = await runtime.tenants.createKey(tenantId, 'CI')
    t.ok(await runtime.tenants.authenticate(key.apiKey))
    t.equal((await runtime.tenants.listKeys(tenantId)).length, 2)
    await runtime.tenants.revokeKey(tenantId, key.id)
    t.equal(await runtime.tenants.authenticate(key.apiKey), undefined, 'refused at once here')
    await t.rejects(runtime.tenants.revokeKey(tenantId, key.id), { code: 'not_found' })
    const [last] = await runtime.tenants.listKeys(tenantId)
    await t.rejects(runtime.tenants.revokeKey(tenantId, last?.id ?? ''), { code: 'conflict' })
    t.equal((await runtime.tenants.list()).length, 1)

    for (let i = 0; i < 3; i++)
      await runtime.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: `k${i}` } })
    const first = await runtime.connections.page(tenantId, { limit: 2 })
    t.equal(first.connections.length, 2)
    const second = await runtime.connections.page(tenantId, { limit: 2, cursor: first.nextCursor ?? '' })
    t.equal(second.connections.length, 1)
    t.equal(second.nextCursor, null)
    await t.rejects(runtime.connections.page(tenantId, { limit: 2, cursor: 'eA' }), {
      code: 'invalid_request',
      details: [{ path: 'query.cursor' }]
    })
  }
)

t.test(
  "a connect's webhook waits for its verification: it carries the account found, and is sent whatever verification did",
  async (t) => {
    const { runtime, queues, stack, tenantId } = await startRuntime(t, {
      connectors: (s) => [
        {
          ...KEYED,
          key: 'verified',
          http: { baseUrl: s.quirkyProvider.apiBaseUrl },
          auth: { kind: 'apiKey' as const, name: 'X-Api-Key' },
          parameters: [],
          verification: { path: '/me', identity: { login: 'account.login' } }
        }
      ],
      stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
    })
    const quirky = stack.quirkyProvider
    quirky.addApiKey('k-good')
    quirky.setApiAnswer('/api/me', { account: { login: 'ada' } })
    const hooks = await receiver(t)
    const endpoint = await runtime.webhooks.create(tenantId, {
      url: hooks.url,
      events: ['connection.connected', 'connection.credentials_replaced']
    })
    // What the queue and the delivery log hold while the verification runs.
    const during: { queued: number; deliveries: Awaited<ReturnType<typeof runtime.webhooks.deliveries>> }[] = []
    const verify = runtime.verification.verify.bind(runtime.verification)
    const failure: { error?: Error } = {}
    runtime.verification.verify = async (tenant, connection) => {
      during.push({
        queued: await queues.webhook.count(),
        deliveries: await runtime.webhooks.deliveries(tenantId, endpoint.id, { limit: 10 })
      })
      if (failure.error !== undefined) throw failure.error
      return verify(tenant, connection)
    }
    /** Sends every queued attempt; @returns the bodies received so far, verified. */
    const delivered = async () => {
      for (const job of await queues.webhook.getJobs(['waiting'])) await runtime.webhookSender.deliver(job.data)
      return hooks.received.map(
        (r) => new Webhook(endpoint.secret).verify(r.body, r.headers) as { type: string; data: Record<string, unknown> }
      )
    }

    const started = Date.now()
    const good = await runtime.connections.create(tenantId, {
      connector: 'verified',
      credentials: { apiKey: 'k-good' }
    })
    t.equal(during.length, 1, 'verified once')
    t.equal(during[0]?.queued, 0, 'nothing queued before the verification ran')
    const [held] = during[0]?.deliveries ?? []
    t.match(held, { type: 'connection.connected', status: 'pending', attempts: 0 })
    t.ok(
      Date.parse(held?.nextAttemptAt ?? '') >= started + WEBHOOK_HOLD_MS - 1_000,
      'held: the sweep would send it only after the hold'
    )
    t.ok(
      Date.parse((await runtime.webhooks.delivery(tenantId, endpoint.id, held?.id ?? '')).nextAttemptAt ?? '') <=
        Date.now(),
      'released: due now'
    )
    const [connected] = await delivered()
    t.match(connected, { type: 'connection.connected', data: { id: good.id, account: { login: 'ada' } } })
    t.type(connected?.data.verifiedAt, 'string')
    t.equal(hooks.received[0]?.headers['webhook-id'], held?.messageId, 'the message stored at the connect, rewritten')

    // Replaced by someone else's key: the replacement carries the identity verification found for it.
    quirky.addApiKey('k-other')
    quirky.setApiAnswer('/api/me', { account: { login: 'grace' } })
    await runtime.connections.replaceCredentials(tenantId, good.id, { apiKey: 'k-other' })
    t.match((await delivered())[1], {
      type: 'connection.credentials_replaced',
      data: { id: good.id, account: { login: 'grace' } }
    })

    // The provider refuses the key: the connect is still told (as it was when it happened), the failure in the log.
    const refused = await runtime.connections.create(tenantId, {
      connector: 'verified',
      credentials: { apiKey: 'k-revoked' }
    })
    t.match((await delivered())[2], {
      type: 'connection.connected',
      data: { id: refused.id, status: 'connected', account: null, verifiedAt: null }
    })
    t.equal((await runtime.connections.get(tenantId, refused.id)).status, 'error', 'red since')

    // The verification cannot run at all: still sent, and the log says why.
    failure.error = new Error('verification exploded')
    const broken = await runtime.connections.create(tenantId, {
      connector: 'verified',
      credentials: { apiKey: 'k-good' }
    })
    t.match((await delivered())[3], { type: 'connection.connected', data: { id: broken.id, account: null } })
    t.equal((await eventKinds(runtime, tenantId, broken.id))[0], 'connection.verification_failed')
    t.equal(hooks.received.length, 4)
  }
)
