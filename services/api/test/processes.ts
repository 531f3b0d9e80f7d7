import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { Test } from 'tap'
import { freePort, testConnector } from '@latchkey/testkit'
import type { QuirkyProvider, Stack } from '@latchkey/testkit'

/** The built entry points, started as the deployment starts them. */
export const API = fileURLToPath(new URL('../dist/server.js', import.meta.url))
export const WORKER = fileURLToPath(new URL('../../worker/dist/server.js', import.meta.url))
export const ADMIN = 'admin-token-for-process-tests-0123456789'

/** Starts `entry` with only `env` (and PATH); stopped with SIGTERM at teardown. */
export function launch(t: Test, entry: string, env: Record<string, string>): ChildProcess {
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

/** Waits for `/readyz` to answer 200. */
export async function ready(url: string): Promise<void> {
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

/**
 * Two API processes and a worker (sweeping every second) on the stack's database with
 * `redis` (the Redis variables: `REDIS_URL`, or the cluster's), all ready.
 */
export async function startProcesses(
  t: Test,
  stack: Pick<Stack, 'databaseUrl' | 'encryptionKeys' | 'prefix'>,
  redis: Record<string, string>
): Promise<{ a: string; b: string }> {
  const [portA, portB] = [await freePort(), await freePort()]
  const common = {
    DATABASE_URL: stack.databaseUrl,
    ...redis,
    LATCHKEY_ENCRYPTION_KEYS: stack.encryptionKeys,
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
  return { a, b }
}

/** A tenant on API `a` with the quirky connector, connected through the real connect flow. */
export async function connectThroughProcesses(
  t: Test,
  a: string,
  quirky: QuirkyProvider
): Promise<{
  connectionId: string
  post: (base: string, path: string, body?: unknown) => Promise<Response>
  headers: Record<string, string>
}> {
  const admin = { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' }
  const tenant = (await (
    await fetch(`${a}/v1/tenants`, { method: 'POST', headers: admin, body: JSON.stringify({ name: 'Load' }) })
  ).json()) as { apiKey: string }
  const headers = { authorization: `Bearer ${tenant.apiKey}`, 'content-type': 'application/json' }
  const post = async (base: string, path: string, body?: unknown): Promise<Response> =>
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
  return { connectionId: connection.id, post, headers }
}

/**
 * 200 concurrent calls on an expired token, alternating between APIs `a` and `b`, while the
 * worker finds the token due: all succeed, and the provider sees exactly one refresh.
 */
export async function checkOneRefreshForManyCalls(
  t: Test,
  options: {
    a: string
    b: string
    quirky: QuirkyProvider
    connectionId: string
    post: (base: string, path: string, body?: unknown) => Promise<Response>
    makeDue: () => Promise<void>
  }
): Promise<void> {
  const { a, b, quirky, connectionId, post } = options
  quirky.expireAccessTokens()
  await options.makeDue()
  const before = quirky.counters.tokenRequests.refresh_token ?? 0
  const calls = Array.from({ length: 200 }, (_, i) =>
    post(i % 2 === 0 ? a : b, `/v1/connections/${connectionId}/http`, { method: 'GET', url: `/item/${i}` }).then(
      async (r) => ({ http: r.status, body: (await r.json()) as { status: number } })
    )
  )
  const results = await Promise.all(calls)
  t.equal(results.filter((r) => r.http === 200 && r.body.status === 200).length, 200, 'all 200 calls succeed')
  await new Promise((resolve) => setTimeout(resolve, 2500)) // let the worker's sweep run at least once more
  t.equal((quirky.counters.tokenRequests.refresh_token ?? 0) - before, 1, 'exactly one token request')
}
