import t from 'tap'
import type { Test } from 'tap'
import { testConnector } from '@latchkey/testkit'
import type { QuirkyProvider } from '@latchkey/testkit'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import { connectThrough, followRedirect, rejection, startRuntime } from '../helpers.js'

const quirkyStack = { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }

const ITEMS = Array.from({ length: 5 }, (_, i) => ({ id: `t${i + 1}`, name: `Thing ${i + 1}` }))

/** A connector whose actions page as Box (a marker in the body) and GitHub (a Link header) do. */
const forge = (quirky: QuirkyProvider): ConnectorDefinitionJson => ({
  ...testConnector(quirky, {}, 'forge'),
  name: 'Forge',
  actions: [
    {
      key: 'list_things',
      name: 'List things',
      method: 'GET' as const,
      path: '/things',
      query: { marker: '{{input.marker}}' },
      input: {
        type: 'object' as const,
        properties: { marker: { type: 'string' } },
        additionalProperties: false
      },
      output: 'entries',
      scopes: ['read'],
      pagination: {
        style: 'cursor' as const,
        param: 'marker',
        cursorPath: 'next_marker',
        limitParam: 'limit',
        limit: 2
      }
    },
    {
      key: 'list_linked',
      name: 'List linked things',
      method: 'GET' as const,
      path: '/linked',
      pagination: { style: 'link' as const, limitParam: 'per_page', limit: 2 }
    },
    {
      key: 'get_thing',
      name: 'Get a thing',
      method: 'GET' as const,
      path: '/echo/{{input.id}}',
      query: { fields: '{{input.fields}}' },
      input: {
        type: 'object' as const,
        properties: { id: { type: 'string', minLength: 1 }, fields: { type: 'array', items: { type: 'string' } } },
        required: ['id']
      },
      output: 'path'
    },
    {
      key: 'create_thing',
      name: 'Create a thing',
      method: 'POST' as const,
      path: '/things/{{input.folder}}',
      body: { name: '{{input.name}}', tags: '{{input.tags}}', note: 'in {{input.folder}}' },
      input: {
        type: 'object' as const,
        properties: {
          folder: { type: 'string' },
          name: { type: 'string', minLength: 1 },
          tags: { type: 'array', items: { type: 'string' } }
        },
        required: ['folder', 'name']
      },
      scopes: ['write']
    }
  ]
})

async function setUp(t: Test) {
  const setup = await startRuntime(t, { connectors: (s) => [forge(s.quirkyProvider)], stack: quirkyStack })
  const { runtime, tenantId } = setup
  const quirky = setup.stack.quirkyProvider
  await runtime.connectors.setApp(tenantId, 'forge', { clientId: 'app', clientSecret: 'secret' })
  const connected = async (scopes?: string[]): Promise<string> => {
    const { id } = await runtime.connections.create(tenantId, { connector: 'forge', scopes })
    const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
    if (!outcome.ok) throw new Error(`connect failed: ${outcome.code}`)
    return id
  }
  const base = new URL(quirky.apiBaseUrl).pathname
  quirky.setPagedAnswer(`${base}/things`, {
    items: ITEMS,
    style: 'cursor',
    param: 'marker',
    limitParam: 'limit',
    itemsPath: 'entries',
    cursorPath: 'next_marker'
  })
  quirky.setPagedAnswer(`${base}/linked`, { items: ITEMS, style: 'link', param: 'page', limitParam: 'per_page' })
  return { ...setup, quirky, connected }
}

t.test('an action pages within the limits the caller sets', async (t) => {
  const { runtime, tenantId, quirky, connected } = await setUp(t)
  const id = await connected()

  t.same(await runtime.actions.run(tenantId, id, 'list_things', {}), {
    status: 200,
    output: ITEMS.slice(0, 2),
    pages: 1,
    more: true
  })
  t.same(quirky.pagedRequests.at(-1)?.query, { limit: '2' }, 'the page size is asked for')
  t.same(await runtime.actions.run(tenantId, id, 'list_things', { pages: 10 }), {
    status: 200,
    output: ITEMS,
    pages: 3,
    more: false
  })
  t.same(
    await runtime.actions.run(tenantId, id, 'list_things', { pages: 10, maxItems: 3 }),
    { status: 200, output: ITEMS.slice(0, 3), pages: 2, more: true },
    'items beyond maxItems are cut and said to be more'
  )
  t.match(
    await runtime.actions.run(tenantId, id, 'list_linked', { pages: 10 }),
    { status: 200, output: ITEMS, pages: 3, more: false },
    'Link headers are followed'
  )
  t.same(quirky.pagedRequests.at(-1)?.query, { per_page: '2', page: '3' })

  const refused = await runtime.actions.run(tenantId, id, 'list_things', { input: { marker: 'nonsense' } })
  t.same(refused, {
    status: 400,
    output: { error: 'invalid_cursor' },
    pages: 1,
    more: false,
    error: 'Forge answered 400: invalid_cursor'
  })
})

t.test('the request is built from the input; bad input and missing scopes are refused before sending', async (t) => {
  const { runtime, tenantId, quirky, connected } = await setUp(t)
  const readOnly = await connected()
  const base = new URL(quirky.apiBaseUrl).pathname

  t.same(await runtime.actions.run(tenantId, readOnly, 'get_thing', { input: { id: 'a b/c', fields: ['x', 'y'] } }), {
    status: 200,
    output: `${base}/echo/a%20b%2Fc`,
    pages: 1,
    more: false
  })

  const calls = quirky.counters.apiCalls
  t.match(await rejection(runtime.actions.run(tenantId, readOnly, 'get_thing', { input: { id: '', extra: 1 } })), {
    code: 'invalid_request',
    details: [{ path: 'body.input.id', message: 'must not be empty' }]
  })
  t.match(
    await rejection(runtime.actions.run(tenantId, readOnly, 'create_thing', { input: { folder: 'f', name: 'n' } })),
    {
      code: 'missing_scope',
      message: /not granted "write", which "create_thing" needs/,
      details: { missingScopes: ['write'], grantedScopes: ['read'] }
    }
  )
  t.match(await rejection(runtime.actions.run(tenantId, readOnly, 'delete_everything', {})), {
    code: 'not_found',
    message: 'the connector "forge" has no action "delete_everything"'
  })
  t.equal(quirky.counters.apiCalls, calls, 'nothing was sent for refused actions')

  const writer = await connected(['read', 'write'])
  const created = await runtime.actions.run(tenantId, writer, 'create_thing', {
    input: { folder: 'inbox', name: 'Report', tags: ['q3', 'draft'] }
  })
  t.equal(created.status, 200)
  const echoed = created.output as { method: string; path: string; body: string }
  t.equal(echoed.method, 'POST')
  t.equal(echoed.path, `${base}/things/inbox`)
  t.same(JSON.parse(echoed.body), { name: 'Report', tags: ['q3', 'draft'], note: 'in inbox' })
  t.match(
    await rejection(runtime.actions.prepare(tenantId, writer, 'create_thing', { folder: 'x' })),
    { code: 'invalid_request', details: [{ path: 'body.input.name', message: 'is required' }] },
    'prepare checks the input without sending'
  )
})

t.test('a connection made for some actions asks for their scopes only', async (t) => {
  const { runtime, tenantId, quirky } = await setUp(t)
  const { id } = await runtime.connections.create(tenantId, { connector: 'forge', actions: ['create_thing'] })
  t.same((await runtime.store.connections.get(tenantId, id))?.requested_scopes, ['write'], 'not the default "read"')
  const { outcome } = await connectThrough(runtime, tenantId, id, followRedirect)
  t.equal(outcome.ok, true)
  t.equal(quirky.counters.lastAuthorize?.scope, 'write', 'the provider was asked for "write" only')
  t.equal((await runtime.actions.run(tenantId, id, 'create_thing', { input: { folder: 'f', name: 'n' } })).status, 200)
  t.match(await rejection(runtime.actions.run(tenantId, id, 'list_things', {})), {
    code: 'missing_scope',
    details: { missingScopes: ['read'] }
  })
  t.match(await rejection(runtime.connections.create(tenantId, { connector: 'forge', actions: ['create_thingz'] })), {
    code: 'invalid_request',
    details: [
      { path: 'body.actions[0]', message: '"create_thingz" is not an action of Forge; did you mean "create_thing"?' }
    ]
  })
  const both = await runtime.connections.create(tenantId, {
    connector: 'forge',
    actions: ['list_things'],
    scopes: ['write']
  })
  t.same((await runtime.store.connections.get(tenantId, both.id))?.requested_scopes, ['write', 'read'])
})

t.test(
  'a client credentials token granted less than an action needs: refused, saying where the scope comes from',
  async (t) => {
    const setup = await startRuntime(t, {
      connectors: (s) => [
        {
          ...forge(s.quirkyProvider),
          key: 'forge-machine',
          auth: {
            kind: 'oauth2' as const,
            grant: 'client_credentials' as const,
            tokenUrl: s.quirkyProvider.tokenUrl,
            scopes: { read: 'Read', write: 'Write' },
            defaultScopes: ['read']
          }
        }
      ],
      stack: quirkyStack
    })
    const { runtime, tenantId } = setup
    await runtime.connectors.setApp(tenantId, 'forge-machine', { clientId: 'app', clientSecret: 'secret' })
    const { id } = await runtime.connections.create(tenantId, { connector: 'forge-machine' })
    await runtime.connections.token(tenantId, id)
    const calls = setup.stack.quirkyProvider.counters.apiCalls
    t.match(await rejection(runtime.actions.run(tenantId, id, 'create_thing', { input: { folder: 'f', name: 'n' } })), {
      code: 'missing_scope',
      message: /the app's token was not granted "write", which "create_thing" needs: grant it to the app/,
      details: { missingScopes: ['write'], grantedScopes: ['read'] }
    })
    t.equal(setup.stack.quirkyProvider.counters.apiCalls, calls, 'nothing sent')
  }
)
