import { readFileSync } from 'node:fs'
import t from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import { approveInBrowser, startHarness } from './harness.js'

const THINGS = Array.from({ length: 5 }, (_, i) => ({ id: `t${i + 1}` }))

/** A custom connector sent as JSON, with actions, connected to the quirky provider through the real flow. */
t.test('declared actions: listed with their schemas and scopes, run, paged, refused with reasons', async (t) => {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: 'quirky-secret' })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const definition = {
    ...testConnector(quirky, {}, 'quirky'),
    actions: [
      {
        key: 'list_things',
        name: 'List things',
        method: 'GET',
        path: '/folders/{{input.folder}}/things',
        input: { type: 'object', properties: { folder: { type: 'string', minLength: 1 } }, required: ['folder'] },
        output: 'data',
        scopes: ['read'],
        pagination: { style: 'offset', param: 'offset', limitParam: 'limit', limit: 2 }
      },
      {
        key: 'create_thing',
        name: 'Create a thing',
        method: 'POST',
        path: '/things',
        body: { name: '{{input.name}}' },
        input: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
        scopes: ['write']
      }
    ]
  }
  const created = await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })
  t.equal(created.statusCode, 201, created.body)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })

  const listed = await h.call('GET', '/v1/connectors/quirky/actions', { apiKey: tenant.apiKey })
  t.equal(listed.statusCode, 200)
  t.match(listed.json().actions, [
    {
      key: 'list_things',
      method: 'GET',
      path: '/folders/{{input.folder}}/things',
      scopes: ['read'],
      input: { required: ['folder'] },
      pagination: 'offset'
    },
    { key: 'create_thing', scopes: ['write'], input: { required: ['name'] }, pagination: null }
  ])
  t.match((await h.call('GET', '/v1/connectors/quirky', { apiKey: tenant.apiKey })).json().scopes, [
    { name: 'read', actions: [{ key: 'list_things', name: 'List things' }] },
    { name: 'write', actions: [{ key: 'create_thing', name: 'Create a thing' }] }
  ])

  const connection = (
    await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'quirky' } })
  ).json()
  t.match(await approveInBrowser(h, tenant.apiKey, connection.id), /Authorization completed successfully/)
  quirky.setPagedAnswer('/api/folders/inbox/things', {
    items: THINGS,
    style: 'offset',
    param: 'offset',
    limitParam: 'limit',
    itemsPath: 'data'
  })
  const run = (action: string, body: unknown) =>
    h.call('POST', `/v1/connections/${connection.id}/actions/${action}`, { apiKey: tenant.apiKey, body })

  const all = await run('list_things', { input: { folder: 'inbox' }, pages: 5 })
  t.equal(all.statusCode, 200, all.body)
  t.same(all.json(), { status: 200, output: THINGS, pages: 3, more: false })
  t.same(
    quirky.pagedRequests.map((r) => r.query),
    [
      { limit: '2', offset: '0' },
      { limit: '2', offset: '2' },
      { limit: '2', offset: '4' }
    ]
  )

  const bad = await run('list_things', { input: { folder: '' }, pages: 0 })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().error.details, [{ path: 'body.pages' }])
  const empty = await run('list_things', { input: { folder: '', other: 1 } })
  t.equal(empty.statusCode, 400)
  t.same(empty.json().error.details, [{ path: 'body.input.folder', message: 'must not be empty' }])

  const calls = quirky.counters.apiCalls
  const refused = await run('create_thing', { input: { name: 'x' } })
  t.equal(refused.statusCode, 409)
  t.match(refused.json().error, { code: 'missing_scope', details: { missingScopes: ['write'] } })
  t.equal((await run('nope', {})).statusCode, 404)
  t.equal(quirky.counters.apiCalls, calls, 'nothing was sent for refused actions')

  const queued = await run('list_things', { input: { folder: 'inbox' }, mode: 'async', pages: 2 })
  t.equal(queued.statusCode, 202)
  const job = await h.queues.http.getJob(queued.json().jobId)
  t.same(job?.data, {
    tenantId: tenant.id,
    connectionId: connection.id,
    action: 'list_things',
    input: { folder: 'inbox' },
    pages: 2
  })
  t.match(
    await h.runtime.jobs.call(job!.data),
    { status: 200, output: THINGS.slice(0, 4), pages: 2, more: true },
    'the worker runs it as the API would'
  )
  t.equal(
    (await run('list_things', { input: {}, mode: 'async' })).statusCode,
    400,
    'bad input is refused before queueing'
  )
  await h.queues.http.obliterate({ force: true })

  const leastPrivilege = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { connector: 'quirky', actions: ['create_thing'] }
  })
  t.equal(leastPrivilege.statusCode, 201, leastPrivilege.body)
  t.same(leastPrivilege.json().scopes.requested, ['write'], 'a connection for create_thing asks for "write" only')
  const unknown = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { connector: 'quirky', actions: ['make_thing'] }
  })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.details, [{ path: 'body.actions[0]', message: /"make_thing" is not an action of Test/ }])

  const other = await h.createTenant('Other')
  const foreign = await h.call('POST', `/v1/connections/${connection.id}/actions/list_things`, {
    apiKey: other.apiKey,
    body: { input: { folder: 'inbox' } }
  })
  t.equal(foreign.statusCode, 404, "another tenant's connection is not found")
})

t.test('an OpenAPI document arrives with its operations as actions, each with its scopes', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const document = readFileSync(
    new URL('../../../packages/connector-sdk/test/fixtures/box-openapi-operations.yaml', import.meta.url),
    'utf8'
  )
  const imported = await h.call('POST', '/v1/connectors/openapi', {
    apiKey: tenant.apiKey,
    body: { key: 'box-model', name: 'Box (model)', document }
  })
  t.equal(imported.statusCode, 201, imported.body)
  t.match(imported.json().warnings, [/thumbnail.*left out/])
  const listed = await h.call('GET', '/v1/connectors/box-model/actions', { apiKey: tenant.apiKey })
  t.same(
    listed.json().actions.map((a: { key: string; scopes: string[] }) => [a.key, a.scopes]),
    [
      ['get_folders_id_items', ['root_readonly']],
      ['post_folders', ['root_readwrite']],
      ['delete_files_id', ['root_readwrite']],
      ['get_events', []]
    ]
  )
  const connection = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { connector: 'box-model', actions: ['get_folders_id_items'] }
  })
  t.same(connection.json().scopes.requested, ['root_readonly'], 'least privilege from the operations’ security')
})
