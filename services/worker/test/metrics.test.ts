import t from 'tap'
import { RuntimeMetrics } from '@latchkey/runtime'
import { startWebhookReceiver } from '@latchkey/testkit'
import { startStatusServer } from '../src/index.js'
import { eventually, startWorkerHarness } from './helpers.js'

/** The value of one series in a Prometheus text answer (0 when absent). */
function series(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`)
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue
    const match = /^([a-z_]+)(?:\{([^}]*)\})? (\S+)$/.exec(line)
    if (match === null || match[1] !== name) continue
    const have = (match[2] ?? '').split(',')
    if (wanted.every((w) => have.includes(w))) return Number(match[3])
  }
  return 0
}

t.test('the worker serves /healthz, /readyz and /metrics, and the figures move with the work', async (t) => {
  const h = await startWorkerHarness(t, { metrics: new RuntimeMetrics({ countEveryMs: 0 }) })
  const status = await startStatusServer({ runtime: h.runtime, redis: h.redis, host: '127.0.0.1', port: 0 })
  t.teardown(() => status.close())
  const get = async (path: string) => {
    const answer = await fetch(`${status.url}${path}`)
    return { status: answer.status, type: answer.headers.get('content-type') ?? '', text: await answer.text() }
  }
  t.same(JSON.parse((await get('/healthz')).text), { ok: true })
  const ready = await get('/readyz')
  t.equal(ready.status, 200)
  t.same(JSON.parse(ready.text), { ok: true, postgres: 'ok', redis: 'ok', queues: 'ok' })
  t.equal((await get('/nothing')).status, 404)

  const before = await get('/metrics')
  t.match(before.type, /text\/plain/)
  t.ok(series(before.text, 'latchkey_process_cpu_user_seconds_total') > 0, "Node's process metrics")
  t.equal(series(before.text, 'latchkey_refreshes_total', { outcome: 'refreshed' }), 0)

  const id = await h.connect()
  await h.runtime.connections.refresh(h.tenantId, id)
  await h.revokeRefreshTokenAtProvider(id)
  await t.rejects(h.runtime.connections.refresh(h.tenantId, id))
  const hooks = await startWebhookReceiver()
  t.teardown(() => hooks.close())
  const endpoint = await h.runtime.webhooks.create(h.tenantId, { url: hooks.url })
  await h.runtime.webhooks.test(h.tenantId, endpoint.id)
  await hooks.waitFor(1)

  const after = await eventually(async () => {
    const scraped = await get('/metrics')
    return series(scraped.text, 'latchkey_webhook_attempts_seconds_count', { outcome: 'delivered' }) >= 1
      ? scraped
      : undefined
  })
  t.equal(series(after.text, 'latchkey_refreshes_total', { outcome: 'refreshed' }), 1)
  t.equal(series(after.text, 'latchkey_refreshes_total', { outcome: 'refused' }), 1)
  t.equal(
    series(after.text, 'latchkey_token_requests_seconds_count', {
      connector: 'custom',
      grant: 'authorization_code',
      outcome: 'ok'
    }),
    1,
    'the code exchange, by grant (a custom connector is "custom", never its key)'
  )
  t.equal(
    series(after.text, 'latchkey_token_requests_seconds_count', { grant: 'refresh_token', outcome: 'refused' }),
    1
  )
  t.equal(series(after.text, 'latchkey_connections', { status: 'error' }), 1, 'connections by status')
  t.ok(after.text.includes('latchkey_queue_jobs{queue="webhook",state="waiting"}'), 'queue depth per queue')
  t.ok(after.text.includes('latchkey_queue_oldest_waiting_seconds{queue="refresh"}'), 'oldest waiting job age')
  for (const value of [h.tenantId, id, endpoint.id]) t.notOk(after.text.includes(value), 'no id in any label')
})
