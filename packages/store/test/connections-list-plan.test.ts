import t from 'tap'
import pg from 'pg'
import { addConnection, freshStore } from './helpers.js'

/**
 * Runs `work` and returns the statements matching `pattern` that it sent to PostgreSQL,
 * caught on their way (the very text and values the repository sends).
 */
async function statementsOf(
  pattern: RegExp,
  work: () => Promise<unknown>
): Promise<{ text: string; values: unknown[] }[]> {
  const seen: { text: string; values: unknown[] }[] = []
  const query = pg.Client.prototype.query
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const [config, values] = args as [{ text?: string; values?: unknown[] } | string, unknown[] | undefined]
    const text = typeof config === 'string' ? config : (config.text ?? '')
    if (pattern.test(text)) seen.push({ text, values: (typeof config === 'string' ? values : config.values) ?? [] })
    return (query as (...a: unknown[]) => unknown).apply(this, args)
  } as typeof query
  try {
    await work()
  } finally {
    pg.Client.prototype.query = query
  }
  return seen
}

t.test("a page of a tenant's connections reads them newest first from an index: no sort of them all", async (t) => {
  const { store, url } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  for (let i = 0; i < 5; i++) await addConnection(store, tenant)
  let page: unknown[] = []
  const seen = await statementsOf(/from "connections".*order by/s, async () => {
    page = await store.connections.list(tenant.id, { limit: 3 })
  })
  t.equal(page.length, 3)
  t.equal(seen.length, 1, 'one statement')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  // Five rows would be read by a scan whatever the indexes: ask the planner what it can do without one.
  await client.query('set enable_seqscan = off')
  const explained = await client.query(`explain (format json) ${seen[0]?.text ?? ''}`, seen[0]?.values)
  const plan = JSON.stringify(explained.rows[0])
  t.match(plan, /connections_tenant_newest/, 'the newest-first index')
  t.notMatch(plan, /"Node Type":"Sort"/, 'no sort')
})

t.test('the sweep finds abandoned attempts from their own index, not by scanning every connection', async (t) => {
  const { store, url } = await freshStore(t)
  const { tenant } = await store.tenants.create('Acme')
  for (let i = 0; i < 3; i++) await addConnection(store, tenant)
  const seen = await statementsOf(/^delete from "connections"/, async () => {
    t.same(await store.connections.deleteAbandoned(new Date(Date.now() - 3_600_000), 100), [], 'none is old enough')
  })
  t.equal(seen.length, 1, 'one statement')
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  t.teardown(() => client.end())
  await client.query('set enable_seqscan = off')
  const explained = await client.query(`explain (format json) ${seen[0]?.text ?? ''}`, seen[0]?.values)
  t.match(JSON.stringify(explained.rows[0]), /connections_abandoned/, 'the partial index of attempts never connected')
})
