import t from 'tap'
import type { Page } from 'playwright-core'
import type { Test } from 'tap'
import type { HostWindow } from './harness.js'
import { events, modalFrame, openWizard, startHarness, waitForEvents } from './harness.js'

const harness = await startHarness(t)

/** How many listeners of each type the page's window and document have, as DevTools counts them. */
async function listenerCounts(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page)
  const counts: Record<string, number> = {}
  for (const target of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression: target })
    if (result.objectId === undefined) throw new Error(`no ${target} object`)
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId })
    for (const listener of listeners)
      counts[`${target} ${listener.type}`] = (counts[`${target} ${listener.type}`] ?? 0) + 1
  }
  await cdp.detach()
  return counts
}

/** What the modal leaves behind on the page: to compare before opening and after closing. */
function pageState(page: Page) {
  return page.evaluate(() => ({
    bodyChildren: document.body.children.length,
    rootOverflow: document.documentElement.style.overflow,
    bodyOverflow: document.body.style.overflow,
    dialogs: document.querySelectorAll('[role="dialog"], iframe').length,
    focused: document.activeElement?.id
  }))
}

/** Opens the modal from the Connect button, with an inline overflow of the host's own on <body> to be restored. */
async function openModal(t: Test, page: Page) {
  await page.evaluate(() => void (document.body.style.overflow = 'visible'))
  await page.focus('#open')
  const before = { state: await pageState(page), listeners: await listenerCounts(page) }
  await openWizard(page, { url: harness.sessionUrl })
  await modalFrame(page)
  t.strictSame(await waitForEvents(page, 1), [{ type: 'ready' }])
  return before
}

/** Checks that the modal closed exactly once and left the page as it found it. */
async function expectClosedAndGone(t: Test, page: Page, before: Awaited<ReturnType<typeof openModal>>) {
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, { type: 'closed' }])
  t.strictSame(await pageState(page), before.state, 'the DOM, overflow and focus are as before opening')
  t.strictSame(await listenerCounts(page), before.listeners, "the modal's listeners are removed")
  t.equal(await page.evaluate(() => (window as unknown as HostWindow).handle?.closed), true, 'handle.closed')
  // Nothing more is reported: not by another Escape, nor by a second close().
  await page.keyboard.press('Escape')
  await page.evaluate(() => (window as unknown as HostWindow).handle?.close())
  await page.waitForTimeout(200)
  t.strictSame(await events(page), [{ type: 'ready' }, { type: 'closed' }], '`closed` is reported once')
}

t.test("the modal is a labelled dialog over the page, styled under a CSP without 'unsafe-inline'", async (t) => {
  const page = await harness.hostPage({ width: 1100, height: 900 })
  await openModal(t, page)
  const dialog = page.locator('[role="dialog"]')
  t.equal(await dialog.count(), 1)
  t.equal(await dialog.getAttribute('aria-modal'), 'true')
  t.equal(await dialog.getAttribute('aria-label'), 'Connect an account')
  t.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'dialog', 'focus is in the dialog')

  const close = dialog.getByRole('button', { name: 'Close' })
  const closeBox = await close.boundingBox()
  t.ok(closeBox !== null && closeBox.width >= 24 && closeBox.height >= 24, 'the close button is at least 24 px')
  t.ok(await close.isVisible(), 'the close button is visible')

  const dialogBox = await dialog.boundingBox()
  const iframeBox = await dialog.locator('iframe[title="Connect an account"]').boundingBox()
  t.strictSame(iframeBox, dialogBox, 'the iframe fills the dialog')
  t.match(dialogBox, { x: (1100 - 620) / 2, y: (900 - 760) / 2, width: 620, height: 760 }, 'centred, 620 × 760')
  // The close button is drawn over the wizard, inside the dialog.
  t.ok(
    closeBox !== null &&
      dialogBox !== null &&
      closeBox.x + closeBox.width <= dialogBox.x + dialogBox.width &&
      closeBox.y >= dialogBox.y,
    'the close button is inside the dialog'
  )
  t.equal(
    await page.evaluate(() => document.elementFromPoint(5, 5)?.contains(document.querySelector('[role="dialog"]'))),
    true,
    'a backdrop covers the page'
  )
  t.equal(
    await page.evaluate(() => {
      const button = document.querySelector('[role="dialog"] button')
      return button === null ? null : document.elementFromPoint(...center(button.getBoundingClientRect())) === button
      function center(box: DOMRect): [number, number] {
        return [box.x + box.width / 2, box.y + box.height / 2]
      }
    }),
    true,
    'the close button is on top of the wizard'
  )
  t.equal(await page.evaluate(() => getComputedStyle(document.documentElement).overflow), 'hidden', 'no scrolling')
  t.strictSame(await page.evaluate(() => (window as unknown as HostWindow).cspViolations), [], 'no CSP violation')
})

t.test('at 375 px the dialog takes the whole viewport', async (t) => {
  const page = await harness.hostPage({ width: 375, height: 700 })
  await openModal(t, page)
  const dialog = page.locator('[role="dialog"]')
  t.strictSame(await dialog.boundingBox(), { x: 0, y: 0, width: 375, height: 700 })
  t.strictSame(await dialog.locator('iframe').boundingBox(), { x: 0, y: 0, width: 375, height: 700 })
})

t.test('keyboard focus cannot leave the dialog for the page behind', async (t) => {
  const page = await harness.hostPage()
  await openModal(t, page)
  await page.keyboard.press('Shift+Tab')
  t.equal(
    await page.evaluate(() => document.querySelector('[role="dialog"]')?.contains(document.activeElement)),
    true,
    'Shift+Tab from the dialog stays in it'
  )
  await page.keyboard.press('Tab')
  t.equal(
    await page.evaluate(() => document.activeElement?.getAttribute('aria-label')),
    'Close',
    'Tab reaches the close button'
  )
})

t.test('Escape closes the modal', async (t) => {
  const page = await harness.hostPage()
  const before = await openModal(t, page)
  t.notSame(await listenerCounts(page), before.listeners, 'the open modal listens (so the count can tell)')
  await page.keyboard.press('Escape')
  await expectClosedAndGone(t, page, before)
})

t.test('the close button closes the modal', async (t) => {
  const page = await harness.hostPage()
  const before = await openModal(t, page)
  await page.getByRole('button', { name: 'Close' }).click()
  await expectClosedAndGone(t, page, before)
})

t.test("the host's handle.close() closes the modal", async (t) => {
  const page = await harness.hostPage()
  const before = await openModal(t, page)
  t.equal(await page.evaluate(() => (window as unknown as HostWindow).handle?.closed), false)
  await page.evaluate(() => (window as unknown as HostWindow).handle?.close())
  await expectClosedAndGone(t, page, before)
})

t.test("the wizard's close message closes the modal", async (t) => {
  const page = await harness.hostPage()
  const before = await openModal(t, page)
  const frame = await modalFrame(page)
  await frame.click('#done')
  await expectClosedAndGone(t, page, before)
})
