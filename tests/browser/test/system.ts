import { mkdirSync } from 'node:fs'
import { createServer } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastify from 'fastify'
import { Redis } from 'ioredis'
import { pino } from 'pino'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Test } from 'tap'
import { AJV_OPTIONS, CATALOG, latchkeyApp, logOptions } from '@latchkey/api'
import { createJobQueues } from '@latchkey/jobs'
import { createRuntime } from '@latchkey/runtime'
import type { Runtime } from '@latchkey/runtime'
import { openStore } from '@latchkey/store'
import { createTestDatabase, serviceUrls, startAuthorizationServer, testEncryptionKeys, testRedisPrefix } from '@latchkey/testkit'
import type { AuthorizationServer } from '@latchkey/testkit'
import { startWorkers } from '@latchkey/worker'

/** Debian's Chromium, installed by `infra/local/ensure-system.sh`; never a downloaded browser. */
export const CHROMIUM = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium'
const ADMIN_TOKEN = 'admin-token-for-browser-tests-0123456789'
const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** The test run's artifacts folder: screenshots land here (`npm test` and CI keep it). */
export const ARTIFACTS = process.env.LATCHKEY_ARTIFACTS_DIR ?? join(REPOSITORY, 'artifacts')

/** The whole system on loopback, all real: PostgreSQL, Redis + BullMQ workers, the API, the test authorization server, Chromium. */
export interface System {
  readonly url: string
  readonly runtime: Runtime
  readonly server: AuthorizationServer
  readonly browser: Browser
  readonly tenant: { id: string; apiKey: string }
  /** Calls the API with the tenant's key. */
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>
  /** A fresh browser context (its own cookies and storage) and page; closed at teardown. */
  page(options?: { width?: number; height?: number }): Promise<{ context: BrowserContext; page: Page }>
  /** Saves a full-page screenshot as `artifacts/browser/<name>.png`. */
  screenshot(page: Page, name: string): Promise<string>
}

async function freePort(): Promise<number> {
  return new Promise((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })
}

export async function startSystem(t: Test): Promise<System> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  t.teardown(() => redis.disconnect())
  const store = await openStore({ connectionString: database.url, encryptionKeys: testEncryptionKeys() })
  t.teardown(() => store.close())
  const prefix = testRedisPrefix()
  const queues = createJobQueues({ connection: redis, prefix })
  t.teardown(async () => {
    await Promise.all([queues.revoke.obliterate({ force: true }), queues.refresh.obliterate({ force: true })])
    await queues.close()
  })
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'sandbox-app', clientSecret: 'sandbox-secret', redirectUris: [`${url}/oauth/callback/`] }],
    scopes: ['read', 'write'],
    accessTokenTtlSeconds: 3600
  })
  t.teardown(() => server.close())
  const runtime = createRuntime({ store, queues, redis, connectors: CATALOG, config: { publicUrl: url, allowPrivateNetwork: true } })
  await runtime.start()
  t.teardown(() => runtime.close())
  const app = fastify({ logger: logOptions('warn'), ajv: AJV_OPTIONS })
  await app.register(latchkeyApp, { runtime, redis, adminToken: ADMIN_TOKEN })
  await app.listen({ host: '127.0.0.1', port })
  t.teardown(() => app.close())
  const workers = await startWorkers({ runtime, connection: redis, prefix, concurrency: 2, sweepIntervalMs: 60_000, logger: pino({ level: 'warn' }) })
  t.teardown(() => workers.close())

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  })
  t.teardown(() => browser.close())

  const created = await fetch(`${url}/v1/tenants`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Acme' }) })
  const tenant = (await created.json()) as { id: string; apiKey: string }
  const api: System['api'] = async (method, path, body) => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${tenant.apiKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) })
    })
    const text = await response.text()
    return { status: response.status, body: (text === '' ? undefined : JSON.parse(text)) as never }
  }
  return {
    url,
    runtime,
    server,
    browser,
    tenant,
    api,
    async page(options = {}) {
      const context = await browser.newContext({ viewport: { width: options.width ?? 1100, height: options.height ?? 900 } })
      t.teardown(() => context.close())
      const page = await context.newPage()
      page.setDefaultTimeout(20_000)
      return { context, page }
    },
    async screenshot(page, name) {
      const dir = join(ARTIFACTS, 'browser')
      mkdirSync(dir, { recursive: true })
      const path = join(dir, `${name}.png`)
      await page.screenshot({ path, fullPage: true })
      return path
    }
  }
}
