import t from 'tap'
import type { HostWindow } from './harness.js'
import { modalFrame, openWizard, startHarness } from './harness.js'

const harness = await startHarness(t)

/** The fragment parameters of an address, in order. */
const fragmentOf = (address: string): [string, string][] => [...new URLSearchParams(new URL(address).hash.slice(1))]

t.test("a session's url keeps its path, query and session, and gains embed, origin and connector", async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl, connector: 'github' })
  const frame = await modalFrame(page)
  const address = new URL(frame.url())
  t.equal(address.origin, harness.wizardOrigin)
  t.equal(address.pathname, '/connect/')
  t.equal(address.search, '?s=cs_42')
  t.strictSame(fragmentOf(frame.url()), [
    ['session', 'lkcs_secret-token'],
    ['embed', 'modal'],
    ['origin', harness.hostOrigin],
    ['connector', 'github']
  ])
})

t.test('without a connector, the fragment names none', async (t) => {
  const page = await harness.hostPage()
  await openWizard(page, { url: harness.sessionUrl })
  const frame = await modalFrame(page)
  t.strictSame(fragmentOf(frame.url()), [
    ['session', 'lkcs_secret-token'],
    ['embed', 'modal'],
    ['origin', harness.hostOrigin]
  ])
})

t.test("parameters the url already had for embed, origin or connector are replaced by the package's", async (t) => {
  const page = await harness.hostPage()
  const forged = `${harness.wizardOrigin}/connect/#session=lkcs_x&origin=https%3A%2F%2Fevil.example&embed=popup&connector=slack`
  await openWizard(page, { url: forged, connector: 'github' })
  const frame = await modalFrame(page)
  t.strictSame(fragmentOf(frame.url()), [
    ['session', 'lkcs_x'],
    ['origin', harness.hostOrigin],
    ['embed', 'modal'],
    ['connector', 'github']
  ])
})

/** The address `connect` opens a popup at, caught before any window opens. */
async function popupAddress(options: Record<string, unknown>): Promise<string | undefined> {
  const page = await harness.hostPage()
  return page.evaluate((given) => {
    const host = window as unknown as HostWindow
    let opened: string | undefined
    window.open = (url?: string | URL) => {
      opened = String(url)
      return null
    }
    host.latchkeyConnect(given as never)
    return opened
  }, options)
}

t.test('a session token and a base URL make the wizard address under /connect/ (popup)', async (t) => {
  for (const baseUrl of [harness.wizardOrigin, `${harness.wizardOrigin}/`]) {
    t.equal(
      await popupAddress({ sessionToken: 'lkcs_abc', baseUrl, mode: 'popup' }),
      `${harness.wizardOrigin}/connect/#session=lkcs_abc&embed=popup&origin=${encodeURIComponent(harness.hostOrigin)}`,
      `baseUrl ${baseUrl}`
    )
  }
})

t.test('a base URL with a path keeps it', async (t) => {
  t.equal(
    await popupAddress({
      sessionToken: 'lkcs_abc',
      baseUrl: `${harness.wizardOrigin}/latchkey//`,
      connector: 'github',
      mode: 'popup'
    }),
    `${harness.wizardOrigin}/latchkey/connect/#session=lkcs_abc&embed=popup&origin=${encodeURIComponent(harness.hostOrigin)}&connector=github`
  )
})

t.test('bad options throw a TypeError naming the option, and open nothing', async (t) => {
  const page = await harness.hostPage()
  const wizard = harness.wizardOrigin
  const cases: { options: Record<string, unknown> | null; names: RegExp }[] = [
    { options: null, names: /options object/ },
    { options: {}, names: /`url`.*`sessionToken` with `baseUrl`/ },
    { options: { url: harness.sessionUrl, sessionToken: 'lkcs_x' }, names: /`url` or `sessionToken`/ },
    { options: { url: harness.sessionUrl, baseUrl: wizard }, names: /`baseUrl` goes with `sessionToken`/ },
    { options: { sessionToken: 'lkcs_x', mode: 'popup' }, names: /`baseUrl`/ },
    {
      options: { sessionToken: 'lkcs_x', baseUrl: wizard },
      names: /`sessionToken` opens the wizard with mode 'popup' only/
    },
    { options: { baseUrl: wizard }, names: /`url`.*`sessionToken`/ },
    { options: { sessionToken: '', baseUrl: wizard, mode: 'popup' }, names: /`sessionToken`/ },
    { options: { sessionToken: 42, baseUrl: wizard, mode: 'popup' }, names: /`sessionToken`/ },
    { options: { url: 'not a url' }, names: /`url` must be an absolute http: or https: address$/ },
    { options: { url: '/connect/#session=lkcs_x' }, names: /`url` must be an absolute/ },
    { options: { url: 'javascript:alert(1)' }, names: /`url` must be .* not a javascript: one/ },
    { options: { url: 42 }, names: /`url` must be .* not number/ },
    {
      options: { sessionToken: 'lkcs_x', baseUrl: 'data:text/html,hi', mode: 'popup' },
      names: /`baseUrl` must be .* not a data: one/
    },
    {
      options: { sessionToken: 'lkcs_x', baseUrl: `${wizard}/?tenant=1`, mode: 'popup' },
      names: /`baseUrl` .* without a query/
    },
    {
      options: { url: harness.sessionUrl, mode: 'fullscreen' },
      names: /`mode` must be 'modal' or 'popup', not "fullscreen"/
    },
    { options: { url: harness.sessionUrl, connector: '' }, names: /`connector`/ },
    { options: { url: harness.sessionUrl, connector: ['github'] }, names: /`connector` .* not an array/ },
    { options: { url: harness.sessionUrl, onEvent: 'log' }, names: /`onEvent` must be a function, not "log"/ }
  ]
  for (const { options, names } of cases) {
    const thrown = await page.evaluate((options) => {
      const host = window as unknown as HostWindow
      try {
        host.latchkeyConnect(options as never)
        return undefined
      } catch (error) {
        return { name: (error as Error).name, message: (error as Error).message }
      }
    }, options)
    t.equal(thrown?.name, 'TypeError', JSON.stringify(options))
    t.match(thrown?.message, names, JSON.stringify(options))
    // A wizard URL carries the session token: it must not end up in an error message (and so in a log).
    t.notMatch(thrown?.message, /lkcs_/, JSON.stringify(options))
  }
  t.equal(await page.locator('iframe, [role="dialog"]').count(), 0, 'no modal was opened')
  t.equal(page.context().pages().length, 1, 'no popup was opened')
})
