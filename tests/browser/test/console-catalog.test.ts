import t from 'tap'
import type { Page } from 'playwright-core'
import type { ConnectorSummary } from '@latchkey/runtime'
import { testConnector, testMcpConnector } from '@latchkey/testkit'
import { startSystem } from './system.js'
import type { System } from './system.js'

/** What each tile says about a connector's OAuth app; the API's `appSetup` decides which (its rule: runtime's `appSetupOf`). */
const SETUP_WORDS: Record<ConnectorSummary['appSetup'], string> = {
  ready: 'Ready',
  needed: 'Needs app setup',
  none: 'No app needed'
}

/** The keys the catalog should show for a search and filters, worked out from the API's own list. */
function expected(
  connectors: ConnectorSummary[],
  { query = '', kind = '', setup = '' }: { query?: string; kind?: string; setup?: string }
): string[] {
  const needle = query.toLowerCase()
  return connectors
    .filter(
      (c) =>
        (needle === '' || [c.name, c.key, c.description ?? ''].some((text) => text.toLowerCase().includes(needle))) &&
        (kind === '' || c.schemes.some((s) => s.kind === kind)) &&
        (setup === '' || c.appSetup === setup)
    )
    .map((c) => c.key)
    .sort()
}

async function listConnectors(system: System): Promise<ConnectorSummary[]> {
  const listed = await system.api<{ connectors: ConnectorSummary[] }>('GET', '/v1/connectors')
  return listed.body.connectors
}

/** The keys of the tiles a person can see (rendered, not hidden by a filter), sorted. */
async function shownKeys(page: Page): Promise<string[]> {
  const keys = await page
    .locator('#catalog-grid article.connector')
    .evaluateAll((articles) => articles.filter((a) => a.checkVisibility()).map((a) => a.getAttribute('data-connector')))
  return keys.map(String).sort()
}

async function countText(page: Page): Promise<string | null> {
  return page.locator('#catalog-count').textContent()
}

async function signIn(system: System, page: Page): Promise<void> {
  await page.goto(`${system.url}/console/`)
  await page.getByLabel('Tenant API key').fill(system.tenant.apiKey)
  await page.keyboard.press('Enter')
  await page.locator('#catalog-grid article.connector').first().waitFor()
}

t.test('console catalog: a searchable, filterable grid of compact tiles with details on demand', async (t) => {
  const system = await startSystem(t)
  // One of the tenant's own connectors beside the built-in ones.
  const sandbox = testConnector(system.server, { issuer: system.server.issuer }, 'sandbox')
  t.equal((await system.api('POST', '/v1/connectors', sandbox)).status, 201)
  // And one for MCP servers, whose client registers itself: no app to set.
  t.equal((await system.api('POST', '/v1/connectors', testMcpConnector())).status, 201)
  const connectors = await listConnectors(system)
  t.equal(connectors.find((c) => c.key === 'mcp')?.appSetup, 'none', 'a self-registering client needs no app')
  const total = connectors.length
  t.ok(connectors.filter((c) => c.source === 'catalog').length >= 65, 'the built-in catalog is listed')
  t.ok(
    connectors.some((c) => c.key === 'sandbox' && c.source === 'custom'),
    'and the custom connector'
  )

  const { page } = await system.page({ width: 1280, height: 900 })
  await signIn(system, page)

  // Every connector is a tile: icon, name, auth kinds and app setup in words.
  t.same(await shownKeys(page), expected(connectors, {}), 'every connector has a tile')
  t.equal(await countText(page), `${total} of ${total} connectors`)
  t.equal(await page.locator('#catalog-count').getAttribute('aria-live'), 'polite', 'the count is announced')
  const kindSelect = page.getByLabel('Auth kind')
  const kindOptions = await kindSelect
    .locator('option')
    .evaluateAll((options) => options.map((o) => [(o as HTMLOptionElement).value, o.textContent ?? '']))
  const kindLabels = new Map(kindOptions.filter(([value]) => value !== '') as [string, string][])
  t.same(
    [...kindLabels.keys()].sort(),
    [...new Set(connectors.flatMap((c) => c.schemes.map((s) => s.kind)))].sort(),
    'the auth-kind filter offers exactly the kinds the connectors have'
  )
  t.equal(kindOptions[0]?.[1], 'All')
  t.equal(kindLabels.get('oauth2'), 'OAuth 2.0')
  t.equal(kindLabels.get('apiKey'), 'API key')
  const tiles = await page.locator('#catalog-grid article.connector').evaluateAll((articles) =>
    articles.map((a) => ({
      key: a.getAttribute('data-connector') ?? '',
      heading: a.querySelector('h3')?.textContent ?? '',
      icon: a.querySelector('h3 img.monogram')?.getAttribute('src') ?? null,
      auth: a.querySelector('.tile-auth')?.textContent ?? '',
      setup: a.querySelector('.tile-setup')?.textContent ?? '',
      height: a.getBoundingClientRect().height
    }))
  )
  for (const connector of connectors) {
    const shown = tiles.find((tile) => tile.key === connector.key)
    t.same(
      shown === undefined ? undefined : { ...shown, height: undefined },
      {
        key: connector.key,
        height: undefined,
        heading: connector.name,
        icon: connector.iconUrl,
        auth: [...new Set(connector.schemes.map((s) => kindLabels.get(s.kind)))].join(' or '),
        setup: SETUP_WORDS[connector.appSetup]
      },
      `${connector.key}'s tile`
    )
  }
  t.ok(
    tiles.every((tile) => tile.height < 160),
    'every tile is compact while closed'
  )
  t.equal(await page.locator('#catalog-grid [aria-expanded="true"]').count(), 0, 'every tile starts closed')

  // Headings in order: the page's h1, the section's h2, a tile's h3; no level skipped.
  t.equal(await page.locator('#connectors h2').textContent(), 'Connectors')
  const levels = await page
    .locator('h1, h2, h3, h4, h5, h6')
    .evaluateAll((headings) => headings.filter((h) => h.checkVisibility()).map((h) => Number(h.tagName.slice(1))))
  t.equal(levels[0], 1, 'the signed-in page starts with an h1')
  t.ok(
    levels.every((level, i) => i === 0 || level <= levels[i - 1]! + 1),
    `no heading level is skipped (${levels.slice(0, 5).join(', ')}…)`
  )

  // Search: by name, key or description, whatever the case; the count follows.
  const search = page.getByLabel('Search connectors')
  await search.fill('git')
  const git = expected(connectors, { query: 'git' })
  t.ok(git.includes('github') && git.length < total, 'the search term is a narrowing one')
  t.same(await shownKeys(page), git, 'searching narrows by name')
  t.equal(await countText(page), `${git.length} of ${total} connectors`, 'and the count says so')
  await search.fill('GITHUB')
  t.same(await shownKeys(page), expected(connectors, { query: 'github' }), 'whatever the case')
  const byKey = connectors.find((c) => !c.name.toLowerCase().includes(c.key))!
  await search.fill(byKey.key)
  t.ok((await shownKeys(page)).includes(byKey.key), `by key (${byKey.key}, named ${byKey.name})`)
  t.same(await shownKeys(page), expected(connectors, { query: byKey.key }))
  const described = connectors.find((c) =>
    c.description?.split(/\W+/).some((w) => w.length >= 7 && !c.name.toLowerCase().includes(w.toLowerCase()))
  )!
  const word = described
    .description!.split(/\W+/)
    .find((w) => w.length >= 7 && !described.name.toLowerCase().includes(w.toLowerCase()))!
  await search.fill(word)
  t.ok((await shownKeys(page)).includes(described.key), `by description ("${word}" finds ${described.name})`)
  t.same(await shownKeys(page), expected(connectors, { query: word }))
  await search.fill('')
  t.equal(await countText(page), `${total} of ${total} connectors`)

  // The auth-kind filter: each kind shows exactly the connectors that have a scheme of that kind.
  for (const [kind, label] of kindLabels) {
    await kindSelect.selectOption(kind)
    const wanted = expected(connectors, { kind })
    t.same(await shownKeys(page), wanted, `${label}: only its connectors`)
    t.equal(await countText(page), `${wanted.length} of ${total} connectors`)
  }

  // Filters combine; nothing left says so, and one button clears them.
  await kindSelect.selectOption('apiKey')
  await search.fill('o')
  const combined = expected(connectors, { query: 'o', kind: 'apiKey' })
  t.ok(combined.length > 0 && combined.length < expected(connectors, { kind: 'apiKey' }).length)
  t.same(await shownKeys(page), combined, 'search and auth kind combine')
  const empty = page.locator('#catalog-empty')
  t.notOk(await empty.isVisible(), 'no empty message while tiles show')
  await search.fill('sandbox')
  t.same(expected(connectors, { query: 'sandbox', kind: 'apiKey' }), [], 'the sandbox has no API-key scheme')
  t.same(await shownKeys(page), [])
  t.ok(await empty.isVisible(), 'the empty message shows')
  t.match(await empty.textContent(), /No connector matches/)
  t.equal(await countText(page), `0 of ${total} connectors`)
  await empty.getByRole('button', { name: 'Clear search and filters' }).click()
  t.equal(await search.inputValue(), '')
  t.equal(await kindSelect.inputValue(), '')
  t.same(await shownKeys(page), expected(connectors, {}), 'clearing shows every tile again')
  t.notOk(await empty.isVisible())

  // The App setup filter, and the app form inside a tile's details.
  const setupSelect = page.getByLabel('App setup')
  await setupSelect.selectOption('needed')
  t.same(await shownKeys(page), expected(connectors, { setup: 'needed' }), 'not configured: those needing an app')
  await search.fill('sandbox')
  t.same(await shownKeys(page), expected(connectors, { query: 'sandbox', setup: 'needed' }))
  t.ok((await shownKeys(page)).includes('sandbox'))
  const tile = page.locator('article[data-connector="sandbox"]')
  const toggle = tile.getByRole('button', { name: 'Details' })
  t.equal(await toggle.getAttribute('aria-expanded'), 'false')
  const detailsId = (await toggle.getAttribute('aria-controls'))!
  const details = page.locator(`#${detailsId}`)
  t.notOk(await details.isVisible(), 'the details start hidden')
  const grid = (await page.locator('#catalog-grid').boundingBox())!
  t.ok((await tile.boundingBox())!.width < grid.width / 2, 'a closed tile is one column of several')
  await toggle.click()
  t.equal(await toggle.getAttribute('aria-expanded'), 'true')
  t.ok(await details.isVisible(), 'the button opens the details it controls')
  t.ok(Math.abs((await tile.boundingBox())!.width - grid.width) < 2, 'an open tile spans the grid row')
  t.match(await details.locator('.copy-value').inputValue(), `${system.url}/oauth/callback/`, 'the redirect URI')
  await details.locator('summary', { hasText: '2 scopes' }).click()
  t.equal(await details.locator('li[data-scope]').count(), 2, 'the scopes')
  await details.getByRole('button', { name: 'Set OAuth app' }).click()
  await details.getByLabel('Client ID').fill('sandbox-app')
  await details.getByLabel('Client secret').fill('sandbox-secret')
  await details.getByRole('checkbox', { name: /write/ }).check()
  // Every control in the open tile is a target of 24 px at least, the scope checkboxes included.
  const small = await tile.locator('button, input, select, summary').evaluateAll((controls) =>
    controls
      .filter((c) => c.checkVisibility())
      .map((c) => ({ control: c.outerHTML.slice(0, 60), box: c.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(({ control }) => control)
  )
  t.same(small, [], 'no control smaller than 24 px')
  await details.getByRole('button', { name: 'Save OAuth app' }).click()
  await page.getByText('Sandbox OAuth app saved').waitFor()
  const app = await system.api<{ clientId: string; scopes: string[] }>('GET', '/v1/connectors/sandbox/app')
  t.equal(app.body.clientId, 'sandbox-app', 'the app form inside the details saved')
  t.same(app.body.scopes, ['read', 'write'], 'with the scopes checked in it')

  // The console re-rendered with the new app: the search and the filter are as they were, and
  // the sandbox, now configured, no longer matches "Needs app setup".
  const configured = await listConnectors(system)
  t.equal(await search.inputValue(), 'sandbox', 'the search survives the re-render')
  t.equal(await setupSelect.inputValue(), 'needed', 'the filter survives the re-render')
  const stillNeeded = expected(configured, { query: 'sandbox', setup: 'needed' })
  t.notOk(stillNeeded.includes('sandbox'))
  t.same(await shownKeys(page), stillNeeded, 'the configured sandbox left "Needs app setup"')
  t.equal(await countText(page), `${stillNeeded.length} of ${total} connectors`)
  t.equal(
    await page.evaluate(() => document.activeElement?.id),
    'catalog-search',
    'focus does not fall to the page body when the tile it was in is filtered out'
  )
  await setupSelect.selectOption('ready')
  t.same(await shownKeys(page), ['sandbox'], 'configured: the sandbox')
  t.same(expected(configured, { query: 'sandbox', setup: 'ready' }), ['sandbox'])
  t.equal(await tile.locator('.tile-setup').textContent(), 'Ready')
  t.equal(await toggle.getAttribute('aria-expanded'), 'true', 'its details are still open')
  await details.getByRole('button', { name: 'Edit OAuth app' }).click()
  t.equal(await details.getByLabel('Client ID').inputValue(), 'sandbox-app', 'the form shows the saved app')
  await search.fill('')
  t.same(
    await shownKeys(page),
    expected(configured, { setup: 'ready' }),
    'configured: every connector with its app set'
  )
  t.ok(expected(configured, { setup: 'ready' }).includes('sandbox'))
  await setupSelect.selectOption('none')
  t.same(await shownKeys(page), expected(configured, { setup: 'none' }), 'no app needed')
  await setupSelect.selectOption('')
  await system.screenshot(page, 'console-catalog-details')

  // One tile open at a time; the Details button closes its own tile too.
  const github = page.locator('article[data-connector="github"]')
  const githubToggle = github.getByRole('button', { name: 'Details' })
  await githubToggle.click()
  t.equal(await githubToggle.getAttribute('aria-expanded'), 'true')
  t.equal(await toggle.getAttribute('aria-expanded'), 'false', 'opening one closes the other')
  t.notOk(await details.isVisible())
  t.equal(await page.locator('#catalog-grid [aria-expanded="true"]').count(), 1)
  await githubToggle.click()
  t.equal(await githubToggle.getAttribute('aria-expanded'), 'false')
  t.equal(await page.locator('#catalog-grid [aria-expanded="true"]').count(), 0)

  // The keyboard reaches the first tile's button from the filters, and its focus is drawn.
  await search.focus()
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab')
  const focused = await page.evaluate(() => {
    const element = document.activeElement as HTMLElement
    return {
      tag: element.tagName,
      connector: element.closest('article')?.getAttribute('data-connector'),
      ring: element.matches(':focus-visible') ? getComputedStyle(element).boxShadow : 'none'
    }
  })
  t.match(focused, { tag: 'BUTTON', connector: connectors[0]!.key }, 'Tab goes from the filters to the first tile')
  t.not(focused.ring, 'none', 'with a visible focus ring')
  await system.screenshot(page, 'console-catalog-1280')

  // At 375 px: one column, and the whole catalog (every tile closed) a fraction of the ~45,000 px
  // the expanded cards took.
  const narrow = await system.page({ width: 375, height: 740 })
  await signIn(system, narrow.page)
  t.equal(await narrow.page.locator('#catalog-grid [aria-expanded="true"]').count(), 0)
  const columns = await narrow.page
    .locator('#catalog-grid article.connector')
    .evaluateAll((articles) => new Set(articles.map((a) => Math.round(a.getBoundingClientRect().left))).size)
  t.equal(columns, 1, 'one column at 375 px')
  const height = await narrow.page.locator('#connectors').evaluate((section) => section.getBoundingClientRect().height)
  t.ok(height < 6000, `the catalog section is ${Math.round(height)} px tall at 375 px`)
  const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth)
  t.ok(width <= 375, 'nothing overflows sideways')
  await system.screenshot(narrow.page, 'console-catalog-375')
  // Open at 375 px, a tile's details (long URLs, the app form) still fit the width.
  const narrowGithub = narrow.page.locator('article[data-connector="github"]')
  await narrowGithub.getByRole('button', { name: 'Details' }).click()
  await narrowGithub.getByRole('button', { name: 'Set OAuth app' }).click()
  await narrowGithub.getByLabel('Client ID').waitFor()
  t.ok(await narrow.page.evaluate(() => document.documentElement.scrollWidth <= 375), 'an open tile fits 375 px')
})
