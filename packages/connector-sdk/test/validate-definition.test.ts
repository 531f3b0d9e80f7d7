import t from 'tap'
import type { Test } from 'tap'
import { validateConnectorDefinition, validateConnectorInput } from '../src/index.js'
import { validDefinition } from './helpers.js'

type Mutable = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- tests bend definitions freely

function withAuth(change: (auth: Mutable) => void, top?: (d: Mutable) => void): unknown {
  const d = validDefinition() as Mutable
  change(d.auth)
  top?.(d)
  return d
}

/** Matches the issues in order and insists there are no others. */
function exactly(t: Test, issues: readonly { path: string; message: string }[], expected: object[]): void {
  t.match(issues, expected, JSON.stringify(issues))
  t.equal(issues.length, expected.length, 'no other issues')
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateConnectorDefinition(input)
  return result.ok ? [] : [...result.issues]
}

t.test('a valid definition passes', async (t) => {
  const result = validateConnectorDefinition(validDefinition())
  t.equal(result.ok, true)
  t.same(result.issues, [])
})

t.test('three separate mistakes are reported together, each with its path', async (t) => {
  const input = withAuth((auth) => {
    auth.tokenUrl = 'http://acme.example/token'
    auth.authorizeUrl = 'https://{{parameters.tenantId}}.acme.example/authorize'
    auth.scopeDelimiter = ';'
  })
  const issues = issuesOf(input)
  t.equal(issues.length, 3, JSON.stringify(issues))
  t.match(issues, [
    { path: 'auth.scopeDelimiter', message: 'must be " " or ","' },
    {
      path: 'auth.authorizeUrl',
      message:
        /placeholder \{\{parameters.tenantId\}\} is not a declared parameter; did you mean \{\{parameters.tenant\}\}/
    },
    { path: 'auth.tokenUrl', message: /must be an absolute https URL/ }
  ])
})

t.test('URLs: https required, loopback http allowed, garbage refused', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'not a url'))), [
    { path: 'auth.tokenUrl', message: /must be an absolute https URL \(got "not a url"\)/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'ftp://acme.example/token'))), [
    { path: 'auth.tokenUrl', message: /absolute https URL/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://user:pw@acme.example/token'))), [
    { path: 'auth.tokenUrl', message: /user name or password/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://acme.example/token#x'))), [
    { path: 'auth.tokenUrl', message: /fragment/ }
  ])
  for (const loopback of ['http://127.0.0.1:4000/token', 'http://localhost:4000/token', 'http://[::1]:4000/token']) {
    t.same(issuesOf(withAuth((a) => (a.tokenUrl = loopback))), [], loopback)
  }
})

t.test('default scopes must be declared, with a suggestion', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.defaultScopes = ['read', 'admn']))), [
    { path: 'auth.defaultScopes[1]', message: '"admn" is not a declared scope; did you mean "admin"?' }
  ])
  t.same(
    issuesOf(
      withAuth((a) => {
        delete a.scopes
        a.defaultScopes = ['anything']
      })
    ),
    [],
    'no declared scopes: free-form'
  )
  exactly(
    t,
    issuesOf(
      withAuth((a) => {
        a.scopes = { 'a b': 'x' }
        a.defaultScopes = []
      })
    ),
    [{ path: 'auth.scopes["a b"]', message: /white space/ }]
  )
  exactly(
    t,
    issuesOf(
      withAuth((a) => {
        a.scopeDelimiter = ','
        a.scopes = { 'a,b': 'x' }
        a.defaultScopes = []
      })
    ),
    [{ path: 'auth.scopes["a,b"]', message: /delimiter/ }]
  )
  exactly(
    t,
    issuesOf(
      withAuth((a) => {
        delete a.scopes
        delete a.defaultScopes
        a.customerSelectsScopes = true
      })
    ),
    [{ path: 'auth.customerSelectsScopes' }]
  )
  exactly(t, issuesOf(withAuth((a) => (a.offlineAccess = { scope: 'offline access' }))), [
    { path: 'auth.offlineAccess.scope' }
  ])
})

t.test('unknown fields are named, with the closest known one', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.tokenURL = 'x'))), [
    { path: 'auth.tokenURL', message: 'is not a known field; did you mean "tokenUrl"?' }
  ])
  exactly(
    t,
    issuesOf(
      withAuth(
        () => undefined,
        (d) => (d.colour = 'red')
      )
    ),
    [{ path: 'colour', message: 'is not a known field' }]
  )
})

t.test('required fields and types', async (t) => {
  const issues = issuesOf({
    key: 'acme',
    version: '1.0.0',
    auth: { kind: 'oauth2', grant: 'authorization_code', tokenUrl: 5 }
  })
  exactly(t, issues, [
    { path: 'name', message: 'is required' },
    // Type errors come from the schema, "required unless issuer" from the checks after it.
    { path: 'auth.tokenUrl', message: 'must be a string' },
    { path: 'auth.authorizeUrl', message: 'is required (or set issuer to discover it)' }
  ])
  exactly(t, issuesOf(null), [{ path: '', message: /must be an object/ }])
  exactly(t, issuesOf({ key: 'acme', name: 'A', version: '1.0.0' }), [{ path: 'auth', message: 'is required' }])
  exactly(t, issuesOf({ key: 'acme', name: 'A', version: '1.0.0', auth: 'oauth' }), [
    { path: 'auth', message: 'must be an object or a list of schemes' }
  ])
})

t.test('auth kind and grant are dispatched with clear messages', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.kind = 'saml'))), [
    { path: 'auth.kind', message: 'must be "oauth2", "apiKey", "basic"' }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.grant = 'password'))), [
    { path: 'auth.grant', message: 'must be "authorization_code" or "client_credentials"' }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.clientAuthMethod = 'private_key'))), [
    {
      path: 'auth.clientAuthMethod',
      message: /must be "client_secret_basic", "client_secret_post", "private_key_jwt" or "tls_client_auth"/
    }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.pkce = 'yes'))), [{ path: 'auth.pkce', message: 'must be true or false' }])
})

t.test('a reset header may have a format of its own, if it is one of the reset headers', async (t) => {
  const withRateLimit = (rateLimit: unknown) =>
    issuesOf({ ...validDefinition(), http: { baseUrl: 'https://api.acme.example', rateLimit } })
  const bigcommerce = {
    resetHeader: ['x-retry-after', 'X-Rate-Limit-Time-Reset-Ms'],
    resetFormat: 'delay_seconds',
    resetFormats: { 'x-rate-limit-time-reset-ms': 'delay_milliseconds' }
  }
  exactly(t, withRateLimit(bigcommerce), [])
  exactly(t, withRateLimit({ ...bigcommerce, resetFormats: { 'x-rate-limit-time-reset-ms': 'minutes' } }), [
    {
      path: 'http.rateLimit.resetFormats["x-rate-limit-time-reset-ms"]',
      message: /must be "auto", .*"delay_milliseconds"/
    }
  ])
  exactly(t, withRateLimit({ ...bigcommerce, resetFormats: { 'x-reset-ms': 'delay_milliseconds' } }), [
    {
      path: 'http.rateLimit.resetFormats["x-reset-ms"]',
      message: 'names a header resetHeader does not list: add "x-reset-ms" there'
    }
  ])
})

t.test('placeholders: namespace, declaration, and where they may be used', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://{{secrets.x}}.acme.example/t'))), [
    { path: 'auth.tokenUrl', message: /unknown namespace "secrets"/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://{{metadata.instance_url}}/t'))), [
    { path: 'auth.tokenUrl', message: /only known after the connection is made/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://{{ nope }}.acme.example/t'))), [
    { path: 'auth.tokenUrl', message: /must look like/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenUrl = 'https://{{parameters.tenant}.acme.example/t'))), [
    { path: 'auth.tokenUrl', message: /unbalanced/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenParams = { resource: '{{config.missing}}' }))), [
    { path: 'auth.tokenParams.resource', message: /not a declared config value/ }
  ])
  exactly(
    t,
    issuesOf(
      withAuth(
        () => undefined,
        (d) => (d.http.baseUrl = 'https://api.acme.example/{{metadata.realm}}')
      )
    ),
    [
      {
        path: 'http.baseUrl',
        message: /not a declared kept token field or callback param; did you mean \{\{metadata.realmId\}\}/
      }
    ]
  )
})

t.test('kept fields cannot be tokens; the issuer is an https URL', async (t) => {
  exactly(
    t,
    issuesOf(
      withAuth(
        (a) =>
          (a.tokenResponse = {
            accessTokenPath: 'authed_user.access_token',
            keepFields: ['instance_url', 'authed_user.access_token', 'refresh_token']
          })
      )
    ),
    [
      { path: 'auth.tokenResponse.keepFields[1]', message: /is a token/ },
      { path: 'auth.tokenResponse.keepFields[2]', message: /is a token/ }
    ]
  )
  exactly(t, issuesOf(withAuth((a) => (a.issuer = 'http://issuer.example'))), [
    { path: 'auth.issuer', message: /https/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.issuer = 'https://{{parameters.tenant}}.example'))), [
    { path: 'auth.issuer', message: /not available here/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.issuer = 'https://issuer.example'))), [])
})

t.test('reserved request params and bad headers', async (t) => {
  exactly(t, issuesOf(withAuth((a) => (a.authorizeParams = { redirect_uri: 'x', prompt: 'consent' }))), [
    { path: 'auth.authorizeParams.redirect_uri', message: /set by Latchkey/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenParams = { grant_type: 'x' }))), [
    { path: 'auth.tokenParams.grant_type' }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenHeaders = { 'Bad Header': 'x' }))), [
    { path: 'auth.tokenHeaders["Bad Header"]', message: 'is not a valid header name' }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.tokenHeaders = { 'X-Ok': 'a\r\nInjected: 1' }))), [
    { path: 'auth.tokenHeaders["X-Ok"]', message: /line breaks/ }
  ])
  exactly(t, issuesOf(withAuth((a) => (a.callbackParams = ['state']))), [
    { path: 'auth.callbackParams[0]', message: /belongs to the OAuth protocol/ }
  ])
  // Dashed names (Zoho's accounts-server) are kept and usable as metadata placeholders.
  t.same(
    issuesOf(
      withAuth(
        (a) => (a.callbackParams = ['realmId', 'accounts-server']),
        (d) => (d.http = { ...d.http, headers: { 'x-accounts': '{{metadata.accounts-server}}' } })
      )
    ),
    []
  )
  exactly(t, issuesOf(withAuth((a) => (a.callbackParams = ['-lead', 'has space']))), [
    { path: 'auth.callbackParams[0]', message: /letters, digits, underscores and dashes/ },
    { path: 'auth.callbackParams[1]', message: /letters, digits, underscores and dashes/ }
  ])
})

t.test('parameters and config values', async (t) => {
  const bad = validDefinition() as Mutable
  bad.parameters = [
    { key: 'tenant', label: 'Tenant', pattern: '([' },
    { key: 'tenant', label: 'Again' },
    { key: 'region', label: 'Region', type: 'dropdown' },
    { key: 'plan', label: 'Plan', options: [{ value: 'a' }] },
    { key: 'tier', label: 'Tier', type: 'dropdown', options: [{ value: 'a' }, { value: 'a' }], default: 'b' },
    { key: 'code', label: 'Code', pattern: '\\d+', default: 'abc' },
    { key: '9bad', label: 'Bad' }
  ]
  bad.configValues = [
    { key: 'apiVersion', label: 'API version' },
    { key: 'apiVersion', label: 'Dup', value: 'x' }
  ]
  const issues = issuesOf(bad)
  exactly(t, issues, [
    { path: 'parameters[6].key', message: /letters, digits and underscores/ },
    { path: 'parameters[0].pattern', message: /not a valid regular expression/ },
    { path: 'parameters[1].key', message: '"tenant" is declared twice' },
    { path: 'parameters[2].options', message: 'is required for a dropdown' },
    { path: 'parameters[3].options', message: 'is only allowed for a dropdown' },
    { path: 'parameters[4].default', message: 'is not one of the options' },
    { path: 'parameters[4].options[1].value', message: '"a" is listed twice' },
    { path: 'parameters[5].default', message: 'does not match the pattern' },
    { path: 'configValues[0].value', message: /is required/ },
    { path: 'configValues[1].key', message: '"apiVersion" is declared twice' }
  ])
})

t.test('computed config values: allowed in code, refused in JSON', async (t) => {
  const d = validDefinition() as Mutable
  d.configValues = [{ key: 'apiVersion', label: 'API version', compute: () => 'v3' }]
  exactly(t, issuesOf(d), [{ path: 'configValues[0].compute', message: /cannot be sent as JSON/ }])
  t.equal(validateConnectorInput(d).ok, true)
  d.configValues = [{ key: 'apiVersion', label: 'API version', compute: 'v3' }]
  exactly(t, validateConnectorInput(d).issues, [{ path: 'configValues[0].compute', message: /must be a function/ }])
  d.configValues = [{ key: 'apiVersion', label: 'API version', value: 'x', compute: () => 'v3' }]
  exactly(t, validateConnectorInput(d).issues, [{ path: 'configValues[0]', message: /not both/ }])
})

t.test('http section', async (t) => {
  const d = (change: (http: Mutable) => void): unknown =>
    withAuth(
      () => undefined,
      (x) => change(x.http)
    )
  exactly(t, issuesOf(d((h) => (h.tokenPlacement = { in: 'query' }))), [
    { path: 'http.tokenPlacement.name', message: /required when the token goes in the query/ }
  ])
  exactly(t, issuesOf(d((h) => (h.tokenPlacement = { in: 'query', name: 'token', prefix: 'x' }))), [
    { path: 'http.tokenPlacement.prefix' }
  ])
  exactly(t, issuesOf(d((h) => (h.tokenPlacement = { in: 'header', name: 'Bad Name' }))), [
    { path: 'http.tokenPlacement.name' }
  ])
  exactly(t, issuesOf(d((h) => (h.headers = { authorization: 'x' }))), [
    { path: 'http.headers.authorization', message: /where the credential goes/ }
  ])
  exactly(t, issuesOf(d((h) => (h.refreshOnStatus = [200]))), [
    { path: 'http.refreshOnStatus[0]', message: 'must be >= 400' }
  ])
  exactly(t, issuesOf(d((h) => (h.baseUrl = 'http://api.acme.example'))), [
    { path: 'http.baseUrl', message: /absolute https URL/ }
  ])
  exactly(
    t,
    issuesOf(
      withAuth(
        () => undefined,
        (x) => (x.docsUrl = 'nope')
      )
    ),
    [{ path: 'docsUrl' }]
  )
})

t.test(
  'http.originHosts: required when the base URL takes its origin from a placeholder, and well formed',
  async (t) => {
    const d = (change: (http: Mutable) => void): unknown =>
      withAuth(
        () => undefined,
        (x) => change(x.http)
      )
    exactly(t, issuesOf(d((h) => delete h.originHosts)), [
      {
        path: 'http.originHosts',
        message:
          /^is required: http.baseUrl starts with \{\{metadata.instance_url\}\}, an origin only known at run time; list the hosts it may name/
      }
    ])
    // A parameter standing for the origin too.
    exactly(
      t,
      issuesOf(
        d((h) => {
          h.baseUrl = '{{parameters.tenant}}/api'
          delete h.originHosts
        })
      ),
      [{ path: 'http.originHosts', message: /\{\{parameters.tenant\}\}/ }]
    )
    exactly(t, issuesOf(d((h) => (h.originHosts = ['*.com']))), [
      { path: 'http.originHosts[0]', message: '"*.com" is too broad: name a domain of at least two labels after "*."' }
    ])
    exactly(t, issuesOf(d((h) => (h.originHosts = ['eu1.acme.example', '*.0.0.1']))), [
      { path: 'http.originHosts[1]', message: '"*.0.0.1": a wildcard cannot stand before an IP address' }
    ])
    for (const bad of [
      'https://eu1.acme.example',
      'a.*.acme.example',
      '**.acme.example',
      'acme.example:443',
      'acme.example/x',
      '*'
    ]) {
      exactly(t, issuesOf(d((h) => (h.originHosts = [bad]))), [
        { path: 'http.originHosts[0]', message: /^must be a host name, optionally after "\*\." standing for one label/ }
      ])
    }
    exactly(t, issuesOf(d((h) => (h.originHosts = []))), [{ path: 'http.originHosts' }])
    t.same(
      issuesOf(
        d(
          (h) =>
            (h.originHosts = ['*.acme.example', 'acme.example', '*.eu.acme.example', '127.0.0.1', '[::1]', 'localhost'])
        )
      ),
      []
    )
    t.same(
      issuesOf(
        d((h) => {
          h.baseUrl = 'https://api.acme.example/v2'
          delete h.originHosts
        })
      ),
      [],
      'a written-out origin needs none'
    )
    t.same(
      issuesOf(d((h) => (h.baseUrl = 'https://api.acme.example/v2'))),
      [],
      'declared with a written-out origin: unused, harmless'
    )
  }
)

t.test('token answer expiry fields: a bad unit is named with its path', async (t) => {
  const ok = issuesOf(
    withAuth(
      (a) =>
        (a.tokenResponse = {
          ...a.tokenResponse,
          expiresInPath: 'data.ttl',
          expiresInUnit: 'milliseconds',
          expiresAtPath: 'expires_at'
        })
    )
  )
  t.same(ok, [])
  const bad = issuesOf(withAuth((a) => (a.tokenResponse = { ...a.tokenResponse, expiresInUnit: 'minutes' })))
  t.match(bad, [{ path: 'auth.tokenResponse.expiresInUnit' }])
})
