import t from 'tap'
import { Redis } from 'ioredis'
import { defineConnector } from '@latchkey/connector-sdk'
import { createJobQueues } from '@latchkey/jobs'
import { openStore } from '@latchkey/store'
import { createTestDatabase, serviceUrls, testEncryptionKeys, testRedisPrefix } from '@latchkey/testkit'
import { RuntimeError, createRuntime, openParameters } from '../../src/index.js'

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
