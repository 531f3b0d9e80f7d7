import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'

// https://developers.google.com/identity/protocols/oauth2/service-account#httprest
// A service account signs a JWT (iss: its client_email, scope: the scopes, aud: the token
// URL, at most an hour of life) with the private key of its JSON key file and exchanges
// it at https://oauth2.googleapis.com/token (grant_type jwt-bearer); no refresh token.
const definition = {
  key: 'google-cloud-sa',
  name: 'Google Cloud (service account)',
  version: '1.0.0',
  auth: {
    kind: 'jwtBearer',
    serviceAccount: true,
    tokenUrl: 'https://oauth2.googleapis.com/token',
    assertion: { issuer: '{{credentials.client_email}}' },
    scopes: { 'https://www.googleapis.com/auth/cloud-platform.read-only': 'Read Google Cloud resources' },
    defaultScopes: ['https://www.googleapis.com/auth/cloud-platform.read-only']
  },
  http: { baseUrl: 'https://cloudresourcemanager.googleapis.com' },
  verification: { path: '/v3/projects:search' }
}

function serviceAccountKey(email: string): { file: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const file = JSON.stringify(
    {
      type: 'service_account',
      project_id: 'acme-prod',
      private_key_id: 'kid-1',
      private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      client_email: email,
      client_id: '1234567890',
      token_uri: 'https://oauth2.googleapis.com/token'
    },
    null,
    2
  )
  return { file, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

t.test('a service account key pasted as the credential: signed assertions, tokens fetched again', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
  t.teardown(() => provider.close())
  t.equal((await system.api('POST', '/v1/connectors', definition)).status, 201, 'a JSON definition says it')
  const app = await system.api('PUT', '/v1/connectors/google-cloud-sa/app', {
    overrides: { tokenUrl: provider.tokenUrl, baseUrl: provider.apiBaseUrl }
  })
  t.equal(app.status, 200)
  const email = 'reporter@acme-prod.iam.gserviceaccount.com'
  const key = serviceAccountKey(email)
  provider.addAssertionKey(email, key.publicKey)

  const summary = (await system.api('GET', '/v1/connectors/google-cloud-sa')).body
  t.match(summary.schemes[0].inputs, [{ key: 'serviceAccountKey', type: 'textarea', required: true }])

  const bad = await system.api('POST', '/v1/connections', {
    connector: 'google-cloud-sa',
    credentials: { serviceAccountKey: '{"type":"authorized_user","client_email":"x"}' }
  })
  t.equal(bad.status, 400)
  t.same(bad.body.error.details, [
    {
      path: 'body.credentials.serviceAccountKey',
      message: 'must be a service account key: JSON with "type": "service_account"'
    }
  ])
  const broken = await system.api('POST', '/v1/connections', {
    connector: 'google-cloud-sa',
    credentials: {
      serviceAccountKey: JSON.stringify({ type: 'service_account', client_email: email, private_key: 'nope' })
    }
  })
  t.match(broken.body.error.details, [
    { path: 'body.credentials.serviceAccountKey', message: /has no usable "private_key"/ }
  ])

  const created = await system.api('POST', '/v1/connections', {
    connector: 'google-cloud-sa',
    credentials: { serviceAccountKey: key.file }
  })
  t.equal(created.status, 201)
  t.notOk(JSON.stringify(created.body).includes('PRIVATE KEY'), 'the key is never shown')
  t.match(created.body, { status: 'connected', verifiedAt: String }, 'the verification fetched a token')
  t.equal(provider.counters.tokenRequests['urn:ietf:params:oauth:grant-type:jwt-bearer'], 1)
  t.match(provider.counters.lastAssertion, {
    iss: email,
    aud: provider.tokenUrl,
    scope: 'https://www.googleapis.com/auth/cloud-platform.read-only'
  })
  const id = created.body.id as string

  const call = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v3/projects' })
  t.match(call.body, { status: 200, body: { path: '/api/v3/projects' } })
  t.equal(provider.counters.tokenRequests['urn:ietf:params:oauth:grant-type:jwt-bearer'], 1, 'the token is reused')
  const token = (await system.api('GET', `/v1/connections/${id}/token`)).body
  t.match(token, { tokenType: 'Bearer', credentials: { client_email: email, private_key_id: 'kid-1' } })
  t.notOk('serviceAccountKey' in (token.credentials as object), 'the file is not kept, only its fields')

  // The provider forgets every token: the refused call signs a new assertion and is retried.
  provider.expireAccessTokens()
  const again = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v3/projects' })
  t.equal(again.body.status, 200)
  t.equal(provider.counters.tokenRequests['urn:ietf:params:oauth:grant-type:jwt-bearer'], 2)

  // The key is deleted at Google: the next assertion is refused and the connection turns red.
  provider.addAssertionKey(email, serviceAccountKey(email).publicKey)
  provider.expireAccessTokens()
  const refused = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v3/projects' })
  t.equal(refused.status, 422)
  t.match(refused.body.error.details, { hint: /refused the signed assertion/ })
  t.notOk(JSON.stringify(refused.body).includes('PRIVATE KEY'))
  t.match((await system.api('GET', `/v1/connections/${id}`)).body, { status: 'error', health: 'red' })
})
