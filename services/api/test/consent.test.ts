import t from 'tap'
import type { Test } from 'tap'
import { startQuirkyProvider, testConnector } from '@latchkey/testkit'
import type { OAuth2AuthorizationCodeAuth } from '@latchkey/connector-sdk'
import type { QuirkyModes, QuirkyProvider } from '@latchkey/testkit'
import { deliverCallback, startHarness } from './harness.js'
import type { Harness } from './harness.js'

/** A custom connector whose two actions need one scope each. */
function definitionWithActions(quirky: QuirkyProvider, auth: Partial<OAuth2AuthorizationCodeAuth> = {}) {
  return {
    ...testConnector(quirky, { scopes: { read: 'Read', write: 'Write', admin: 'Administer' }, ...auth }, 'quirky'),
    actions: [
      { key: 'list_things', name: 'List things', method: 'GET', path: '/things', scopes: ['read'] },
      { key: 'create_thing', name: 'Create a thing', method: 'POST', path: '/things', body: {}, scopes: ['write'] }
    ]
  }
}

async function setUp(t: Test, auth: Partial<OAuth2AuthorizationCodeAuth> = {}, modes: Partial<QuirkyModes> = {}) {
  const h = await startHarness(t)
  const quirky = await startQuirkyProvider({ clientId: 'quirky-app', clientSecret: 'quirky-secret', modes })
  t.teardown(() => quirky.close())
  const tenant = await h.createTenant()
  const created = await h.call('POST', '/v1/connectors', {
    apiKey: tenant.apiKey,
    body: definitionWithActions(quirky, auth)
  })
  if (created.statusCode !== 201) throw new Error(created.body)
  await h.call('PUT', '/v1/connectors/quirky/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'quirky-app', clientSecret: 'quirky-secret' }
  })
  return { h, quirky, tenant }
}

/** The browser step for an authorize link: the start link, the provider's page (what it was asked), the callback. */
async function approve(h: Harness, authorizeUrl: string): Promise<{ asked: URLSearchParams; page: string }> {
  const start = await h.call('GET', new URL(authorizeUrl).pathname)
  if (start.statusCode !== 302) throw new Error(`start: ${start.statusCode} ${start.body}`)
  const cookie = [start.headers['set-cookie']]
    .flat()
    .filter((c): c is string => typeof c === 'string')
    .map((c) => c.split(';')[0])
    .join('; ')
  const providerUrl = new URL(String(start.headers.location))
  const location = (await fetch(providerUrl, { redirect: 'manual' })).headers.get('location') ?? ''
  return { asked: providerUrl.searchParams, page: (await deliverCallback(h, new URL(location), cookie)).body }
}

t.test('asking a connection for more: every scope again where consent is not incremental, same id', async (t) => {
  const { h, tenant } = await setUp(t)
  const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    h.call(method, url, { apiKey: tenant.apiKey, ...(body === undefined ? {} : { body }) })
  const connection = (await call('POST', '/v1/connections', { connector: 'quirky', actions: ['list_things'] })).json()
  t.same(connection.scopes.requested, ['read'])
  const first = await call('POST', `/v1/connections/${connection.id}/authorize`)
  t.match(first.json(), { scopes: ['read'], incremental: false }, 'no body: a plain connect')
  t.match((await approve(h, first.json().authorizeUrl)).page, /Authorization completed successfully/)

  const refused = await call('POST', `/v1/connections/${connection.id}/actions/create_thing`, { input: {} })
  t.equal(refused.statusCode, 409)
  t.match(refused.json().error, { code: 'missing_scope', details: { missingScopes: ['write'] } })
  t.match(refused.json().error.message, /POST \/v1\/connections\/:id\/authorize with "actions"/, 'saying how to fix it')

  const bad = await call('POST', `/v1/connections/${connection.id}/authorize`, {
    actions: ['make_thing'],
    scopes: ['wrte']
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().error.details, [
    { path: 'body.actions[0]', message: '"make_thing" is not an action of Test' },
    { path: 'body.scopes[0]', message: /"wrte" is not a scope this connector offers; did you mean "write"\?/ }
  ])

  const more = await call('POST', `/v1/connections/${connection.id}/authorize`, { actions: ['create_thing'] })
  t.equal(more.statusCode, 200, more.body)
  t.match(more.json(), { scopes: ['read', 'write'], incremental: false }, 'everything asked again')
  const { asked, page } = await approve(h, more.json().authorizeUrl)
  t.equal(asked.get('scope'), 'read write')
  t.equal(asked.get('include_granted_scopes'), null, 'no incremental params without the declaration')
  t.match(page, /Authorization completed successfully/)
  const after = (await call('GET', `/v1/connections/${connection.id}`)).json()
  t.match(after, { id: connection.id, status: 'connected', scopes: { requested: ['read', 'write'] } }, 'same id')
  t.same([...after.scopes.granted].sort(), ['read', 'write'])
  const created = await call('POST', `/v1/connections/${connection.id}/actions/create_thing`, { input: {} })
  t.equal(created.statusCode, 200, 'the action runs now')
  t.match(created.json().output, { method: 'POST', path: '/api/things' })
})

t.test('incremental consent: only the missing scopes are asked, the provider adds them to the grant', async (t) => {
  const { h, tenant, quirky } = await setUp(
    t,
    { incrementalConsent: { authorizeParams: { include_granted_scopes: 'true' } } },
    { incrementalParam: 'include_granted_scopes' }
  )
  const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    h.call(method, url, { apiKey: tenant.apiKey, ...(body === undefined ? {} : { body }) })
  const connection = (await call('POST', '/v1/connections', { connector: 'quirky', actions: ['list_things'] })).json()
  const first = await call('POST', `/v1/connections/${connection.id}/authorize`, { actions: ['list_things'] })
  t.match(first.json(), { scopes: ['read'], incremental: false }, 'nothing granted yet: a plain connect')
  const initial = await approve(h, first.json().authorizeUrl)
  t.equal(initial.asked.get('include_granted_scopes'), null)

  const more = await call('POST', `/v1/connections/${connection.id}/authorize`, { actions: ['create_thing'] })
  t.match(more.json(), { scopes: ['write'], incremental: true }, 'only what is missing')
  const { asked, page } = await approve(h, more.json().authorizeUrl)
  t.equal(asked.get('scope'), 'write')
  t.equal(asked.get('include_granted_scopes'), 'true', 'with the declared params')
  t.match(page, /Authorization completed successfully/)
  const after = (await call('GET', `/v1/connections/${connection.id}`)).json()
  t.same([...after.scopes.granted].sort(), ['read', 'write'], 'the grant holds both, as the provider answered')
  t.same(after.scopes.requested, ['read', 'write'])
  t.equal((await call('POST', `/v1/connections/${connection.id}/actions/list_things`, { input: {} })).statusCode, 200)
  t.equal((await call('POST', `/v1/connections/${connection.id}/actions/create_thing`, { input: {} })).statusCode, 200)
  const events = (await call('GET', `/v1/connections/${connection.id}/events?limit=10`)).json().events
  t.ok(
    events.some(
      (e: { kind: string; message: string; detail: Record<string, unknown> }) =>
        e.kind === 'connect.started' && /approve more access/.test(e.message) && e.detail.incremental === true
    ),
    'the log says more access was asked'
  )
  t.equal(quirky.counters.tokenRequests.authorization_code, 2)

  const all = await call('POST', `/v1/connections/${connection.id}/authorize`, { scopes: ['read'] })
  t.match(all.json(), { scopes: ['read', 'write'], incremental: false }, 'nothing missing: a plain reconnect')
})

t.test('a connect session names the actions: the wizard asks for their scopes and for what is missing', async (t) => {
  const { h, tenant } = await setUp(t)
  const bad = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: { externalId: 'customer-7', connectors: ['quirky'], actions: { quirky: ['make_thing'], github: ['x'] } }
  })
  t.equal(bad.statusCode, 400)
  t.match(bad.json().error.details, [
    { path: 'body.actions.quirky[0]', message: /"make_thing" is not an action of Test/ },
    { path: 'body.actions.github', message: '"github" is not one of the connectors this session offers' }
  ])
  t.equal(bad.json().error.details.length, 2)

  // A connection made before, for listing only.
  const earlier = (
    await h.call('POST', '/v1/connections', {
      apiKey: tenant.apiKey,
      body: { connector: 'quirky', externalId: 'customer-7', actions: ['list_things'] }
    })
  ).json()
  const link = await h.call('POST', '/v1/connections/' + earlier.id + '/authorize', { apiKey: tenant.apiKey })
  t.match((await approve(h, link.json().authorizeUrl)).page, /Authorization completed successfully/)

  const session = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: { externalId: 'customer-7', connectors: ['quirky'], actions: { quirky: ['list_things', 'create_thing'] } }
  })
  t.equal(session.statusCode, 201, session.body)
  const wizard = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    h.call(method, url, {
      headers: { authorization: `Bearer ${session.json().token}` },
      ...(body === undefined ? {} : { body })
    })
  const overview = (await wizard('GET', '/v1/connect/session')).json()
  t.same(overview.actions, { quirky: { actions: ['list_things', 'create_thing'], scopes: ['read', 'write'] } })
  t.same(overview.missingScopes, { [earlier.id]: ['write'] }, 'the earlier connection lacks "write"')

  const made = await wizard('POST', '/v1/connect/connections', { connector: 'quirky', actions: ['list_things'] })
  t.equal(made.statusCode, 201, made.body)
  t.same(made.json().scopes.requested, ['read', 'write'], "the session's actions decide, not the browser")

  const upgrade = await wizard('POST', `/v1/connect/connections/${earlier.id}/authorize`)
  t.match(upgrade.json(), { scopes: ['read', 'write'], incremental: false }, 'the wizard asks for what is missing')
  t.match((await approve(h, upgrade.json().authorizeUrl)).page, /Authorization completed successfully/)
  t.same((await wizard('GET', '/v1/connect/session')).json().missingScopes, {}, 'nothing missing any more')
})
