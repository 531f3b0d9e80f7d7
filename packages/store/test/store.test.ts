import t from 'tap'
import { sql } from 'kysely'
import { createTestDatabase, testEncryptionKeys } from '@latchkey/testkit'
import {
  EncryptionKeyError,
  createDatabase,
  migrateToLatest,
  openStore,
  parseEncryptionKeys,
  rotateEncryptionKeys
} from '../src/index.js'
import { freshStore } from './helpers.js'

t.test('migrations: idempotent, and safe when several processes start at once', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const dbs = Array.from({ length: 4 }, () => createDatabase({ connectionString: database.url, maxConnections: 2 }))
  t.teardown(() => Promise.all(dbs.map((db) => db.destroy())))
  const applied = await Promise.all(dbs.map((db) => migrateToLatest(db)))
  t.same(
    applied.flat(),
    [
      '2026-11-22-initial-schema',
      '2026-11-23-connect-sessions',
      '2026-11-24-auth-schemes',
      '2026-11-25-apps-without-client',
      '2026-12-01-purge-revoked-tokens',
      '2026-12-02-oauth1-request-tokens',
      '2026-12-03-webhooks',
      '2026-12-04-api-key-labels',
      '2026-12-05-actions-consent',
      '2026-12-06-connections-list-order',
      '2026-12-07-abandoned-attempts',
      '2026-12-08-embedding',
      '2026-12-09-client-certificates',
      '2026-12-10-registered-clients',
      '2026-12-11-superseded-registered-clients'
    ],
    'exactly one process applied the migrations, in order'
  )
  t.same(await migrateToLatest(dbs[0]!), [], 'a second run has nothing to do')
  const tables = await dbs[0]!.introspection.getTables()
  t.ok(tables.some((table) => table.name === 'credentials'))
})

t.test('secrets are encrypted at rest and decrypt back', async (t) => {
  const { store } = await freshStore(t)
  const { tenant, apiKey } = await store.tenants.create('Acme')
  t.match(apiKey, /^lk_[A-Za-z0-9_-]{43}$/)
  t.equal((await store.tenants.findByApiKey(apiKey))?.tenant.id, tenant.id)
  t.equal(await store.tenants.findByApiKey(`${apiKey}x`), undefined)
  const keyRow = await store.db.selectFrom('api_keys').selectAll().executeTakeFirstOrThrow()
  t.not(keyRow.key_hash, apiKey, 'the API key is stored hashed')

  await store.apps.upsert(tenant.id, 'box', {
    clientId: 'cid',
    clientSecret: 'APP-SECRET-1',
    scopes: ['root_readonly'],
    overrides: { tokenUrl: 'https://t.example' }
  })
  const raw = await store.db.selectFrom('connector_apps').select('client_secret_enc').executeTakeFirstOrThrow()
  t.notMatch(raw.client_secret_enc, /APP-SECRET-1/)
  t.match(raw.client_secret_enc, /^eyJ[^.]+\.\.[^.]+\.[^.]+\.[^.]+$/, 'JWE compact with dir (empty encrypted key)')
  t.match(await store.apps.get(tenant.id, 'box'), {
    client: { clientId: 'cid', clientSecret: 'APP-SECRET-1' },
    scopes: ['root_readonly'],
    overrides: { tokenUrl: 'https://t.example' }
  })
  t.equal(
    await store.apps.upsert(tenant.id, 'stripe', {
      clientId: null,
      scopes: null,
      overrides: { baseUrl: 'https://stripe-mock.example' }
    }),
    true,
    'URL overrides only: no client'
  )
  t.match(await store.apps.get(tenant.id, 'stripe'), {
    client: null,
    scopes: null,
    overrides: { baseUrl: 'https://stripe-mock.example' }
  })
  t.same(await store.apps.overrides(tenant.id, 'stripe'), { baseUrl: 'https://stripe-mock.example' })

  const connection = await store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: 'cust-1',
    label: null,
    parameters: {},
    requestedScopes: ['root_readonly'],
    client: { clientId: 'own', clientSecret: 'CUSTOMER-SECRET' }
  })
  t.same(await store.connections.client(connection), { clientId: 'own', clientSecret: 'CUSTOMER-SECRET' })
  const version = await store.credentials.put(tenant.id, connection.id, {
    tokenSet: { accessToken: 'AT-1', refreshToken: 'RT-1' },
    expiresAt: null,
    refreshDueAt: null
  })
  t.equal(version, 1)
  const dump =
    JSON.stringify(await store.db.selectFrom('credentials').selectAll().execute()) +
    JSON.stringify(await store.db.selectFrom('connections').selectAll().execute())
  t.notMatch(dump, /AT-1|RT-1|CUSTOMER-SECRET/)
  t.match(await store.credentials.get(connection.id), {
    tokenSet: { accessToken: 'AT-1', refreshToken: 'RT-1' },
    version: 1
  })
})

t.test('credentials: compare-and-set on the version', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  const connection = await store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: null,
    label: null,
    parameters: {},
    requestedScopes: [],
    client: null
  })
  await store.credentials.put(tenant.id, connection.id, {
    tokenSet: { accessToken: 'a1' },
    expiresAt: null,
    refreshDueAt: null
  })
  t.equal(
    await store.credentials.replace(connection.id, 1, {
      tokenSet: { accessToken: 'a2' },
      expiresAt: null,
      refreshDueAt: null
    }),
    2
  )
  t.equal(
    await store.credentials.replace(connection.id, 1, {
      tokenSet: { accessToken: 'stale' },
      expiresAt: null,
      refreshDueAt: null
    }),
    undefined,
    'a stale writer loses'
  )
  t.match(await store.credentials.get(connection.id), { tokenSet: { accessToken: 'a2' }, version: 2 })
  t.equal(
    await store.credentials.put(tenant.id, connection.id, {
      tokenSet: { accessToken: 'a3' },
      expiresAt: null,
      refreshDueAt: null
    }),
    3,
    'a reconnect bumps the version'
  )
  t.ok(await store.credentials.take(connection.id))
  t.equal(await store.credentials.get(connection.id), undefined)
})

t.test('a tenant never reaches another tenant’s connection', async (t) => {
  const { store } = await freshStore(t)
  const a = (await store.tenants.create('A')).tenant
  const b = (await store.tenants.create('B')).tenant
  const connection = await store.connections.create({
    tenantId: a.id,
    connectorKey: 'box',
    externalId: 'x',
    label: null,
    parameters: {},
    requestedScopes: [],
    client: null
  })
  t.equal(await store.connections.get(b.id, connection.id), undefined)
  t.equal(await store.connections.update(b.id, connection.id, { status: 'error' }), undefined)
  t.equal(await store.connections.delete(b.id, connection.id), false)
  t.same(await store.connections.list(b.id), [])
  t.equal(await store.connections.get(a.id, 'not-a-uuid'), undefined)
  t.equal((await store.connections.get(a.id, connection.id))?.status, 'configured')
})

t.test('connect attempts: single start, single consume, hashed secrets', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  const connection = await store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: null,
    label: null,
    parameters: {},
    requestedScopes: [],
    client: null
  })
  const attempt = await store.attempts.create({
    tenantId: tenant.id,
    connectionId: connection.id,
    startToken: 'START-TOKEN',
    redirectUri: 'https://l.example/oauth/callback/',
    requestedScopes: ['a'],
    issuer: null,
    expiresAt: new Date(Date.now() + 60_000)
  })
  t.equal((await store.attempts.findByStartToken('START-TOKEN'))?.id, attempt.id)
  t.ok(await store.attempts.start(attempt.id, { state: 'STATE', browserBinding: 'BIND', codeVerifier: 'VERIFIER-123' }))
  t.notOk(
    await store.attempts.start(attempt.id, { state: 'STATE2', browserBinding: 'BIND2', codeVerifier: undefined }),
    'a start URL works once'
  )
  const started = await store.attempts.findByState('STATE')
  t.ok(started)
  t.ok(store.attempts.bindingMatches(started!, 'BIND'))
  t.notOk(store.attempts.bindingMatches(started!, 'OTHER'))
  t.notOk(store.attempts.bindingMatches(started!, undefined))
  t.equal(await store.attempts.codeVerifier(started!), 'VERIFIER-123')
  t.notMatch(JSON.stringify(started), /START-TOKEN|STATE"|BIND"|VERIFIER-123/)
  t.ok(await store.attempts.consume(attempt.id))
  t.notOk(await store.attempts.consume(attempt.id), 'consumed once')
  const expired = await store.attempts.create({
    tenantId: tenant.id,
    connectionId: connection.id,
    startToken: 'OLD',
    redirectUri: 'x',
    requestedScopes: [],
    issuer: null,
    expiresAt: new Date(Date.now() - 1000)
  })
  t.notOk(
    await store.attempts.start(expired.id, { state: 's', browserBinding: 'b', codeVerifier: undefined }),
    'an expired attempt cannot start'
  )
})

t.test('keys: missing, malformed, wrong and dropped keys fail at boot and change nothing', async (t) => {
  const { store, url, keys } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  await store.apps.upsert(tenant.id, 'box', { clientId: 'c', clientSecret: 's', scopes: null, overrides: {} })
  const before = JSON.stringify(await store.db.selectFrom('connector_apps').selectAll().execute())

  await t.rejects(openStore({ connectionString: url, encryptionKeys: undefined }), EncryptionKeyError)
  await t.rejects(openStore({ connectionString: url, encryptionKeys: 'k1:short' }), /must be 32 bytes/)
  t.throws(() => parseEncryptionKeys('no-colon'), /must look like kid:base64key/)
  t.throws(() => parseEncryptionKeys(`${keys},${keys}`), /listed twice/)
  const kid = keys.split(':')[0]
  await t.rejects(openStore({ connectionString: url, encryptionKeys: testEncryptionKeys(kid) }), {
    code: 'ERR_ENCRYPTION_KEYS',
    message: /key "test" in LATCHKEY_ENCRYPTION_KEYS is not the key the stored secrets were encrypted with/
  })
  await t.rejects(
    openStore({ connectionString: url, encryptionKeys: testEncryptionKeys('other') }),
    /encrypted under key "test", which LATCHKEY_ENCRYPTION_KEYS does not hold/
  )
  t.equal(JSON.stringify(await store.db.selectFrom('connector_apps').selectAll().execute()), before, 'nothing changed')
  t.equal(
    (await store.db.selectFrom('encryption_key_checks').selectAll().execute()).length,
    1,
    'no check row for the bad keys'
  )
})

t.test('rotate-keys re-encrypts everything under the first key, resumably', async (t) => {
  const { store, url, keys: oldKeys } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  for (let i = 0; i < 5; i++)
    await store.apps.upsert(tenant.id, `c${i}`, {
      clientId: 'c',
      clientSecret: `secret-${i}`,
      scopes: null,
      overrides: {}
    })
  const connection = await store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: null,
    label: null,
    parameters: {},
    requestedScopes: [],
    client: { clientId: 'x', clientSecret: 'own' }
  })
  await store.credentials.put(tenant.id, connection.id, {
    tokenSet: { accessToken: 'AT' },
    expiresAt: null,
    refreshDueAt: null
  })
  const endpoint = await store.webhooks.createEndpoint(tenant.id, {
    url: 'https://hooks.example.com',
    events: null,
    description: null,
    secret: 'whsec_first'
  })
  await store.webhooks.rotateSecret(tenant.id, endpoint.id, 'whsec_second', new Date(Date.now() + 3_600_000))
  const registered = await store.registeredClients.add(tenant.id, 'https://auth.example', 'https://l.example/cb/', {
    clientId: 'dyn',
    clientSecret: 'registered-secret',
    tokenEndpointAuthMethod: 'client_secret_basic',
    expiresAt: undefined
  })

  const both = `${testEncryptionKeys('new')},${oldKeys}`
  const rotating = await openStore({ connectionString: url, encryptionKeys: both })
  t.teardown(() => rotating.close())
  const progress: string[] = []
  // First pass interrupted after one batch of two: simulate by a tiny batch and a throwing reporter.
  await t.rejects(
    rotateEncryptionKeys(
      rotating.db,
      rotating.cipher,
      (p) => {
        progress.push(`${p.table}:${p.done}/${p.total}`)
        if (p.table === 'connector_apps' && p.done === 2) throw new Error('interrupted')
      },
      2
    ),
    /interrupted/
  )
  const rotated = await rotateEncryptionKeys(
    rotating.db,
    rotating.cipher,
    (p) => progress.push(`${p.table}:${p.done}/${p.total}`),
    2
  )
  t.equal(rotated, 8, 'the rest: 3 apps, 1 connection client, 1 registered client, 1 credential, 2 webhook secrets')
  t.match(progress, ['connector_apps:0/5', 'connector_apps:2/5'])
  t.ok(progress.includes('connector_apps:3/3'), 'the resumed run sees only what is left')
  const apps = await rotating.db.selectFrom('connector_apps').select('client_secret_enc').execute()
  t.ok(apps.every((row) => rotating.cipher.kidOf(String(row.client_secret_enc)) === 'new'))
  t.equal((await rotating.apps.get(tenant.id, 'c4'))?.client?.clientSecret, 'secret-4')
  t.same(
    (await rotating.db.selectFrom('encryption_key_checks').select('kid').execute()).map((r) => r.kid),
    ['new']
  )
  const onlyNew = await openStore({ connectionString: url, encryptionKeys: both.split(',')[0] })
  t.teardown(() => onlyNew.close())
  t.match(
    await onlyNew.credentials.get(connection.id),
    { tokenSet: { accessToken: 'AT' } },
    'the old key can now be removed'
  )
  t.equal((await onlyNew.registeredClients.get(tenant.id, registered.id))?.clientSecret, 'registered-secret')
  const delivery = await onlyNew.db.transaction().execute(async (trx) => {
    const [id] = await onlyNew.webhooks.createMessage(
      tenant.id,
      { id: 'msg_rotation', type: 'webhook.test', body: '{}' },
      [endpoint.id],
      trx
    )
    return id ?? ''
  })
  t.same(
    (await onlyNew.webhooks.toSend(delivery, new Date()))?.secrets,
    ['whsec_second', 'whsec_first'],
    'both webhook secrets re-encrypted, the current first'
  )
})

t.test('events: newest first, per connection and tenant', async (t) => {
  const { store } = await freshStore(t)
  const { tenant } = await store.tenants.create('A')
  const other = (await store.tenants.create('B')).tenant
  const connection = await store.connections.create({
    tenantId: tenant.id,
    connectorKey: 'box',
    externalId: null,
    label: null,
    parameters: {},
    requestedScopes: [],
    client: null
  })
  for (const kind of ['connection.created', 'connect.started', 'connect.failed'] as const)
    await store.events.add(tenant.id, connection.id, { kind, level: 'info', message: kind })
  t.same(
    (await store.events.list(tenant.id, connection.id, 2)).map((e) => e.kind),
    ['connect.failed', 'connect.started']
  )
  t.same(await store.events.list(other.id, connection.id, 10), [])
})

t.test('a statement timeout cancels a long statement; migrations run without one', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const db = createDatabase({ connectionString: database.url, maxConnections: 1, statementTimeoutMs: 300 })
  t.teardown(() => db.destroy())
  const { rows } = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)
  t.equal(rows[0]?.statement_timeout, '300ms', 'set on every pooled connection')
  const slow = await sql`select pg_sleep(2)`.execute(db).then(
    () => undefined,
    (error: unknown) => error as { code?: string }
  )
  t.equal(slow?.code, '57014', 'cancelled by PostgreSQL (query_canceled)')
  t.ok((await migrateToLatest(db)).length > 0, 'migrations applied on the same one-connection pool')
  const after = await sql<{ statement_timeout: string }>`show statement_timeout`.execute(db)
  t.equal(after.rows[0]?.statement_timeout, '300ms', 'and the timeout is back after them')
  const untimed = createDatabase({ connectionString: database.url, maxConnections: 1 })
  t.teardown(() => untimed.destroy())
  t.equal(
    (await sql<{ statement_timeout: string }>`show statement_timeout`.execute(untimed)).rows[0]?.statement_timeout,
    '0'
  )
})
