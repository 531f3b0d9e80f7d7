import t from 'tap'
import { Agent, request } from 'undici'
import { createTestPki, startMtlsServer } from '@latchkey/testkit'
import { startSystem } from './system.js'

t.test(
  'wizard: a customer pastes their client certificate beside their key; checked, then used over mutual TLS',
  async (t) => {
    const pki = await createTestPki()
    const server = await startMtlsServer({ pki, clients: { 'customer-app': 'customer-7' } })
    t.teardown(() => server.close())
    const system = await startSystem(t, { config: { extraCaCertificates: [pki.ca.certificate] } })
    const mine = await pki.issueClient('customer-7')
    const someoneElse = await pki.issueClient('someone-else')
    // The customer's access token, issued to (and bound to) their certificate.
    const agent = new Agent({ connect: { cert: mine.certificate, key: mine.privateKey, ca: pki.ca.certificate } })
    t.teardown(() => agent.close())
    const issued = await request(server.tokenUrl, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=customer-app'
    })
    const { access_token: accessToken } = (await issued.body.json()) as { access_token: string }

    const created = await system.api('POST', '/v1/connectors', {
      key: 'ledger',
      name: 'Ledger',
      version: '1.0.0',
      auth: { kind: 'apiKey', inputLabel: 'Access token', clientCertificate: 'customer' },
      http: { baseUrl: server.apiBaseUrl },
      verification: { path: '/me', identity: { subject: 'subject' } }
    })
    t.equal(created.status, 201)
    const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
      externalId: 'customer-7',
      connectors: ['ledger']
    })
    const { page } = await system.page()
    await page.goto(session.body.url)
    const form = page.locator('form[data-connector-form="ledger"]')
    await form.waitFor()
    const certificate = form.getByRole('textbox', { name: /^Client certificate \(PEM\)/ })
    const privateKey = form.getByRole('textbox', { name: /^Private key of the certificate \(PEM\)/ })
    t.equal(await certificate.evaluate((el) => el.tagName), 'TEXTAREA', 'pasted into a text area')
    await form.getByRole('textbox', { name: /^Access token/ }).fill(accessToken)
    await certificate.fill(mine.certificate)
    await privateKey.fill(someoneElse.privateKey)
    await form.getByRole('button', { name: 'Save and connect' }).click()
    await form.locator('[aria-invalid="true"]').first().waitFor()
    const errorId = (await privateKey.getAttribute('aria-describedby'))!.split(' ')[0]!
    t.match(
      await page.locator(`#${errorId}`).textContent(),
      /not the private key of this certificate/,
      'beside the field'
    )
    t.equal(await page.locator('article.connection').count(), 0, 'nothing created')

    await privateKey.fill(mine.privateKey)
    await form.getByRole('button', { name: 'Save and connect' }).click()
    const notice = page.locator('article.connection .card-notice.banner-ok')
    await notice.waitFor()
    t.match(await notice.textContent(), /Ledger is connected: Subject: customer-7/, 'verified over mutual TLS')
    t.ok(server.counters.acceptedHandshakes >= 2, 'the wizard’s connection presented the customer’s certificate')
    await system.screenshot(page, 'wizard-client-certificate')
  }
)

t.test(
  'wizard: a connector that presents the app’s client certificate waits until the tenant has set it',
  async (t) => {
    const pki = await createTestPki()
    const system = await startSystem(t)
    const created = await system.api('POST', '/v1/connectors', {
      key: 'ledger',
      name: 'Ledger',
      version: '1.0.0',
      auth: { kind: 'apiKey', inputLabel: 'Access token', clientCertificate: 'app' },
      http: { baseUrl: 'https://api.ledger.example' }
    })
    t.equal(created.status, 201)
    const before = await system.api<{ clientCertificateSet: boolean }>('GET', '/v1/connectors/ledger')
    t.equal(before.body.clientCertificateSet, false)
    const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
      externalId: 'customer-7',
      connectors: ['ledger']
    })
    const { page } = await system.page()
    await page.goto(session.body.url)
    await page.locator('main h1').waitFor()
    await page.waitForLoadState('networkidle')
    t.equal(await page.locator('section[data-connector="ledger"]').count(), 0, 'not offered without the certificate')

    const issued = await pki.issueClient('ledger-app')
    const app = await system.api('PUT', '/v1/connectors/ledger/app', {
      clientCertificate: { certificate: issued.certificate, privateKey: issued.privateKey }
    })
    t.equal(app.status, 200)
    const after = await system.api<{ clientCertificateSet: boolean; appConfigured: boolean }>(
      'GET',
      '/v1/connectors/ledger'
    )
    t.match(after.body, { clientCertificateSet: true, appConfigured: false })
    await page.reload()
    await page.locator('form[data-connector-form="ledger"]').waitFor()
    t.pass('offered once the certificate is set')
  }
)
