import { fileURLToPath } from 'node:url'
import t from 'tap'
import { testConnector } from '@latchkey/testkit'
import { startSystem } from './system.js'

const BOX_FRAGMENT = fileURLToPath(
  new URL('../../../packages/connector-sdk/test/fixtures/box-openapi-fragment.json', import.meta.url)
)

t.test(
  'console: sign in, set an app, import the Box OpenAPI fragment, connect through a connect link, manage the connection',
  async (t) => {
    const system = await startSystem(t)
    const sandbox = await system.api(
      'POST',
      '/v1/connectors',
      testConnector(system.server, { issuer: system.server.issuer }, 'sandbox')
    )
    t.equal(sandbox.status, 201)
    const { page } = await system.page()
    await page.goto(`${system.url}/`)
    t.equal(new URL(page.url()).pathname, '/console/', 'the root opens the console')

    const nav = page.getByRole('navigation', { name: 'Sections' })
    t.notOk(await nav.isVisible(), 'no section navigation while signed out')
    await page.getByLabel('Tenant API key').fill('lk_not_a_key')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.getByText('This API key was not accepted.').waitFor()
    await page.getByLabel('Tenant API key').fill(system.tenant.apiKey)
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Connectors' }).waitFor()
    t.ok(await nav.isVisible(), 'the section navigation once signed in')
    t.notOk(page.url().includes(system.tenant.apiKey), 'the key is not in the URL')
    for (const name of ['Box', 'GitHub', 'Zendesk', 'Sandbox'])
      await page.locator('article.connector h3', { hasText: name }).first().waitFor()
    // Each connector's icon, drawn: GitHub's own (served by the API), the sandbox's carried as a data: URL.
    const icon = (key: string) =>
      page.locator(`article[data-connector="${key}"] h3 img.monogram`).evaluate(async (img: HTMLImageElement) => ({
        src: img.src,
        drawn: await img.decode().then(
          () => img.naturalWidth > 0,
          () => false
        )
      }))
    const githubIcon = await icon('github')
    t.equal(new URL(githubIcon.src).pathname, '/icons/github.svg')
    t.ok(githubIcon.drawn, "GitHub's icon is drawn")
    const sandboxIcon = await icon('sandbox')
    t.match(sandboxIcon.src, /^data:image\/svg\+xml;base64,/)
    t.ok(sandboxIcon.drawn, "the custom connector's monogram is drawn")

    // The OAuth app: a bad override first (its error beside the field), then a good one.
    const box = page.locator('article[data-connector="box"]')
    // The catalog is a grid of closed tiles: Box's details (redirect URI, app form) open on demand.
    await box.getByRole('button', { name: 'Details' }).click()
    t.match(
      await box.locator('.copy-value').inputValue(),
      `${system.url}/oauth/callback/`,
      'the redirect URI to register'
    )
    await box.getByRole('button', { name: 'Set OAuth app' }).click()
    await box.getByLabel('Client ID').fill('box-client')
    await box.getByLabel('Client secret').fill('box-secret-value')
    await box.getByLabel('Token URL').fill('ftp://nowhere')
    await box.getByRole('button', { name: 'Save OAuth app' }).click()
    await box.locator('[data-path="body.overrides.tokenUrl"][aria-invalid="true"]').waitFor()
    const tokenErrorId = (await box.getByLabel('Token URL').getAttribute('aria-describedby'))!.split(' ')[0]!
    t.match(
      await page.locator(`#${tokenErrorId}`).textContent(),
      /https?|URL/i,
      'the override error sits beside its field'
    )
    await box.getByLabel('Token URL').fill('https://sandbox.box.example/oauth2/token')
    await box.getByRole('button', { name: 'Save OAuth app' }).click()
    await page.getByText('Box OAuth app saved').waitFor()
    await page.locator('article[data-connector="box"]').getByRole('button', { name: 'Edit OAuth app' }).waitFor()
    const app = await system.api<Record<string, unknown>>('GET', '/v1/connectors/box/app')
    t.match(app.body, { clientId: 'box-client', overrides: { tokenUrl: 'https://sandbox.box.example/oauth2/token' } })
    t.notOk(JSON.stringify(app.body).includes('box-secret-value'), 'the secret is never returned')
    // Editing again keeps the secret when the field stays empty.
    await page.locator('article[data-connector="box"]').getByRole('button', { name: 'Edit OAuth app' }).click()
    t.equal(
      await page.locator('article[data-connector="box"]').getByLabel('Client ID').inputValue(),
      'box-client',
      'the form shows the current app'
    )
    t.equal(
      await page.locator('article[data-connector="box"]').getByLabel('Client secret').inputValue(),
      '',
      'but never the secret'
    )
    await page.locator('article[data-connector="box"]').getByRole('button', { name: 'Save OAuth app' }).click()
    await page.getByText('Box OAuth app saved').waitFor()
    await system.screenshot(page, 'console-app')

    // The sandbox's app, for the connection below.
    t.equal(
      (
        await system.api('PUT', '/v1/connectors/sandbox/app', {
          clientId: 'sandbox-app',
          clientSecret: 'sandbox-secret'
        })
      ).status,
      200
    )

    // OpenAPI import: a broken document shows its problems by path, then the seeds' Box fragment by upload.
    const importForm = page.locator('#import-form')
    await importForm.getByLabel('Key').fill('box-imported')
    await importForm.getByLabel('Name').fill('Box (imported)')
    await importForm
      .getByLabel('OpenAPI document')
      .fill(
        '{"openapi":"3.0.3","components":{"securitySchemes":{"OAuth2Security":{"type":"oauth2","flows":{"authorizationCode":{"authorizationUrl":"not a url","tokenUrl":"https://api.box.com/oauth2/token","scopes":{}}}}}}}'
      )
    await importForm.getByRole('button', { name: 'Import connector' }).click()
    const issues = importForm.locator('.form-error')
    await issues.waitFor()
    t.match(await issues.textContent(), /authorizationUrl/, 'the problem is named by its path in the document')
    await importForm.locator('input[type=file]').setInputFiles(BOX_FRAGMENT)
    await page.waitForFunction(() =>
      (document.querySelector('#import-form textarea') as HTMLTextAreaElement).value.includes('root_readonly')
    )
    await importForm.getByRole('button', { name: 'Import connector' }).click()
    await page.getByText('Imported Box (imported) with 9 scopes').waitFor()
    t.equal(await page.locator('.imported-scopes li').count(), 9, 'its nine scopes are listed')
    const imported = page.locator('article[data-connector="box-imported"]')
    await imported.waitFor()
    await imported.getByRole('button', { name: 'Details' }).click()
    await imported.locator('summary', { hasText: '9 scopes' }).click()
    t.equal(await imported.locator('li[data-scope]').count(), 9)
    await system.screenshot(page, 'console-import')

    // A connect link, opened, and a connection made through it.
    await page.getByLabel('End customer id (externalId)').fill('customer-7')
    await page.getByRole('button', { name: 'Create connect link' }).click()
    const link = page.locator('#connect-link')
    await link.waitFor()
    t.match(await link.getAttribute('href'), new RegExp(`^${system.url}/connect/\\?s=[0-9a-f-]{36}#session=lkcs_`))
    const wizardOpened = page.context().waitForEvent('page')
    await link.click()
    const wizard = await wizardOpened
    const section = wizard.locator('section[data-connector="sandbox"]')
    await section.waitFor()
    t.ok(
      (await wizard.locator('section[data-connector="openai"]').count()) === 1,
      'every usable connector is offered when the session names none'
    )
    // Many connectors: each one's form starts closed.
    await section.getByText('Add a connection to Sandbox').click()
    const popupOpened = wizard.waitForEvent('popup')
    await section.getByRole('button', { name: 'Connect Sandbox' }).click()
    const popup = await popupOpened
    await popup.waitForURL(/\/interaction\//)
    await popup.click('#approve')
    await wizard.getByText('Authorization completed successfully').waitFor()

    // The connection in the console: filters, log, force refresh, disconnect.
    await page.bringToFront()
    await page.getByLabel('External id').fill('customer-7')
    await page.getByRole('button', { name: 'Apply' }).click()
    const row = page.locator('tr[data-connection-id]')
    await row.locator('[data-state="yellow"]').waitFor()
    t.equal(await row.count(), 1)
    await page.locator('#filter-state').selectOption('red')
    await page.getByRole('button', { name: 'Apply' }).click()
    await page.getByText('No connections match.').waitFor()
    await page.locator('#filter-state').selectOption('')
    await page.getByRole('button', { name: 'Apply' }).click()
    const refreshesBefore = system.server.counters.tokenRequests.refresh_token ?? 0
    await row.getByRole('button', { name: 'Refresh' }).click()
    await page.getByText('Token refreshed').waitFor()
    t.equal(system.server.counters.tokenRequests.refresh_token, refreshesBefore + 1, 'force refresh asked the provider')
    await row.getByRole('button', { name: 'Log' }).click()
    await page.locator('.log-row .log li', { hasText: 'refresh' }).first().waitFor()
    await system.screenshot(page, 'console-connections')
    await row.getByRole('button', { name: 'Disconnect' }).click()
    await page.locator('tr[data-connection-id] [data-state="grey"]').waitFor()
    t.equal(await page.locator('tr[data-connection-id] .state-words').textContent(), 'Disconnected')

    // A typed-in key has nothing to refresh: the console does not offer it.
    const keyed = await system.api('POST', '/v1/connectors', {
      key: 'keyed',
      name: 'Keyed',
      version: '1.0.0',
      auth: { kind: 'apiKey', inputLabel: 'API key' },
      http: { baseUrl: `${system.server.issuer}/api` }
    })
    t.equal(keyed.status, 201)
    const withKey = await system.api<{ id: string }>('POST', '/v1/connections', {
      connector: 'keyed',
      externalId: 'customer-8',
      credentials: { apiKey: 'typed-in-key-0123' }
    })
    t.equal(withKey.status, 201)
    await page.reload()
    await page.getByLabel('External id').fill('customer-8')
    await page.getByRole('button', { name: 'Apply' }).click()
    const keyRow = page.locator(`tr[data-connection-id="${withKey.body.id}"]`)
    await keyRow.getByRole('button', { name: 'Disconnect' }).waitFor()
    t.equal(await keyRow.getByRole('button', { name: 'Refresh' }).count(), 0, 'no Refresh for an API key')
    // At 375 px the rows are cards: the header row is gone, so every cell says which column it is.
    await page.setViewportSize({ width: 375, height: 740 })
    const labels = await keyRow
      .locator('td')
      .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell, '::before').content))
    t.same(
      labels,
      ['"State"', '"Connector"', '"Customer"', '"Last used"', '"Token expires"', '"Actions"'],
      'each cell labelled at 375 px'
    )
    const header = await page.locator('.connections-table thead').boundingBox()
    t.ok(
      header !== null && header.x + header.width <= 0,
      'the header row is moved out of sight (kept for screen readers)'
    )
    await system.screenshot(page, 'console-connections-375')
    await page.setViewportSize({ width: 1100, height: 900 })

    // A connect link that offers chosen connectors only.
    await page.getByLabel('End customer id (externalId)').fill('customer-9')
    const choices = page.getByRole('group', { name: 'Connectors the wizard offers' })
    await choices.getByLabel('Sandbox').check()
    await choices.getByLabel('OpenAI').check()
    await page.getByRole('button', { name: 'Create connect link' }).click()
    const chosenLink = page.locator('#connect-link')
    await chosenLink.waitFor()
    const chosenWizard = await system.page()
    await chosenWizard.page.goto((await chosenLink.getAttribute('href'))!)
    await chosenWizard.page.locator('section[data-connector="sandbox"]').waitFor()
    t.same(
      await chosenWizard.page
        .locator('section.connector')
        .evaluateAll((sections) => sections.map((s) => s.getAttribute('data-connector')).sort()),
      ['openai', 'sandbox'],
      'the wizard offers exactly the connectors the link names'
    )
  }
)
