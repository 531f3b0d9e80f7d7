import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { chromium } from 'playwright-core'
import type { Frame, Page } from 'playwright-core'
import type { Test } from 'tap'
import type { ConnectEvent, ConnectHandle, ConnectOptions } from '../src/index.js'

/** Debian's Chromium, never a downloaded browser (as in tests/browser). */
const CHROMIUM = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium'
const FIXTURES = new URL('./fixtures/', import.meta.url)
/** The package as builders get it: what `npm run build` wrote. */
const DIST = new URL('../dist/', import.meta.url)

/** What the host page (test/fixtures/host.js) keeps on `window` for the tests to read. */
export interface HostWindow {
  latchkeyConnect(options: ConnectOptions): ConnectHandle
  /** What `onEvent` received, in order. */
  events: ConnectEvent[]
  /** Every message the page received, whatever its origin or sender. */
  received: { origin: string; data: unknown }[]
  /** The options the Connect button passes to `connect` (its `onEvent` records into `events`). */
  pendingOptions: Omit<ConnectOptions, 'onEvent'>
  handle: ConnectHandle | undefined
  /** The directives of every CSP violation the page reported. */
  cspViolations: string[]
}

/** The wizard message fields the stand-in wizard (test/fixtures/wizard.js) posts. */
export const CONNECTED = { type: 'connected', connectionId: 'conn_123', connector: 'github' } as const
export const ERROR = {
  type: 'error',
  code: 'access_denied',
  message: 'You denied access to your GitHub account.',
  connector: 'github'
} as const

export interface Harness {
  /** The builder's page: http://127.0.0.1:<port>, under a CSP without 'unsafe-inline'. */
  readonly hostOrigin: string
  /** Where the stand-in wizard is: http://localhost:<port>. */
  readonly wizardOrigin: string
  /** The same stand-in wizard on a third origin: http://localhost:<another port>. */
  readonly strangerOrigin: string
  /** A connect-session URL as the API answers it, on the wizard origin. */
  readonly sessionUrl: string
  /** A fresh context and page on the host page, ready to call `connect`. */
  hostPage(viewport?: { width: number; height: number }): Promise<Page>
}

/** Starts the host and wizard servers and Chromium; everything stops at the test's teardown. */
export async function startHarness(t: Test): Promise<Harness> {
  const wizardPages = async (path: string, response: ServerResponse): Promise<void> => {
    if (path === '/connect/') return send(response, 'text/html', await readFile(new URL('wizard.html', FIXTURES)))
    if (path === '/wizard.js') return send(response, 'text/javascript', await readFile(new URL('wizard.js', FIXTURES)))
    return notFound(response)
  }
  const wizard = await serve(t, '127.0.0.1', wizardPages)
  const stranger = await serve(t, '127.0.0.1', wizardPages)
  const wizardOrigin = `http://localhost:${wizard}`
  const strangerOrigin = `http://localhost:${stranger}`
  // The builder's CSP allows no inline style or script: the modal must style itself through the CSSOM.
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "connect-src 'self'",
    `frame-src ${wizardOrigin} ${strangerOrigin}`
  ].join('; ')
  const host = await serve(t, '127.0.0.1', async (path, response) => {
    if (path === '/')
      return send(response, 'text/html', await readFile(new URL('host.html', FIXTURES)), {
        'content-security-policy': csp
      })
    if (path === '/host.js') return send(response, 'text/javascript', await readFile(new URL('host.js', FIXTURES)))
    const module = /^\/dist\/([a-z-]+\.js)$/.exec(path)?.[1]
    if (module !== undefined) return send(response, 'text/javascript', await readFile(new URL(module, DIST)))
    return notFound(response)
  })
  const hostOrigin = `http://127.0.0.1:${host}`

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync']
  })
  t.teardown(() => browser.close())

  return {
    hostOrigin,
    wizardOrigin,
    strangerOrigin,
    sessionUrl: `${wizardOrigin}/connect/?s=cs_42#session=lkcs_secret-token`,
    async hostPage(viewport = { width: 1100, height: 900 }) {
      const context = await browser.newContext({ viewport })
      t.teardown(() => context.close())
      const page = await context.newPage()
      page.setDefaultTimeout(10_000)
      await page.goto(`${hostOrigin}/`)
      await page.waitForFunction(() => document.body.dataset.ready === 'yes')
      return page
    }
  }
}

async function serve(
  t: Test,
  hostname: string,
  handle: (path: string, response: ServerResponse) => Promise<void>
): Promise<number> {
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://fixture').pathname
    handle(path, response).catch((error: unknown) => {
      response.statusCode = 500
      response.end(String(error))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, hostname, resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return (server.address() as AddressInfo).port
}

function send(response: ServerResponse, type: string, body: Buffer, headers: Record<string, string> = {}): void {
  response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', ...headers })
  response.end(body)
}

function notFound(response: ServerResponse): void {
  response.writeHead(404, { 'content-type': 'text/plain' })
  response.end('not found')
}

/** Clicks the host page's Connect button, which calls `connect` with these options. */
export async function openWizard(page: Page, options: Omit<ConnectOptions, 'onEvent'>): Promise<void> {
  await page.evaluate((pending) => {
    ;(window as unknown as HostWindow).pendingOptions = pending
  }, options)
  await page.click('#open')
}

/** The modal's wizard frame, once its stand-in page has loaded. */
export async function modalFrame(page: Page): Promise<Frame> {
  const frame = await page.locator('iframe[title="Connect an account"]').elementHandle()
  const content = await frame?.contentFrame()
  if (content === null || content === undefined) throw new Error('the modal has no wizard frame')
  await content.waitForSelector('#connected')
  return content
}

/** What `onEvent` received so far. */
export function events(page: Page): Promise<ConnectEvent[]> {
  return page.evaluate(() => (window as unknown as HostWindow).events)
}

/** Waits until `onEvent` has received `count` events. */
export async function waitForEvents(page: Page, count: number): Promise<ConnectEvent[]> {
  await page.waitForFunction((n) => (window as unknown as HostWindow).events.length >= n, count)
  return events(page)
}

/** Waits until the host page has received `count` messages from `origin` (any window) with this data. */
export async function waitForReceived(page: Page, data: unknown, origin: string, count = 1): Promise<void> {
  await page.waitForFunction(
    ({ json, from, count }) =>
      (window as unknown as HostWindow).received.filter(
        (message) => message.origin === from && JSON.stringify(message.data) === json
      ).length >= count,
    { json: JSON.stringify(data), from: origin, count }
  )
}

/** Has the stand-in wizard in `frame` post this data with `window.post`, as it is, to its embedder. */
export async function postFrom(frame: Frame, data: unknown): Promise<void> {
  await frame.evaluate((data) => (window as unknown as { post(data: unknown): void }).post(data), data)
}

/** The protocol envelope of a wizard message. */
export function envelope<T extends object>(fields: T): T & { source: 'latchkey-connect'; version: 1 } {
  return { source: 'latchkey-connect', version: 1, ...fields }
}
