import t from 'tap'
import type { Test } from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  summarizeConnector,
  validateConnectorDefinition
} from '../src/index.js'
import { validDefinition } from './helpers.js'

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateConnectorDefinition(input)
  return result.ok ? [] : [...result.issues]
}

function exactly(t: Test, issues: readonly { path: string; message: string }[], expected: object[]): void {
  t.match(issues, expected, JSON.stringify(issues))
  t.equal(issues.length, expected.length, 'no other issues')
}

const base = { key: 'acme', name: 'Acme', version: '1.0.0', http: { baseUrl: 'https://api.acme.example' } }
const clientCredentials = {
  kind: 'oauth2',
  grant: 'client_credentials',
  tokenUrl: 'https://acme.example/token',
  scopes: { read: 'Read' },
  defaultScopes: ['read']
} as const
const apiKey = { kind: 'apiKey', name: 'Authorization', template: 'Token {{apiKey}}', pattern: 'ak_[a-z0-9]+' } as const
const basic = { kind: 'basic', usernameLabel: 'Account SID', passwordLabel: 'Auth token' } as const

t.test('client credentials, API key and basic auth are definitions of their own', async (t) => {
  for (const auth of [
    clientCredentials,
    apiKey,
    basic,
    { kind: 'apiKey', in: 'query', name: 'api_key' },
    { kind: 'basic', passwordRequired: false }
  ]) {
    t.same(issuesOf({ ...base, auth }), [], JSON.stringify(auth))
  }
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, authorizeUrl: 'https://acme.example/authorize' } }), [
    { path: 'auth.authorizeUrl', message: /is not a known field/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, tokenUrl: undefined } }), [
    { path: 'auth.tokenUrl', message: 'is required (or set issuer to discover it)' }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...apiKey, template: 'Token {{apikey}}' } }), [
    { path: 'auth.template', message: /must contain \{\{apiKey\}\} exactly once/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...apiKey, template: '{{apiKey}}{{apiKey}}' } }), [
    { path: 'auth.template', message: /exactly once/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { kind: 'apiKey', in: 'query' } }), [
    { path: 'auth.name', message: 'is required when the key goes in the query' }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...apiKey, name: 'X Key' } }), [
    { path: 'auth.name', message: 'is not a valid header name' }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...apiKey, pattern: '(' } }), [
    { path: 'auth.pattern', message: /not a valid regular expression/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...basic, passwordRequired: 'no' } }), [
    { path: 'auth.passwordRequired', message: 'must be true or false' }
  ])
})

t.test('several schemes: each checked at its index, keys unique', async (t) => {
  const oauth = validDefinition().auth
  t.same(issuesOf({ ...validDefinition(), auth: [oauth, apiKey] }), [])
  exactly(t, issuesOf({ ...validDefinition(), auth: [oauth, { ...apiKey, template: 'nope' }] }), [
    { path: 'auth[1].template', message: /exactly once/ }
  ])
  exactly(t, issuesOf({ ...base, auth: [apiKey, { ...apiKey, name: 'X-Key' }] }), [
    { path: 'auth[1].key', message: '"api_key" is already the key of auth[0]; give each scheme its own key' }
  ])
  t.same(
    issuesOf({ ...validDefinition(), auth: [apiKey, { ...apiKey, key: 'legacy_key', label: 'Legacy key' }, oauth] }),
    []
  )
  exactly(t, issuesOf({ ...base, auth: [] }), [{ path: 'auth', message: 'must list at least one scheme' }])
  exactly(t, issuesOf({ ...validDefinition(), auth: [oauth, 'x'] }), [
    { path: 'auth[1]', message: 'must be an object' }
  ])
  exactly(t, issuesOf({ ...validDefinition(), auth: [oauth, { ...apiKey, key: 'Bad Key' }] }), [
    { path: 'auth[1].key', message: /lower-case letters/ }
  ])
  // Kept fields of any scheme may be used in the base URL.
  t.same(issuesOf({ ...validDefinition(), auth: [apiKey, oauth] }), [])
})

t.test('schemes resolve with defaults, and are found by key', async (t) => {
  const definition = {
    ...validDefinition(),
    auth: [
      validDefinition().auth,
      apiKey,
      basic,
      { kind: 'apiKey' as const, key: 'query_key', in: 'query' as const, name: 'key' }
    ]
  }
  const schemes = resolveAuthSchemes(definition)
  t.same(
    schemes.map((s) => [s.key, s.label]),
    [
      ['oauth2', 'OAuth 2.0'],
      ['api_key', 'API key'],
      ['basic', 'Username and password'],
      ['query_key', 'API key']
    ]
  )
  // The shorthand in/name/template becomes one placement of {{credentials.apiKey}}.
  t.match(schemes[1], {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'Authorization', value: 'Token {{credentials.apiKey}}' }],
    inputLabel: 'API key',
    inputs: [{ key: 'apiKey', label: 'API key', secret: true, required: true }]
  })
  t.same(schemes[3]?.kind === 'apiKey' && schemes[3].send, [
    { in: 'query', name: 'key', value: '{{credentials.apiKey}}' }
  ])
  t.match(resolveAuthSchemes({ auth: { kind: 'apiKey' } })[0], { send: [{ value: 'Bearer {{credentials.apiKey}}' }] })
  t.match(resolveAuthSchemes({ auth: { kind: 'apiKey', name: 'X-Api-Key' } })[0], {
    send: [{ name: 'X-Api-Key', value: '{{credentials.apiKey}}' }]
  })
  t.match(schemes[2], {
    kind: 'basic',
    usernameLabel: 'Account SID',
    passwordLabel: 'Auth token',
    inputs: [
      { key: 'username', label: 'Account SID', secret: false, required: true },
      { key: 'password', label: 'Auth token', secret: true, required: true }
    ],
    send: [{ in: 'basic', username: '{{credentials.username}}', password: '{{credentials.password}}' }]
  })
  t.equal(resolveAuthScheme(definition)?.key, 'oauth2', 'no key: the first scheme')
  t.equal(resolveAuthScheme(definition, null)?.key, 'oauth2')
  t.equal(resolveAuthScheme(definition, 'basic')?.kind, 'basic')
  t.equal(resolveAuthScheme(definition, 'saml'), undefined)
  const cc = resolveAuthSchemes({
    auth: {
      ...clientCredentials,
      revokeUrl: 'https://acme.example/revoke',
      revokeRequest: { authentication: 'bearer', token: 'access', format: 'json' }
    } as never
  })[0]
  t.match(cc, {
    grant: 'client_credentials',
    key: 'client_credentials',
    clientAuthMethod: 'client_secret_basic',
    revoke: {
      method: 'POST',
      authentication: 'bearer',
      format: 'json',
      tokenParam: 'token',
      token: 'access',
      tokenTypeHint: false
    }
  })
})

t.test('endpoints render per scheme', async (t) => {
  const definition = { ...validDefinition(), auth: [validDefinition().auth, clientCredentials, apiKey] } as never
  const values = {
    parameters: { tenant: 'one', region: 'us' },
    config: { apiVersion: 'v2' },
    metadata: { realmId: 'r1', instance_url: 'https://eu1.acme.example' }
  }
  t.match(resolveEndpoints(definition, values), {
    authorizeUrl: 'https://one.acme.example/oauth/authorize',
    tokenUrl: 'https://one.acme.example/oauth/token'
  })
  t.match(resolveEndpoints(definition, values, {}, resolveAuthScheme(definition, 'client_credentials')), {
    authorizeUrl: undefined,
    tokenUrl: 'https://acme.example/token',
    refreshUrl: 'https://acme.example/token'
  })
  t.match(
    resolveEndpoints(
      definition,
      values,
      { tokenUrl: 'http://127.0.0.1:9/t' },
      resolveAuthScheme(definition, 'client_credentials')
    ),
    { tokenUrl: 'http://127.0.0.1:9/t', refreshUrl: 'http://127.0.0.1:9/t' }
  )
  t.match(resolveEndpoints(definition, values, {}, resolveAuthScheme(definition, 'api_key')), {
    authorizeUrl: undefined,
    tokenUrl: undefined,
    revokeUrl: undefined,
    baseUrl: /^https:\/\/eu1.acme.example/
  })
})

t.test('discovery: an issuer may stand in for the URLs', async (t) => {
  const discovered = {
    kind: 'oauth2',
    grant: 'authorization_code',
    issuer: 'https://login.acme.example',
    scopes: { openid: 'Sign in' }
  }
  t.same(issuesOf({ ...base, auth: discovered }), [])
  t.same(
    issuesOf({ ...base, auth: { ...discovered, revokeRequest: { format: 'json' } } }),
    [],
    'the revocation endpoint may be discovered too'
  )
  exactly(t, issuesOf({ ...base, auth: { kind: 'oauth2', grant: 'authorization_code' } }), [
    { path: 'auth.authorizeUrl', message: 'is required (or set issuer to discover it)' },
    { path: 'auth.tokenUrl', message: 'is required (or set issuer to discover it)' }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, revokeRequest: { format: 'json' } } }), [
    { path: 'auth.revokeRequest', message: /needs revokeUrl/ }
  ])
  exactly(
    t,
    issuesOf({
      ...base,
      auth: {
        ...clientCredentials,
        revokeUrl: 'https://acme.example/r',
        revokeRequest: { authentication: 'bearer', token: 'refresh' }
      }
    }),
    [{ path: 'auth.revokeRequest.token', message: 'must be "access" when the token is sent as a bearer credential' }]
  )
  exactly(t, issuesOf({ ...base, auth: { ...discovered, issuer: 'http://login.acme.example' } }), [
    { path: 'auth.issuer', message: /https/ }
  ])
})

t.test('auth failures in 200 answers, rate-limit headers and the verification request', async (t) => {
  const http = {
    ...base.http,
    authFailures: [
      { path: 'errcode', equals: [40001, 42001] },
      { status: 200, path: 'ok', equals: [false] }
    ],
    rateLimit: { resetHeader: 'x-ratelimit-reset', resetFormat: 'epoch_seconds', statuses: [403] }
  }
  t.same(
    issuesOf({
      ...base,
      auth: apiKey,
      http,
      verification: { path: '/me', identity: { user: 'login', team: 'team.name' } }
    }),
    []
  )
  exactly(t, issuesOf({ ...base, auth: apiKey, http: { ...http, authFailures: [{ path: 'errcode', equals: [] }] } }), [
    { path: 'http.authFailures[0].equals', message: /at least 1/ }
  ])
  exactly(t, issuesOf({ ...base, auth: apiKey, http: { ...http, rateLimit: { resetHeader: 'bad header' } } }), [
    { path: 'http.rateLimit.resetHeader', message: 'is not a valid header name' }
  ])
  exactly(
    t,
    issuesOf({ ...base, auth: apiKey, http: { ...http, rateLimit: { resetHeader: 'x-r', resetFormat: 'iso' } } }),
    [{ path: 'http.rateLimit.resetFormat' }]
  )
  exactly(t, issuesOf({ key: 'acme', name: 'Acme', version: '1.0.0', auth: apiKey, verification: { path: '/me' } }), [
    { path: 'verification', message: /needs http.baseUrl/ }
  ])
  exactly(t, issuesOf({ ...base, auth: apiKey, verification: { path: 'me' } }), [
    { path: 'verification.path', message: 'must be a relative URL starting with "/"' }
  ])
  exactly(t, issuesOf({ ...base, auth: apiKey, verification: { path: '//evil.example/me' } }), [
    { path: 'verification.path', message: /relative URL without/ }
  ])
  exactly(t, issuesOf({ ...base, auth: apiKey, verification: { path: '/me', body: '{}' } }), [
    { path: 'verification.body', message: 'is only sent with method "POST"' }
  ])
  exactly(t, issuesOf({ ...base, auth: apiKey, verification: { path: '/me', identity: { 'team name': 'x' } } }), [
    { path: /verification.identity/ }
  ])
})

t.test('the one-line summary names every scheme', async (t) => {
  const line = summarizeConnector({
    ...validDefinition(),
    http: base.http,
    auth: [validDefinition().auth, apiKey, { kind: 'basic', passwordRequired: false }]
  } as never)
  t.match(
    line,
    /^Acme 1\.0\.0: oauth2 authorization_code, 3 scopes .* \| apiKey in header Authorization \| basic \(key as user name\), 2 parameters, API https:\/\/api\.acme\.example/
  )
  t.match(
    summarizeConnector({ ...base, auth: clientCredentials } as never),
    /oauth2 client_credentials, 1 scope \(default read\), delimiter " ", client_secret_basic, developer-owned client, no revocation/
  )
})

t.test('scopeParam: the query param carrying the scopes (Slack user tokens), never a protocol param', async (t) => {
  const oauth = validDefinition().auth
  t.same(issuesOf({ ...validDefinition(), auth: { ...oauth, scopeParam: 'user_scope' } }), [])
  t.match(resolveAuthScheme({ ...validDefinition(), auth: { ...oauth, scopeParam: 'user_scope' } }), {
    kind: 'oauth2',
    scopeParam: 'user_scope'
  })
  t.equal((resolveAuthScheme(validDefinition()) as { scopeParam: string }).scopeParam, 'scope', 'by default: scope')
  exactly(t, issuesOf({ ...validDefinition(), auth: { ...oauth, scopeParam: 'state' } }), [
    {
      path: 'auth.scopeParam',
      message: '"state" is a param of the OAuth protocol; name the provider\'s scope param (e.g. user_scope)'
    }
  ])
  exactly(t, issuesOf({ ...validDefinition(), auth: { ...oauth, scopeParam: 'user scope' } }), [
    { path: 'auth.scopeParam', message: /must match/ }
  ])
  exactly(
    t,
    issuesOf({
      ...validDefinition(),
      auth: { ...oauth, scopeParam: 'user_scope', authorizeParams: { user_scope: 'admin' } }
    }),
    [{ path: 'auth.authorizeParams.user_scope', message: 'is set by Latchkey itself and cannot be overridden' }]
  )
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, scopeParam: 'user_scope' } }), [
    { path: 'auth.scopeParam', message: /is not a known field/ }
  ])
})

t.test('{{client.id}} in a revoke URL (GitHub), and a revoke request authenticating its own way', async (t) => {
  const oauth = validDefinition().auth
  const github = {
    ...oauth,
    revokeUrl: 'https://api.github.com/applications/{{client.id}}/token',
    revokeRequest: {
      method: 'DELETE',
      format: 'json',
      tokenParam: 'access_token',
      token: 'access',
      tokenTypeHint: false,
      clientAuthMethod: 'client_secret_basic'
    }
  } as const
  t.same(issuesOf({ ...validDefinition(), auth: github }), [])
  const endpoints = resolveEndpoints({ ...validDefinition(), auth: github } as never, {
    parameters: { tenant: 'acme' },
    config: {},
    client: { id: 'Iv1.abc' }
  })
  t.equal(endpoints.revokeUrl, 'https://api.github.com/applications/Iv1.abc/token')
  t.match(resolveAuthScheme({ ...validDefinition(), auth: github }), {
    revoke: { method: 'DELETE', clientAuthMethod: 'client_secret_basic' }
  })
  exactly(
    t,
    issuesOf({ ...validDefinition(), auth: { ...oauth, tokenUrl: 'https://acme.example/{{client.id}}/token' } }),
    [{ path: 'auth.tokenUrl', message: 'placeholder {{client.id}} is only available in revokeUrl' }]
  )
  exactly(
    t,
    issuesOf({ ...validDefinition(), auth: { ...github, revokeUrl: 'https://acme.example/{{client.secret}}' } }),
    [{ path: 'auth.revokeUrl', message: /is not a declared client field \(only \{\{client.id\}\} exists\)/ }]
  )
  exactly(
    t,
    issuesOf({
      ...validDefinition(),
      auth: {
        ...github,
        revokeRequest: { authentication: 'bearer', token: 'access', clientAuthMethod: 'client_secret_basic' }
      }
    }),
    [
      {
        path: 'auth.revokeRequest.clientAuthMethod',
        message: 'is not used when the token itself is the bearer credential'
      }
    ]
  )
  // Square: the secret in its own header, the client id as a declared body field.
  const square = {
    ...github,
    revokeRequest: {
      token: 'access' as const,
      format: 'json' as const,
      tokenParam: 'access_token',
      clientSecretHeader: { name: 'Authorization', prefix: 'Client ' },
      params: { client_id: '{{client.id}}' }
    }
  }
  t.same(issuesOf({ ...validDefinition(), auth: square }), [])
  t.match(resolveAuthScheme({ ...validDefinition(), auth: square }), {
    revoke: { clientSecretHeader: { name: 'Authorization', prefix: 'Client ' }, params: { client_id: '{{client.id}}' } }
  })
  exactly(
    t,
    issuesOf({
      ...validDefinition(),
      auth: {
        ...square,
        revokeRequest: {
          ...square.revokeRequest,
          clientAuthMethod: 'client_secret_basic' as const,
          params: { access_token: 'x', region: '{{client.secret}}' }
        }
      }
    }),
    [
      { path: 'auth.revokeRequest.clientAuthMethod', message: /not used with clientSecretHeader/ },
      { path: 'auth.revokeRequest.params.region', message: /is not a declared client field/ },
      { path: 'auth.revokeRequest.params.access_token', message: /is set by Latchkey/ }
    ]
  )
})

t.test(
  '{{account.*}} in http.baseUrl (Atlassian cloud id): declared identity, path only, found by a request sent to the origin',
  async (t) => {
    const site = {
      ...base,
      auth: apiKey,
      http: { baseUrl: 'https://api.acme.example/ex/{{account.cloudId}}/v3' },
      verification: { from: 'origin', path: '/sites', identity: { cloudId: '0.id' } }
    }
    t.same(issuesOf(site), [])
    exactly(t, issuesOf({ ...site, verification: { ...site.verification, from: undefined } }), [
      {
        path: 'verification.from',
        message: 'must be "origin": http.baseUrl needs {{account.cloudId}}, which this request finds'
      }
    ])
    exactly(t, issuesOf({ ...site, verification: { ...site.verification, identity: { site: '0.name' } } }), [
      { path: 'http.baseUrl', message: /\{\{account.cloudId\}\} is not a declared verification.identity field/ }
    ])
    exactly(t, issuesOf({ ...site, http: { baseUrl: 'https://{{account.cloudId}}.acme.example/v3' } }), [
      { path: 'http.baseUrl', message: /must sit in the path or query/ }
    ])
    exactly(
      t,
      issuesOf({ ...site, auth: { ...clientCredentials, tokenUrl: 'https://acme.example/{{account.cloudId}}/token' } }),
      [
        {
          path: 'auth.tokenUrl',
          message: 'placeholder {{account.cloudId}} is only available in http.baseUrl, http.headers and http.query'
        }
      ]
    )
    // The account in headers and query (Xero's tenant header on every call), declared fields only.
    t.same(
      issuesOf({
        ...site,
        http: { ...site.http, headers: { 'x-site': '{{account.cloudId}}' }, query: { site: '{{account.cloudId}}' } }
      }),
      []
    )
    exactly(t, issuesOf({ ...site, http: { ...site.http, headers: { 'x-site': '{{account.nope}}' } } }), [
      { path: 'http.headers["x-site"]', message: /\{\{account.nope\}\} is not a declared verification.identity field/ }
    ])
    exactly(t, issuesOf({ ...site, verification: { ...site.verification, from: 'elsewhere' } }), [
      { path: 'verification.from', message: /must be/ }
    ])
  }
)

t.test('rate limits as providers send them: candidate headers, remaining, a wait in the body', async (t) => {
  const http = (rateLimit: unknown) => ({ ...base, auth: apiKey, http: { ...base.http, rateLimit } })
  t.same(
    issuesOf(
      http({
        resetHeader: ['x-ratelimit-reset', 'ratelimit-reset', 'retry-after'],
        resetFormat: 'auto',
        remainingHeader: 'x-ratelimit-remaining',
        body: { path: 'error.message', pattern: 'retry in (\\d+)s' },
        statuses: [403]
      })
    ),
    []
  )
  for (const format of ['epoch_milliseconds', 'delay_seconds', 'http_date', 'iso8601'])
    t.same(issuesOf(http({ resetHeader: 'x-reset', resetFormat: format })), [], format)
  exactly(
    t,
    issuesOf(
      http({
        resetHeader: ['x-ok', 'bad header'],
        remainingHeader: 'x remaining',
        body: { path: 'message', pattern: 'retry in \\d+s' },
        statuses: [403]
      })
    ),
    [
      { path: 'http.rateLimit.resetHeader[1]', message: 'is not a valid header name' },
      { path: 'http.rateLimit.remainingHeader', message: 'is not a valid header name' },
      { path: 'http.rateLimit.body.pattern', message: /must capture the seconds in a group/ }
    ]
  )
  exactly(t, issuesOf(http({ body: { path: 'message', pattern: '(' } })), [
    { path: 'http.rateLimit.body.pattern', message: /is not a valid regular expression/ }
  ])
  exactly(t, issuesOf(http({ remainingHeader: 'x-remaining', resetHeader: 'x-reset' })), [
    { path: 'http.rateLimit.remainingHeader', message: /only counts with `statuses`/ }
  ])
  exactly(t, issuesOf(http({})), [{ path: 'http.rateLimit', message: /declares nothing/ }])
})

t.test('static headers may use any name but the ones a scheme puts its credential in', async (t) => {
  const keyed = { kind: 'apiKey', in: 'header', name: 'X-Api-Key' }
  const withHeaders = (auth: unknown, headers: Record<string, string>) => ({
    ...base,
    auth,
    http: { ...base.http, headers }
  })
  t.same(
    issuesOf(withHeaders(keyed, { Authorization: 'Partner acme-partner-id' })),
    [],
    'an API key in its own header leaves Authorization to the author'
  )
  exactly(t, issuesOf(withHeaders(keyed, { 'x-api-key': 'fixed' })), [
    { path: 'http.headers["x-api-key"]', message: 'is where the credential goes; Latchkey sets it' }
  ])
  exactly(t, issuesOf(withHeaders({ kind: 'basic' }, { Authorization: 'x' })), [
    { path: 'http.headers.Authorization', message: /where the credential goes/ }
  ])
  exactly(t, issuesOf(withHeaders([keyed, { kind: 'basic' }], { Authorization: 'x', 'X-Api-Key': 'y' })), [
    { path: 'http.headers.Authorization', message: /where the credential goes/ },
    { path: 'http.headers["X-Api-Key"]', message: /where the credential goes/ }
  ])
  t.same(
    issuesOf(withHeaders({ kind: 'apiKey', in: 'query', name: 'api_key' }, { Authorization: 'x' })),
    [],
    'a key in the query'
  )
})

t.test("a two-legged grant with its own grant_type (Zoom's account_credentials)", async (t) => {
  const zoom = {
    ...base,
    parameters: [{ key: 'accountId', label: 'Account ID' }],
    auth: {
      ...clientCredentials,
      grantType: 'account_credentials',
      tokenParams: { account_id: '{{parameters.accountId}}' }
    }
  }
  t.same(issuesOf(zoom), [])
  t.match(resolveAuthScheme(zoom as never), { grant: 'client_credentials', grantType: 'account_credentials' })
  t.match(
    resolveAuthScheme({ ...base, auth: clientCredentials } as never),
    { grantType: 'client_credentials' },
    'by default'
  )
  exactly(t, issuesOf({ ...zoom, auth: { ...zoom.auth, grantType: 'refresh_token' } }), [
    { path: 'auth.grantType', message: /not a two-legged grant/ }
  ])
  exactly(t, issuesOf({ ...zoom, auth: { ...zoom.auth, grantType: 'account credentials' } }), [
    { path: 'auth.grantType', message: /grant type name/ }
  ])
  exactly(t, issuesOf({ ...zoom, auth: { ...zoom.auth, tokenParams: { grant_type: 'x' } } }), [
    { path: 'auth.tokenParams.grant_type', message: /./ }
  ])
})

t.test('client certificates (mutual TLS): declared on any scheme, tls_client_auth needs one', async (t) => {
  const bank = {
    ...base,
    auth: [
      { ...clientCredentials, clientAuthMethod: 'tls_client_auth', clientCertificate: 'app' },
      { ...apiKey, clientCertificate: 'app' }
    ]
  }
  exactly(t, issuesOf(bank), [])
  const [oauth, keyed] = resolveAuthSchemes(bank as never)
  t.equal(oauth?.clientCertificate, 'app', 'kept on the resolved scheme')
  t.equal(keyed?.clientCertificate, 'app')
  t.equal(resolveAuthSchemes({ ...base, auth: apiKey } as never)[0]?.clientCertificate, undefined, 'absent: none')

  exactly(t, issuesOf({ ...base, auth: { ...apiKey, clientCertificate: 'tenant' } }), [
    { path: 'auth.clientCertificate', message: /must be "app" or "customer"/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, clientCertificate: 'customer' } }), [
    { path: 'auth.clientCertificate', message: /can be "customer" only where the end customer types credentials in/ }
  ])
  // The customer's certificate is asked for with the credentials they type in.
  const customers = { ...base, auth: { ...apiKey, clientCertificate: 'customer' } }
  exactly(t, issuesOf(customers), [])
  const typedIn = resolveAuthSchemes(customers as never)[0]
  t.same(
    typedIn !== undefined && 'inputs' in typedIn
      ? typedIn.inputs.map((i) => [i.key, i.secret, i.multiline ?? false, i.required])
      : [],
    [
      ['apiKey', true, false, true],
      ['clientCertificate', false, true, true],
      ['clientPrivateKey', true, true, true]
    ],
    'the key, then the certificate and its private key (pasted, the key masked)'
  )
  exactly(
    t,
    issuesOf({
      ...base,
      auth: { ...apiKey, clientCertificate: 'customer', fields: [{ key: 'clientPrivateKey', label: 'Key' }] }
    }),
    [{ path: 'auth.fields[0].key', message: /holds the customer's client certificate/ }]
  )
  exactly(t, issuesOf({ ...base, auth: [apiKey, { ...clientCredentials, clientAuthMethod: 'tls_client_auth' }] }), [
    { path: 'auth[1].clientAuthMethod', message: /authenticates the client by its certificate: set clientCertificate/ }
  ])
  exactly(
    t,
    issuesOf({
      ...base,
      auth: {
        ...clientCredentials,
        clientAuthMethod: 'tls_client_auth',
        clientCertificate: 'app',
        clientOwnership: 'customer'
      }
    }),
    [{ path: 'auth.clientAuthMethod', message: /the OAuth client must be the developer's/ }]
  )
})

t.test("clientFields: a customer-owned client's id and secret are asked for in the provider's words", (t) => {
  const customerClient = {
    ...clientCredentials,
    clientOwnership: 'customer',
    clientFields: {
      clientId: { label: 'Application (client) ID', helpText: 'On the app overview page.', example: '00000000-0000' },
      clientSecret: { label: 'Client secret value', docsUrl: 'https://docs.acme.example/apps#secret' }
    }
  }
  exactly(t, issuesOf({ ...base, auth: customerClient }), [])
  const [resolved] = resolveAuthSchemes({ ...base, auth: customerClient } as never)
  const fields = resolved?.kind === 'oauth2' ? resolved.clientFields : undefined
  t.same(fields?.clientId, {
    label: 'Application (client) ID',
    helpText: 'On the app overview page.',
    docsUrl: undefined,
    example: '00000000-0000'
  })
  t.same(fields?.clientSecret, {
    label: 'Client secret value',
    helpText: undefined,
    docsUrl: 'https://docs.acme.example/apps#secret',
    example: undefined
  })
  const [plain] = resolveAuthSchemes({ ...base, auth: { ...clientCredentials, clientOwnership: 'customer' } } as never)
  t.same(
    plain?.kind === 'oauth2' ? plain.clientFields.clientId : null,
    { label: undefined, helpText: undefined, docsUrl: undefined, example: undefined },
    "none declared: no label, so the wizard uses its own words in the session's language"
  )

  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, clientFields: { clientId: { label: 'App ID' } } } }), [
    { path: 'auth.clientFields', message: /only for a client the end customer brings/ }
  ])
  exactly(
    t,
    issuesOf({
      ...base,
      auth: {
        ...clientCredentials,
        clientOwnership: 'customer',
        clientFields: { clientId: { label: '', colour: 'red' }, clientSecret: { docsUrl: 'ftp://x' } }
      }
    }),
    [
      { path: 'auth.clientFields.clientId.colour', message: /./ },
      { path: 'auth.clientFields.clientId.label', message: /./ },
      { path: 'auth.clientFields.clientSecret.docsUrl', message: /./ }
    ]
  )
  t.end()
})

t.test('an MCP server: the protected resource names its authorization server, and the client registers itself', (t) => {
  const mcp = {
    kind: 'oauth2',
    grant: 'authorization_code',
    protectedResource: '{{parameters.serverUrl}}',
    clientRegistration: 'dynamic'
  } as const
  const definition = {
    ...base,
    parameters: [{ key: 'serverUrl', label: 'Server URL', type: 'text' }],
    auth: mcp
  }
  exactly(t, issuesOf(definition), [])
  const resolved = resolveAuthScheme(definition as never)
  t.equal(
    resolved?.kind === 'oauth2' && resolved.grant === 'authorization_code' && resolved.protectedResource,
    '{{parameters.serverUrl}}'
  )
  t.equal(
    resolved?.kind === 'oauth2' && resolved.grant === 'authorization_code' && resolved.clientRegistration,
    'dynamic'
  )
  const plain = resolveAuthScheme({
    ...base,
    auth: {
      ...mcp,
      protectedResource: undefined,
      clientRegistration: undefined,
      authorizeUrl: 'https://acme.example/a',
      tokenUrl: 'https://acme.example/t'
    }
  } as never)
  t.equal(
    plain?.kind === 'oauth2' && plain.grant === 'authorization_code' && plain.clientRegistration,
    'static',
    'registered by hand unless said'
  )

  exactly(t, issuesOf({ ...definition, auth: { ...mcp, issuer: 'https://auth.acme.example' } }), [
    {
      path: 'auth.issuer',
      message: /not used with protectedResource: the resource's metadata names its authorization server/
    }
  ])
  exactly(
    t,
    issuesOf({
      ...base,
      auth: {
        kind: 'oauth2',
        grant: 'authorization_code',
        authorizeUrl: 'https://acme.example/a',
        tokenUrl: 'https://acme.example/t',
        clientRegistration: 'dynamic',
        clientOwnership: 'customer',
        clientAuthMethod: 'private_key_jwt'
      }
    }),
    [
      { path: 'auth.clientRegistration', message: /needs issuer or protectedResource/ },
      { path: 'auth.clientRegistration', message: /none for the end customer to bring/ },
      { path: 'auth.clientAuthMethod', message: /client_secret_basic.*client_secret_post/ }
    ]
  )
  exactly(t, issuesOf({ ...definition, auth: { ...mcp, protectedResource: 'ftp://mcp.acme.example' } }), [
    { path: 'auth.protectedResource', message: /./ }
  ])
  exactly(t, issuesOf({ ...definition, auth: { ...mcp, protectedResource: '{{parameters.nope}}' } }), [
    { path: 'auth.protectedResource', message: /nope/ }
  ])
  exactly(t, issuesOf({ ...base, auth: { ...clientCredentials, protectedResource: 'https://mcp.acme.example' } }), [
    { path: 'auth.protectedResource', message: /./ }
  ])
  exactly(t, issuesOf({ ...definition, auth: { ...mcp, clientRegistration: 'sometimes' } }), [
    { path: 'auth.clientRegistration', message: /./ }
  ])
  t.end()
})

t.test(
  "clientAssertionAudience: the aud of private_key_jwt assertions when the server names another (Auth0's tenant URL)",
  (t) => {
    const signed = {
      ...clientCredentials,
      clientAuthMethod: 'private_key_jwt',
      clientAssertionAudience: 'https://{{parameters.domain}}/'
    }
    const definition = { ...base, parameters: [{ key: 'domain', label: 'Auth0 domain' }], auth: signed }
    exactly(t, issuesOf(definition), [])
    const resolved = resolveAuthScheme(definition as never)
    t.equal(resolved?.kind === 'oauth2' ? resolved.clientAssertionAudience : null, 'https://{{parameters.domain}}/')
    exactly(t, issuesOf({ ...definition, auth: { ...signed, clientAuthMethod: 'client_secret_basic' } }), [
      { path: 'auth.clientAssertionAudience', message: /only used with clientAuthMethod "private_key_jwt"/ }
    ])
    exactly(
      t,
      issuesOf({ ...definition, auth: { ...signed, clientAssertionAudience: 'https://{{parameters.nope}}/' } }),
      [{ path: 'auth.clientAssertionAudience', message: /nope/ }]
    )
    t.end()
  }
)

t.test('token requests as a form, JSON, or in the query string (ClickUp); anything else is named', async (t) => {
  const oauth = (tokenRequestFormat: unknown) => ({
    ...base,
    auth: { ...clientCredentials, tokenRequestFormat }
  })
  for (const format of ['form', 'json', 'query'] as const) {
    t.same(issuesOf(oauth(format)), [], format)
    const scheme = resolveAuthScheme(oauth(format) as never)
    t.match(scheme, { kind: 'oauth2', tokenRequestFormat: format })
  }
  exactly(t, issuesOf(oauth('xml')), [{ path: 'auth.tokenRequestFormat', message: /form.*json.*query/ }])
})
