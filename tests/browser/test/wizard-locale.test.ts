import t from 'tap'
import type { Page } from 'playwright-core'
import { startQuirkyProvider } from '@latchkey/testkit'
import { checkAccessibility } from './axe.js'
import { startSystem } from './system.js'
import type { System } from './system.js'

const API_KEY = 'pat_LOCALE0123456789'
const NBSP = '\u00a0'

/** A connector taking a personal access token and the customer's workspace, verified against the quirky provider. */
async function docsConnector(system: System, apiBaseUrl: string): Promise<void> {
  const created = await system.api('POST', '/v1/connectors', {
    key: 'docs',
    name: 'Docs',
    version: '1.0.0',
    auth: { kind: 'apiKey', inputLabel: 'Access token', pattern: 'pat_[A-Za-z0-9]+' },
    parameters: [{ key: 'workspace', label: 'Workspace', required: true, pattern: '[a-z0-9-]+' }],
    http: { baseUrl: apiBaseUrl },
    verification: { path: '/me', identity: { user: 'account.login' } }
  })
  if (created.status !== 201) throw new Error(`connector: ${JSON.stringify(created.body)}`)
  const settings = await system.api('PUT', '/v1/settings', { displayName: 'Acme Flows' })
  if (settings.status !== 200) throw new Error(`settings: ${JSON.stringify(settings.body)}`)
}

async function open(system: System, locale?: string): Promise<Page> {
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-fr',
    connectors: ['docs'],
    ...(locale === undefined ? {} : { locale })
  })
  if (session.status !== 201) throw new Error(`session: ${JSON.stringify(session.body)}`)
  const { page } = await system.page()
  await page.goto(session.body.url)
  await page.locator('#connectors[aria-busy="false"]').waitFor()
  return page
}

const card = (page: Page) => page.locator('section[data-connector="docs"] article.connection').first()

t.test('a connect session in French: every word of the wizard in French, the page marked as French', async (t) => {
  const system = await startSystem(t)
  const quirky = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
  t.teardown(() => quirky.close())
  quirky.addApiKey(API_KEY)
  await docsConnector(system, quirky.apiBaseUrl)
  const page = await open(system, 'fr')

  t.equal(await page.locator('html').getAttribute('lang'), 'fr', 'the page says it is French (screen readers)')
  t.equal(await page.title(), 'Connectez vos comptes à Acme Flows')
  t.equal(await page.locator('main h1').textContent(), 'Connectez vos comptes')
  t.equal(await page.locator('a.skip').textContent(), 'Aller au contenu')
  t.match(await page.locator('#session-info').textContent(), /^Lien valable jusqu’à /)
  const section = page.locator('section[data-connector="docs"]')
  t.equal(await section.locator('summary').textContent(), 'Ajouter une connexion à Docs')
  const form = section.locator('form[data-connector-form="docs"]')
  t.ok(await form.getByLabel('Nom de cette connexion').isVisible(), 'the connection name field, in French')
  t.equal(await form.locator('.required').first().getAttribute('title'), 'obligatoire')

  // Found by the page itself, before asking the API: in French.
  await form.getByRole('button', { name: 'Enregistrer et connecter' }).click()
  const problems = form.locator('.form-error')
  await problems.waitFor()
  t.match(await problems.textContent(), /^Certains champs sont à corriger/)
  const workspace = form.getByRole('textbox', { name: /^Workspace/ })
  const errorId = (await workspace.getAttribute('aria-describedby'))!.split(' ')[0]!
  t.equal(await page.locator(`#${errorId}`).textContent(), 'Le champ Workspace est obligatoire.')

  await workspace.fill('acme')
  await form.getByRole('textbox', { name: /^Access token/ }).fill(API_KEY)
  await form.getByRole('button', { name: 'Enregistrer et connecter' }).click()
  const connected = card(page).locator('.card-notice.banner-ok')
  await connected.waitFor()
  t.equal(
    await connected.textContent(),
    `Docs est connecté${NBSP}: User${NBSP}: quirky-user.`,
    'the outcome on the card, with French punctuation; the account as the provider names it'
  )
  await card(page).locator('[data-state="green"]').waitFor()
  t.equal(await card(page).locator('.state-words').textContent(), 'Opérationnelle')
  t.equal(await card(page).getAttribute('aria-label'), `Docs${NBSP}: connectée`, 'the card’s name for screen readers')
  t.same(
    await card(page).locator(':scope > .actions button').allTextContents(),
    ['Vérifier la connexion', `Remplacer${NBSP}: Access token`, 'Déconnecter', 'Historique'],
    'the card’s actions'
  )
  t.same(
    (await card(page).locator('dl.facts dt').allTextContents()).slice(0, 3),
    ['User', 'Workspace', 'Dernière utilisation'],
    'the facts: the connector’s own labels as written, the wizard’s in French'
  )
  // The verification request was its first use: a French relative time ("il y a 2 secondes", "maintenant").
  t.match(await card(page).locator('dl.facts dd').nth(2).textContent(), /^(maintenant|il y a \d+ secondes?)$/)

  await card(page).getByRole('button', { name: 'Vérifier la connexion' }).click()
  await card(page).locator('.card-notice.banner-ok', { hasText: 'La connexion fonctionne' }).waitFor()
  t.equal(
    await card(page).locator('.card-notice').textContent(),
    `La connexion fonctionne${NBSP}: User${NBSP}: quirky-user.`
  )
  t.match(
    await card(page).locator('dl.facts').textContent(),
    /Dernière vérification(maintenant|il y a \d+ secondes?)/,
    'when it was checked, in French'
  )

  await card(page).getByRole('button', { name: 'Historique' }).click()
  await card(page).locator('.log-area h3', { hasText: 'Historique' }).waitFor()
  await checkAccessibility(t, page, 'the wizard in French, a card with its log open')
  await system.screenshot(page, 'wizard-fr')

  await card(page).getByRole('button', { name: 'Déconnecter' }).click()
  const question = card(page).getByRole('group', { name: `Déconnecter Docs${NBSP}?` })
  t.match(await question.textContent(), /L’application perd l’accès/)
  await question.getByRole('button', { name: 'Oui, déconnecter' }).click()
  await card(page).locator('.card-notice', { hasText: 'Connexion coupée.' }).waitFor()
  await card(page).locator('[data-state="grey"]').waitFor()
  t.equal(await card(page).locator('.state-words').textContent(), 'Déconnectée')
  t.equal(await card(page).getByRole('button', { name: 'Supprimer' }).count(), 1, 'an empty card can be removed')
})

t.test('the French catalog translates every English string; without a locale the wizard is English', async (t) => {
  const system = await startSystem(t)
  const quirky = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
  t.teardown(() => quirky.close())
  await docsConnector(system, quirky.apiBaseUrl)
  const page = await open(system)
  t.equal(await page.locator('html').getAttribute('lang'), 'en')
  t.equal(await page.title(), 'Connect your accounts to Acme Flows')
  t.equal(await page.locator('main h1').textContent(), 'Connect your accounts')
  t.equal(
    await page.locator('section[data-connector="docs"] summary').textContent(),
    'Add a connection to Docs',
    'English as before'
  )

  // The catalog as the browser runs it: each French entry differs from its English one (strings,
  // and functions given the same values), so nothing was left untranslated by copying.
  const untranslated = await page.evaluate(async () => {
    const { stringsFor } = (await import(new URL('../ui/wizard-strings.js', location.href).href)) as {
      stringsFor: (locale: string) => Record<string, unknown>
    }
    const en = stringsFor('en')
    const fr = stringsFor('fr')
    const shown = (value: unknown): unknown =>
      typeof value === 'function' ? (value as (...values: unknown[]) => unknown)('Value', 'other', 3) : value
    const keys = [...new Set([...Object.keys(en), ...Object.keys(fr)])]
    return {
      missing: keys.filter((key) => !(key in en) || !(key in fr)),
      same: keys.filter((key) => shown(en[key]) === shown(fr[key])),
      count: keys.length,
      unknown: stringsFor('de') === en
    }
  })
  t.same(untranslated.missing, [], 'the two catalogs have the same keys')
  t.same(untranslated.same, [], 'no French entry reads like the English one')
  t.ok(untranslated.count > 80, `the catalog holds the wizard's words (${untranslated.count} entries)`)
  t.ok(untranslated.unknown, 'a language the wizard does not have falls back to English')

  const refused = await system.api<{ error: { details: { path: string }[] } }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-de',
    locale: 'de'
  })
  t.equal(refused.status, 400, 'a session cannot ask for a language the wizard does not speak')
  t.ok(
    refused.body.error.details.some((d) => d.path.includes('locale')),
    'the refusal names the locale field'
  )
})
