import t from 'tap'
import { CATALOG } from '../src/index.js'
import { deliverCallback, prepareConnection, startHarness, startInBrowser } from './harness.js'

t.test('tenant A gets 404 for tenant B’s connection on every route', async (t) => {
  const h = await startHarness(t)
  const { connectionId } = await prepareConnection(h)
  const other = await h.createTenant('Other')
  const routes: ['GET' | 'POST' | 'DELETE', string][] = [
    ['GET', `/v1/connections/${connectionId}`],
    ['POST', `/v1/connections/${connectionId}/authorize`],
    ['POST', `/v1/connections/${connectionId}/refresh`],
    ['POST', `/v1/connections/${connectionId}/disconnect`],
    ['DELETE', `/v1/connections/${connectionId}`],
    ['GET', `/v1/connections/${connectionId}/events`],
    ['GET', `/v1/connections/${connectionId}/token`]
  ]
  for (const [method, url] of routes) {
    const response = await h.call(method, url, { apiKey: other.apiKey })
    t.equal(response.statusCode, 404, `${method} ${url}`)
    t.equal(response.json().error.code, 'not_found')
  }
  t.same((await h.call('GET', '/v1/connections', { apiKey: other.apiKey })).json(), {
    connections: [],
    nextCursor: null
  })
  t.equal(
    (await h.call('GET', '/v1/connectors/sandbox', { apiKey: other.apiKey })).statusCode,
    404,
    'custom connectors are per tenant too'
  )
  t.equal((await h.call('GET', '/v1/connections/not-a-uuid', { apiKey: other.apiKey })).statusCode, 404)
})

t.test('no key, a bad key, and the admin token', async (t) => {
  const h = await startHarness(t)
  const none = await h.call('GET', '/v1/connections')
  t.equal(none.statusCode, 401)
  t.match(none.json(), { error: { code: 'unauthorized', message: /API key/ } })
  t.equal((await h.call('GET', '/v1/connectors', { apiKey: 'lk_wrong' })).statusCode, 401)
  t.equal((await h.call('POST', '/v1/tenants', { apiKey: 'not-admin', body: { name: 'x' } })).statusCode, 401)
})

t.test('a bad body: 400 listing every field', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const response = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { parameters: 'x', scopes: { a: 1 }, colour: 'red' }
  })
  t.equal(response.statusCode, 400)
  const body = response.json()
  t.equal(body.error.code, 'invalid_request')
  const paths = body.error.details.map((d: { path: string }) => d.path)
  t.ok(paths.includes('body.connector'), paths.join(','))
  t.ok(paths.includes('body.scopes'))
  t.ok(paths.includes('body.colour'))
  t.ok(paths.includes('body.parameters'))
})

t.test('connections: parameters, scopes and client are checked against the connector', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const zendesk = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: {
      connector: 'zendesk',
      parameters: { subdomain: 'Not Valid!', extra: 'x' },
      scopes: ['read', 'tickets:wrte'],
      client: { clientId: 'a', clientSecret: 'b' }
    }
  })
  t.equal(zendesk.statusCode, 400)
  t.same(zendesk.json().error.details, [
    { path: 'body.parameters.extra', message: 'is not a parameter of this connector' },
    {
      path: 'body.parameters.subdomain',
      message: 'Use only the part before .zendesk.com: lower-case letters, digits and dashes'
    },
    {
      path: 'body.scopes[1]',
      message: '"tickets:wrte" is not a scope this connector offers; did you mean "tickets:write"?'
    },
    {
      path: 'body.client',
      message: "is not allowed: this connector uses the tenant's OAuth app (PUT /v1/connectors/:key/app)"
    }
  ])
  const unknown = await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'nope' } })
  t.match(unknown.json(), { error: { code: 'invalid_request', details: [{ path: 'body.connector' }] } })

  await h.call('POST', '/v1/connectors', {
    apiKey: tenant.apiKey,
    body: { ...h.sandbox({ clientOwnership: 'customer' }), key: 'byo' }
  })
  const missingClient = await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'byo' } })
  t.match(missingClient.json(), { error: { details: [{ path: 'body.client', message: /is required/ }] } })
  const withClient = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    body: { connector: 'byo', client: { clientId: 'sandbox-app', clientSecret: 'sandbox-secret' } }
  })
  t.equal(withClient.statusCode, 201)
  t.notMatch(withClient.body, /sandbox-secret/)
  const setApp = await h.call('PUT', '/v1/connectors/byo/app', {
    apiKey: tenant.apiKey,
    body: { clientId: 'x', clientSecret: 'y' }
  })
  t.equal(setApp.statusCode, 400)
  t.same(
    setApp.json().error.details.map((d: { path: string }) => d.path),
    ['body.clientId', 'body.clientSecret']
  )
  t.match(
    setApp.json().error.details[0].message,
    /no developer-owned OAuth 2.0 client, only overrides.baseUrl can be set/
  )

  // A customer-owned connection connects with the customer's own client.
  const { providerUrl, cookie } = await startInBrowser(h, tenant.apiKey, withClient.json().id)
  t.match(
    (await deliverCallback(h, await h.server.approve(providerUrl), cookie)).body,
    /Authorization completed successfully/
  )
})

t.test('JSON bodies: empty is accepted on bodiless routes, malformed is a 400', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const malformed = await h.call('POST', '/v1/connections', {
    apiKey: tenant.apiKey,
    headers: { 'content-type': 'application/json' },
    body: '{"connector":'
  })
  t.equal(malformed.statusCode, 400)
  t.match(malformed.json(), { error: { code: 'invalid_json', message: 'the body is not valid JSON' } })
  const connection = (
    await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'box' } })
  ).json()
  const empty = await h.call('POST', `/v1/connections/${connection.id}/disconnect`, {
    apiKey: tenant.apiKey,
    headers: { 'content-type': 'application/json' }
  })
  t.equal(empty.statusCode, 200)
})

t.test('authorize before the app is set says what to do', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const connection = await h.call('POST', '/v1/connections', { apiKey: tenant.apiKey, body: { connector: 'box' } })
  const authorize = await h.call('POST', `/v1/connections/${connection.json().id}/authorize`, { apiKey: tenant.apiKey })
  t.equal(authorize.statusCode, 409)
  t.match(authorize.json().error.message, /PUT \/v1\/connectors\/box\/app/)
})

t.test('connectors: the catalog with the redirect URI, custom ones, OpenAPI import, app settings', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const list = (await h.call('GET', '/v1/connectors', { apiKey: tenant.apiKey })).json().connectors
  t.same(
    list.map((c: { key: string }) => c.key),
    CATALOG.map((c) => c.key),
    'the whole built-in catalog, in its order'
  )
  const box = list.find((c: { key: string }) => c.key === 'box')
  t.match(box, {
    key: 'box',
    authKind: 'oauth2',
    scopeDelimiter: ' ',
    redirectUri: 'http://127.0.0.1:4999/oauth/callback/',
    appConfigured: false
  })
  t.equal(box.scopes.length, 9)

  const spoofed = await h.call('GET', '/v1/connectors/box', {
    apiKey: tenant.apiKey,
    headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example' }
  })
  t.equal(
    spoofed.json().redirectUri,
    'http://127.0.0.1:4999/oauth/callback/',
    'from configuration, never from request headers'
  )

  const bad = await h.call('POST', '/v1/connectors', {
    apiKey: tenant.apiKey,
    body: {
      key: 'acme',
      name: 'Acme',
      version: '1.0.0',
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: 'https://{{parameters.tenant}}.a.example/a',
        tokenUrl: 'http://a.example/t',
        scopeDelimiter: ';'
      }
    }
  })
  t.equal(bad.statusCode, 400)
  t.same(
    bad.json().error.details.map((d: { path: string }) => d.path),
    ['body.auth.scopeDelimiter', 'body.auth.authorizeUrl', 'body.auth.tokenUrl']
  )
  t.equal(
    (await h.call('POST', '/v1/connectors', { apiKey: tenant.apiKey, body: { ...h.sandbox(), key: 'box' } }))
      .statusCode,
    409
  )

  const fragment = {
    components: {
      securitySchemes: {
        OAuth2Security: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://account.box.com/api/oauth2/authorize',
              tokenUrl: 'https://api.box.com/oauth2/token',
              scopes: { root_readonly: 'Read', root_readwrite: 'Write' }
            }
          }
        }
      }
    }
  }
  const imported = await h.call('POST', '/v1/connectors/openapi', {
    apiKey: tenant.apiKey,
    body: { key: 'box-imported', name: 'Box (imported)', document: fragment }
  })
  t.equal(imported.statusCode, 201)
  t.match(imported.json(), {
    key: 'box-imported',
    source: 'custom',
    scopes: [{ name: 'root_readonly' }, { name: 'root_readwrite' }],
    warnings: [/openapi/, /servers/]
  })
  const apiKeyOnly = await h.call('POST', '/v1/connectors/openapi', {
    apiKey: tenant.apiKey,
    body: {
      key: 'k',
      name: 'K',
      document: {
        openapi: '3.0.0',
        components: { securitySchemes: { K: { type: 'apiKey', in: 'cookie', name: 's' } } }
      }
    }
  })
  t.match(apiKeyOnly.json(), {
    error: {
      code: 'invalid_request',
      details: [
        {
          path: 'body.document.components.securitySchemes.K',
          message: 'an API key in "cookie" is not imported: only a header or the query'
        }
      ]
    }
  })

  const app = await h.call('PUT', '/v1/connectors/box/app', {
    apiKey: tenant.apiKey,
    body: {
      clientId: 'cid',
      clientSecret: 'BOX-SECRET',
      scopes: ['root_readonly', 'nope'],
      overrides: { tokenUrl: 'http://evil.example/t' }
    }
  })
  t.equal(app.statusCode, 400)
  t.same(
    app.json().error.details.map((d: { path: string }) => d.path),
    ['body.scopes[1]', 'body.overrides.tokenUrl']
  )
  const saved = await h.call('PUT', '/v1/connectors/box/app', {
    apiKey: tenant.apiKey,
    body: {
      clientId: 'cid',
      clientSecret: 'BOX-SECRET',
      scopes: ['root_readonly'],
      overrides: { tokenUrl: 'https://sandbox.box.example/oauth2/token' }
    }
  })
  t.equal(saved.statusCode, 200)
  t.notMatch(saved.body, /BOX-SECRET/, 'the secret is never echoed')
  t.equal(saved.json().appConfigured, true)
})

t.test('OpenAPI self-description, health and readiness', async (t) => {
  const h = await startHarness(t)
  const docs = (await h.call('GET', '/docs/json')).json()
  t.match(docs, { openapi: /^3\./, info: { title: 'Latchkey API' } })
  t.ok(docs.paths['/v1/connections/{id}/authorize'])
  t.equal((await h.call('GET', '/healthz')).statusCode, 200)
  t.match((await h.call('GET', '/readyz')).json(), { ok: true, postgres: 'ok', redis: 'ok' })
})
