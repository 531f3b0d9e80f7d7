import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import { openStore } from '@latchkey/store'
import { freePort, startStack, testConnector } from '@latchkey/testkit'

const API = fileURLToPath(new URL('../dist/server.js', import.meta.url))
const WORKER = fileURLToPath(new URL('../../worker/dist/server.js', import.meta.url))
const ADMIN = 'admin-token-for-process-tests-0123456789'

function launch(t: Test, entry: string, env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'ignore', 'inherit']
  })
  t.teardown(
    () =>
      new Promise<void>((resolve) =>
        child.exitCode !== null || child.signalCode !== null
          ? resolve()
          : (child.once('exit', () => resolve()), child.kill('SIGTERM'))
      )
  )
  return child
}

async function ready(url: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`${url} never became ready`)
}

t.test(
  '200 concurrent calls on an expired token across two API processes and a worker: exactly one token request',
  async (t) => {
    const stack = await startStack(t, {
      quirkyProvider: {
        clientId: 'quirky-app',
        clientSecret: 'quirky-secret',
        modes: { rotateRefreshTokens: true, delayMs: 200 }
      }
    })
    const { quirkyProvider: quirky, encryptionKeys: keys } = stack
    const [portA, portB] = [await freePort(), await freePort()]
    const common = {
      DATABASE_URL: stack.databaseUrl,
      REDIS_URL: stack.redisUrl,
      LATCHKEY_ENCRYPTION_KEYS: keys,
      LATCHKEY_ADMIN_TOKEN: ADMIN,
      LATCHKEY_QUEUE_PREFIX: stack.prefix,
      LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
      PUBLIC_URL: `http://127.0.0.1:${portA}`,
      LOG_LEVEL: 'warn'
    }
    const a = `http://127.0.0.1:${portA}`
    const b = `http://127.0.0.1:${portB}`
    launch(t, API, { ...common, PORT: String(portA) })
    await ready(a)
    launch(t, API, { ...common, PORT: String(portB) })
    launch(t, WORKER, { ...common, SWEEP_INTERVAL_SECONDS: '1' })
    await ready(b)

    const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }
    const tenant = (await (
      await fetch(`${a}/v1/tenants`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Load' }) })
    ).json()) as { apiKey: string }
    const headers = { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' }
    const post = async (base: string, path: string, body?: unknown) =>
      fetch(`${base}${path}`, { method: 'POST', headers, body: body === undefined ? undefined : JSON.stringify(body) })
    t.equal((await post(a, '/v1/connectors', testConnector(quirky, {}, 'quirky'))).status, 201)
    t.equal(
      (
        await fetch(`${a}/v1/connectors/quirky/app`, {
          method: 'PUT',
          headers,
          body: JSON.stringify({ clientId: 'quirky-app', clientSecret: 'quirky-secret' })
        })
      ).status,
      200
    )
    const connection = (await (await post(a, '/v1/connections', { connector: 'quirky' })).json()) as { id: string }
    const { authorizeUrl } = (await (await post(a, `/v1/connections/${connection.id}/authorize`)).json()) as {
      authorizeUrl: string
    }
    const start = await fetch(authorizeUrl, { redirect: 'manual' })
    const cookie = (start.headers.getSetCookie()[0] ?? '').split(';')[0] ?? ''
    const callback =
      (await fetch(start.headers.get('location') ?? '', { redirect: 'manual' })).headers.get('location') ?? ''
    t.match(await (await fetch(callback, { headers: { cookie } })).text(), /Authorization completed successfully/)
    t.equal(
      (
        (await (await post(b, `/v1/connections/${connection.id}/http`, { method: 'GET', url: '/warm' })).json()) as {
          status: number
        }
      ).status,
      200,
      'process B has the token cached'
    )

    // The access token dies at the provider, and the worker finds it due at the same moment.
    quirky.expireAccessTokens()
    const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: keys, migrate: false })
    stack.defer(() => store.close(), 'close the store')
    await store.db
      .updateTable('credentials')
      .set({ refresh_due_at: new Date(Date.now() - 1000) })
      .execute()
    const before = quirky.counters.tokenRequests.refresh_token ?? 0

    const calls = Array.from({ length: 200 }, (_, i) =>
      post(i % 2 === 0 ? a : b, `/v1/connections/${connection.id}/http`, { method: 'GET', url: `/item/${i}` }).then(
        async (r) => ({ http: r.status, body: (await r.json()) as { status: number } })
      )
    )
    const results = await Promise.all(calls)
    t.equal(results.filter((r) => r.http === 200 && r.body.status === 200).length, 200, 'all 200 calls succeed')
    await new Promise((resolve) => setTimeout(resolve, 2500)) // let the worker's sweep run at least once more
    t.equal((quirky.counters.tokenRequests.refresh_token ?? 0) - before, 1, 'exactly one token request')
    const stored = await store.credentials.get(connection.id)
    t.equal(
      stored?.tokenSet.refreshToken,
      quirky.issuedRefreshTokens.at(-1),
      'the stored refresh token is the last one issued'
    )
    t.equal(stored?.version, 2)
  }
)
