import { mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Test } from 'tap'
import type { Runtime } from '@latchkey/runtime'
import { startAuthorizationServer } from '@latchkey/testkit'
import type { AuthorizationServer } from '@latchkey/testkit'
import { startSystem as startWholeSystem } from '@latchkey/test-system'

/** Debian's Chromium, installed by `infra/local/ensure-system.sh`; never a downloaded browser. */
export const CHROMIUM = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium'
const REPOSITORY = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
/** The test run's artifacts folder: screenshots land here (`npm test` and CI keep it). */
export const ARTIFACTS = process.env.LATCHKEY_ARTIFACTS_DIR ?? join(REPOSITORY, 'artifacts')

/** The whole system on loopback (`@latchkey/test-system`) plus the test authorization server and Chromium. */
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

export async function startSystem(t: Test, options: Parameters<typeof startWholeSystem>[1] = {}): Promise<System> {
  const system = await startWholeSystem(t, options)
  const server = await startAuthorizationServer({
    clients: [
      { clientId: 'sandbox-app', clientSecret: 'sandbox-secret', redirectUris: [`${system.url}/oauth/callback/`] }
    ],
    scopes: ['read', 'write'],
    accessTokenTtlSeconds: 3600,
    // For MCP-style connectors: clients register themselves, beside a protected resource.
    registration: true,
    protectedResource: true
  })
  t.teardown(() => server.close())

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  })
  t.teardown(() => browser.close())

  return {
    url: system.url,
    runtime: system.runtime,
    server,
    browser,
    tenant: system.tenant,
    api: async (method, path, body) => {
      const { status, body: answer } = await system.api(method, path, body)
      return { status, body: answer as never }
    },
    async page(options = {}) {
      const context = await browser.newContext({
        viewport: { width: options.width ?? 1100, height: options.height ?? 900 }
      })
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
