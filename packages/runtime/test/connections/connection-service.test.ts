import t from 'tap'
import { Redis } from 'ioredis'
import { defineConnector } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { openStore } from '@latchkey/store'
import { createTestDatabase, serviceUrls, testConnector, testEncryptionKeys, testRedisPrefix } from '@latchkey/testkit'
import { RuntimeError, createRuntime, openParameters } from '../../src/index.js'
import type { NewConnectionRequest } from '../../src/index.js'
import { PUBLIC_URL, connectThrough, eventKinds, followRedirect, rejection, startRuntime } from '../helpers.js'

const acme = defineConnector({
  key: 'acme',
  name: 'Acme',
  version: '1.0.0',
  parameters: [
    { key: 'tenant', label: 'Tenant', pattern: '[a-z]+' },
    { key: 'apiSecret', label: 'API secret', type: 'password' }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.tenant}}.acme.example/a',
    tokenUrl: 'https://acme.example/t',
    scopes: { read: 'r' },
    offlineAccess: { scope: 'offline_access' }
  }
})

t.test('password parameters are encrypted at rest and masked, scopes get defaults', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const store = await openStore({ connectionString: database.url, encryptionKeys: testEncryptionKeys() })
  t.teardown(() => store.close())
  const redis = new Redis(serviceUrls().redisUrl, { maxRetriesPerRequest: null })
  t.teardown(() => redis.disconnect())
  const queues = createJobQueues({ connection: redis, prefix: testRedisPrefix() })
  t.teardown(() => queues.close())
  const runtime = createRuntime({
    store,
    queues,
    redis,
    connectors: [acme],
    config: { publicUrl: 'https://l.example' }
  })
  const { tenant } = await store.tenants.create('A')
  const view = await runtime.connections.create(tenant.id, {
    connector: 'acme',
    parameters: { tenant: 'acme', apiSecret: 'p@ssw0rd-CANARY' }
  })
  t.same(view.parameters, { tenant: 'acme', apiSecret: '********' })
  t.same(view.scopes.requested, ['offline_access'], 'no defaults declared: the offline scope alone')
  const row = await store.db.selectFrom('connections').select('parameters').executeTakeFirstOrThrow()
  t.notMatch(JSON.stringify(row), /p@ssw0rd-CANARY/)
  t.same(await openParameters(store, row.parameters), { tenant: 'acme', apiSecret: 'p@ssw0rd-CANARY' })
  const error = await runtime.connections
    .create(tenant.id, { connector: 'acme', parameters: { tenant: 'ACME' } })
    .catch((e: unknown) => e)
  t.ok(error instanceof RuntimeError)
  t.match(error, {
    code: 'invalid_request',
    details: [
      { path: 'body.parameters.tenant' },
      { path: 'body.parameters.apiSecret', message: 'API secret is required' }
    ]
  })
})

const keyedAuth = {
  kind: 'apiKey' as const,
  name: 'X-Api-Key',
  inputLabel: 'Secret key',
  helpText: 'starts with sk_',
  pattern: 'sk_[a-z]+'
}
const typedIn = (apiBaseUrl: string) => [
  { key: 'keyed', name: 'Keyed', version: '1.0.0', auth: keyedAuth, http: { baseUrl: apiBaseUrl } },
  {
    key: 'basic',
    name: 'Basic',
    version: '1.0.0',
    auth: { kind: 'basic' as const, usernameLabel: 'Account id', passwordLabel: 'Token' },
    http: { baseUrl: apiBaseUrl }
  },
  {
    key: 'stripeish',
    name: 'Stripeish',
    version: '1.0.0',
    auth: { kind: 'basic' as const, passwordRequired: false },
    http: { baseUrl: apiBaseUrl }
  }
]

t.test('create checks every scheme’s inputs at once and never echoes a key', async (t) => {
  const { runtime, store, tenantId } = await startRuntime(t, {
    connectors: (s) => [
      ...typedIn(s.quirkyProvider.apiBaseUrl),
      testConnector(s.quirkyProvider),
      testConnector(s.quirkyProvider, { clientOwnership: 'customer' }, 'byo'),
      {
        ...testConnector(s.quirkyProvider, {}, 'either'),
        auth: [testConnector(s.quirkyProvider).auth, { ...keyedAuth, key: 'api_key' }]
      }
    ],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const refused = (request: NewConnectionRequest) => rejection(runtime.connections.create(tenantId, request))

  t.match(await refused({ connector: 'nope' }), {
    code: 'invalid_request',
    details: [{ path: 'body.connector', message: '"nope" is not a connector of this tenant' }]
  })
  t.match(await refused({ connector: 'either', scheme: 'saml' }), {
    details: [{ path: 'body.scheme', message: 'must be "oauth2" or "api_key"' }]
  })
  const keyIssues = await refused({
    connector: 'keyed',
    scopes: ['read'],
    client: { clientId: 'a', clientSecret: 'b' },
    credentials: { apiKey: 'pk_LEAKED', username: 'u' }
  })
  t.match(keyIssues, {
    message: 'the connection has 4 problems',
    details: [
      { path: 'body.scopes', message: 'are not used by the "API key" scheme' },
      { path: 'body.client', message: 'is not used by the "API key" scheme' },
      { path: 'body.credentials.username', message: 'is not used by the "API key" scheme: give apiKey' },
      { path: 'body.credentials.apiKey', message: 'is not a valid secret key (starts with sk_)' }
    ]
  })
  t.notMatch(JSON.stringify(keyIssues), /LEAKED/)
  t.match(await refused({ connector: 'keyed' }), {
    message: 'the connection has 1 problem',
    details: [{ path: 'body.credentials.apiKey', message: 'is required: the Secret key' }]
  })
  t.match(await refused({ connector: 'keyed', credentials: { apiKey: 'sk_' + 'a'.repeat(4096) } }), {
    details: [{ path: 'body.credentials.apiKey', message: 'must be at most 4096 characters' }]
  })
  t.match(await refused({ connector: 'keyed', credentials: { apiKey: 'sk_a\r\nX-Evil: 1' } }), {
    details: [{ path: 'body.credentials.apiKey', message: 'must not contain line breaks' }]
  })
  t.match(await refused({ connector: 'basic', credentials: { apiKey: 'k', username: 'a:b' } }), {
    details: [
      {
        path: 'body.credentials.apiKey',
        message: 'is not used by the "Username and password" scheme: give username, password'
      },
      { path: 'body.credentials.username', message: 'must not contain ":" (RFC 7617)' },
      { path: 'body.credentials.password', message: 'is required: the Token' }
    ]
  })
  t.match(await refused({ connector: 'test', credentials: { apiKey: 'k' } }), {
    details: [{ path: 'body.credentials', message: /is not used by the "OAuth 2.0" scheme/ }]
  })
  t.match(await refused({ connector: 'test', client: { clientId: 'a', clientSecret: 'b' }, scopes: ['admin'] }), {
    details: [{ path: 'body.scopes' }, { path: 'body.client', message: /tenant's OAuth app/ }]
  })
  t.match(await refused({ connector: 'byo' }), { details: [{ path: 'body.client', message: /customer-owned/ }] })
  t.equal((await runtime.connections.list(tenantId, {})).length, 0, 'nothing was created')

  const key = await runtime.connections.create(tenantId, {
    connector: 'keyed',
    label: 'Main',
    credentials: { apiKey: 'sk_live' }
  })
  t.match(key, { status: 'connected', label: 'Main', scopes: { requested: [] } })
  t.match(await store.credentials.get(key.id), { tokenSet: { accessToken: 'sk_live', tokenType: 'api_key' } })
  t.same(await eventKinds(runtime, tenantId, key.id), ['connection.connected', 'connection.created'])

  const basic = await runtime.connections.create(tenantId, {
    connector: 'basic',
    credentials: { username: 'acct', password: 'tok' }
  })
  t.equal((await store.credentials.get(basic.id))?.tokenSet.accessToken, Buffer.from('acct:tok').toString('base64'))
  t.match((await runtime.connections.events(tenantId, basic.id, 1))[0], {
    message: 'Connected to Basic with a account id and token'
  })
  const keyOnly = await runtime.connections.create(tenantId, {
    connector: 'stripeish',
    credentials: { username: 'sk' }
  })
  t.equal((await store.credentials.get(keyOnly.id))?.tokenSet.accessToken, Buffer.from('sk:').toString('base64'))

  const chosen = await runtime.connections.create(tenantId, {
    connector: 'either',
    scheme: 'api_key',
    credentials: { apiKey: 'sk_x' }
  })
  t.equal((await store.connections.get(tenantId, chosen.id))?.auth_scheme, 'api_key')
  const byo = await runtime.connections.create(tenantId, {
    connector: 'byo',
    client: { clientId: 'theirs', clientSecret: 'their-secret' }
  })
  t.match(byo, { status: 'configured', scopes: { requested: ['read'] } })

  t.same(
    (await runtime.connections.list(tenantId, { connector: 'keyed' })).map((c) => c.id),
    [key.id]
  )
  t.match(await rejection(runtime.connections.get(tenantId, '00000000-0000-4000-8000-000000000000')), {
    code: 'not_found'
  })
  t.match(await rejection(runtime.connections.events(tenantId, '00000000-0000-4000-8000-000000000000', 5)), {
    code: 'not_found'
  })
})

t.test('replaceCredentials swaps a typed-in key in place and turns a red connection green', async (t) => {
  const { runtime, store, tenantId, stack } = await startRuntime(t, {
    connectors: (s) => [...typedIn(s.quirkyProvider.apiBaseUrl), testConnector(s.quirkyProvider)],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const { id } = await runtime.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: 'sk_one' } })
  await runtime.connections.create(tenantId, { connector: 'test' }).then(async (oauth) =>
    t.match(await rejection(runtime.connections.replaceCredentials(tenantId, oauth.id, { apiKey: 'sk_x' })), {
      code: 'scheme_mismatch'
    })
  )
  t.match(await rejection(runtime.connections.replaceCredentials(tenantId, id, undefined)), {
    code: 'invalid_request',
    message: 'the credentials have a problem'
  })
  t.match(await rejection(runtime.connections.replaceCredentials(tenantId, id, { apiKey: 'bad', username: 'u' })), {
    message: 'the credentials have 2 problems'
  })
  t.match(await rejection(runtime.connections.replaceCredentials(tenantId, stack.prefix, { apiKey: 'sk_x' })), {
    code: 'not_found'
  })
  t.equal((await store.credentials.get(id))?.tokenSet.accessToken, 'sk_one', 'nothing written when refused')

  await store.connections.update(tenantId, id, { status: 'error', statusReason: 'refused' })
  const view = await runtime.connections.replaceCredentials(tenantId, id, { apiKey: 'sk_two' })
  t.match(view, { status: 'connected', statusReason: null })
  t.equal((await store.credentials.get(id))?.tokenSet.accessToken, 'sk_two')
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'connection.credentials_replaced',
    message: 'New secret key saved'
  })
  const basic = await runtime.connections.create(tenantId, {
    connector: 'basic',
    credentials: { username: 'a', password: 'b' }
  })
  await runtime.connections.replaceCredentials(tenantId, basic.id, { username: 'a', password: 'c' })
  t.match((await runtime.connections.events(tenantId, basic.id, 1))[0], { message: 'New account id and token saved' })
})

t.test('disconnect moves the tokens to a revocation and queues it; delete keeps the revocation', async (t) => {
  const { runtime, store, queues, tenantId, stack } = await startRuntime(t, {
    connectors: (s) => [
      ...typedIn(s.quirkyProvider.apiBaseUrl),
      testConnector(s.quirkyProvider),
      testConnector(s.quirkyProvider, { revokeUrl: undefined }, 'norevoke'),
      testConnector(
        s.quirkyProvider,
        { issuer: s.quirkyProvider.issuer, authorizeUrl: undefined, tokenUrl: undefined, revokeUrl: undefined },
        'discovered'
      )
    ],
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  for (const key of ['test', 'norevoke', 'discovered'])
    await runtime.connectors.setApp(tenantId, key, { clientId: 'app', clientSecret: 'secret' })
  const connected = async (connector: string) => {
    const { id } = await runtime.connections.create(tenantId, { connector, externalId: 'c-1' })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
    return id
  }

  const id = await connected('test')
  const token = await runtime.connections.token(tenantId, id)
  t.match(token, { tokenType: 'Bearer', accessToken: /^qat_/ })
  t.ok(token.expiresAt !== null && Date.parse(token.expiresAt) > Date.now())
  t.same(
    (await runtime.connections.list(tenantId, { externalId: 'c-1' })).map((c) => c.id),
    [id]
  )
  t.ok((await runtime.connections.list(tenantId, {}))[0]?.expiresAt, 'the list shows the expiry')

  await runtime.connections.refresh(tenantId, id)
  t.same(stack.quirkyProvider.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })
  t.notSame((await runtime.connections.token(tenantId, id)).accessToken, token.accessToken, 'a new token')
  t.match((await runtime.connections.events(tenantId, id, 1))[0], {
    kind: 'token.refreshed',
    message: 'Token refreshed on request'
  })

  const stored = await store.credentials.get(id)
  const view = await runtime.connections.disconnect(tenantId, id)
  t.match(view, { status: 'disconnected', expiresAt: null })
  t.equal(await store.credentials.get(id), undefined)
  const jobs = await queues.revoke.getJobs(['waiting', 'delayed', 'prioritized'])
  t.equal(jobs.length, 1)
  const revocationId = jobs[0]?.data.revocationId ?? ''
  t.equal(jobs[0]?.id, `revoke-${revocationId}`)
  t.same(jobs[0]?.data, { revocationId, tenantId, connectionId: id })
  const revocation = await store.revocations.get(revocationId)
  t.match(revocation, { status: 'pending', context: { connectorKey: 'test', client: null } })
  t.equal(revocation?.tokenSet?.refreshToken, stored?.tokenSet.refreshToken, 'the tokens wait, encrypted')
  t.same((await eventKinds(runtime, tenantId, id)).slice(0, 2), ['revocation.queued', 'connection.disconnected'])
  t.match(await rejection(runtime.connections.token(tenantId, id)), { code: 'not_connected' })
  t.match(await rejection(runtime.connections.refresh(tenantId, id)), { code: 'not_connected' })

  await runtime.connections.delete(tenantId, id)
  t.match(await rejection(runtime.connections.get(tenantId, id)), { code: 'not_found' })
  t.equal((await store.revocations.get(revocationId))?.status, 'pending', 'the revocation outlives the connection')

  const plain = await connected('norevoke')
  await runtime.connections.disconnect(tenantId, plain)
  t.match((await runtime.connections.events(tenantId, plain, 1))[0], {
    kind: 'revocation.not_supported',
    message: 'The provider offers no token revocation; the tokens were deleted here only'
  })
  const discovered = await connected('discovered')
  await runtime.connections.disconnect(tenantId, discovered)
  t.equal((await runtime.connections.events(tenantId, discovered, 1))[0]?.kind, 'revocation.queued')

  const key = await runtime.connections.create(tenantId, { connector: 'keyed', credentials: { apiKey: 'sk_k' } })
  await runtime.connections.disconnect(tenantId, key.id)
  t.match((await runtime.connections.events(tenantId, key.id, 1))[0], {
    kind: 'revocation.not_supported',
    message: /^The api key was deleted here; revoke it at the provider too/
  })
  const never = await runtime.connections.create(tenantId, { connector: 'test' })
  await runtime.connections.disconnect(tenantId, never.id)
  t.match((await runtime.connections.events(tenantId, never.id, 1))[0], {
    kind: 'connection.disconnected',
    message: 'Disconnected (no tokens were stored)'
  })
  t.equal((await queues.revoke.getJobs(['waiting', 'delayed', 'prioritized'])).length, 2, 'one more job only')
})

t.test(
  'a disconnect while Redis is away is committed, and its log says the revocation waits for the sweep',
  async (t) => {
    const {
      store,
      queues: shared,
      tenantId,
      stack
    } = await startRuntime(t, {
      connectors: (s) => [testConnector(s.quirkyProvider)],
      stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
    })
    const redis = new Redis(stack.redisUrl, { maxRetriesPerRequest: null })
    const queues = createJobQueues({ connection: redis, prefix: shared.prefix })
    const runtime = createRuntime({
      store,
      queues,
      redis,
      connectors: [testConnector(stack.quirkyProvider)],
      config: { publicUrl: PUBLIC_URL, allowPrivateNetwork: true }
    })
    stack.defer(() => runtime.close(), 'close the runtime without Redis')
    await runtime.connectors.setApp(tenantId, 'test', { clientId: 'app', clientSecret: 'secret' })
    const { id } = await runtime.connections.create(tenantId, { connector: 'test' })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    t.match(outcome, { ok: true })

    redis.disconnect()
    const view = await runtime.connections.disconnect(tenantId, id)
    t.equal(view.status, 'disconnected')
    t.same((await eventKinds(runtime, tenantId, id)).slice(0, 3), [
      'revocation.deferred',
      'revocation.queued',
      'connection.disconnected'
    ])
    t.equal((await store.revocations.pending(-60, 10)).length, 1, 'the sweep finds it')
  }
)
