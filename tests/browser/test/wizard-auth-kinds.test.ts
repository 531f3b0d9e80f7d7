import { generateKeyPairSync } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import t from 'tap'
import type { Test } from 'tap'
import { startOAuth1Server, startQuirkyProvider, testMcpConnector } from '@latchkey/testkit'
import type { QuirkyProvider } from '@latchkey/testkit'
import { startSystem } from './system.js'
import type { System } from './system.js'

/** Adds a one-scheme connector (and its app's overrides), opens a connect link for it, waits for its form. */
async function openForm(
  t: Test,
  system: System,
  definition: { key: string; [field: string]: unknown },
  overrides: Record<string, string>
) {
  t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201)
  t.equal((await system.api('PUT', `/v1/connectors/${definition.key}/app`, { overrides })).status, 200)
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-9',
    connectors: [definition.key]
  })
  const { page } = await system.page()
  await page.goto(session.body.url)
  const section = page.locator(`section[data-connector="${definition.key}"]`)
  const form = section.locator(`form[data-connector-form="${definition.key}"]`)
  await form.waitFor()
  return { page, section, form }
}

async function quirky(t: Test): Promise<QuirkyProvider> {
  const provider = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
  t.teardown(() => provider.close())
  return provider
}

t.test('wizard: an API key with a second key field, its documentation link and example', async (t) => {
  const system = await startSystem(t)
  const provider = await quirky(t)
  provider.setModes({
    apiCredentials: [
      { in: 'header', name: 'DD-API-KEY', value: 'dd-api-1' },
      { in: 'header', name: 'DD-APPLICATION-KEY', value: 'dd-app-2' }
    ]
  })
  const { page, section, form } = await openForm(
    t,
    system,
    {
      key: 'metrics',
      name: 'Metrics',
      version: '1.0.0',
      auth: {
        kind: 'apiKey',
        input: { label: 'API key', docsUrl: 'https://docs.example/api-keys', example: 'a1b2c3…' },
        fields: [
          { key: 'applicationKey', label: 'Application key', helpText: 'Organization Settings → Application Keys.' }
        ],
        send: [
          { in: 'header', name: 'DD-API-KEY', value: '{{credentials.apiKey}}' },
          { in: 'header', name: 'DD-APPLICATION-KEY', value: '{{credentials.applicationKey}}' }
        ]
      },
      http: { baseUrl: 'https://api.example' },
      verification: { path: '/validate' }
    },
    { baseUrl: provider.apiBaseUrl }
  )
  const apiKey = form.getByRole('textbox', { name: /^API key/ })
  const appKey = form.getByRole('textbox', { name: /^Application key/ })
  t.equal(await apiKey.getAttribute('placeholder'), 'a1b2c3…', 'the example in the empty field')
  t.equal(
    await form.getByRole('link', { name: 'Where to find your api key' }).getAttribute('href'),
    'https://docs.example/api-keys',
    "the provider's page, linked beside the field"
  )
  t.match(await form.textContent(), /Organization Settings → Application Keys/)
  await apiKey.fill('dd-api-1')
  await form.getByRole('button', { name: 'Save and connect' }).click()
  await t.resolves(
    page.waitForSelector('[aria-invalid="true"][data-path="body.credentials.applicationKey"]'),
    'the missing second key is named beside its field'
  )
  await appKey.fill('dd-app-2')
  await form.getByRole('button', { name: 'Save and connect' }).click()
  await page.getByText('Metrics is connected').waitFor()
  await section.locator('article.connection [data-state="green"]').waitFor()
  t.equal(provider.counters.lastApiAuth, 'declared', 'both keys went where the API wants them')
  t.notOk((await page.content()).includes('dd-app-2'), 'no key is left in the page')
  await system.screenshot(page, 'wizard-two-keys')
})

t.test('wizard: a user name and password exchanged for a session token (token exchange)', async (t) => {
  const system = await startSystem(t)
  const provider = await quirky(t)
  provider.setModes({
    login: {
      expects: [
        { in: 'body', name: 'credentials.name', value: 'ada' },
        { in: 'body', name: 'credentials.password', value: 'pw-CANARY' }
      ],
      answer: (token) => ({ credentials: { token } }),
      ttlSeconds: 600
    }
  })
  provider.setApiAnswer('/api/me', { user: { name: 'Ada' } })
  const { page, section, form } = await openForm(
    t,
    system,
    {
      key: 'reports',
      name: 'Reports',
      version: '1.0.0',
      auth: {
        kind: 'tokenExchange',
        label: 'Reports account',
        fields: [
          { key: 'username', label: 'Username', secret: false },
          { key: 'password', label: 'Password' }
        ],
        request: {
          url: 'https://reports.example/api/auth/signin',
          body: { 'credentials.name': '{{credentials.username}}', 'credentials.password': '{{credentials.password}}' }
        },
        response: { tokenPath: 'credentials.token', lifetimeSeconds: 14_400 }
      },
      http: { baseUrl: 'https://reports.example/api' },
      verification: { path: '/me', identity: { user: 'user.name' } }
    },
    { baseUrl: provider.apiBaseUrl, tokenUrl: `${provider.url}/login` }
  )
  await form.getByRole('textbox', { name: /^Username/ }).fill('ada')
  const password = form.locator('input[name="credential-password"]')
  t.equal(await password.getAttribute('type'), 'password')
  await password.fill('wrong')
  await form.getByRole('button', { name: 'Save and connect' }).click()
  const article = section.locator('article.connection').first()
  await article.locator('[data-state="red"]').waitFor()
  t.match(await article.textContent(), /refused the credentials/, 'a refused sign-in says so on its card')
  await system.screenshot(page, 'wizard-token-exchange-refused')
  await article.getByRole('button', { name: 'Update credentials' }).click()
  await article.getByRole('textbox', { name: /^Username/ }).fill('ada')
  await article.locator('input[name="credential-password"]').fill('pw-CANARY')
  await article.getByRole('button', { name: 'Save' }).click()
  await article.locator('[data-state="green"]').waitFor()
  t.equal(await article.locator('[data-account="user"]').textContent(), 'Ada')
  t.equal(provider.counters.tokenRequests.login, 2, 'signed in once for each set of credentials')
  await system.screenshot(page, 'wizard-token-exchange')
})

t.test('wizard: a service account key pasted into a text area (JWT bearer)', async (t) => {
  const system = await startSystem(t)
  const provider = await quirky(t)
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const email = 'bot@acme.iam.gserviceaccount.com'
  provider.addAssertionKey(email, publicKey.export({ type: 'spki', format: 'pem' }).toString())
  const { page, section, form } = await openForm(
    t,
    system,
    {
      key: 'cloud',
      name: 'Cloud',
      version: '1.0.0',
      auth: {
        kind: 'jwtBearer',
        serviceAccount: true,
        tokenUrl: 'https://oauth2.example/token',
        assertion: { issuer: '{{credentials.client_email}}' },
        scopes: { read: 'Read' },
        defaultScopes: ['read']
      },
      http: { baseUrl: 'https://cloud.example' },
      verification: { path: '/projects' }
    },
    { baseUrl: provider.apiBaseUrl, tokenUrl: provider.tokenUrl }
  )
  const key = form.locator('textarea[name="credential-serviceAccountKey"]')
  t.ok(await key.isVisible(), 'a text area for the key file')
  const file = JSON.stringify(
    {
      type: 'service_account',
      client_email: email,
      private_key_id: 'k1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
    },
    null,
    2
  )
  await key.fill(file)
  await form.getByRole('button', { name: 'Save and connect' }).click()
  await page.getByText('Cloud is connected').waitFor()
  await section.locator('article.connection [data-state="green"]').waitFor()
  t.match(provider.counters.lastAssertion, { iss: email, scope: 'read' })
  t.notOk((await page.content()).includes('PRIVATE KEY'), 'the key is not left in the page')
  await system.screenshot(page, 'wizard-service-account')
})

t.test('wizard: OAuth 1.0a in a popup, on the tenant’s consumer', async (t) => {
  const system = await startSystem(t)
  const server = await startOAuth1Server({ consumerKey: 'ck', consumerSecret: 'consumer-secret' })
  t.teardown(() => server.close())
  server.modes.accessTokenExtras = { screen_name: 'acme_dev' }
  const definition = {
    key: 'microblog',
    name: 'Microblog',
    version: '1.0.0',
    auth: {
      kind: 'oauth1',
      requestTokenUrl: server.endpoints.requestToken,
      authorizeUrl: server.endpoints.authorize,
      accessTokenUrl: server.endpoints.accessToken,
      keepFields: ['screen_name']
    },
    http: { baseUrl: server.endpoints.api },
    verification: { path: '/me', identity: { username: 'data.username' } }
  }
  t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201)
  const app = await system.api('PUT', '/v1/connectors/microblog/app', {
    clientId: 'ck',
    clientSecret: 'consumer-secret'
  })
  t.equal(app.status, 200)
  const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
    externalId: 'customer-9',
    connectors: ['microblog']
  })
  const { page } = await system.page()
  await page.goto(session.body.url)
  const section = page.locator('section[data-connector="microblog"]')
  const popupOpened = page.waitForEvent('popup')
  await section.getByRole('button', { name: 'Connect Microblog' }).click()
  await popupOpened
  await page.getByText('Authorization completed successfully').waitFor()
  const card = section.locator('article.connection').first()
  await card.locator('[data-account="username"]').waitFor()
  t.equal(await card.locator('[data-account="username"]').textContent(), 'acme_dev', 'verified with a signed call')
  t.equal(server.counters.accessTokens, 1)
  t.notOk((await page.content()).includes('consumer-secret'), 'the consumer secret is never in the page')
  await system.screenshot(page, 'wizard-oauth1')
})

t.test('wizard: an AWS access key, secret and session token, every call signed (Signature V4)', async (t) => {
  const system = await startSystem(t)
  // The API: answers who is calling when the request carries a Signature V4 for the right scope
  // (the signature itself is checked against AWS's vectors in the runtime's tests).
  const seen: { authorization: string; token: string | undefined }[] = []
  const api = createServer((request, response) => {
    const authorization = String(request.headers.authorization ?? '')
    seen.push({ authorization, token: request.headers['x-amz-security-token'] as string | undefined })
    const ok = /^AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE1\/\d{8}\/eu-west-1\/execute-api\/aws4_request, /.test(
      authorization
    )
    response.writeHead(ok ? 200 : 403, { 'content-type': 'application/json' })
    response.end(JSON.stringify(ok ? { Account: '123456789012' } : { message: 'signature does not match' }))
  })
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', () => resolve()))
  t.teardown(() => new Promise<void>((resolve) => api.close(() => resolve())))
  const { page, section, form } = await openForm(
    t,
    system,
    {
      key: 'gateway',
      name: 'Gateway',
      version: '1.0.0',
      parameters: [
        {
          key: 'region',
          label: 'Region',
          type: 'dropdown',
          options: [
            { value: 'us-east-1', label: 'US East (N. Virginia)' },
            { value: 'eu-west-1', label: 'Europe (Ireland)' }
          ]
        }
      ],
      auth: { kind: 'awsSigV4', region: '{{parameters.region}}', service: 'execute-api', sessionToken: true },
      http: { baseUrl: 'https://gateway.example' },
      verification: { path: '/whoami', identity: { account: 'Account' } }
    },
    { baseUrl: `http://127.0.0.1:${(api.address() as AddressInfo).port}` }
  )
  await form.getByLabel('Region').selectOption('eu-west-1')
  await form.getByRole('textbox', { name: /^Access key ID/ }).fill('AKIAEXAMPLE1')
  const secret = form.locator('input[name="credential-secretAccessKey"]')
  t.equal(await secret.getAttribute('type'), 'password', 'the secret is masked')
  await secret.fill('secret-CANARY')
  await form.locator('input[name="credential-sessionToken"]').fill('session-CANARY')
  await form.getByRole('button', { name: 'Save and connect' }).click()
  const article = section.locator('article.connection').first()
  await article.locator('[data-state="green"]').waitFor()
  t.equal(await article.locator('[data-account="account"]').textContent(), '123456789012')
  t.match(seen.at(-1), { token: 'session-CANARY' }, 'the session token went with the signed call')
  t.notOk((await page.content()).includes('secret-CANARY'), 'the secret is not left in the page')
  await system.screenshot(page, 'wizard-aws')
})

t.test(
  'wizard: an MCP server from its URL alone, no app set: the client registers itself, the token is for that server',
  async (t) => {
    const system = await startSystem(t)
    const resourceUrl = system.server.resourceUrl ?? ''
    const definition = testMcpConnector()
    t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201)
    const session = await system.api<{ url: string }>('POST', '/v1/connect-sessions', {
      externalId: 'customer-9',
      connectors: ['mcp']
    })
    const { page } = await system.page()
    await page.goto(session.body.url)
    const section = page.locator('section[data-connector="mcp"]')
    await section.waitFor()
    t.notOk(await section.getByText(/not available yet/).isVisible(), 'offered although the tenant set no app')
    await section.getByLabel('Server URL').fill(resourceUrl)
    const popupOpened = page.waitForEvent('popup')
    await section.getByRole('button', { name: 'Connect MCP server' }).click()
    const popup = await popupOpened
    await popup.waitForURL(/\/interaction\//)
    await popup.fill('#user', 'alice')
    await popup.click('#approve')
    const card = section.locator('article.connection').first()
    await card.locator('.card-notice.banner-ok', { hasText: 'Authorization completed successfully' }).waitFor()
    t.equal(system.server.counters.registrations, 1, 'one client registered at the authorization server')
    const id = (await card.getAttribute('data-connection-id')) ?? ''
    const call = await system.api<{ status: number; body: { audience: string } }>(
      'POST',
      `/v1/connections/${id}/http`,
      {
        method: 'POST',
        url: '/'
      }
    )
    t.match(
      call.body,
      { status: 200, body: { audience: resourceUrl } },
      'the MCP server accepts the token issued for it'
    )
    await card.locator('[data-state="green"]').waitFor()
    await system.screenshot(page, 'wizard-mcp-server')
  }
)
