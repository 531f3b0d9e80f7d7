import t from 'tap'
import type { Page } from 'playwright-core'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { testConnector } from '@latchkey/testkit'
import { startSystem } from './system.js'
import type { System } from './system.js'

/** The sandbox connector with what the wizard must render: a patterned parameter, a hidden config value, a scope picker. */
function sandbox(system: System): ConnectorDefinitionJson {
  const definition = testConnector(
    system.server,
    {
      issuer: system.server.issuer,
      customerSelectsScopes: true,
      scopes: { read: 'Read your files', write: 'Change your files' },
      defaultScopes: ['read']
    },
    'sandbox'
  )
  return {
    ...definition,
    description: 'The test authorization server',
    parameters: [
      {
        key: 'workspace',
        label: 'Workspace',
        pattern: '[a-z0-9-]+',
        patternMessage: 'Use lower-case letters, digits and dashes.',
        helpText: 'As in https://<workspace>.example.com'
      }
    ],
    configValues: [{ key: 'partnerCode', label: 'Secret partner code', value: 'hidden-partner-code' }],
    actions: [
      { key: 'list_files', name: 'List files', method: 'GET', path: '/files', scopes: ['read'] },
      { key: 'create_file', name: 'Create a file', method: 'POST', path: '/files', scopes: ['write'] }
    ]
  }
}

async function prepare(system: System, sessionExtras: Record<string, unknown> = {}): Promise<string> {
  const created = await system.api('POST', '/v1/connectors', sandbox(system))
  if (created.status !== 201) throw new Error(`connector: ${JSON.stringify(created.body)}`)
  const app = await system.api('PUT', '/v1/connectors/sandbox/app', {
    clientId: 'sandbox-app',
    clientSecret: 'sandbox-secret'
  })
  if (app.status !== 200) throw new Error(`app: ${JSON.stringify(app.body)}`)
  const session = await system.api<{ url: string; token: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-42',
    connectors: ['sandbox'],
    ...sessionExtras
  })
  if (session.status !== 201) throw new Error(`session: ${JSON.stringify(session.body)}`)
  return session.body.url
}

const card = (page: Page) => page.locator('section[data-connector="sandbox"] article.connection').first()

async function approveIn(page: Page, user = 'alice'): Promise<void> {
  await page.waitForURL(/\/interaction\//)
  await page.fill('#user', user)
  await page.click('#approve')
}

t.test('wizard: field error, connect in a popup, yellow, green after a call, log, disconnect', async (t) => {
  const system = await startSystem(t)
  const url = await prepare(system)
  const { page } = await system.page()
  await page.goto(url)
  t.notOk(page.url().includes('lkcs_'), 'the session token is taken out of the address bar')
  const section = page.locator('section[data-connector="sandbox"]')
  await section.getByRole('heading', { name: 'Sandbox' }).waitFor()
  t.notOk((await page.content()).includes('Secret partner code'), 'hidden config values are never shown')
  t.ok(await section.getByRole('checkbox', { name: /read/ }).isChecked(), 'default scopes are ticked')
  t.notOk(await section.getByRole('checkbox', { name: /write/ }).isChecked(), 'other scopes are not')

  const workspace = section.getByLabel('Workspace')
  await workspace.fill('Not Valid!')
  let popups = 0
  const countPopup = (): void => void (popups += 1)
  page.on('popup', countPopup)
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  await t.resolves(page.waitForSelector('[aria-invalid="true"][data-path="body.parameters.workspace"]'))
  t.equal(popups, 0, 'a field the page can check is refused before any window opens')
  page.off('popup', countPopup)
  const errorId = (await workspace.getAttribute('aria-describedby'))!.split(' ')[0]!
  t.match(
    await page.locator(`#${errorId}`).textContent(),
    /lower-case letters, digits and dashes/,
    'the field error sits beside its field'
  )
  t.equal(await section.locator('article.connection').count(), 0, 'a refused form creates nothing')
  await system.screenshot(page, 'wizard-field-error')

  await workspace.fill('acme-co')
  t.equal(
    await section.locator('label.check', { hasText: 'Change your files' }).locator('.used-by').textContent(),
    'Used by: Create a file',
    'each permission says which actions need it'
  )
  await section.getByRole('checkbox', { name: /write/ }).check()
  const popupOpened = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  const popup = await popupOpened
  await t.resolves(
    card(page).locator('.card-notice.banner-info', { hasText: 'Waiting for Sandbox' }).waitFor(),
    'the card says what it waits for'
  )
  const closed = popup.waitForEvent('close')
  await approveIn(popup)
  await card(page).locator('.card-notice.banner-ok', { hasText: 'Authorization completed successfully' }).waitFor()
  await t.resolves(closed, 'the popup closed itself once it had told the wizard')
  t.equal(await page.locator('#status .banner').count(), 0, 'nothing said far away at the top')
  // "Not connected yet" is yellow too: wait for the connected words, then check the colour.
  const connectedState = card(page).locator('.state', { hasText: 'Connected, not used yet' })
  await connectedState.waitFor()
  t.equal(await connectedState.getAttribute('data-state'), 'yellow')
  t.match(await card(page).locator('.scopes').textContent(), /read, write/, 'granted scopes are listed')
  t.equal(
    await card(page).locator('[data-parameter="workspace"]').textContent(),
    'acme-co',
    'the card says which workspace it is'
  )
  await system.screenshot(page, 'wizard-connected')

  const id = (await card(page).getAttribute('data-connection-id'))!
  const call = await system.api<{ status: number }>('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/me' })
  t.equal(call.body.status, 200, 'an authenticated call succeeds')
  await card(page).locator('[data-state="green"]').waitFor()
  t.equal(await card(page).locator('.state-words').textContent(), 'Working')

  await card(page).getByRole('button', { name: 'Log' }).click()
  await card(page).locator('.log li').first().waitFor()
  const log = await card(page).locator('.log').textContent()
  t.match(log, /Connected to Sandbox/)
  t.ok(log!.indexOf('Connected to Sandbox') < log!.indexOf('created'), 'newest first')
  t.notMatch(log, /connection\.created|connect\.\w+/, 'sentences for the end customer, not event codes')
  await system.screenshot(page, 'wizard')

  // Disconnecting asks first, on the card; Cancel changes nothing.
  await card(page).getByRole('button', { name: 'Disconnect' }).click()
  t.ok(
    await card(page)
      .getByRole('button', { name: 'Yes, disconnect' })
      .evaluate((el) => el === document.activeElement),
    'focus on the confirmation'
  )
  await card(page).getByRole('button', { name: 'Cancel' }).click()
  t.equal(await card(page).locator('[data-state="grey"]').count(), 0, 'cancelled: still connected')
  await card(page).getByRole('button', { name: 'Disconnect' }).click()
  await card(page).getByRole('button', { name: 'Yes, disconnect' }).click()
  await card(page).locator('[data-state="grey"]').waitFor()
  t.equal(await card(page).locator('.state-words').textContent(), 'Disconnected')
  const notice = card(page).locator('.card-notice')
  await notice.filter({ hasText: 'Disconnected. The application can no longer use it' }).waitFor()
  t.ok(await notice.evaluate((el) => el === document.activeElement), 'the outcome is said on the card, focus there')
  let kinds: string[] = []
  for (let i = 0; i < 100 && !kinds.includes('revocation.done'); i++) {
    await new Promise((r) => setTimeout(r, 100))
    kinds = (await system.api<{ events: { kind: string }[] }>('GET', `/v1/connections/${id}/events`)).body.events.map(
      (e) => e.kind
    )
  }
  t.ok(kinds.includes('revocation.done'), 'the worker revoked the tokens at the provider')
  t.ok(system.server.counters.revocations >= 1, 'the provider saw the revocation request')
  await system.screenshot(page, 'wizard-disconnected')
})

t.test('wizard: a session naming actions fixes their scopes and asks a connection only for more', async (t) => {
  const system = await startSystem(t)
  const { page } = await system.page()
  // First the customer connects for reading only.
  await page.goto(await prepare(system))
  const section = page.locator('section[data-connector="sandbox"]')
  await section.getByLabel('Workspace').fill('acme-co')
  const firstPopup = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  const first = await firstPopup
  await approveIn(first)
  await card(page).locator('.state', { hasText: 'Connected, not used yet' }).waitFor()
  await first.close()
  t.equal((await card(page).locator('.scopes').textContent())?.trim(), 'read')

  // Then the application will also create files: its next link names both actions.
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-42',
    connectors: ['sandbox'],
    actions: { sandbox: ['list_files', 'create_file'] }
  })
  await page.goto('about:blank')
  await page.goto(session.body.url)
  const banner = card(page).locator('.missing-scopes')
  await banner.waitFor()
  t.match(await banner.textContent(), /Needs more access .*: write\./, 'the card says what it lacks, in words')
  await system.screenshot(page, 'wizard-needs-more-access')
  // The form for another connection is folded away beside an existing one.
  await section.getByText('Add a connection to Sandbox').click()
  const write = section.getByRole('checkbox', { name: /write/ })
  await write.waitFor()
  t.ok((await write.isChecked()) && (await write.isDisabled()), 'a scope the actions need is ticked and fixed')

  const popupOpened = page.waitForEvent('popup')
  await card(page).getByRole('button', { name: 'Grant more access' }).click()
  await approveIn(await popupOpened)
  await card(page).locator('.scopes', { hasText: 'read, write' }).waitFor()
  t.equal(await card(page).locator('.missing-scopes').count(), 0, 'granted: the warning is gone')
  t.equal(await section.locator('article.connection').count(), 1, 'the same connection, not a new one')
})

t.test('wizard: a denied consent shows the readable error and its hint', async (t) => {
  const system = await startSystem(t)
  const { page } = await system.page()
  await page.goto(await prepare(system))
  const section = page.locator('section[data-connector="sandbox"]')
  await section.getByLabel('Workspace').fill('acme-co')
  const popupOpened = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  const popup = await popupOpened
  await popup.waitForURL(/\/interaction\//)
  await popup.click('#deny')
  // Said on the card it concerns, so a denied connection does not look like a pending one.
  const banner = card(page).locator('.card-notice.banner-error')
  await banner.waitFor()
  t.match(await banner.textContent(), /Access was not granted/)
  t.match(await banner.textContent(), /Connect again|approve|allow/i, 'with a hint a person can act on')
  t.equal(await card(page).locator('.state-words').textContent(), 'Not connected yet')
  await system.screenshot(page, 'wizard-denied')
})

t.test('wizard: a popup closed before it finished is noticed on the card, and Connect is offered again', async (t) => {
  const system = await startSystem(t)
  const { page } = await system.page()
  await page.goto(await prepare(system))
  const section = page.locator('section[data-connector="sandbox"]')
  await section.getByLabel('Workspace').fill('acme-co')
  const popupOpened = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  const popup = await popupOpened
  await popup.waitForURL(/\/interaction\//)
  await popup.close()
  const notice = card(page).locator('.card-notice.banner-error', { hasText: 'window was closed before it finished' })
  await notice.waitFor()
  t.ok(await notice.evaluate((el) => el === document.activeElement), 'focus moves to what happened')
  t.ok(await card(page).getByRole('button', { name: 'Connect' }).isVisible(), 'Connect again is offered')
  t.equal(await card(page).locator('.state-words').textContent(), 'Not connected yet')
  await system.screenshot(page, 'wizard-popup-closed')
  // A card that holds nothing can be removed.
  await card(page).getByRole('button', { name: 'Remove' }).click()
  await page.locator('#status', { hasText: 'Removed the Sandbox card' }).waitFor()
  t.equal(await section.locator('article.connection').count(), 0, 'the abandoned card is gone')
})

t.test(
  'wizard: popups blocked → a full-page redirect ends back in the wizard, connected; all by keyboard',
  async (t) => {
    const system = await startSystem(t)
    const { context, page } = await system.page()
    // What a popup blocker does to window.open.
    await context.addInitScript(() => {
      window.open = () => null
    })
    await page.goto(await prepare(system))
    const workspace = page.locator('section[data-connector="sandbox"]').getByLabel('Workspace')
    await workspace.focus()
    await page.keyboard.type('acme-co')
    await page.keyboard.press('Enter')
    await approveIn(page)
    await page.waitForURL((u) => u.pathname === '/connect/')
    await page.getByText('Authorization completed successfully').waitFor()
    t.equal(new URL(page.url()).hash, '', 'the outcome is read from the fragment and cleared')
    const connectedState = card(page).locator('.state', { hasText: 'Connected, not used yet' })
    await connectedState.waitFor()
    t.equal(await connectedState.getAttribute('data-state'), 'yellow')
    const listed = await system.api<{ connections: { status: string; externalId: string }[] }>(
      'GET',
      '/v1/connections?externalId=customer-42'
    )
    t.match(listed.body.connections, [{ status: 'connected', externalId: 'customer-42' }])
    await system.screenshot(page, 'wizard-redirect-connected')
  }
)

t.test('wizard: readable on a phone-width screen; a bad or missing link says so', async (t) => {
  const system = await startSystem(t)
  const url = await prepare(system)
  const { page } = await system.page({ width: 375, height: 740 })
  await page.goto(url)
  await page.locator('section[data-connector="sandbox"] h2').waitFor()
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
  t.ok(overflow <= 0, `no horizontal scrolling at 375 px (overflow ${overflow} px)`)
  await system.screenshot(page, 'wizard-phone')

  const { page: stranger } = await system.page()
  await stranger.goto(`${system.url}/connect/#session=lkcs_forged`)
  await stranger.getByText('This connect link is not valid or has expired').waitFor()
  const { page: bare } = await system.page()
  await bare.goto(`${system.url}/connect/`)
  await bare.getByText('Open this page from the link the application gives you').waitFor()
  t.pass('bad links are explained')
})

t.test('wizard: only connectors the customer can use, a search over six, an icon each', async (t) => {
  const system = await startSystem(t)
  t.equal((await system.api('POST', '/v1/connectors', sandbox(system))).status, 201)
  t.equal(
    (await system.api('PUT', '/v1/connectors/sandbox/app', { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' }))
      .status,
    200
  )
  // No `connectors`: the whole catalog is offered, and only what can be used is shown.
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', { externalId: 'customer-9' })
  t.equal(session.status, 201)
  const { page } = await system.page()
  await page.goto(session.body.url)
  await page.getByRole('heading', { name: 'Sandbox' }).waitFor()
  t.equal(
    await page.locator('section[data-connector="github"]').count(),
    0,
    'an OAuth connector without its app is left out'
  )
  t.equal(await page.locator('section[data-connector="openai"]').count(), 1, 'an API key connector needs no app')
  t.notOk((await page.content()).includes('not available yet'), 'no unusable cards')
  // Each connector's icon is an image the API serves (a catalog one) or carries (a custom one), drawn by the browser.
  const icon = async (key: string) =>
    page.locator(`section[data-connector="${key}"] img.monogram`).evaluate(async (img: HTMLImageElement) => ({
      src: img.src,
      alt: img.alt,
      // decode() settles once the image is loaded; it rejects for one the browser cannot draw.
      drawn: await img.decode().then(
        () => img.naturalWidth > 0,
        () => false
      )
    }))
  const openai = await icon('openai')
  t.equal(new URL(openai.src).pathname, '/icons/openai.svg', 'a catalog connector shows the icon the API serves')
  t.ok(openai.drawn, 'and the browser drew it')
  t.equal(openai.alt, '', 'decorative: the heading names the connector')
  const custom = await icon('sandbox')
  t.match(custom.src, /^data:image\/svg\+xml;base64,/, "a tenant's own connector carries its icon")
  t.ok(custom.drawn)
  t.match(Buffer.from(custom.src.split(',')[1]!, 'base64').toString(), />SA</, 'a monogram stands for it')
  const shown = await page.locator('section.connector').count()
  t.ok(shown > 6, `${shown} connectors, so a search box`)
  t.equal(
    await page.locator('section.connector details[open]').count(),
    0,
    'with many connectors the forms start closed'
  )

  const search = page.getByLabel('Search connectors')
  await search.fill('open')
  t.equal(await page.locator('section.connector:visible').count(), 1, 'typing narrows the list')
  t.ok(await page.getByRole('heading', { name: 'OpenAI' }).isVisible())
  await search.fill('no such thing')
  await page.getByText('No connector matches "no such thing".').waitFor()
  t.equal(await page.locator('section.connector:visible').count(), 0)
  await system.screenshot(page, 'wizard-search')
  await search.fill('')
  t.equal(await page.locator('section.connector:visible').count(), shown, 'cleared: everything again')
})
