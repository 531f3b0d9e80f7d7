import t from 'tap'
import { openStore } from '@latchkey/store'
import { createTestDatabase, testEncryptionKeys } from '@latchkey/testkit'
import { UsageRecorder } from '../../src/index.js'

t.test('uses are written in one batch, and kept when the write fails', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const store = await openStore({ connectionString: database.url, encryptionKeys: testEncryptionKeys() })
  t.teardown(() => store.close())
  const { tenant } = await store.tenants.create('A')
  const ids: string[] = []
  for (let i = 0; i < 3; i++) {
    const row = await store.connections.create({
      tenantId: tenant.id,
      connectorKey: 'keyed',
      externalId: null,
      label: null,
      parameters: {},
      requestedScopes: [],
      client: null,
      status: 'connected'
    })
    ids.push(row.id)
  }
  let clock = Date.parse('2026-12-02T10:00:00Z')
  const usage = new UsageRecorder(store, { intervalMs: 3_600_000, now: () => clock })
  t.teardown(() => usage.close())
  let statements = 0
  const touch = store.connections.touch.bind(store.connections)
  store.connections.touch = (...args) => ((statements += 1), touch(...args))

  for (const id of [...ids, ids[0] as string]) usage.record(id)
  t.equal(usage.pending, 3, 'one entry per connection')
  await usage.flush()
  t.equal(statements, 1, 'one statement for all of them')
  t.equal(usage.pending, 0)
  const rows = await store.db.selectFrom('connections').select(['id', 'last_used_at']).execute()
  t.ok(rows.every((row) => row.last_used_at?.getTime() === clock))

  // PostgreSQL refusing the write: the ids wait for the next flush.
  store.connections.touch = async () => {
    throw new Error('connection terminated')
  }
  clock += 60_000
  usage.record(ids[1] as string)
  await usage.flush()
  t.equal(usage.pending, 1, 'kept for the next flush')
  store.connections.touch = touch
  await usage.close()
  t.equal(usage.pending, 0, 'close writes what is pending')
  const second = await store.connections.get(tenant.id, ids[1] as string)
  t.equal(second?.last_used_at?.getTime(), clock)
  // Never moved back.
  t.equal(await store.connections.touch([ids[1] as string], new Date(clock - 120_000)), 0)
})
