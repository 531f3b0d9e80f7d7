import { Writable } from 'node:stream'
import t from 'tap'
import type { Test } from 'tap'
import { Webhook } from 'standardwebhooks'
import { redactedLogOptions } from '@latchkey/runtime'
import { startWebhookReceiver, testConnector } from '@latchkey/testkit'
import type { ReceivedWebhook, WebhookReceiver } from '@latchkey/testkit'
import { startWorkers } from '../src/index.js'
import { pino } from 'pino'
import type { LoggerOptions } from 'pino'
import { eventually, startWorkerHarness } from './helpers.js'
import type { WorkerHarness } from './helpers.js'

/** A receiver on loopback for this test, closed at its end. */
async function receiver(t: Test): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver()
  t.teardown(() => started.close())
  return started
}

interface Delivered {
  readonly type: string
  readonly timestamp: string
  readonly data: Record<string, unknown>
}

/** The body of a request whose signature the Standard Webhooks library accepts with `secret` (it throws otherwise). */
function verify(secret: string, request: ReceivedWebhook): Delivered {
  return new Webhook(secret).verify(request.body, request.headers) as Delivered
}

const ofType = (type: string) => (request: ReceivedWebhook) => (JSON.parse(request.body) as Delivered).type === type

/** Every token the connection holds now, to prove none reaches a webhook. */
async function tokensOf(h: WorkerHarness, connectionId: string): Promise<string[]> {
  const credential = await h.runtime.store.credentials.get(connectionId)
  return [credential?.tokenSet.accessToken, credential?.tokenSet.refreshToken].filter(
    (v): v is string => typeof v === 'string' && v.length > 0
  )
}

t.test(
  'each connection event is sent by the flow that causes it, signed, with the connection and no secret',
  async (t) => {
    const h = await startWorkerHarness(t)
    const hooks = await receiver(t)
    const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url, description: 'all events' })
    t.match(endpoint.secret, /^whsec_[A-Za-z0-9+/]{43}=$/, 'a Standard Webhooks secret, shown on creation')

    // Connect through the real flow: created, then connected with the granted scopes.
    const id = await h.connect()
    const [created] = await hooks.waitFor(1, ofType('connection.created'))
    const [connected] = await hooks.waitFor(1, ofType('connection.connected'))
    if (created === undefined || connected === undefined) throw new Error('unreachable')
    const connectedBody = verify(endpoint.secret, connected)
    t.equal(connectedBody.data.id, id)
    t.equal(connectedBody.data.status, 'connected')
    t.same((connectedBody.data.scopes as { granted: string[] }).granted, ['read'], 'the granted scopes')
    t.match(connected.headers['webhook-id'], /^msg_[A-Za-z0-9_-]{24}$/)
    t.equal(verify(endpoint.secret, created).data.id, id)
    const secrets = await tokensOf(h, id)

    // An auth failure a refresh cannot fix: red, told once with the reason.
    h.quirky.setModes({ apiRefusesAll: true })
    const refused = await h.runtime.http.call(h.tenantId, id, { method: 'GET', url: '/me' })
    t.equal(refused.status, 401, 'refused even with a fresh token')
    const [failed] = await hooks.waitFor(1, ofType('connection.failed'))
    if (failed === undefined) throw new Error('unreachable')
    const failedBody = verify(endpoint.secret, failed)
    t.equal(failedBody.data.status, 'error')
    t.equal(failedBody.data.health, 'red')
    t.type(failedBody.data.statusReason, 'string', 'with the reason')

    // The provider takes the token again and a refresh succeeds: recovered.
    h.quirky.setModes({ apiRefusesAll: false })
    await h.runtime.connections.refresh(h.tenantId, id)
    const [recovered] = await hooks.waitFor(1, ofType('connection.recovered'))
    if (recovered === undefined) throw new Error('unreachable')
    t.equal(verify(endpoint.secret, recovered).data.status, 'connected')
    secrets.push(...(await tokensOf(h, id)))

    // The refresh token is revoked at the provider: the next refresh is refused, red again.
    await h.revokeRefreshTokenAtProvider(id)
    await t.rejects(h.runtime.connections.refresh(h.tenantId, id))
    const failures = await hooks.waitFor(2, ofType('connection.failed'))
    t.match(verify(endpoint.secret, failures[1] as ReceivedWebhook).data.statusReason, /connect again/)

    // Disconnected; the revocation is refused for good (the client authentication is not accepted): gave up.
    h.quirky.setModes({ revokeClientAuth: 'client_secret_post' })
    await h.runtime.connections.disconnect(h.tenantId, id)
    const [disconnected] = await hooks.waitFor(1, ofType('connection.disconnected'))
    t.equal(verify(endpoint.secret, disconnected as ReceivedWebhook).data.status, 'disconnected')
    const [gaveUp] = await hooks.waitFor(1, ofType('connection.revocation_failed'))
    t.equal(verify(endpoint.secret, gaveUp as ReceivedWebhook).data.id, id)

    t.equal(hooks.received.filter(ofType('connection.failed')).length, 2, 'red is told once per transition')
    for (const request of hooks.received) {
      verify(endpoint.secret, request)
      for (const secret of [...secrets, endpoint.secret, 'quirky-secret'])
        t.notOk(request.body.includes(secret), `no token or secret in the ${JSON.parse(request.body).type} body`)
    }
    const ids = hooks.received.map((r) => r.headers['webhook-id'])
    t.equal(new Set(ids).size, ids.length, 'each message has its own webhook-id')
    // The receiver has answered the last one; its worker may still be recording the attempt.
    const log = await eventually(async () => {
      const deliveries = await h.runtime.webhooks.deliveries(h.tenantId, endpoint.id, { limit: 50 })
      return deliveries.every((d) => d.status !== 'pending') ? deliveries : undefined
    })
    t.ok(
      log.every((d) => d.status === 'succeeded' && d.attempts === 1 && d.lastStatusCode === 204),
      'the delivery log'
    )
    t.equal(log.length, hooks.received.length)
  }
)

t.test('an endpoint gets only the types it subscribes to; a verified account is told', async (t) => {
  const h = await startWorkerHarness(t)
  const all = await receiver(t)
  const some = await receiver(t)
  await h.runtime.webhooks.create(h.tenantId, { url: all.url })
  const picky = await h.runtime.webhooks.create(h.tenantId, { url: some.url, events: ['connection.verified'] })
  await h.runtime.connectors.createCustom(h.tenantId, {
    ...testConnector(h.quirky, undefined, 'quirky-verified'),
    verification: { path: '/whoami', identity: { user: 'login' } }
  })
  await h.runtime.connectors.setApp(h.tenantId, 'quirky-verified', {
    clientId: 'quirky-app',
    clientSecret: 'quirky-secret'
  })
  h.quirky.setApiAnswer('/api/whoami', { login: 'ada' })
  const connection = await h.runtime.connections.create(h.tenantId, { connector: 'quirky-verified' })
  const { authorizeUrl } = await h.runtime.connect.authorize(h.tenantId, connection.id)
  const started = await h.runtime.connect.start(new URL(authorizeUrl).pathname.split('/').pop() ?? '')
  if (!('redirectTo' in started)) throw new Error('start failed')
  const location = (await fetch(started.redirectTo, { redirect: 'manual' })).headers.get('location') ?? ''
  await h.runtime.connect.callback(Object.fromEntries(new URL(location).searchParams), {
    [started.cookie.name]: started.cookie.value
  })
  const [verified] = await some.waitFor(1)
  t.same(verify(picky.secret, verified as ReceivedWebhook).data.account, { user: 'ada' }, 'the account identity')
  await all.waitFor(3)
  // Separate jobs: any arrival order (Standard Webhooks promises none); each event once.
  t.same(
    all.received.map((r) => (JSON.parse(r.body) as Delivered).type).sort(),
    ['connection.connected', 'connection.created', 'connection.verified'],
    'each event delivered once'
  )
  // Verifying again with the same account tells nothing new.
  await h.runtime.verification.verify(h.tenantId, connection.id)
  await h.runtime.webhooks.test(h.tenantId, picky.id)
  await some.waitFor(2)
  t.same(
    some.received.map((r) => (JSON.parse(r.body) as Delivered).type),
    ['connection.verified', 'webhook.test'],
    'no second verified event for the same account'
  )
})

t.test(
  '500s are retried on the schedule with the same webhook-id; 429 waits its Retry-After; a 400 is final',
  async (t) => {
    const h = await startWorkerHarness(t, { config: { webhooks: { retryDelaysMs: [100, 100, 100] } } })
    const hooks = await receiver(t)
    const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
    hooks.answer((request) => (request.n <= 2 ? { status: 500, body: 'upstream broke' } : { status: 200 }))
    const test = await h.runtime.webhooks.test(h.tenantId, endpoint.id)
    t.equal(test.type, 'webhook.test')
    const requests = await hooks.waitFor(3)
    t.equal(new Set(requests.map((r) => r.headers['webhook-id'])).size, 1, 'one webhook-id across the retries')
    for (const request of requests) verify(endpoint.secret, request)
    const done = await eventually(async () => {
      const d = await h.runtime.webhooks.delivery(h.tenantId, endpoint.id, test.id)
      return d.status === 'succeeded' ? d : undefined
    })
    t.equal(done.attempts, 3)
    t.equal(done.lastStatusCode, 200)
    t.equal(done.lastError, null)

    hooks.answer((request) =>
      request.n === 4
        ? { status: 429, headers: { 'retry-after': '1' } }
        : request.n === 5
          ? { status: 200 }
          : { status: 400 }
    )
    const limited = await h.runtime.webhooks.test(h.tenantId, endpoint.id)
    const [first, second] = (await hooks.waitFor(5)).slice(3)
    if (first === undefined || second === undefined) throw new Error('unreachable')
    t.ok(second.at - first.at >= 900, `Retry-After honoured (${second.at - first.at} ms, the schedule says 100)`)
    await eventually(
      async () => (await h.runtime.webhooks.delivery(h.tenantId, endpoint.id, limited.id)).status === 'succeeded'
    )

    const refused = await h.runtime.webhooks.test(h.tenantId, endpoint.id)
    const final = await eventually(async () => {
      const d = await h.runtime.webhooks.delivery(h.tenantId, endpoint.id, refused.id)
      return d.status === 'failed' ? d : undefined
    })
    t.equal(final.attempts, 1, 'a 400 is not retried')
    t.match(final.lastError, /answered 400/)
    await new Promise((resolve) => setTimeout(resolve, 400))
    t.equal(hooks.received.length, 6, 'nothing more was sent')

    // A replay sends the same message again, as a new delivery.
    hooks.answer(() => ({ status: 200 }))
    const replay = await h.runtime.webhooks.retry(h.tenantId, endpoint.id, refused.id)
    t.not(replay.id, refused.id)
    t.equal(replay.messageId, refused.messageId)
    const [again] = (await hooks.waitFor(7)).slice(6)
    t.equal(again?.headers['webhook-id'], refused.messageId, 'the same webhook-id, for the receiver to deduplicate')
  }
)

t.test(
  'the schedule spent, the delivery fails; an endpoint failing too long is disabled and the others hear of it',
  async (t) => {
    const h = await startWorkerHarness(t, { config: { webhooks: { retryDelaysMs: [50, 50], disableAfterMs: 3_000 } } })
    const broken = await receiver(t)
    const healthy = await receiver(t)
    broken.answer(() => ({ status: 503 }))
    const bad = await h.runtime.webhooks.create(h.tenantId, { url: broken.url })
    const good = await h.runtime.webhooks.create(h.tenantId, {
      url: healthy.url,
      events: ['webhook_endpoint.disabled']
    })
    const first = await h.runtime.webhooks.test(h.tenantId, bad.id)
    const spent = await eventually(async () => {
      const d = await h.runtime.webhooks.delivery(h.tenantId, bad.id, first.id)
      return d.status === 'failed' ? d : undefined
    })
    t.equal(spent.attempts, 3, 'the first attempt and two retries')
    t.match(spent.lastError, /503.*no retries left/)
    t.ok(
      (await h.runtime.webhooks.get(h.tenantId, bad.id)).enabled,
      'failing for less than disableAfterMs: still enabled'
    )

    await new Promise((resolve) => setTimeout(resolve, 3_050))
    await h.runtime.webhooks.test(h.tenantId, bad.id)
    const [notice] = await healthy.waitFor(1)
    const body = verify(good.secret, notice as ReceivedWebhook)
    t.equal(body.type, 'webhook_endpoint.disabled')
    t.equal(body.data.id, bad.id)
    t.equal(body.data.enabled, false)
    const disabled = await h.runtime.webhooks.get(h.tenantId, bad.id)
    t.equal(disabled.enabled, false)
    t.match(disabled.disabledReason, /every delivery failed for/)
    const sent = broken.received.length
    await t.rejects(
      h.runtime.webhooks.test(h.tenantId, bad.id),
      { code: 'conflict' },
      'a disabled endpoint takes no test'
    )
    const enabled = await h.runtime.webhooks.update(h.tenantId, bad.id, { enabled: true })
    t.equal(enabled.failingSince, null, 'enabled again, its failing streak forgotten')
    t.equal(broken.received.length, sent)
  }
)

t.test('a rotated secret: old and new both sign for a while', async (t) => {
  const h = await startWorkerHarness(t)
  const hooks = await receiver(t)
  const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
  const rotated = await h.runtime.webhooks.rotateSecret(h.tenantId, endpoint.id)
  t.not(rotated.secret, endpoint.secret)
  t.ok(
    rotated.previousSecretExpiresAt !== null &&
      Date.parse(rotated.previousSecretExpiresAt) > Date.now() + 23 * 3_600_000
  )
  await h.runtime.webhooks.test(h.tenantId, endpoint.id)
  const [request] = await hooks.waitFor(1)
  if (request === undefined) throw new Error('unreachable')
  t.equal(request.headers['webhook-signature']?.split(' ').length, 2, 'two signatures')
  t.equal(verify(rotated.secret, request).type, 'webhook.test', 'the new secret verifies')
  t.equal(verify(endpoint.secret, request).type, 'webhook.test', 'the old one too, for now')
  t.throws(() => verify('whsec_' + Buffer.alloc(32, 7).toString('base64'), request), 'another secret does not')
})

t.test('a delivery whose job Redis lost is queued again by the sweep', async (t) => {
  const h = await startWorkerHarness(t)
  const hooks = await receiver(t)
  await h.workers.close()
  const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
  const test = await h.runtime.webhooks.test(h.tenantId, endpoint.id)
  await h.runtime.queues.webhook.obliterate({ force: true })
  t.equal(await h.runtime.queues.webhook.count(), 0, 'the job is gone')
  t.same(
    await h.runtime.jobs.sweep(),
    { refreshes: 0, revocations: 0, webhooks: 0, abandoned: 0, supersededClients: 0 },
    'not overdue yet'
  )
  await h.runtime.store.db
    .updateTable('webhook_deliveries')
    .set({ next_attempt_at: new Date(Date.now() - 120_000) })
    .execute()
  t.same(await h.runtime.jobs.sweep(), {
    refreshes: 0,
    revocations: 0,
    webhooks: 1,
    abandoned: 0,
    supersededClients: 0
  })
  const workers = await startWorkers({
    runtime: h.runtime,
    connection: h.redis,
    prefix: h.prefix,
    concurrency: 1,
    sweepIntervalMs: 60_000,
    logger: pino({ level: 'silent' })
  })
  t.teardown(() => workers.close())
  const [request] = await hooks.waitFor(1)
  t.equal(request?.headers['webhook-id'], test.messageId)
})

t.test('delivery goes through the egress policy: no private address without the development flag', async (t) => {
  const h = await startWorkerHarness(t, { config: { allowPrivateNetwork: false } })
  const hooks = await receiver(t)
  await t.rejects(
    h.runtime.webhooks.create(h.tenantId, { url: hooks.url }),
    {
      code: 'invalid_request',
      details: [
        { path: 'url', message: /https/ },
        { path: 'url', message: /private/ }
      ]
    },
    'refused when created'
  )
  // Written past the API (an endpoint saved while the flag was on): the sender still refuses to connect.
  const row = await h.runtime.store.webhooks.createEndpoint(h.tenantId, {
    url: hooks.url,
    events: null,
    description: null,
    secret: `whsec_${Buffer.alloc(32, 1).toString('base64')}`
  })
  const test = await h.runtime.webhooks.test(h.tenantId, row.id)
  const outcome = await eventually(async () => {
    const d = await h.runtime.webhooks.delivery(h.tenantId, row.id, test.id)
    return d.attempts > 0 ? d : undefined
  })
  t.match(outcome.lastError, /egress policy/)
  t.equal(hooks.received.length, 0, 'nothing reached the private address')
})

t.test('typed-in credentials: created and connected at once, then replaced in place', async (t) => {
  const h = await startWorkerHarness(t)
  const hooks = await receiver(t)
  const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
  await h.runtime.connectors.createCustom(h.tenantId, keyedConnector(h.quirky.apiBaseUrl))
  const created = await h.runtime.connections.create(h.tenantId, {
    connector: 'keyed',
    credentials: { apiKey: 'first-key-canary' }
  })
  await h.runtime.connections.replaceCredentials(h.tenantId, created.id, { apiKey: 'second-key-canary' })
  const requests = await hooks.waitFor(3)
  // Each delivery is its own job: they may arrive in any order (Standard Webhooks promises none).
  const events = requests.map((r) => verify(endpoint.secret, r))
  t.same(
    events.map((event) => event.type).sort(),
    ['connection.connected', 'connection.created', 'connection.credentials_replaced'],
    'each event delivered once'
  )
  const replaced = events.find((event) => event.type === 'connection.credentials_replaced')
  if (replaced === undefined) throw new Error('no connection.credentials_replaced')
  t.equal(replaced.data.id, created.id, 'the same connection, its id kept')
  t.equal(replaced.data.status, 'connected')
  for (const request of requests) t.notOk(/key-canary/.test(request.body), 'no typed-in key in a webhook')
})

t.test(
  'at debug level the worker logs each delivery by its ids: no signing secret and no token in its log',
  async (t) => {
    const h = await startWorkerHarness(t, { config: { webhooks: { retryDelaysMs: [50, 50] } } })
    // This test's own workers, logging at debug level as the worker process does (its redaction, its options).
    await h.workers.close()
    const lines: string[] = []
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString())
        done()
      }
    })
    const logger = pino({ ...(redactedLogOptions('debug') as LoggerOptions), name: 'latchkey-worker' }, stream)
    const workers = await startWorkers({
      runtime: h.runtime,
      connection: h.redis,
      prefix: h.prefix,
      concurrency: 2,
      sweepIntervalMs: 60_000,
      logger
    })
    t.teardown(() => workers.close())
    const hooks = await receiver(t)
    // Each message's first attempt gets a 500 that echoes what it was sent (signature and body): retried, and recorded.
    const seen = new Set<string>()
    hooks.answer((request) => {
      const id = request.headers['webhook-id'] ?? ''
      if (seen.has(id)) return { status: 204 }
      seen.add(id)
      return { status: 500, body: `${request.headers['webhook-signature']} ${request.body}` }
    })
    const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
    const rotated = await h.runtime.webhooks.rotateSecret(h.tenantId, endpoint.id)
    await h.runtime.connectors.createCustom(h.tenantId, keyedConnector(h.quirky.apiBaseUrl))
    await h.runtime.connections.create(h.tenantId, { connector: 'keyed', credentials: { apiKey: 'typed-key-canary' } })
    const id = await h.connect()
    const tokens = await tokensOf(h, id)
    t.equal(tokens.length, 2, 'an access and a refresh token to look for')
    // A refresh the provider refuses, in the worker: the job fails (logged) and the connection turns red (told).
    await h.revokeRefreshTokenAtProvider(id)
    await h.runtime.queues.enqueueRefresh({ connectionId: id, tenantId: h.tenantId, reason: 'forced' })
    const types = ['connection.created', 'connection.connected', 'connection.failed']
    await hooks.waitFor(2, ofType('connection.failed'))
    const log = await eventually(async () => {
      const deliveries = await h.runtime.webhooks.deliveries(h.tenantId, endpoint.id, { limit: 50 })
      return deliveries.length === 5 && deliveries.every((d) => d.status === 'succeeded') ? deliveries : undefined
    })
    t.same(log.map((d) => d.type).sort(), [...types, ...types.slice(0, 2)].sort(), 'two connections, one refused')
    t.ok(
      log.every((d) => d.attempts === 2),
      'each delivered at its second attempt'
    )
    for (const request of hooks.received) verify(rotated.secret, request)

    // The log line for an attempt is written after its outcome is recorded: wait for the lines, not only the rows.
    const attemptsDone = (outcome: string) =>
      lines
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((e) => e.msg === 'webhook attempt done' && e.outcome === outcome).length
    await eventually(async () => (attemptsDone('delivered') >= 5 && attemptsDone('retrying') >= 5) || undefined)
    const text = lines.join('')
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    t.ok(
      entries.filter((e) => e.msg === 'webhook attempt done' && e.outcome === 'retrying').length >= 5,
      'each first attempt logged at debug level'
    )
    t.ok(entries.filter((e) => e.msg === 'webhook attempt done' && e.outcome === 'delivered').length >= 5)
    t.ok(
      entries.some((e) => e.msg === 'job failed' && e.queue === 'refresh'),
      'the refused refresh logged as a failed job'
    )
    const canaries = [
      endpoint.secret,
      endpoint.secret.slice('whsec_'.length),
      rotated.secret,
      rotated.secret.slice('whsec_'.length),
      ...tokens,
      'typed-key-canary',
      'quirky-secret'
    ]
    for (const canary of canaries) t.notOk(text.includes(canary), 'no secret or token in the worker log')
    for (const request of hooks.received) {
      const signature = request.headers['webhook-signature'] ?? ''
      for (const part of signature.split(' ')) t.notOk(text.includes(part.slice(3)), 'no signature in the log')
    }
  }
)

/** A connector whose API key the customer types in, sent as `x-api-key`. */
function keyedConnector(baseUrl: string) {
  return {
    key: 'keyed',
    name: 'Keyed',
    version: '1.0.0',
    auth: {
      kind: 'apiKey' as const,
      label: 'API key',
      send: [{ in: 'header' as const, name: 'x-api-key', value: '{{credentials.apiKey}}' }]
    },
    http: { baseUrl }
  }
}
