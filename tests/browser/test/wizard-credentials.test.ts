import t from 'tap'
import type { Test } from 'tap'
import type { Page } from 'playwright-core'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { startSystem } from './system.js'
import type { System } from './system.js'

const API_KEY = 'pat_CANARY0123456789'
const ROTATED = 'pat_ROTATED0123456789'

const card = (page: Page) => page.locator('section[data-connector="docs"] article.connection').first()

/**
 * Adds the connector and its app, opens a connect link for it, and waits for the scheme
 * picker; counts popups (none may open for typed-in credentials).
 */
async function openWizard(
  t: Test,
  system: System,
  definition: { key: string; [field: string]: unknown },
  app: { clientId: string; clientSecret: string } | null
) {
  t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201)
  if (app !== null) t.equal((await system.api('PUT', `/v1/connectors/${definition.key}/app`, app)).status, 200)
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-7',
    connectors: [definition.key]
  })
  const { page } = await system.page()
  const popups = { count: 0 }
  page.on('popup', () => (popups.count += 1))
  await page.goto(session.body.url)
  const section = page.locator(`section[data-connector="${definition.key}"]`)
  const picker = section.getByRole('group', { name: 'How do you want to connect?' })
  await picker.waitFor()
  // The "add a connection" form; cards have their own credential fields.
  const form = section.locator(`form[data-connector-form="${definition.key}"]`)
  return { page, section, picker, popups, form }
}

t.test(
  'wizard: the customer picks the API key scheme, a bad key is refused beside its field, a good one connects with its account; checked, refused, disconnected',
  async (t) => {
    const system = await startSystem(t)
    const quirky = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
    t.teardown(() => quirky.close())
    quirky.addApiKey(API_KEY)
    // A connector offering OAuth (the test authorization server) or a personal access token.
    const oauth = testConnector(system.server, { issuer: system.server.issuer }, 'docs').auth
    const { page, section, picker, popups, form } = await openWizard(
      t,
      system,
      {
        key: 'docs',
        name: 'Docs',
        version: '1.0.0',
        description: 'OAuth or a personal access token',
        auth: [
          { ...oauth, label: 'Sign in with Docs' },
          {
            kind: 'apiKey',
            label: 'Personal access token',
            inputLabel: 'Access token',
            pattern: 'pat_[A-Za-z0-9]+',
            helpText: 'Settings → Developer → Personal access tokens.'
          }
        ],
        http: { baseUrl: quirky.apiBaseUrl },
        verification: { path: '/me', identity: { user: 'account.login', team: 'account.team.name' } }
      },
      { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' }
    )
    t.ok(
      await picker.getByRole('radio', { name: 'Sign in with Docs' }).isChecked(),
      'the first scheme is chosen at first'
    )
    t.ok(await section.getByRole('button', { name: 'Connect Docs' }).isVisible(), 'which connects through the provider')
    t.notOk(
      await form.getByRole('textbox', { name: /^Access token/ }).isVisible(),
      'the token field belongs to the other scheme'
    )

    await picker.getByRole('radio', { name: 'Personal access token' }).check()
    const token = form.getByRole('textbox', { name: /^Access token/ })
    t.ok(await token.isVisible())
    t.equal(await token.getAttribute('type'), 'password', 'typed in like a password')
    t.match(
      await section.locator('.help', { hasText: 'Personal access tokens' }).textContent(),
      /Settings → Developer/,
      'with the help text of the connector'
    )
    await token.fill('sk_wrong')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await t.resolves(page.waitForSelector('[aria-invalid="true"][data-path="body.credentials.apiKey"]'))
    const errorId = (await token.getAttribute('aria-describedby'))!.split(' ')[0]!
    t.match(
      await page.locator(`#${errorId}`).textContent(),
      /not a valid access token/,
      'the API error sits beside the field'
    )
    t.notMatch(await section.locator('form').textContent(), /sk_wrong/, 'the key is not echoed in the error')
    t.equal(await section.locator('article.connection').count(), 0, 'a refused key creates nothing')
    await system.screenshot(page, 'wizard-api-key-error')

    await token.fill(API_KEY)
    await form.getByRole('button', { name: 'Save and connect' }).click()
    const connectedNotice = card(page).locator('.card-notice.banner-ok', { hasText: 'Docs is connected' })
    await connectedNotice.waitFor()
    t.ok(await connectedNotice.evaluate((el) => el === document.activeElement), 'said on the card, where focus moved')
    t.equal(await page.locator('#status .banner').count(), 0, 'and not far away at the top')
    t.equal(popups.count, 0, 'no popup for a typed-in key')
    const banner = await connectedNotice.textContent()
    t.match(banner, /User: quirky-user/, 'the account it belongs to')
    t.match(banner, /Team: Quirky Team/)
    // Green at once: the verification request was a successful authenticated call.
    await card(page).locator('[data-state="green"]').waitFor()
    t.equal(
      await card(page).locator('[data-fact="scheme"]').textContent(),
      'Personal access token',
      'the card says how it is connected'
    )
    t.equal(await card(page).locator('[data-account="user"]').textContent(), 'quirky-user')
    t.equal(await card(page).locator('[data-account="team"]').textContent(), 'Quirky Team')
    t.equal(
      await card(page).getByRole('button', { name: 'Reconnect' }).count(),
      0,
      'a typed-in key has no browser step to redo'
    )
    t.equal(await form.locator('input[name="credential-apiKey"]').inputValue(), '', 'the key does not stay in the form')
    t.notOk((await page.content()).includes(API_KEY), 'nor anywhere in the page')
    await system.screenshot(page, 'wizard-api-key-connected')

    await card(page).getByRole('button', { name: 'Check connection' }).click()
    await card(page).locator('.card-notice.banner-ok', { hasText: 'The connection works' }).waitFor()

    // The customer deletes the token at the provider: checking again says why it no longer works.
    quirky.setModes({ apiRefusesAll: true })
    await card(page).getByRole('button', { name: 'Check connection' }).click()
    const failedCheck = card(page).locator('.card-notice.banner-error', { hasText: 'The connection does not work' })
    await failedCheck.waitFor()
    t.match(
      await failedCheck.textContent(),
      /refused the personal access token \(HTTP 401\)/,
      'a failed check changes the card'
    )
    await card(page).locator('[data-state="red"]').waitFor()
    await system.screenshot(page, 'wizard-api-key-refused')

    // A new token on the same connection: flows keep using its id.
    const id = (await card(page).getAttribute('data-connection-id'))!
    quirky.setModes({ apiRefusesAll: false })
    quirky.addApiKey(ROTATED)
    await card(page).getByRole('button', { name: 'Replace access token' }).click()
    const replacement = card(page).getByRole('textbox', { name: /^Access token/ })
    await replacement.fill('sk_wrong')
    await card(page).getByRole('button', { name: 'Save' }).click()
    await t.resolves(
      card(page).locator('[aria-invalid="true"][data-path="body.credentials.apiKey"]').waitFor(),
      'a bad token is refused beside its field'
    )
    await replacement.fill(ROTATED)
    await card(page).getByRole('button', { name: 'Save' }).click()
    await card(page).locator('.card-notice.banner-ok', { hasText: 'New credentials saved' }).waitFor()
    await card(page).locator('[data-state="green"]').waitFor()
    t.equal(await card(page).getAttribute('data-connection-id'), id, 'the same connection')
    t.equal(await section.locator('article.connection').count(), 1, 'and no other')
    const handedOut = await system.api<{ accessToken: string }>('GET', `/v1/connections/${id}/token`)
    t.equal(handedOut.body.accessToken, ROTATED, 'the new token is the one used')
    t.notOk((await page.content()).includes(ROTATED), 'and it is not left in the page')

    // The provider is down while a key is saved: kept, but yellow and said so on the card, not "connected".
    quirky.setModes({ apiFailNext: 10, apiFailStatus: 503 })
    await card(page).getByRole('button', { name: 'Replace access token' }).click()
    await card(page)
      .getByRole('textbox', { name: /^Access token/ })
      .fill(ROTATED)
    await card(page).getByRole('button', { name: 'Save' }).click()
    const unverified = card(page).locator('.card-notice.banner-warn', { hasText: 'not verified yet' })
    await unverified.waitFor()
    t.match(
      await unverified.textContent(),
      /^New credentials saved, but not verified yet: .+\. Choose Check connection/
    )
    t.match(await card(page).locator('[data-state="yellow"]').textContent(), /^Not verified yet: /, 'the badge too')
    await system.screenshot(page, 'wizard-api-key-not-verified')
    quirky.setModes({ apiFailNext: 0 })
    await card(page).getByRole('button', { name: 'Check connection' }).click()
    await card(page).locator('.card-notice.banner-ok', { hasText: 'The connection works' }).waitFor()
    await card(page).locator('[data-state="green"]').waitFor()

    await card(page).getByRole('button', { name: 'Disconnect' }).click()
    await card(page).getByRole('button', { name: 'Yes, disconnect' }).click()
    await card(page).locator('[data-state="grey"]').waitFor()
    t.equal(await system.runtime.store.credentials.get(id), undefined, 'the key is deleted')
  }
)

t.test(
  'wizard: basic auth typed in, and client credentials with nothing to type; both verified with their account',
  async (t) => {
    const system = await startSystem(t)
    const quirky = await startQuirkyProvider({ clientId: 'machine-app', clientSecret: 'machine-secret' })
    t.teardown(() => quirky.close())
    quirky.addBasicUser('AC123', 'auth-token-CANARY')
    const { page, section, picker, popups, form } = await openWizard(
      t,
      system,
      {
        key: 'sms',
        name: 'SMS',
        version: '1.0.0',
        auth: [
          {
            kind: 'basic',
            label: 'Account SID and auth token',
            usernameLabel: 'Account SID',
            passwordLabel: 'Auth token'
          },
          {
            kind: 'oauth2',
            grant: 'client_credentials',
            label: 'Our platform app',
            tokenUrl: quirky.tokenUrl,
            scopes: { read: 'Read' },
            defaultScopes: ['read'],
            clientAuthMethod: 'client_secret_post'
          }
        ],
        http: { baseUrl: quirky.apiBaseUrl },
        verification: { path: '/me', identity: { user: 'account.login' } }
      },
      { clientId: 'machine-app', clientSecret: 'machine-secret' }
    )

    await form.getByRole('textbox', { name: /^Account SID/ }).fill('AC123')
    await form.locator('input[name="credential-password"]').fill('wrong-token')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    const refused = section.locator('.card-notice.banner-error', { hasText: 'SMS refused these credentials' })
    await refused.waitFor()
    t.match(
      await refused.textContent(),
      /refused the account sid and auth token \(HTTP 401\)/,
      'a wrong token: red at once, with the reason'
    )
    await section.locator('article.connection [data-state="red"]').waitFor()

    await form.getByRole('textbox', { name: /^Account SID/ }).fill('AC123')
    await form.locator('input[name="credential-password"]').fill('auth-token-CANARY')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    const basicConnected = section.locator('.card-notice.banner-ok', { hasText: 'SMS is connected' })
    await basicConnected.waitFor()
    t.match(await basicConnected.textContent(), /User: quirky-user/)
    t.equal(quirky.counters.lastApiAuth, 'basic')

    await picker.getByRole('radio', { name: 'Our platform app' }).check()
    t.equal(await form.locator('input[name^="credential-"]:visible').count(), 0, 'nothing to type for the platform app')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    const machineCard = section.locator('article.connection', {
      has: page.locator('[data-fact="scheme"]', { hasText: 'Our platform app' })
    })
    await machineCard.locator('.card-notice.banner-ok', { hasText: 'SMS is connected' }).waitFor()
    t.equal(quirky.counters.tokenRequests.client_credentials, 1, 'the token was fetched for the verification request')
    t.equal(popups.count, 0, 'no popup for either')
    t.notOk((await page.content()).includes('auth-token-CANARY'), 'the token is nowhere in the page')
    await system.screenshot(page, 'wizard-basic-and-client-credentials')
  }
)

t.test(
  "wizard: a client the customer brings is asked for in the provider's words, with help and a link, and connects with their id and secret",
  async (t) => {
    const system = await startSystem(t)
    const quirky = await startQuirkyProvider({ clientId: 'their-app-id', clientSecret: 'their-SECRET-canary' })
    t.teardown(() => quirky.close())
    quirky.addApiKey(API_KEY)
    const { page, section, picker, popups, form } = await openWizard(
      t,
      system,
      {
        key: 'bank',
        name: 'Bank',
        version: '1.0.0',
        auth: [
          {
            kind: 'oauth2',
            grant: 'client_credentials',
            label: 'Your API application',
            tokenUrl: quirky.tokenUrl,
            scopes: { read: 'Read' },
            defaultScopes: ['read'],
            clientAuthMethod: 'client_secret_post',
            clientOwnership: 'customer',
            clientFields: {
              clientId: {
                label: 'Application key',
                helpText: 'Developer portal → Applications → your application.',
                docsUrl: 'https://docs.bank.example/applications',
                example: 'app_0000'
              },
              clientSecret: { label: 'Application secret' }
            }
          },
          { kind: 'apiKey', label: 'Personal token' }
        ],
        http: { baseUrl: quirky.apiBaseUrl },
        verification: { path: '/me', identity: { user: 'account.login' } }
      },
      null
    )
    t.ok(await picker.getByRole('radio', { name: 'Your API application' }).isChecked())
    const key = form.getByRole('textbox', { name: /^Application key/ })
    t.ok(await key.isVisible(), "the client id under the provider's name for it")
    t.equal(await key.getAttribute('placeholder'), 'app_0000', 'its example as the placeholder')
    const keyField = key.locator('xpath=..')
    t.match(await keyField.locator('.help').first().textContent(), /Developer portal → Applications/, 'its help')
    t.equal(
      await keyField.getByRole('link').getAttribute('href'),
      'https://docs.bank.example/applications',
      'a link to where it is found'
    )
    const secret = form.getByLabel(/^Application secret/)
    t.equal(await secret.getAttribute('type'), 'password', 'the secret is masked')
    t.equal(await form.getByText('Client ID', { exact: true }).count(), 0, 'the generic words are not shown')

    await key.fill('their-app-id')
    await secret.fill('wrong-secret')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await section.locator('article.connection [data-state="red"]').waitFor()
    t.equal(quirky.counters.tokenRequests.client_credentials, 1, 'the wrong secret was tried once, and refused')

    await key.fill('their-app-id')
    await secret.fill('their-SECRET-canary')
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await section.locator('.card-notice.banner-ok', { hasText: 'Bank is connected' }).waitFor()
    t.equal(quirky.counters.tokenRequests.client_credentials, 2, "the token was fetched with the customer's client")
    t.equal(popups.count, 0, 'no popup')
    t.notOk((await page.content()).includes('their-SECRET-canary'), 'the secret is nowhere in the page')
    await system.screenshot(page, 'wizard-customer-client-fields')
  }
)
