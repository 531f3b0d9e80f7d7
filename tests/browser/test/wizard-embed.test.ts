import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import type { Test } from 'tap'
import type { Frame, Page } from 'playwright-core'
import { testConnector } from '@latchkey/testkit'
import { checkAccessibility } from './axe.js'
import { startSystem } from './system.js'
import type { System } from './system.js'

/** `@latchkey/connect` as builders get it: its built `dist`. */
const CONNECT_DIST = fileURLToPath(new URL('.', import.meta.resolve('@latchkey/connect')))

/** A 1×1 PNG logo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64'
)

const HOST_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Builder app</title>
<script type="module" src="/host.js"></script></head>
<body><main><h1>Integrations</h1><button type="button" id="open">Connect an account</button></main></body></html>`

// The builder's page: calls connect() with the options a test leaves on window, records every event.
const HOST_SCRIPT = `import { connect } from '/dist/index.js'
window.events = []
document.getElementById('open').addEventListener('click', () => {
  window.handle = connect({ ...window.options, onEvent: (event) => window.events.push(event) })
})
document.body.dataset.ready = 'yes'`

/**
 * The builder's app on its own origin (`localhost`, where the API is on `127.0.0.1`): the host
 * page with the package, and the pages a session sends the customer back to.
 */
async function startBuilderApp(t: Test): Promise<string> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://app').pathname
    const send = (type: string, body: string | Buffer): void => {
      response.writeHead(200, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' })
      response.end(body)
    }
    if (path === '/') return send('text/html', HOST_PAGE)
    if (path === '/host.js') return send('text/javascript', HOST_SCRIPT)
    if (path === '/connected' || path === '/failed') return send('text/html', `<h1>Back in the app: ${path}</h1>`)
    const module = /^\/dist\/([a-z-]+\.js)$/.exec(path)?.[1]
    if (module !== undefined)
      return void readFile(`${CONNECT_DIST}${module}`).then(
        (body) => send('text/javascript', body),
        () => response.writeHead(404).end()
      )
    response.writeHead(404).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://localhost:${(server.address() as AddressInfo).port}`
}

async function prepare(system: System, settings: Record<string, unknown>): Promise<void> {
  const definition = testConnector(system.server, { issuer: system.server.issuer }, 'sandbox')
  const created = await system.api('POST', '/v1/connectors', definition)
  if (created.status !== 201) throw new Error(`connector: ${JSON.stringify(created.body)}`)
  await system.api('PUT', '/v1/connectors/sandbox/app', { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' })
  const saved = await system.api('PUT', '/v1/settings', settings)
  if (saved.status !== 200) throw new Error(`settings: ${JSON.stringify(saved.body)}`)
}

async function session(system: System, extras: Record<string, unknown> = {}): Promise<string> {
  const created = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-7',
    connectors: ['sandbox'],
    ...extras
  })
  if (created.status !== 201) throw new Error(`session: ${JSON.stringify(created.body)}`)
  return created.body.url
}

async function hostPage(system: System, app: string): Promise<Page> {
  const { page } = await system.page()
  await page.goto(`${app}/`)
  await page.waitForFunction(() => document.body.dataset.ready === 'yes')
  return page
}

async function open(page: Page, options: Record<string, unknown>): Promise<void> {
  await page.evaluate((o) => void ((window as unknown as { options: unknown }).options = o), options)
  await page.click('#open')
}

const events = (page: Page): Promise<{ type: string; [field: string]: unknown }[]> =>
  page.evaluate(() => (window as unknown as { events: { type: string }[] }).events)

async function eventually(page: Page, type: string): Promise<void> {
  await page.waitForFunction(
    (wanted) => (window as unknown as { events: { type: string }[] }).events.some((e) => e.type === wanted),
    type
  )
}

async function wizardFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('iframe')
  const frame = await element.contentFrame()
  if (frame === null) throw new Error('no wizard frame')
  await frame.waitForSelector('#connectors[aria-busy="false"]')
  return frame
}

/** Chooses Connect in the wizard (a page or the frame in one) and answers the test authorization server's popup. */
async function connectIn(page: Page, wizard: Page | Frame, answer: 'approve' | 'deny'): Promise<void> {
  const popupOpened = page.waitForEvent('popup')
  await wizard.getByRole('button', { name: 'Connect Sandbox' }).click()
  const popup = await popupOpened
  await popup.waitForURL(/\/interaction\//)
  if (answer === 'approve') await popup.fill('#user', 'alice')
  await popup.click(`#${answer}`)
}

t.test('embedded in a modal: the tenant’s origin frames the wizard; connect, hear it, Done closes it', async (t) => {
  const system = await startSystem(t)
  const app = await startBuilderApp(t)
  await prepare(system, { displayName: 'Acme Flows', accentColor: '#6b21a8', embedOrigins: [app] })
  const page = await hostPage(system, app)
  await open(page, { url: await session(system), mode: 'modal', connector: 'sandbox' })
  const frame = await wizardFrame(page)
  await eventually(page, 'ready')
  t.same(await events(page), [{ type: 'ready' }], 'ready, once the wizard loaded the session')
  t.equal(await frame.locator('#brand').textContent(), 'Acme Flows', 'the tenant’s display name')
  const done = frame.getByRole('button', { name: 'Done' })
  t.ok(await done.isVisible(), 'embedded: a Done button')

  await connectIn(page, frame, 'approve')
  await eventually(page, 'connected')
  const connections = await system.api<{ connections: { id: string; externalId: string }[] }>(
    'GET',
    '/v1/connections?externalId=customer-7'
  )
  t.same(
    (await events(page)).find((e) => e.type === 'connected'),
    { type: 'connected', connectionId: connections.body.connections[0]?.id, connector: 'sandbox' },
    'the builder’s page hears which connection, with nothing secret'
  )
  await frame.locator('.card-notice.banner-ok', { hasText: 'Authorization completed successfully' }).waitFor()
  t.equal(
    await frame.getByRole('button', { name: 'Connect Sandbox' }).evaluate((el) => getComputedStyle(el).backgroundColor),
    'rgb(107, 33, 168)',
    'buttons in the tenant’s accent colour'
  )
  await system.screenshot(page, 'wizard-embedded-modal')
  await checkAccessibility(t, page, 'the builder’s page with the wizard’s modal open')
  await checkAccessibility(t, frame, 'the wizard inside the modal, connected')

  await done.click()
  await eventually(page, 'closed')
  t.same(
    (await events(page)).map((e) => e.type),
    ['ready', 'connected', 'closed'],
    'Done closes the modal, and the page hears it'
  )
  t.equal(await page.locator('iframe').count(), 0, 'nothing left behind')
})

t.test('an origin the tenant did not allow cannot frame the wizard, nor hear from it in a popup', async (t) => {
  const system = await startSystem(t)
  const app = await startBuilderApp(t)
  await prepare(system, { embedOrigins: ['https://elsewhere.example'] })
  const page = await hostPage(system, app)
  const refused = page.waitForEvent('console', (message) => /frame-ancestors/.test(message.text()))
  await open(page, { url: await session(system), mode: 'modal' })
  await t.resolves(refused, 'Chromium refuses to frame it: frame-ancestors names only the tenant’s origins')

  const other = await hostPage(system, app)
  const popupOpened = other.waitForEvent('popup')
  await open(other, { url: await session(system), mode: 'popup' })
  const popup = await popupOpened
  await popup.locator('#status .banner-error', { hasText: 'This page cannot be embedded here' }).waitFor()
  t.match(await popup.locator('#status').textContent(), new RegExp(`This page \\(${app}\\) is not allowed`))
  t.equal(await popup.getByRole('button', { name: 'Done' }).isVisible(), false, 'not embedded: no Done')
  t.same(await events(other), [], 'the page heard nothing: the wizard posts only to allowed origins')
})

t.test('embedded in a popup: ready, then Done closes the popup and the page hears closed', async (t) => {
  const system = await startSystem(t)
  const app = await startBuilderApp(t)
  await prepare(system, { embedOrigins: [app] })
  const page = await hostPage(system, app)
  const popupOpened = page.waitForEvent('popup')
  await open(page, { url: await session(system), mode: 'popup' })
  const popup = await popupOpened
  await eventually(page, 'ready')
  const closed = popup.waitForEvent('close')
  await popup.getByRole('button', { name: 'Done' }).click()
  await t.resolves(closed, 'the popup is closed')
  await eventually(page, 'closed')
  t.same(
    (await events(page)).map((e) => e.type),
    ['ready', 'closed']
  )
})

t.test('redirect pages: back to the application after a connect, or after a denial, with what happened', async (t) => {
  const system = await startSystem(t)
  const app = await startBuilderApp(t)
  await prepare(system, { displayName: 'Acme Flows', redirectUrls: [`${app}/connected`, `${app}/failed`] })
  const logo = await fetch(`${system.url}/v1/settings/logo`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${system.tenant.apiKey}`, 'content-type': 'image/png' },
    body: PNG
  })
  t.equal(logo.status, 200)
  const { page } = await system.page()
  await page.goto(await session(system, { successUrl: `${app}/connected?flow=9`, failureUrl: `${app}/failed` }))
  await page.locator('#connectors[aria-busy="false"]').waitFor()
  t.equal(
    await page.locator('#brand img.brand-logo').evaluate((img) => (img as HTMLImageElement).naturalWidth),
    1,
    'the tenant’s logo, served by the API itself, is drawn'
  )
  t.equal(await page.title(), 'Connect your accounts to Acme Flows')
  await system.screenshot(page, 'wizard-branded')

  await connectIn(page, page, 'approve')
  await page.waitForURL(/\/connected\?/)
  const back = new URL(page.url())
  const connections = await system.api<{ connections: { id: string }[] }>(
    'GET',
    '/v1/connections?externalId=customer-7'
  )
  t.equal(back.origin + back.pathname, `${app}/connected`)
  t.same(
    Object.fromEntries(back.searchParams),
    { flow: '9', connectionId: connections.body.connections[0]?.id, connector: 'sandbox' },
    'the builder’s own query kept, the connection added'
  )

  const { page: second } = await system.page()
  await second.goto(await session(system, { externalId: 'customer-8', failureUrl: `${app}/failed` }))
  await connectIn(second, second, 'deny')
  await second.waitForURL(/\/failed\?/)
  const failed = new URL(second.url())
  t.equal(failed.searchParams.get('error'), 'access_denied', 'the failure page hears why')
  t.equal(failed.searchParams.get('connector'), 'sandbox')
})
