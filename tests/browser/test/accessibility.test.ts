import t from 'tap'
import type { Page } from 'playwright-core'
import { testConnector } from '@latchkey/testkit'
import { axeViolations, checkAccessibility } from './axe.js'
import { startSystem } from './system.js'
import type { System } from './system.js'

async function sandbox(system: System): Promise<void> {
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
  const created = await system.api('POST', '/v1/connectors', {
    ...definition,
    parameters: [{ key: 'workspace', label: 'Workspace', pattern: '[a-z0-9-]+', helpText: 'As in acme-co' }]
  })
  if (created.status !== 201) throw new Error(`connector: ${JSON.stringify(created.body)}`)
  await system.api('PUT', '/v1/connectors/sandbox/app', { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' })
}

/** WCAG contrast against white of an `rgb(r, g, b)` or `rgba(r, g, b, a)` colour, seen over white. */
function contrastWithWhite(colour: string): number {
  const [r, g, b, alpha = 1] = (colour.match(/[\d.]+/g) ?? []).map(Number)
  const [lr, lg, lb] = [r!, g!, b!].map((c) => {
    const v = (alpha * c + (1 - alpha) * 255) / 255
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4
  })
  return 1.05 / (0.2126 * lr! + 0.7152 * lg! + 0.0722 * lb! + 0.05)
}

/** The focus ring's outer colour on the focused element (the last shadow of `--focus`). */
async function focusRingColour(page: Page): Promise<string> {
  const shadow = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow)
  return [...shadow.matchAll(/rgba?\([^)]*\)/g)].at(-1)?.[0] ?? shadow
}

const card = (page: Page) => page.locator('section[data-connector="sandbox"] article.connection').first()

t.test('the connect wizard has no axe-core violation in any state a customer meets', async (t) => {
  const system = await startSystem(t)
  await sandbox(system)
  // Every catalog connector that needs no app, and the sandbox: enough for the search box.
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', { externalId: 'customer-1' })
  const { page } = await system.page()
  await page.goto(session.body.url)
  await page.locator('#connectors[aria-busy="false"]').waitFor()
  await page.getByLabel('Search connectors').waitFor()
  await checkAccessibility(t, page, 'the list of connectors with its search box')

  await page.getByLabel('Search connectors').fill('zzz-nothing')
  await page.locator('p.no-match:not([hidden])').waitFor()
  await checkAccessibility(t, page, 'a search matching nothing')
  await page.getByLabel('Search connectors').fill('Sandbox')

  const section = page.locator('section[data-connector="sandbox"]')
  await section.getByText('Add a connection to Sandbox').click()
  // Targets: every checkbox and radio at least 24 × 24 px.
  const small = await section
    .locator('input[type="checkbox"]:visible, input[type="radio"]:visible')
    .evaluateAll((inputs) =>
      inputs
        .map((input) => input.getBoundingClientRect())
        .filter((box) => box.width < 24 || box.height < 24)
        .map((box) => `${box.width}×${box.height}`)
    )
  t.ok((await section.locator('input[type="checkbox"]:visible').count()) > 0, 'the scope checkboxes are there')
  t.same(small, [], 'no checkbox or radio smaller than 24 px')
  // The focus ring, reached by keyboard, contrasts at least 3:1 with the white page.
  await section.getByLabel('Workspace').focus()
  await page.keyboard.press('Shift+Tab')
  await page.keyboard.press('Tab')
  const ring = await focusRingColour(page)
  t.ok(contrastWithWhite(ring) >= 3, `the focus ring (${ring}) is at least 3:1 against white`)

  await section.getByLabel('Workspace').fill('Not Valid!')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  await section.locator('[aria-invalid="true"]').first().waitFor()
  await checkAccessibility(t, page, 'a field refused beside its field')

  await section.getByLabel('Workspace').fill('acme-co')
  const popupOpened = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Sandbox' }).click()
  const popup = await popupOpened
  await card(page).locator('.card-notice.banner-info').waitFor()
  await checkAccessibility(t, page, 'waiting for the provider’s window')
  await popup.waitForURL(/\/interaction\//)
  await popup.fill('#user', 'alice')
  await popup.click('#approve')
  await card(page).locator('.card-notice.banner-ok').waitFor()
  await checkAccessibility(t, page, 'connected, the outcome on the card')

  await card(page).getByRole('button', { name: 'Log' }).click()
  await card(page).locator('.log li').first().waitFor()
  await checkAccessibility(t, page, 'the connection’s log open')

  await card(page).getByRole('button', { name: 'Disconnect' }).click()
  await checkAccessibility(t, page, 'asked to confirm a disconnect')
  await card(page).getByRole('button', { name: 'Yes, disconnect' }).click()
  await card(page).locator('[data-state="grey"]').waitFor()
  await checkAccessibility(t, page, 'disconnected')

  await page.setViewportSize({ width: 375, height: 800 })
  await checkAccessibility(t, page, 'at 375 px')

  // The check itself can fail: a nameless button and a low-contrast text are found.
  await page.evaluate(() => {
    const probe = document.createElement('div')
    probe.id = 'axe-probe'
    probe.append(document.createElement('button'))
    const faint = document.createElement('p')
    faint.textContent = 'Faint words'
    faint.style.color = '#dddddd'
    probe.append(faint)
    document.getElementById('main')!.append(probe)
  })
  const found = (await axeViolations(page)).map((v) => v.id)
  t.ok(found.includes('button-name') && found.includes('color-contrast'), 'axe-core runs and reports what it finds')
  await page.evaluate(() => document.getElementById('axe-probe')!.remove())

  const { page: stranger } = await system.page()
  await stranger.goto(`${system.url}/connect/#session=lkcs_forged`)
  await stranger.locator('.banner-error').waitFor()
  await checkAccessibility(t, stranger, 'a link that is not valid')
})

t.test('the builder console has no axe-core violation in any section', async (t) => {
  const system = await startSystem(t)
  await sandbox(system)
  const { page } = await system.page()
  await page.goto(`${system.url}/console/`)
  await page.getByLabel('Tenant API key').waitFor()
  await checkAccessibility(t, page, 'signed out')
  await page.getByLabel('Tenant API key').fill('lk_not_a_key')
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText('This API key was not accepted.').waitFor()
  await checkAccessibility(t, page, 'a key refused')
  await page.getByLabel('Tenant API key').fill(system.tenant.apiKey)
  await page.keyboard.press('Enter')
  await page.getByRole('heading', { name: 'Connectors' }).waitFor()
  await checkAccessibility(t, page, 'signed in: the catalog grid')

  const box = page.locator('article[data-connector="box"]')
  await box.getByRole('button', { name: 'Details' }).click()
  await checkAccessibility(t, page, 'a connector’s details open')

  const created = await system.api<{ id: string }>('POST', '/v1/connections', {
    connector: 'sandbox',
    externalId: 'customer-1',
    parameters: { workspace: 'acme-co' }
  })
  t.equal(created.status, 201)
  // Still signed in after a reload (the key is kept in this tab).
  await page.reload()
  await page.locator(`[data-connection-id="${created.body.id}"]`).first().waitFor()
  await checkAccessibility(t, page, 'with a connection listed')
  await page.setViewportSize({ width: 375, height: 800 })
  await checkAccessibility(t, page, 'at 375 px')
})
