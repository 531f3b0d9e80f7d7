import t from 'tap'
import type { Page } from 'playwright-core'
import type { HostWindow } from './harness.js'
import { CONNECTED, ERROR, events, openWizard, startHarness, waitForEvents } from './harness.js'

const harness = await startHarness(t)

/** Opens the wizard in a popup from the Connect button; answers the popup once it has posted ready. */
async function openPopup(page: Page): Promise<Page> {
  const [popup] = await Promise.all([
    page.waitForEvent('popup'),
    openWizard(page, { url: harness.sessionUrl, connector: 'github', mode: 'popup' })
  ])
  await popup.waitForSelector('#connected')
  return popup
}

const handleClosed = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).handle?.closed)

t.test('popup mode opens the wizard in a popup and relays its messages', async (t) => {
  const page = await harness.hostPage()
  const popup = await openPopup(page)
  const address = new URL(popup.url())
  t.equal(`${address.origin}${address.pathname}${address.search}`, `${harness.wizardOrigin}/connect/?s=cs_42`)
  t.strictSame(
    [...new URLSearchParams(address.hash.slice(1))],
    [
      ['session', 'lkcs_secret-token'],
      ['embed', 'popup'],
      ['origin', harness.hostOrigin],
      ['connector', 'github']
    ]
  )
  t.equal(await page.locator('[role="dialog"], iframe').count(), 0, 'no modal in popup mode')
  t.equal(await popup.evaluate(() => window.opener !== null), true, 'the popup keeps its opener')
  t.strictSame(await waitForEvents(page, 1), [{ type: 'ready' }])
  await popup.click('#connected')
  await waitForEvents(page, 2)
  await popup.click('#error')
  t.strictSame(await waitForEvents(page, 3), [{ type: 'ready' }, CONNECTED, ERROR])
  t.equal(await handleClosed(page), false)
})

t.test('a popup the person closes is reported closed, once', async (t) => {
  const page = await harness.hostPage()
  const popup = await openPopup(page)
  await waitForEvents(page, 1)
  await popup.close()
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, { type: 'closed' }])
  t.equal(await handleClosed(page), true)
  // Several polls later, still one closed.
  await page.waitForTimeout(1200)
  t.strictSame(await events(page), [{ type: 'ready' }, { type: 'closed' }])
})

t.test("the wizard's close message closes the popup", async (t) => {
  const page = await harness.hostPage()
  const popup = await openPopup(page)
  await waitForEvents(page, 1)
  await Promise.all([popup.waitForEvent('close'), popup.click('#done', { noWaitAfter: true })])
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, { type: 'closed' }])
  t.equal(await handleClosed(page), true)
  await page.waitForTimeout(1200)
  t.strictSame(await events(page), [{ type: 'ready' }, { type: 'closed' }], '`closed` once, the poll adds none')
})

t.test("the host's handle.close() closes the popup", async (t) => {
  const page = await harness.hostPage()
  const popup = await openPopup(page)
  await waitForEvents(page, 1)
  await Promise.all([
    popup.waitForEvent('close'),
    page.evaluate(() => (window as unknown as HostWindow).handle?.close())
  ])
  t.strictSame(await events(page), [{ type: 'ready' }, { type: 'closed' }])
  await page.waitForTimeout(1200)
  t.strictSame(await events(page), [{ type: 'ready' }, { type: 'closed' }], '`closed` once, the poll adds none')
})

t.test('a blocked popup is reported as popup_blocked, then closed', async (t) => {
  const page = await harness.hostPage()
  // What a browser's popup blocker does: window.open answers null.
  await page.evaluate(() => void (window.open = () => null))
  await openWizard(page, { url: harness.sessionUrl, mode: 'popup' })
  const reported = await waitForEvents(page, 2)
  t.match(reported, [{ type: 'error', code: 'popup_blocked', message: /blocked the popup/ }, { type: 'closed' }])
  t.equal(reported.length, 2)
  t.equal(await handleClosed(page), true)
  t.equal(page.context().pages().length, 1, 'no popup')
  await page.waitForTimeout(700)
  t.equal((await events(page)).length, 2, 'nothing more is reported')
})
