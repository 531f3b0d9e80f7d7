import t from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { deliverCallback, prepareConnection, startHarness, startInBrowser } from './harness.js'

const CLIENT_SECRET = 'CANARY-client-secret-7d1e0b'

t.test('canary: no secret in logs, job payloads, API answers or event rows', async (t) => {
  const h = await startHarness(t, { clientSecret: CLIENT_SECRET })
  const answers: { url: string; response: LightMyRequestResponse }[] = []
  const call = h.call
  h.call = async (method, url, options) => {
    const response = await call(method, url, options)
    answers.push({ url, response })
    return response
  }
  const { tenant, connectionId } = await prepareConnection(h, { clientSecret: CLIENT_SECRET })
  const secrets = new Set<string>([CLIENT_SECRET, tenant.apiKey])

  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  const provider = new URL(providerUrl)
  secrets.add(provider.searchParams.get('state') ?? 'missing-state')
  secrets.add(cookie.split('=')[1] ?? 'missing-binding')
  const callback = await h.server.approve(providerUrl)
  secrets.add(callback.searchParams.get('code') ?? 'missing-code')
  const attempt = await h.store.db.selectFrom('connect_attempts').selectAll().executeTakeFirstOrThrow()
  secrets.add((await h.store.attempts.codeVerifier(attempt)) ?? 'missing-verifier')
  t.match((await deliverCallback(h, callback, cookie)).body, /Authorization completed successfully/)
  await h.call('POST', `/v1/connections/${connectionId}/refresh`, { apiKey: tenant.apiKey })
  const stored = await h.store.credentials.get(connectionId)
  secrets.add(String(stored?.tokenSet.accessToken))
  secrets.add(String(stored?.tokenSet.refreshToken))
  // A failure too: the provider answers with an error, which is logged and recorded.
  await h.store.db
    .updateTable('connector_apps')
    .set({ client_secret_enc: await h.store.cipher.encrypt(`${CLIENT_SECRET}-wrong`) })
    .execute()
  secrets.add(`${CLIENT_SECRET}-wrong`)
  await h.call('POST', `/v1/connections/${connectionId}/refresh`, { apiKey: tenant.apiKey })
  await h.call('GET', `/v1/connections/${connectionId}/events`, { apiKey: tenant.apiKey })
  await h.call('GET', `/v1/connections`, { apiKey: tenant.apiKey })
  await h.call('POST', `/v1/connections/${connectionId}/disconnect`, { apiKey: tenant.apiKey })

  const jobs = await h.queues.revoke.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed', 'prioritized'])
  t.equal(jobs.length, 1)
  const eventRows = await h.store.db.selectFrom('connection_events').selectAll().execute()
  t.ok(eventRows.length >= 6)
  const places: [string, string][] = [
    ['logs', h.logs.join('\n')],
    ['job payloads', JSON.stringify(jobs.map((job) => ({ data: job.data, name: job.name, id: job.id })))],
    // The start link's redirect carries state and sets the binding cookie by design: it is the browser's own handshake.
    [
      'API answers',
      answers
        .filter((a) => !a.url.endsWith('/token') && !a.url.startsWith('/oauth/start/'))
        .map((a) => `${JSON.stringify(a.response.headers)}\n${a.response.body}`)
        .join('\n')
    ],
    ['event rows', JSON.stringify(eventRows)]
  ]
  t.ok(h.logs.length > 10, `${h.logs.length} log lines captured`)
  t.ok(answers.length > 10, `${answers.length} answers captured`)
  for (const [place, text] of places) {
    const hits = [...secrets].filter((secret) => secret.length >= 8 && text.includes(secret))
    t.same(
      hits.map((h) => h.slice(0, 6)),
      [],
      `no secret in ${place}`
    )
  }
  t.equal(secrets.size, 9)
})
