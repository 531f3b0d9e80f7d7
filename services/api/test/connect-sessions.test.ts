import t from 'tap'
import { deliverCallback, prepareConnection, startHarness, startInBrowser, PUBLIC_URL } from './harness.js'
import type { Harness } from './harness.js'

async function session(h: Harness, apiKey: string, body: unknown) {
  return h.call('POST', '/v1/connect-sessions', { apiKey, body })
}

const wizard = (
  h: Harness,
  token: string | undefined,
  method: 'GET' | 'POST' | 'DELETE',
  url: string,
  body?: unknown
) =>
  h.call(method, url, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    ...(body === undefined ? {} : { body })
  })

t.test('a connect session opens the wizard for one end customer, without an API key', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  t.equal(
    (await h.call('POST', '/v1/connect-sessions', { body: { externalId: 'customer-42' } })).statusCode,
    401,
    'creating one needs the API key'
  )
  const bad = await session(h, tenant.apiKey, { externalId: '', connectors: ['sandbox', 'nope'], extra: 1 })
  t.equal(bad.statusCode, 400)
  t.match(JSON.stringify(bad.json()), /externalId/)
  const unknown = await session(h, tenant.apiKey, { externalId: 'customer-42', connectors: ['sandbox', 'nope'] })
  t.equal(unknown.statusCode, 400)
  t.match(unknown.json().error.details, [{ path: 'body.connectors[1]', message: /"nope" is not a connector/ }])

  const created = await session(h, tenant.apiKey, { externalId: 'customer-42', connectors: ['sandbox'] })
  t.equal(created.statusCode, 201)
  const link = created.json() as { token: string; url: string; expiresAt: string }
  t.match(link.token, /^lkcs_[A-Za-z0-9_-]{43}$/)
  const ttl = Date.parse(link.expiresAt) - Date.now()
  t.ok(ttl > 29 * 60_000 && ttl <= 30 * 60_000, 'valid for 30 minutes')
  const stored = await h.store.db.selectFrom('connect_sessions').selectAll().executeTakeFirstOrThrow()
  t.equal(
    link.url,
    `${PUBLIC_URL}/connect/?s=${stored.id}#session=${link.token}`,
    'the token travels in the fragment; the query names only the session (its id is no secret)'
  )
  t.not(stored.token_hash, link.token, 'stored hashed')
  t.notMatch(JSON.stringify(stored), link.token)

  const overview = await wizard(h, link.token, 'GET', '/v1/connect/session')
  t.equal(overview.statusCode, 200)
  t.match(overview.json(), {
    externalId: 'customer-42',
    connectors: [{ key: 'sandbox', appConfigured: true }],
    connections: [{ id: connectionId, externalId: 'customer-42' }]
  })
  t.equal(overview.json().connectors.length, 1, 'only the offered connectors')
  t.equal(
    (await wizard(h, tenant.apiKey, 'GET', '/v1/connect/session')).statusCode,
    401,
    'an API key is not a session token'
  )
  t.equal(
    (await wizard(h, link.token, 'GET', '/v1/connections')).statusCode,
    401,
    'and a session token is not an API key'
  )
  t.equal((await wizard(h, 'lkcs_forged', 'GET', '/v1/connect/session')).statusCode, 401)
  t.equal((await wizard(h, undefined, 'GET', '/v1/connect/session')).statusCode, 401)

  // A connection created through the wizard belongs to the session's customer, whatever the body says.
  const refused = await wizard(h, link.token, 'POST', '/v1/connect/connections', {
    connector: 'sandbox',
    externalId: 'someone-else'
  })
  t.equal(refused.statusCode, 400, 'the wizard cannot choose the external id')
  const made = await wizard(h, link.token, 'POST', '/v1/connect/connections', {
    connector: 'sandbox',
    label: 'Mine',
    scopes: ['nope']
  })
  t.equal(made.statusCode, 400)
  t.match(made.json().error.details, [{ path: 'body.scopes[0]' }])
  const mine = await wizard(h, link.token, 'POST', '/v1/connect/connections', { connector: 'sandbox', label: 'Mine' })
  t.equal(mine.statusCode, 201)
  t.match(mine.json(), { externalId: 'customer-42', label: 'Mine', status: 'configured' })
  t.equal(
    (await wizard(h, link.token, 'POST', '/v1/connect/connections', { connector: 'box' })).statusCode,
    400,
    'a connector not offered is refused'
  )

  const events = await wizard(h, link.token, 'GET', `/v1/connect/connections/${connectionId}/events`)
  t.equal(events.statusCode, 200)
  t.equal(events.json().events[0].kind, 'connection.created')
})

t.test(
  'a session reaches its own customer only: other customers, other tenants and expired links get nothing',
  async (t) => {
    const h = await startHarness(t)
    const { tenant, connectionId } = await prepareConnection(h)
    const other = await h.call('POST', '/v1/connections', {
      apiKey: tenant.apiKey,
      body: { connector: 'sandbox', externalId: 'customer-99' }
    })
    const otherId = other.json().id as string
    const link = (await session(h, tenant.apiKey, { externalId: 'customer-42' })).json() as { token: string }
    for (const [method, url] of [
      ['GET', `/v1/connect/connections/${otherId}`],
      ['POST', `/v1/connect/connections/${otherId}/authorize`],
      ['POST', `/v1/connect/connections/${otherId}/disconnect`],
      ['GET', `/v1/connect/connections/${otherId}/events`]
    ] as const) {
      t.equal(
        (await wizard(h, link.token, method, url)).statusCode,
        404,
        `${method} ${url.replace(otherId, ':other')} is not found`
      )
    }
    t.equal((await wizard(h, link.token, 'GET', `/v1/connect/connections/${connectionId}`)).statusCode, 200)

    const second = await h.createTenant('Globex')
    const foreign = (await session(h, second.apiKey, { externalId: 'customer-42' })).json() as { token: string }
    t.equal(
      (await wizard(h, foreign.token, 'GET', `/v1/connect/connections/${connectionId}`)).statusCode,
      404,
      "another tenant's session, same external id"
    )
    t.same((await wizard(h, foreign.token, 'GET', '/v1/connect/session')).json().connections, [])

    // Offered connectors narrow what a session sees, even for its own customer.
    const narrow = (await session(h, tenant.apiKey, { externalId: 'customer-42', connectors: ['box'] })).json() as {
      token: string
    }
    t.equal((await wizard(h, narrow.token, 'GET', `/v1/connect/connections/${connectionId}`)).statusCode, 404)

    await h.store.db
      .updateTable('connect_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute()
    const expired = await wizard(h, link.token, 'GET', '/v1/connect/session')
    t.equal(expired.statusCode, 401)
    t.match(expired.json().error.message, /expired/)
    await h.store.db
      .updateTable('connect_sessions')
      .set({ expires_at: new Date(Date.now() - 2 * 86_400_000) })
      .execute()
    await h.runtime.jobs.sweep()
    t.equal(
      (await h.store.db.selectFrom('connect_sessions').select('id').execute()).length,
      0,
      'the sweep drops sessions expired over a day ago'
    )
  }
)

t.test(
  'an attempt started by a full-page redirect ends back in the wizard, with the outcome in the fragment',
  async (t) => {
    const h = await startHarness(t)
    const { tenant, connectionId } = await prepareConnection(h)
    const link = (await session(h, tenant.apiKey, { externalId: 'customer-42' })).json() as { token: string }
    const run = async (returnToWizard: boolean, deny = false) => {
      const authorize = await wizard(h, link.token, 'POST', `/v1/connect/connections/${connectionId}/authorize`, {
        returnToWizard
      })
      t.equal(authorize.statusCode, 200)
      const start = await h.call('GET', new URL(authorize.json().authorizeUrl).pathname)
      const cookie = [start.headers['set-cookie']]
        .flat()
        .map((c) => String(c).split(';')[0])
        .join('; ')
      return deliverCallback(h, await h.server.approve(String(start.headers.location), { deny }), cookie)
    }
    const back = await run(true)
    t.equal(back.statusCode, 303)
    const location = new URL(String(back.headers.location))
    t.equal(`${location.origin}${location.pathname}`, `${PUBLIC_URL}/connect/`)
    const outcome = JSON.parse(Buffer.from(location.hash.replace('#outcome=', ''), 'base64url').toString())
    t.same(outcome, { type: 'latchkey:connect', ok: true, connectionId })
    t.notMatch(String(back.headers.location), /code=|state=|access_token/, 'nothing secret travels back')

    const denied = await run(true, true)
    const deniedOutcome = JSON.parse(
      Buffer.from(new URL(String(denied.headers.location)).hash.replace('#outcome=', ''), 'base64url').toString()
    )
    t.match(deniedOutcome, { ok: false, code: 'access_denied', title: 'Access was not granted', hint: /./ })

    const popup = await run(false)
    t.equal(popup.statusCode, 200, 'a popup attempt ends on the page that notifies the opener')
    t.match(popup.body, /Authorization completed successfully/)

    t.rejects(
      h.runtime.connect.authorize(tenant.id, connectionId, { returnTo: 'https://evil.example/' }),
      /returnTo/,
      'only a path on this deployment'
    )
  }
)

t.test('the OAuth app can be read back without its secret, and edited without giving it again', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  t.equal((await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: h.sandbox() })).statusCode, 201)
  t.equal((await h.call('GET', '/v1/connectors/sandbox/app', { apiKey: tenant.apiKey })).statusCode, 404)
  const first = await h.call('PUT', '/v1/connectors/sandbox/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'sandbox-app' }
  })
  t.equal(first.statusCode, 400)
  t.match(first.json().error.details, [{ path: 'body.clientSecret', message: /required/ }])
  t.equal(
    (
      await h.call('PUT', '/v1/connectors/sandbox/app', {
        apiKey: tenant.apiKey,
        body: { clientId: 'sandbox-app', clientSecret: 'the-secret-value' }
      })
    ).statusCode,
    200
  )
  const edited = await h.call('PUT', '/v1/connectors/sandbox/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'sandbox-app-2', overrides: { tokenUrl: h.server.tokenUrl } }
  })
  t.equal(edited.statusCode, 200)
  const app = await h.call('GET', '/v1/connectors/sandbox/app', { apiKey: tenant.apiKey })
  t.match(app.json(), { clientId: 'sandbox-app-2', overrides: { tokenUrl: h.server.tokenUrl } })
  t.notMatch(app.body, /the-secret-value/)
  t.equal(
    (await h.store.apps.get(tenant.id, 'sandbox'))?.client?.clientSecret,
    'the-secret-value',
    'the stored secret was kept'
  )
})

t.test('the wizard and console pages: local assets only, strict CSP, not framable', async (t) => {
  const h = await startHarness(t)
  for (const path of ['/connect/', '/console/']) {
    const page = await h.call('GET', path)
    t.equal(page.statusCode, 200)
    t.match(
      String(page.headers['content-security-policy']),
      /default-src 'none'; script-src 'self'.*frame-ancestors 'none'/
    )
    t.notMatch(page.body, /https?:\/\//, `${path} loads nothing from elsewhere`)
    for (const asset of page.body.matchAll(/(?:src|href)="\.\.(\/ui\/[^"]+)"/g)) {
      const answer = await h.call('GET', asset[1]!)
      t.equal(answer.statusCode, 200, `${asset[1]} is served`)
      // Loopback, and the names RFC 2606 reserves for examples (a placeholder such as
      // https://app.example.com), can never be a third party's resource.
      t.notMatch(
        answer.body,
        /https?:\/\/(?!127\.0\.0\.1|(?:[a-z0-9-]+\.)*example\.(?:com|org|net)\b)[a-z]/i,
        `${asset[1]} references no third-party resource`
      )
    }
  }
  t.equal((await h.call('GET', '/connect')).headers.location, '/connect/')
  t.equal((await h.call('GET', '/ui/../package.json')).statusCode, 404)
})

t.test(
  "the tenant app's default scopes are what the console and the wizard show, and what a connection asks for",
  async (t) => {
    const h = await startHarness(t)
    const tenant = await h.createTenant()
    const definition = h.sandbox({ defaultScopes: ['read'], customerSelectsScopes: true })
    t.equal((await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: definition })).statusCode, 201)
    const saved = await h.call('PUT', '/v1/connectors/sandbox/app', {
      apiKey: tenant.apiKey,
      body: { clientId: 'sandbox-app', clientSecret: 'sandbox-secret', scopes: ['read', 'write'] }
    })
    t.equal(saved.statusCode, 200)
    t.match(saved.json(), { defaultScopes: ['read', 'write'], schemes: [{ defaultScopes: ['read', 'write'] }] })
    const summary = (await h.call('GET', '/v1/connectors/sandbox', { apiKey: tenant.apiKey })).json()
    t.match(
      summary,
      { defaultScopes: ['read', 'write'], schemes: [{ defaultScopes: ['read', 'write'] }] },
      'the summary'
    )
    const listed = (await h.call('GET', '/v1/connectors', { apiKey: tenant.apiKey })).json() as {
      connectors: { key: string; defaultScopes: string[] }[]
    }
    t.same(listed.connectors.find((c) => c.key === 'sandbox')?.defaultScopes, ['read', 'write'], 'the list')

    const link = (await session(h, tenant.apiKey, { externalId: 'customer-5', connectors: ['sandbox'] })).json() as {
      token: string
    }
    const overview = (await wizard(h, link.token, 'GET', '/v1/connect/session')).json()
    t.match(
      overview,
      { connectors: [{ key: 'sandbox', schemes: [{ defaultScopes: ['read', 'write'] }] }] },
      'the wizard'
    )
    const created = await wizard(h, link.token, 'POST', '/v1/connect/connections', { connector: 'sandbox' })
    t.equal(created.statusCode, 201)
    t.same(created.json().scopes.requested, ['read', 'write'], 'a connection made without choosing asks for them')

    // Cleared: the connector's own defaults again.
    await h.call('PUT', '/v1/connectors/sandbox/app', {
      apiKey: tenant.apiKey,
      body: { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' }
    })
    t.match((await h.call('GET', '/v1/connectors/sandbox', { apiKey: tenant.apiKey })).json(), {
      defaultScopes: ['read'],
      schemes: [{ defaultScopes: ['read'] }]
    })
  }
)

t.test('the customer removes cards that hold nothing; a working connection must be disconnected first', async (t) => {
  const h = await startHarness(t)
  const { tenant, connectionId } = await prepareConnection(h)
  const link = (await session(h, tenant.apiKey, { externalId: 'customer-42', connectors: ['sandbox'] })).json() as {
    token: string
  }
  const abandoned = await wizard(h, link.token, 'POST', '/v1/connect/connections', { connector: 'sandbox' })
  t.equal(abandoned.statusCode, 201)
  const abandonedId = abandoned.json().id as string
  t.equal(abandoned.json().status, 'configured')
  t.equal((await wizard(h, link.token, 'DELETE', `/v1/connect/connections/${abandonedId}`)).statusCode, 204)
  const overview = (await wizard(h, link.token, 'GET', '/v1/connect/session')).json() as {
    connections: { id: string }[]
  }
  t.notOk(
    overview.connections.some((c) => c.id === abandonedId),
    'gone from the wizard'
  )
  t.equal((await h.call('GET', `/v1/connections/${abandonedId}`, { apiKey: tenant.apiKey })).statusCode, 404)

  // The connected one is refused until disconnected, then removed.
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, connectionId)
  t.match(
    (await deliverCallback(h, await h.server.approve(providerUrl), cookie)).body,
    /Authorization completed successfully/
  )
  const refused = await wizard(h, link.token, 'DELETE', `/v1/connect/connections/${connectionId}`)
  t.equal(refused.statusCode, 409)
  t.match(refused.json().error.message, /disconnect it before removing it/)
  t.equal(
    (await h.call('GET', `/v1/connections/${connectionId}`, { apiKey: tenant.apiKey })).json().status,
    'connected'
  )
  t.equal((await wizard(h, link.token, 'POST', `/v1/connect/connections/${connectionId}/disconnect`)).statusCode, 200)
  t.equal((await wizard(h, link.token, 'DELETE', `/v1/connect/connections/${connectionId}`)).statusCode, 204)

  // Another customer's session cannot reach it.
  const other = (await session(h, tenant.apiKey, { externalId: 'customer-9', connectors: ['sandbox'] })).json() as {
    token: string
  }
  const mine = (
    await wizard(h, link.token, 'POST', '/v1/connect/connections', {
      connector: 'sandbox',
      parameters: { workspace: 'x' }
    })
  ).json().id as string
  t.equal((await wizard(h, other.token, 'DELETE', `/v1/connect/connections/${mine}`)).statusCode, 404)
})
