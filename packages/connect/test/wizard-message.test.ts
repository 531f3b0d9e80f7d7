import t from 'tap'
import type { HostWindow } from './harness.js'
import {
  CONNECTED,
  ERROR,
  envelope,
  events,
  modalFrame,
  openWizard,
  postFrom,
  startHarness,
  waitForEvents,
  waitForReceived
} from './harness.js'

const harness = await startHarness(t)

t.test('ready, connected, error and close are reported in order, closed last', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  t.strictSame(await waitForEvents(page, 1), [{ type: 'ready' }])
  await frame.click('#connected')
  await waitForEvents(page, 2)
  await frame.click('#error')
  await waitForEvents(page, 3)
  await frame.click('#done')
  t.strictSame(await waitForEvents(page, 4), [{ type: 'ready' }, CONNECTED, ERROR, { type: 'closed' }])
  t.equal(await page.locator('[role="dialog"]').count(), 0, 'the modal is gone')
})

t.test('a message from the wizard origin but another window is ignored', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  await waitForEvents(page, 1)
  // A second frame on the wizard's origin, as an attacker's page could embed it too, posting with the right origin.
  await page.evaluate(
    ({ wizardOrigin, hostOrigin }) => {
      const impostor = document.createElement('iframe')
      impostor.id = 'impostor'
      impostor.src = `${wizardOrigin}/connect/#session=lkcs_other&embed=modal&origin=${encodeURIComponent(hostOrigin)}`
      document.body.append(impostor)
    },
    { wizardOrigin: harness.wizardOrigin, hostOrigin: harness.hostOrigin }
  )
  // The wizard's ready and then the impostor's arrived; only the first was reported.
  await waitForReceived(page, envelope({ type: 'ready' }), harness.wizardOrigin, 2)
  // The impostor is behind the modal's backdrop: its script posts, no click reaches it.
  const impostor = await (await page.locator('#impostor').elementHandle())?.contentFrame()
  if (impostor === null || impostor === undefined) throw new Error('the impostor frame did not load')
  await postFrom(impostor, envelope(CONNECTED))
  await waitForReceived(page, envelope(CONNECTED), harness.wizardOrigin)
  t.strictSame(await events(page), [{ type: 'ready' }], "the other window's ready and connected are ignored")
  await postFrom(impostor, envelope({ type: 'close' }))
  await waitForReceived(page, envelope({ type: 'close' }), harness.wizardOrigin)
  t.equal(await page.locator('[role="dialog"]').count(), 1, "the other window's close does not close the modal")
  await frame.click('#connected')
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, CONNECTED], "the wizard's own window is still heard")
})

t.test('a message the host page posts itself is ignored', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  await modalFrame(page)
  await waitForEvents(page, 1)
  const forged = envelope({ type: 'connected', connectionId: 'conn_forged', connector: 'github' })
  await page.evaluate((data) => window.postMessage(data, '*'), forged)
  await waitForReceived(page, forged, harness.hostOrigin)
  t.strictSame(await events(page), [{ type: 'ready' }])
})

t.test("a message from the wizard's frame once it shows another origin is ignored", async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  await waitForEvents(page, 1)
  // The same window (event.source is the iframe's) on a third origin: only the origin check stops it.
  const fragment = `#session=lkcs_x&embed=modal&origin=${encodeURIComponent(harness.hostOrigin)}`
  await frame.goto(`${harness.strangerOrigin}/connect/${fragment}`)
  await waitForReceived(page, envelope({ type: 'ready' }), harness.strangerOrigin)
  await frame.click('#connected')
  await waitForReceived(page, envelope(CONNECTED), harness.strangerOrigin)
  await frame.click('#done')
  await waitForReceived(page, envelope({ type: 'close' }), harness.strangerOrigin)
  t.strictSame(await events(page), [{ type: 'ready' }], "the third origin's messages are ignored")
  t.equal(await page.locator('[role="dialog"]').count(), 1, "the third origin's close does not close the modal")
  // Back on the wizard's origin, the frame is heard again.
  await frame.goto(`${harness.wizardOrigin}/connect/${fragment}`)
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, { type: 'ready' }])
})

t.test('malformed messages from the wizard are ignored', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  await waitForEvents(page, 1)
  const malformed: unknown[] = [
    null,
    'ready',
    42,
    [envelope({ type: 'ready' })],
    { type: 'connected', connectionId: 'conn_1', connector: 'github' },
    { ...envelope(CONNECTED), source: 'someone-else' },
    { ...envelope(CONNECTED), version: 2 },
    { ...envelope(CONNECTED), version: '1' },
    envelope({ type: 'closed' }),
    envelope({ type: 'finished' }),
    envelope({ type: 'connected', connector: 'github' }),
    envelope({ type: 'connected', connectionId: 123, connector: 'github' }),
    envelope({ type: 'connected', connectionId: 'conn_1', connector: null }),
    envelope({ type: 'error', message: 'No code.' }),
    envelope({ type: 'error', code: 'denied' }),
    envelope({ type: 'error', code: 'denied', message: 'Denied.', connector: 7 }),
    envelope({ type: 'error', code: 'denied', message: 'Denied.', connectionId: { id: 'conn_1' } })
  ]
  for (const data of malformed) await postFrom(frame, data)
  // Known fields only reach onEvent; a well-formed message with extras is still read.
  const withExtras = { ...envelope(CONNECTED), secret: 'not for the host' }
  await postFrom(frame, withExtras)
  await waitForReceived(page, withExtras, harness.wizardOrigin)
  t.equal(
    await page.evaluate(() => (window as unknown as HostWindow).received.length),
    malformed.length + 2,
    'every message arrived'
  )
  t.strictSame(await events(page), [{ type: 'ready' }, CONNECTED])
  t.equal(await page.locator('[role="dialog"]').count(), 1, 'the modal is still open')
})

t.test('an error without the optional fields is reported as it came', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  await waitForEvents(page, 1)
  const error = envelope({ type: 'error', code: 'session_expired', message: 'This link has expired.' })
  const withIds = envelope({ ...ERROR, connectionId: 'conn_9' })
  await postFrom(frame, error)
  await postFrom(frame, withIds)
  t.strictSame(await waitForEvents(page, 3), [
    { type: 'ready' },
    { type: 'error', code: 'session_expired', message: 'This link has expired.' },
    { ...ERROR, connectionId: 'conn_9' }
  ])
})

t.test('a callback that throws does not stop the modal from closing', async (t) => {
  const page = await harness.hostPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.evaluate((url) => {
    const host = window as unknown as HostWindow
    host.handle = host.latchkeyConnect({
      url,
      onEvent: (event) => {
        host.events.push(event)
        throw new Error(`the host's callback failed on ${event.type}`)
      }
    })
  }, harness.sessionUrl)
  await waitForEvents(page, 1)
  await page.keyboard.press('Escape')
  t.strictSame(await waitForEvents(page, 2), [{ type: 'ready' }, { type: 'closed' }])
  t.equal(await page.locator('[role="dialog"]').count(), 0, 'the modal is gone')
  t.strictSame(errors, ["the host's callback failed on ready", "the host's callback failed on closed"], 'reported')
})
