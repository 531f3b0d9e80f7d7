import t from 'tap'
import type { Page } from 'playwright-core'
import { createTestPki } from '@latchkey/testkit'
import { checkAccessibility } from './axe.js'
import { startSystem } from './system.js'
import type { System } from './system.js'

async function signIn(system: System, page: Page): Promise<void> {
  await page.goto(`${system.url}/console/`)
  await page.getByLabel('Tenant API key').fill(system.tenant.apiKey)
  await page.keyboard.press('Enter')
  await page.locator('#catalog-grid article.connector').first().waitFor()
}

/** A tile's details, opened (they stay open across the console's re-renders). */
async function details(page: Page, key: string) {
  const tile = page.locator(`#catalog-grid article.connector[data-connector="${key}"]`)
  const toggle = tile.getByRole('button', { name: 'Details' })
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click()
  return page.locator(`#${(await toggle.getAttribute('aria-controls'))!}`)
}

t.test(
  'console: an app’s client certificate (mutual TLS) is set, checked beside its field, and described',
  async (t) => {
    const system = await startSystem(t)
    const pki = await createTestPki()
    const certificate = await pki.issueClient('bank-client')
    const other = await pki.issueClient('someone-else')
    for (const definition of [
      {
        key: 'bank',
        name: 'Bank',
        version: '1.0.0',
        auth: {
          kind: 'oauth2',
          grant: 'client_credentials',
          tokenUrl: 'https://mtls.bank.example/oauth/token',
          clientAuthMethod: 'tls_client_auth',
          clientCertificate: 'app'
        },
        http: { baseUrl: 'https://api.bank.example' }
      },
      {
        key: 'ledger',
        name: 'Ledger',
        version: '1.0.0',
        auth: { kind: 'apiKey', clientCertificate: 'app' },
        http: { baseUrl: 'https://api.ledger.example' }
      }
    ])
      t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201)
    const { page } = await system.page()
    await signIn(system, page)

    const bank = await details(page, 'bank')
    await bank.getByRole('button', { name: 'Set OAuth app' }).click()
    const form = bank.getByRole('form', { name: 'Bank OAuth app' })
    await form.waitFor()
    t.equal(await form.getByLabel('Client secret').count(), 0, 'no secret: the certificate authenticates the client')
    await form.getByLabel('Client ID').fill('bank-app')
    await form.getByLabel(/^Certificate \(PEM\)/).fill(certificate.certificate)
    await form.getByLabel(/^Private key \(PEM\)/).fill(other.privateKey)
    await checkAccessibility(t, page, 'the app form with its certificate fields')
    await form.getByRole('button', { name: 'Save OAuth app' }).click()
    const keyField = form.getByLabel(/^Private key \(PEM\)/)
    await form.locator('[aria-invalid="true"]').first().waitFor()
    const errorId = (await keyField.getAttribute('aria-describedby'))!.split(' ')[0]!
    t.match(
      await page.locator(`#${errorId}`).textContent(),
      /not the private key of this certificate/,
      'beside the field'
    )

    await keyField.fill(certificate.privateKey)
    await form.getByRole('button', { name: 'Save OAuth app' }).click()
    await page.getByText('Bank OAuth app saved').waitFor()
    const app = await system.api<{ clientId: string; clientCertificate: { subject: string } }>(
      'GET',
      '/v1/connectors/bank/app'
    )
    t.equal(app.body.clientId, 'bank-app')
    t.match(app.body.clientCertificate.subject, /CN=bank-client/, 'saved with the certificate')
    await system.screenshot(page, 'console-client-certificate')

    // Opened again, the form says which certificate is stored, and never shows it.
    const again = await details(page, 'bank')
    await again.getByRole('button', { name: 'Edit OAuth app' }).click()
    const edit = again.getByRole('form', { name: 'Bank OAuth app' })
    await edit.waitFor()
    t.match(await edit.textContent(), /A certificate is stored: .*CN=bank-client/)
    t.equal(await edit.getByLabel(/^Private key \(PEM\)/).inputValue(), '', 'the key is not shown')
    const html = await page.content()
    for (const line of certificate.privateKey.split('\n').filter((l) => l.length > 8 && !l.startsWith('-----')))
      t.notOk(html.includes(line), 'the key is nowhere on the page')

    // An API key connector whose app holds only a certificate.
    const ledger = await details(page, 'ledger')
    await ledger.getByRole('button', { name: 'Set client certificate' }).click()
    const ledgerForm = ledger.getByRole('form', { name: 'Ledger client certificate' })
    await ledgerForm.waitFor()
    t.equal(await ledgerForm.getByLabel('Client ID').count(), 0, 'no OAuth client to name')
    await ledgerForm.getByLabel(/^Certificate \(PEM\)/).fill(certificate.certificate)
    await ledgerForm.getByLabel(/^Private key \(PEM\)/).fill(certificate.privateKey)
    await ledgerForm.getByRole('button', { name: 'Save client certificate' }).click()
    await page.getByText('Ledger client certificate saved').waitFor()
    const ledgerApp = await system.api<{ clientCertificate: { subject: string } | null }>(
      'GET',
      '/v1/connectors/ledger/app'
    )
    t.match(ledgerApp.body.clientCertificate?.subject, /CN=bank-client/)
  }
)
