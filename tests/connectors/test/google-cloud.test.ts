import { generateKeyPairSync } from 'node:crypto'
import t from 'tap'
import { googleCloud } from '@latchkey/connector-google-cloud'
import { startQuirkyProvider } from '@latchkey/testkit'
import { startSystem } from '@latchkey/test-system'

// https://developers.google.com/identity/protocols/oauth2/service-account#httprest
// The key file (JSON: type service_account, client_email, private_key, private_key_id…) signs
// a JWT with iss = client_email, scope = the scopes (space-delimited), aud = the token URL,
// exp at most an hour after iat, kid = private_key_id; it is exchanged with
// grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer for an hour's access token, no
// refresh token. Calls carry `Authorization: Bearer`.
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer'

function serviceAccountKey(email: string): { file: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const file = JSON.stringify({
    type: 'service_account',
    project_id: 'acme-prod',
    private_key_id: 'kid-7',
    private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    client_email: email,
    client_id: '1234567890',
    token_uri: 'https://oauth2.googleapis.com/token'
  })
  return { file, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() }
}

t.test('Google Cloud: a pasted service account key, signed assertions, calls to Resource Manager', async (t) => {
  const system = await startSystem(t)
  const provider = await startQuirkyProvider({ clientId: 'unused', clientSecret: 'unused' })
  t.teardown(() => provider.close())
  // The tenant's app points Google's URLs at the emulator; nothing else is set (no client: the key is the credential).
  const app = await system.api('PUT', `/v1/connectors/${googleCloud.key}/app`, {
    overrides: { tokenUrl: provider.tokenUrl, baseUrl: provider.apiBaseUrl }
  })
  t.equal(app.status, 200, JSON.stringify(app.body))
  const summary = (await system.api('GET', `/v1/connectors/${googleCloud.key}`)).body
  t.match(
    summary.schemes[0].inputs,
    [{ key: 'serviceAccountKey', type: 'textarea', required: true }],
    'the key file form'
  )

  const email = 'flows@acme-prod.iam.gserviceaccount.com'
  const key = serviceAccountKey(email)
  provider.addAssertionKey(email, key.publicKey)
  const created = await system.api('POST', '/v1/connections', {
    connector: googleCloud.key,
    credentials: { serviceAccountKey: key.file }
  })
  t.equal(created.status, 201, JSON.stringify(created.body))
  t.match(created.body, { status: 'connected', verifiedAt: String }, 'verified by GET /v3/projects:search')
  t.notOk(JSON.stringify(created.body).includes('PRIVATE KEY'), 'the key is never shown')
  t.equal(provider.counters.tokenRequests[JWT_BEARER], 1, 'one assertion exchanged')
  t.match(provider.counters.lastAssertion, {
    iss: email,
    aud: provider.tokenUrl,
    scope: 'https://www.googleapis.com/auth/cloud-platform'
  })
  const lifetime = (provider.counters.lastAssertion!.exp as number) - (provider.counters.lastAssertion!.iat as number)
  t.ok(lifetime > 0 && lifetime <= 3600, `the assertion lives at most an hour (${lifetime} s)`)
  t.equal(provider.counters.lastApiAuth, 'bearer', 'the verification carried the token as a bearer')
  const id = created.body.id as string

  const call = await system.api('POST', `/v1/connections/${id}/http`, {
    method: 'GET',
    url: '/v3/projects',
    query: { parent: 'organizations/123' }
  })
  t.match(call.body, { status: 200, body: { path: '/api/v3/projects' } })
  t.equal(provider.counters.tokenRequests[JWT_BEARER], 1, 'the hour-long token is reused')

  // No refresh token: once Google forgets the token, a new assertion is signed and the call retried.
  provider.expireAccessTokens()
  const again = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v3/projects' })
  t.equal(again.body.status, 200)
  t.equal(provider.counters.tokenRequests[JWT_BEARER], 2)

  // The key deleted in the Cloud console: the next assertion is refused, and the connection says so.
  provider.addAssertionKey(email, serviceAccountKey(email).publicKey)
  provider.expireAccessTokens()
  const refused = await system.api('POST', `/v1/connections/${id}/http`, { method: 'GET', url: '/v3/projects' })
  t.equal(refused.status, 422)
  t.match(refused.body.error.details, { hint: /refused the signed assertion/ })
  t.match((await system.api('GET', `/v1/connections/${id}`)).body, { status: 'error', health: 'red' })
  t.equal((await system.api('DELETE', `/v1/connections/${id}`)).status, 204, 'disconnects (nothing to revoke)')
})
