import t from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import { appSetupOf } from '../../src/index.js'
import { REDIRECT_URI, rejection, startRuntime } from '../helpers.js'

const github = defineConnector({
  key: 'github',
  name: 'GitHub',
  version: '1.0.0',
  description: 'Code hosting',
  parameters: [
    { key: 'org', label: 'Organisation', pattern: '[a-z]+', patternMessage: 'lower case', helpText: 'the org' },
    {
      key: 'region',
      label: 'Region',
      type: 'dropdown',
      required: false,
      default: 'us',
      options: [{ value: 'us', label: 'United States' }, { value: 'eu' }]
    }
  ],
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://github.example/login/oauth/authorize',
    tokenUrl: 'https://github.example/login/oauth/access_token',
    revokeUrl: 'https://api.github.example/applications/{{client.id}}/token',
    scopes: { repo: 'Repositories', 'read:user': 'Profile' },
    defaultScopes: ['read:user'],
    scopeDelimiter: ',',
    customerSelectsScopes: true,
    tokenResponse: { keepFields: ['installation'] }
  },
  http: { baseUrl: 'https://api.github.example' },
  verification: { path: '/user', identity: { login: 'login' } }
})

const choices = defineConnector({
  key: 'choices',
  name: 'Choices',
  version: '2.0.0',
  auth: [
    { kind: 'apiKey', inputLabel: 'Token', helpText: 'Settings → API', pattern: 'tk_.+' },
    { kind: 'basic', usernameLabel: 'Email', passwordLabel: 'Password', helpText: 'your login' },
    {
      kind: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: 'https://choices.example/token',
      scopes: { all: 'All' },
      clientOwnership: 'customer',
      clientFields: { clientId: { label: 'App key', helpText: 'Settings → Apps', example: 'ak_123' } }
    }
  ],
  http: { baseUrl: 'https://api.choices.example' }
})

const custom = {
  key: 'acme',
  name: 'Acme',
  version: '1.0.0',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://acme.example/authorize',
    tokenUrl: 'https://acme.example/token',
    scopes: { read: 'Read' }
  }
}

t.test('connectors are summarised for the console and the wizard', async (t) => {
  const { runtime, tenantId } = await startRuntime(t, { connectors: [github, choices] })
  const listed = await runtime.connectors.list(tenantId)
  t.same(
    listed.map((c) => [c.key, c.source, c.appConfigured]),
    [
      ['github', 'catalog', false],
      ['choices', 'catalog', false]
    ]
  )
  t.match(listed[0], {
    description: 'Code hosting',
    authKind: 'oauth2',
    grant: 'authorization_code',
    verification: { method: 'GET', path: '/user', identity: ['login'] },
    scopes: [
      { name: 'repo', description: 'Repositories' },
      { name: 'read:user', description: 'Profile' }
    ],
    defaultScopes: ['read:user'],
    scopeDelimiter: ',',
    customerSelectsScopes: true,
    pkce: true,
    clientOwnership: 'developer',
    authorizeUrl: 'https://github.example/login/oauth/authorize',
    refreshUrl: 'https://github.example/login/oauth/access_token',
    revokeUrl: 'https://api.github.example/applications/{{client.id}}/token',
    issuer: null,
    parameters: [
      {
        key: 'org',
        type: 'text',
        required: true,
        pattern: '[a-z]+',
        patternMessage: 'lower case',
        helpText: 'the org',
        default: null,
        options: null
      },
      {
        key: 'region',
        type: 'dropdown',
        required: false,
        default: 'us',
        options: [
          { value: 'us', label: 'United States' },
          { value: 'eu', label: 'eu' }
        ]
      }
    ],
    redirectUri: REDIRECT_URI
  })
  const summary = await runtime.connectors.get(tenantId, 'choices')
  t.match(summary, {
    authKind: 'apiKey',
    grant: null,
    verification: null,
    description: null,
    scopes: [{ name: 'all' }],
    clientOwnership: 'customer',
    tokenUrl: 'https://choices.example/token',
    authorizeUrl: null,
    pkce: false
  })
  t.same(
    summary.schemes.map((s) => [s.key, s.kind, s.grant, s.redirect, s.clientOwnership]),
    [
      ['api_key', 'apiKey', null, false, null],
      ['basic', 'basic', null, false, null],
      ['client_credentials', 'oauth2', 'client_credentials', false, 'customer']
    ]
  )
  t.same(summary.schemes[0]?.inputs, [
    {
      key: 'apiKey',
      label: 'Token',
      type: 'password',
      required: true,
      pattern: 'tk_.+',
      patternMessage: null,
      helpText: 'Settings → API',
      docsUrl: null,
      example: null
    }
  ])
  t.match(summary.schemes[1]?.inputs, [
    { key: 'username', label: 'Email', type: 'text', required: true, helpText: 'your login' },
    { key: 'password', label: 'Password', type: 'password', required: true, helpText: null }
  ])
  t.match(summary.schemes[2], {
    inputs: [],
    scopes: [{ name: 'all', description: 'All' }],
    customerSelectsScopes: false
  })
  t.same(
    summary.schemes[2]?.clientFields,
    {
      clientId: { label: 'App key', helpText: 'Settings → Apps', docsUrl: null, example: 'ak_123' },
      clientSecret: { label: null, helpText: null, docsUrl: null, example: null }
    },
    "the customer's client fields as declared; no label: the wizard's own words"
  )
  t.equal(summary.schemes[0]?.clientFields, null, 'no customer-owned client: no client fields')
  t.match(await rejection(runtime.connectors.get(tenantId, 'nope')), {
    code: 'not_found',
    message: 'connector "nope" was not found'
  })
})

t.test('custom connectors are validated with the SDK’s schema, and never take a catalog key', async (t) => {
  const { runtime, store, tenantId, sibling } = await startRuntime(t, { connectors: [github] })
  const other = await sibling()
  t.match(await rejection(runtime.connectors.createCustom(tenantId, 'not an object')), {
    code: 'invalid_request',
    message: 'the connector definition has 1 problem',
    details: [{ path: 'body' }]
  })
  const broken = await rejection(
    runtime.connectors.createCustom(tenantId, { ...custom, auth: { ...custom.auth, tokenURL: 'x' }, version: 'one' })
  )
  t.match(broken, { message: /^the connector definition has \d+ problems$/ })
  t.ok(
    (broken as { details: { path: string }[] }).details.some((d) => d.path === 'body.auth.tokenURL'),
    'issues point into the body'
  )
  t.match(await rejection(runtime.connectors.createCustom(tenantId, { ...custom, key: 'github' })), {
    code: 'conflict',
    message: '"github" is a catalog connector; choose another key'
  })
  t.equal((await store.customConnectors.list(tenantId)).length, 0)

  t.match(await other.connectors.get(tenantId, 'acme').catch((e: unknown) => e), { code: 'not_found' })
  const created = await runtime.connectors.createCustom(tenantId, custom)
  t.match(created, { key: 'acme', source: 'custom', appConfigured: false })
  t.same(
    (await runtime.connectors.list(tenantId)).map((c) => c.key),
    ['github', 'acme']
  )
  // The other process had cached "no such connector"; the change feed tells it.
  for (let i = 0; i < 100; i++) {
    if ((await other.catalog.get(tenantId, 'acme')) !== undefined) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  t.match(await other.connectors.get(tenantId, 'acme'), { source: 'custom' })
  await runtime.connectors.createCustom(tenantId, { ...custom, name: 'Acme 2' })
  t.equal((await runtime.connectors.get(tenantId, 'acme')).name, 'Acme 2', 'replaced')

  // A stored definition that no longer validates is not served.
  await store.db
    .updateTable('custom_connectors')
    .set({ definition: JSON.stringify({ ...custom, auth: { kind: 'saml' } }) })
    .execute()
  runtime.catalog.forget(tenantId, 'acme')
  t.match(await rejection(runtime.catalog.get(tenantId, 'acme')), {
    message: /^stored connector acme no longer validates: /
  })
  t.match(await rejection(runtime.catalog.list(tenantId)), { message: /no longer validates/ })
})

t.test('an OpenAPI document’s OAuth 2.0 scheme becomes a custom connector', async (t) => {
  const { runtime, tenantId } = await startRuntime(t, { connectors: [github] })
  const document = {
    openapi: '3.0.3',
    info: { title: 'Pets', version: '1.0.0' },
    servers: [{ url: 'https://pets.example/v1' }],
    components: {
      securitySchemes: {
        petAuth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: 'https://pets.example/oauth/authorize',
              tokenUrl: 'https://pets.example/oauth/token',
              scopes: { 'pets:read': 'Read pets' }
            }
          }
        }
      }
    }
  }
  const imported = await runtime.connectors.importOpenApi(tenantId, { key: 'pets', name: 'Pets', document })
  t.match(imported.connector, {
    key: 'pets',
    source: 'custom',
    authorizeUrl: 'https://pets.example/oauth/authorize',
    scopes: [{ name: 'pets:read' }]
  })
  t.type(imported.warnings, Array)
  t.match(await rejection(runtime.connectors.importOpenApi(tenantId, { key: 'pets', name: 'Pets', document: {} })), {
    code: 'invalid_request',
    message: 'the OpenAPI document cannot be imported',
    details: [{ path: /^body\.document/ }]
  })
  t.match(
    await rejection(
      runtime.connectors.importOpenApi(tenantId, { key: 'pets', name: 'Pets', document, securityScheme: 'nope' })
    ),
    { code: 'invalid_request', details: [{ path: /^body\.document/ }] }
  )
  t.match(await rejection(runtime.connectors.importOpenApi(tenantId, { key: 'Bad Key!', name: 'Pets', document })), {
    code: 'invalid_request'
  })
})

t.test('setApp checks the client, scopes and URL overrides; the secret is never shown', async (t) => {
  const { runtime, store, tenantId } = await startRuntime(t, { connectors: [github, choices] })
  t.match(await rejection(runtime.connectors.app(tenantId, 'github')), {
    code: 'not_found',
    message: 'an OAuth app for "github" was not found'
  })
  t.match(await rejection(runtime.connectors.app(tenantId, 'nope')), { code: 'not_found' })
  t.match(await rejection(runtime.connectors.setApp(tenantId, 'github', { scopes: ['admin'] })), {
    code: 'invalid_request',
    details: [
      { path: 'body.clientId', message: 'is required: the client id of your OAuth app at GitHub' },
      { path: 'body.scopes' }
    ]
  })
  t.match(
    await rejection(
      runtime.connectors.setApp(tenantId, 'github', {
        clientId: 'id',
        clientSecret: 's',
        overrides: {
          baseUrl: 'https://{{parameters.org}}.ghe.example/api/{{account.login}}/{{metadata.installation}}',
          tokenUrl: 'https://ghe.example/{{metadata.installation}}',
          revokeUrl: 'ftp://ghe.example/{{client.secret}}',
          authorizeUrl: 'https://ghe.example/{{parameters.org'
        }
      })
    ),
    {
      details: [
        { path: 'body.overrides.tokenUrl', message: 'placeholder {{metadata.installation}} is not available here' },
        { path: 'body.overrides.revokeUrl', message: 'placeholder {{client.secret}} is not available here' },
        { path: 'body.overrides.revokeUrl' },
        { path: 'body.overrides.authorizeUrl' }
      ]
    }
  )
  t.match(await rejection(runtime.connectors.setApp(tenantId, 'github', { clientId: 'id' })), {
    details: [{ path: 'body.clientSecret', message: 'is required: this connector has no OAuth app yet' }]
  })
  t.equal(await store.apps.get(tenantId, 'github'), undefined, 'nothing written')

  const summary = await runtime.connectors.setApp(tenantId, 'github', {
    clientId: 'id',
    clientSecret: 'TOP-SECRET',
    scopes: ['repo'],
    overrides: { baseUrl: 'https://{{parameters.org}}.ghe.example/api' }
  })
  t.equal(summary.appConfigured, true)
  const view = await runtime.connectors.app(tenantId, 'github')
  t.match(view, {
    clientId: 'id',
    scopes: ['repo'],
    overrides: { baseUrl: 'https://{{parameters.org}}.ghe.example/api' }
  })
  t.notMatch(JSON.stringify(view), /TOP-SECRET/)
  t.ok(Date.parse(view.updatedAt) > 0)
  await runtime.connectors.setApp(tenantId, 'github', { clientId: 'id-2' })
  t.match(
    await store.apps.get(tenantId, 'github'),
    {
      client: { clientId: 'id-2', clientSecret: 'TOP-SECRET' },
      scopes: null
    },
    'the secret kept when not given'
  )

  // No developer-owned client: only a base URL override.
  t.match(
    await rejection(
      runtime.connectors.setApp(tenantId, 'choices', {
        clientId: 'x',
        clientSecret: 'y',
        scopes: ['all'],
        overrides: { tokenUrl: 'https://other.example/token' }
      })
    ),
    {
      details: [
        { path: 'body.clientId', message: /only overrides\.baseUrl can be set/ },
        { path: 'body.clientSecret' },
        { path: 'body.scopes' },
        { path: 'body.overrides.tokenUrl' }
      ]
    }
  )
  const saved = await runtime.connectors.setApp(tenantId, 'choices', {
    overrides: { baseUrl: 'https://eu.choices.example' }
  })
  t.equal(saved.appConfigured, false, 'the answer agrees with get and list')
  t.equal((await runtime.connectors.get(tenantId, 'choices')).appConfigured, false)
  t.same(await runtime.connectors.app(tenantId, 'choices'), {
    ...(await runtime.connectors.app(tenantId, 'choices')),
    clientId: null,
    scopes: null,
    overrides: { baseUrl: 'https://eu.choices.example' }
  })
  t.same(
    (await runtime.connectors.list(tenantId)).map((c) => c.appConfigured),
    [true, false],
    'overrides alone are no OAuth app (docs/api.md)'
  )
})

t.test('appSetup: what the tenant must set before its customers can connect', async (t) => {
  type Scheme = Parameters<typeof appSetupOf>[0]['schemes'][number]
  const developer: Scheme = { clientOwnership: 'developer', clientRegistration: 'static', clientCertificate: null }
  const customer: Scheme = { clientOwnership: 'customer', clientRegistration: null, clientCertificate: null }
  const typedIn: Scheme = { clientOwnership: null, clientRegistration: null, clientCertificate: null }
  const dynamic: Scheme = { ...developer, clientRegistration: 'dynamic' }
  const withCertificate: Scheme = { ...developer, clientCertificate: 'app' }
  const cases: [string, Scheme[], boolean, boolean, ReturnType<typeof appSetupOf>][] = [
    ['an OAuth app of the tenant, not set', [developer], false, false, 'needed'],
    ['an OAuth app of the tenant, set', [developer], true, false, 'ready'],
    ["the customer's own client", [customer], false, false, 'none'],
    ['typed-in credentials only', [typedIn], false, false, 'none'],
    ['a client registered at the server (RFC 7591)', [dynamic], false, false, 'none'],
    ['one scheme registers itself, another needs the app', [dynamic, developer], false, false, 'needed'],
    ['an app set, its client certificate not', [withCertificate], true, false, 'needed'],
    ['an app set with its client certificate', [withCertificate], true, true, 'ready'],
    [
      'a customer client with the app certificate missing',
      [{ ...customer, clientCertificate: 'app' }],
      false,
      false,
      'needed'
    ]
  ]
  for (const [name, schemes, appConfigured, clientCertificateSet, expected] of cases)
    t.equal(appSetupOf({ schemes, appConfigured, clientCertificateSet }), expected, name)
})
