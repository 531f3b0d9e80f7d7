import t from 'tap'
import { createRuntime } from '@latchkey/runtime'
import { ADMIN_TOKEN, PUBLIC_URL, startHarness } from './harness.js'

t.test('API keys: created with the key shown once, listed by prefix, revoked at once in every process', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const created = await h.call('POST', '/v1/api-keys', { apiKey: tenant.apiKey, body: { label: 'CI' } })
  t.equal(created.statusCode, 201, created.body)
  t.equal(created.headers['cache-control'], 'no-store')
  const key = created.json() as { id: string; apiKey: string; prefix: string; label: string }
  t.match(key, { label: 'CI', apiKey: /^lk_/, lastUsedAt: null })
  t.equal(key.prefix, key.apiKey.slice(0, 10))

  const ok = await h.call('GET', '/v1/connections', { apiKey: key.apiKey })
  t.equal(ok.statusCode, 200, 'the new key works')
  const listed = await h.call('GET', '/v1/api-keys', { apiKey: tenant.apiKey })
  const keys = listed.json().apiKeys as { id: string; label: string; lastUsedAt: string | null }[]
  t.same(
    keys.map((k) => k.label),
    ['CI', 'first key'],
    'newest first'
  )
  t.type(keys[0]?.lastUsedAt, 'string', 'last used is recorded')
  t.notOk(listed.body.includes(key.apiKey), 'the key is never shown again')
  t.notOk(listed.body.includes('key_hash'))

  // A second process (its own runtime on the same database and Redis) has the key cached.
  const other = createRuntime({
    store: h.store,
    queues: h.queues,
    redis: h.redis,
    connectors: [],
    config: { publicUrl: PUBLIC_URL }
  })
  await other.start()
  t.teardown(() => other.close())
  await new Promise((resolve) => setTimeout(resolve, 100))
  t.ok(await other.tenants.authenticate(key.apiKey), 'the other process knows the key')
  const lookups = { count: 0 }
  const find = h.store.tenants.findByApiKey.bind(h.store.tenants)
  h.store.tenants.findByApiKey = (...args) => ((lookups.count += 1), find(...args))
  t.ok(await other.tenants.authenticate(key.apiKey), 'and serves it from memory')
  t.equal(lookups.count, 0)

  const revoked = await h.call('DELETE', `/v1/api-keys/${key.id}`, { apiKey: tenant.apiKey })
  t.equal(revoked.statusCode, 204)
  const started = Date.now()
  while ((await other.tenants.authenticate(key.apiKey)) !== undefined && Date.now() - started < 5_000)
    await new Promise((resolve) => setTimeout(resolve, 20))
  t.equal(await other.tenants.authenticate(key.apiKey), undefined, 'refused by the other process too')
  t.ok(Date.now() - started < 2_000, 'at once, not when its 10-second memory lapses')
  t.equal((await h.call('GET', '/v1/connections', { apiKey: key.apiKey })).statusCode, 401)
  t.equal((await h.call('DELETE', `/v1/api-keys/${key.id}`, { apiKey: tenant.apiKey })).statusCode, 404)

  const last = (await h.call('GET', '/v1/api-keys', { apiKey: tenant.apiKey })).json().apiKeys as { id: string }[]
  t.equal(last.length, 1)
  const refused = await h.call('DELETE', `/v1/api-keys/${last[0]?.id}`, { apiKey: tenant.apiKey })
  t.equal(refused.statusCode, 409, 'the last key cannot be revoked')
  t.match(refused.json().error.message, /create another one first/)

  const otherTenant = await h.createTenant('Other')
  t.equal(
    (await h.call('DELETE', `/v1/api-keys/${last[0]?.id}`, { apiKey: otherTenant.apiKey })).statusCode,
    404,
    "another tenant's key is not found"
  )
  const bad = await h.call('POST', '/v1/api-keys', {
    apiKey: tenant.apiKey,
    body: { label: 'x'.repeat(101), scope: 'all' }
  })
  t.equal(bad.statusCode, 400)
  t.same([...new Set(bad.json().error.details.map((d: { path: string }) => d.path))].sort(), [
    'body.label',
    'body.scope'
  ])
  t.same(
    [...bad.json().error.details].sort((a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1)),
    [
      { path: 'body.label', message: 'must be at most 100 characters long' },
      { path: 'body.scope', message: 'is not a known field' }
    ],
    'each bad field once, in words'
  )
  const shape = await h.call('POST', '/v1/api-keys', { apiKey: tenant.apiKey, body: { label: { text: 'CI' } } })
  t.equal(shape.statusCode, 400)
  t.same(shape.json().error.details, [{ path: 'body.label', message: 'must be null or text' }])
  const longId = await h.call('DELETE', `/v1/api-keys/${'k'.repeat(65)}`, { apiKey: tenant.apiKey })
  t.equal(longId.statusCode, 400)
  t.same(
    longId.json().error.details.map((d: { path: string }) => d.path),
    ['params.id']
  )
})

t.test('the operator lists tenants with the admin token only', async (t) => {
  const h = await startHarness(t)
  const a = await h.createTenant('Alpha')
  await h.createTenant('Beta')
  const listed = await h.call('GET', '/v1/tenants', { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })
  t.equal(listed.statusCode, 200)
  t.same(
    (listed.json().tenants as { name: string }[]).map((x) => x.name),
    ['Alpha', 'Beta']
  )
  t.notOk(listed.body.includes('lk_'), 'no key in the list')
  t.equal((await h.call('GET', '/v1/tenants', { apiKey: a.apiKey })).statusCode, 401, 'a tenant key is not enough')
})

t.test('connections page with a cursor, in a stable order, filtered by status and health', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const ids: string[] = []
  for (let i = 0; i < 7; i++) {
    const created = await h.call('POST', '/v1/connections', {
      apiKey: tenant.apiKey,
      body: { connector: 'stripe', externalId: i % 2 === 0 ? 'even' : 'odd', credentials: { apiKey: `rk_test_${i}` } }
    })
    t.equal(created.statusCode, 201, created.body)
    ids.push(created.json().id as string)
  }
  // Rows created in the same microsecond still page exactly once each.
  await h.store.db
    .updateTable('connections')
    .set({ created_at: new Date('2026-12-01T00:00:00Z') })
    .execute()
  const seen: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const answer = await h.call('GET', `/v1/connections?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`, {
      apiKey: tenant.apiKey
    })
    t.equal(answer.statusCode, 200, answer.body)
    const page = answer.json() as { connections: { id: string }[]; nextCursor: string | null }
    t.ok(page.connections.length <= 3)
    seen.push(...page.connections.map((c) => c.id))
    cursor = page.nextCursor
    pages += 1
  } while (cursor !== null && pages < 10)
  t.equal(pages, 3, '3 + 3 + 1')
  t.same([...seen].sort(), [...ids].sort(), 'every connection once')
  t.same(seen, [...ids].sort().reverse(), 'ties ordered by id, descending')

  await h.store.db
    .updateTable('connections')
    .set({ status: 'error' })
    .where('id', '=', ids[0] ?? '')
    .execute()
  await h.store.db
    .updateTable('connections')
    .set({ last_used_at: new Date() })
    .where('id', 'in', [ids[1] ?? '', ids[2] ?? ''])
    .execute()
  const ask = async (query: string) =>
    (
      (await h.call('GET', `/v1/connections?${query}`, { apiKey: tenant.apiKey })).json().connections as {
        id: string
      }[]
    )
      .map((c) => c.id)
      .sort()
  t.same(await ask('health=red'), [ids[0]])
  t.same(await ask('status=error'), [ids[0]])
  t.same(await ask('health=green'), [ids[1], ids[2]].sort())
  t.equal((await ask('health=yellow')).length, 4)
  t.same(await ask('externalId=odd&health=green'), [ids[1]])
  const badCursor = await h.call('GET', '/v1/connections?cursor=bm90LWEtY3Vyc29y', { apiKey: tenant.apiKey })
  t.equal(badCursor.statusCode, 400)
  t.match(badCursor.json(), { error: { details: [{ path: 'query.cursor' }] } })
  const badQuery = await h.call('GET', '/v1/connections?health=blue&limit=0&cursor=&sort=name', {
    apiKey: tenant.apiKey
  })
  t.equal(badQuery.statusCode, 400)
  t.same(
    [...new Set(badQuery.json().error.details.map((d: { path: string }) => d.path))].sort(),
    ['query.cursor', 'query.health', 'query.limit', 'query.sort'],
    'every bad query field, named as the query'
  )
  t.match(badQuery.json().error.message, /query\.health/)
  const other = await h.createTenant('Other')
  t.same((await h.call('GET', '/v1/connections', { apiKey: other.apiKey })).json(), {
    connections: [],
    nextCursor: null
  })
})

t.test('connections filtered by connector, alone and with the other filters, across pages', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const keyed = await h.call('POST', '/v1/connectors', {
    apiKey: tenant.apiKey,
    body: {
      key: 'keyed',
      name: 'Keyed',
      version: '1.0.0',
      auth: {
        kind: 'apiKey',
        label: 'API key',
        send: [{ in: 'header', name: 'x-api-key', value: '{{credentials.apiKey}}' }]
      },
      http: { baseUrl: 'https://api.keyed.example' }
    }
  })
  t.equal(keyed.statusCode, 201, keyed.body)
  const byConnector: Record<string, string[]> = { stripe: [], keyed: [] }
  for (let i = 0; i < 6; i++) {
    const connector = i % 3 === 0 ? 'keyed' : 'stripe'
    const created = await h.call('POST', '/v1/connections', {
      apiKey: tenant.apiKey,
      body: {
        connector,
        externalId: i < 3 ? 'first' : 'second',
        credentials: { apiKey: connector === 'stripe' ? `rk_test_${i}` : `key-${i}` }
      }
    })
    t.equal(created.statusCode, 201, created.body)
    byConnector[connector]?.push(created.json().id as string)
  }
  const ask = async (query: string) => {
    const answer = await h.call('GET', `/v1/connections?${query}`, { apiKey: tenant.apiKey })
    t.equal(answer.statusCode, 200, answer.body)
    return answer.json() as { connections: { id: string; connector: string }[]; nextCursor: string | null }
  }
  const keyedOnly = await ask('connector=keyed')
  t.same(keyedOnly.connections.map((c) => c.id).sort(), [...(byConnector.keyed ?? [])].sort(), 'only its connections')
  t.ok(keyedOnly.connections.every((c) => c.connector === 'keyed'))
  t.equal((await ask('connector=stripe')).connections.length, 4)
  const paged: string[] = []
  let cursor: string | null = null
  do {
    const page = await ask(`connector=stripe&limit=3${cursor === null ? '' : `&cursor=${cursor}`}`)
    t.ok(
      page.connections.every((c) => c.connector === 'stripe'),
      'the filter holds on every page'
    )
    paged.push(...page.connections.map((c) => c.id))
    cursor = page.nextCursor
  } while (cursor !== null && paged.length < 10)
  t.same(paged.sort(), [...(byConnector.stripe ?? [])].sort(), 'every stripe connection once over two pages')
  t.same(
    (await ask('connector=keyed&externalId=second')).connections.map((c) => c.id),
    [byConnector.keyed?.[1]],
    'with the external id'
  )
  t.same((await ask('connector=keyed&status=error')).connections, [], 'with the status')
  t.same((await ask('connector=github')).connections, [], 'a connector without connections')
  t.same((await ask('connector=nope')).connections, [], 'an unknown connector: none')
})
