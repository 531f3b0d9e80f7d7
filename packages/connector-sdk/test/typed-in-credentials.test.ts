import t from 'tap'
import {
  TemplateError,
  parsePlaceholders,
  renderTemplate,
  renderTemplateIfComplete,
  renderUrlTemplate,
  resolveAuthSchemes,
  selectPath,
  templateParameters,
  validateConnectorDefinition,
  validateParameters
} from '../src/index.js'
import type { ConnectorDefinitionJson } from '../src/index.js'

/** PagerDuty's REST API: `Authorization: Token token=<key>`. @see https://developer.pagerduty.com/docs/authentication */
function pagerDuty(): ConnectorDefinitionJson {
  return {
    key: 'pagerduty',
    name: 'PagerDuty',
    version: '1.0.0',
    auth: {
      kind: 'apiKey',
      input: {
        label: 'REST API key',
        helpText: 'Integrations → API Access Keys',
        docsUrl: 'https://support.pagerduty.com/main/docs/api-access-keys',
        example: 'u+abcdefghijklmnopqr',
        pattern: '\\S{20}',
        patternMessage: 'A REST API key is 20 characters'
      },
      send: [{ in: 'header', name: 'Authorization', value: 'Token token={{credentials.apiKey}}' }]
    },
    http: { baseUrl: 'https://api.pagerduty.com' }
  }
}

/** Datadog: two keys in two headers, the site from a lookup table. @see https://docs.datadoghq.com/api/latest/authentication/ */
function datadog(): ConnectorDefinitionJson {
  return {
    key: 'datadog',
    name: 'Datadog',
    version: '1.0.0',
    parameters: [
      {
        key: 'site',
        label: 'Site',
        type: 'dropdown',
        options: [
          { value: 'us1', label: 'US1', values: { apiHost: 'api.datadoghq.com' } },
          { value: 'eu1', label: 'EU', values: { apiHost: 'api.datadoghq.eu' } }
        ],
        default: 'us1'
      }
    ],
    auth: {
      kind: 'apiKey',
      input: { label: 'API key' },
      fields: [{ key: 'applicationKey', label: 'Application key' }],
      send: [
        { in: 'header', name: 'DD-API-KEY', value: '{{credentials.apiKey}}' },
        { in: 'header', name: 'DD-APPLICATION-KEY', value: '{{credentials.applicationKey}}' }
      ]
    },
    http: { baseUrl: 'https://{{parameters.site.apiHost}}' }
  }
}

function issuesOf(definition: unknown): { path: string; message: string }[] {
  const result = validateConnectorDefinition(definition)
  return result.ok ? [] : [...result.issues]
}

t.test('templates: credentials, the time, and functions of them', async (t) => {
  const values = { credentials: { apiKey: 'k1', secret: 's é' }, parameters: { sid: 'AC1' }, now: Date.UTC(2026, 0, 2) }
  t.equal(renderTemplate('Token token={{credentials.apiKey}}', values), 'Token token=k1')
  t.equal(
    renderTemplate('{{now.iso}}|{{now.epochSeconds}}|{{now.epochMilliseconds}}', values),
    '2026-01-02T00:00:00.000Z|1767312000|1767312000000'
  )
  t.equal(
    renderTemplate('Basic {{base64(credentials.apiKey, ":X")}}', values),
    `Basic ${Buffer.from('k1:X').toString('base64')}`
  )
  t.equal(
    renderTemplate('{{ base64url( parameters.sid , ":" , credentials.secret ) }}', values),
    Buffer.from('AC1:s é').toString('base64url')
  )
  t.equal(renderTemplate('{{urlencode(credentials.secret, "&")}}', values), 's%20%C3%A9%26')
  t.equal(renderTemplate('{{base64("a \\"quoted\\" b")}}', values), Buffer.from('a "quoted" b').toString('base64'))
  t.throws(() => renderTemplate('{{base64(credentials.missing)}}', values), /\{\{credentials\.missing\}\} has no value/)
  t.throws(
    () => renderUrlTemplate('https://x.example/{{base64(credentials.apiKey)}}', values),
    /functions are not available in URLs/
  )
  t.match(parsePlaceholders('{{sha1(credentials.apiKey)}}').problems, [
    /unknown function "sha1"; use base64, base64url, urlencode/
  ])
  t.match(parsePlaceholders('{{base64(credentials.apiKey ":")}}').problems, [/separated by commas/])
  t.match(parsePlaceholders('{{base64()}}').problems, [/needs at least one argument/])
  t.equal(renderTemplate('{{now.iso}}', {}).length, 24, 'the current time when none is given')
  t.throws(() => renderTemplate('{{now.week}}', values), TemplateError)
})

t.test('a header or query value whose placeholders have no value is left out', async (t) => {
  t.equal(renderTemplateIfComplete('{{parameters.org}}', { parameters: {} }), undefined)
  t.equal(renderTemplateIfComplete('org-{{parameters.org}}', { parameters: { org: '' } }), undefined)
  t.equal(renderTemplateIfComplete('{{base64(credentials.a, credentials.b)}}', { credentials: { a: '1' } }), undefined)
  t.equal(renderTemplateIfComplete('org-{{parameters.org}}', { parameters: { org: 'o1' } }), 'org-o1')
  t.equal(renderTemplateIfComplete('static', {}), 'static')
  t.throws(() => renderTemplateIfComplete('{{metadata.team}}', { metadata: { team: { id: 1 } } }), /not a plain value/)
})

t.test('lookup tables: a dropdown option stands for values used in URLs', async (t) => {
  const definition = datadog()
  t.same(issuesOf(definition), [])
  const parameters = validateParameters(definition, { site: 'eu1' })
  t.ok(parameters.ok)
  const values = templateParameters(definition, parameters.ok ? parameters.values : {})
  t.same(values, { site: 'eu1', 'site.apiHost': 'api.datadoghq.eu' })
  t.equal(renderUrlTemplate(definition.http?.baseUrl ?? '', { parameters: values }), 'https://api.datadoghq.eu')
  t.same(templateParameters(definition, {}), {}, 'nothing chosen, nothing looked up')

  const bent = datadog()
  const options = bent.parameters?.[0]?.options
  if (options?.[1] !== undefined) options[1] = { value: 'eu1', values: { host: 'api.datadoghq.eu' } }
  t.same(issuesOf(bent), [
    {
      path: 'parameters[0].options[0].values',
      message: 'must name "host" like the other options (a lookup value every option gives)'
    },
    {
      path: 'parameters[0].options[1].values',
      message: 'must name "apiHost" like the other options (a lookup value every option gives)'
    },
    {
      path: 'http.baseUrl',
      message: 'placeholder {{parameters.site.apiHost}} is not a declared parameter'
    }
  ])
})

t.test('ports: typed as a port, a parameter may follow a host; text may not', async (t) => {
  const definition: ConnectorDefinitionJson = {
    ...pagerDuty(),
    parameters: [
      { key: 'host', label: 'Host' },
      { key: 'port', label: 'Port', type: 'port', default: '8443' }
    ],
    http: { baseUrl: 'https://{{parameters.host}}:{{parameters.port}}/api' }
  }
  t.same(issuesOf(definition), [])
  const given = validateParameters(definition, { host: 'jira.acme.example' })
  t.same(given.ok && given.values, { host: 'jira.acme.example', port: '8443' }, 'the default fills an empty port')
  t.equal(
    renderUrlTemplate(definition.http?.baseUrl ?? '', { parameters: { host: 'h.example', port: '9000' } }),
    'https://h.example:9000/api'
  )
  for (const bad of ['0', '65536', '08', '80a', '-1']) {
    const result = validateParameters(definition, { host: 'h', port: bad })
    t.same(result.issues, [{ path: 'parameters.port', message: 'Port must be a port, 1 to 65535' }], bad)
  }
  const text = {
    ...definition,
    parameters: [
      { key: 'host', label: 'Host' },
      { key: 'port', label: 'Port' }
    ]
  }
  t.match(issuesOf(text), [{ path: 'http.baseUrl' }], 'a text parameter cannot stand in a port position')
  t.same(
    issuesOf({
      ...definition,
      parameters: [
        { key: 'host', label: 'Host' },
        { key: 'port', label: 'Port', type: 'port', default: 'x', pattern: '\\d+' }
      ]
    }),
    [
      { path: 'parameters[1].default', message: 'does not match the pattern' },
      { path: 'parameters[1].pattern', message: 'is not used for a port; any of 1 to 65535 is accepted' },
      { path: 'parameters[1].default', message: 'must be a port, 1 to 65535' }
    ]
  )
})

t.test('an API key sent where the API documents it, with its form', async (t) => {
  t.same(issuesOf(pagerDuty()), [])
  t.same(issuesOf(datadog()), [])
  const [scheme] = resolveAuthSchemes(pagerDuty())
  t.match(scheme, {
    kind: 'apiKey',
    inputLabel: 'REST API key',
    inputs: [
      {
        key: 'apiKey',
        label: 'REST API key',
        secret: true,
        required: true,
        pattern: '\\S{20}',
        patternMessage: 'A REST API key is 20 characters',
        helpText: 'Integrations → API Access Keys',
        docsUrl: 'https://support.pagerduty.com/main/docs/api-access-keys',
        example: 'u+abcdefghijklmnopqr'
      }
    ],
    send: [{ in: 'header', name: 'Authorization', value: 'Token token={{credentials.apiKey}}' }]
  })
  const [dd] = resolveAuthSchemes(datadog())
  t.same(dd?.kind === 'apiKey' && dd.inputs.map((input) => [input.key, input.secret, input.required]), [
    ['apiKey', true, true],
    ['applicationKey', true, true]
  ])
  // Mandrill takes the key in the JSON body; some APIs take it as the basic-auth user name.
  const body = {
    ...pagerDuty(),
    auth: { kind: 'apiKey', send: [{ in: 'body', name: 'key', value: '{{credentials.apiKey}}' }] }
  }
  t.same(issuesOf(body), [])
  const basic = {
    ...pagerDuty(),
    auth: { kind: 'apiKey', send: [{ in: 'basic', username: '{{credentials.apiKey}}', password: 'X' }] }
  }
  t.same(issuesOf(basic), [])
  t.same(
    resolveAuthSchemes(basic as ConnectorDefinitionJson)[0]?.kind === 'apiKey' &&
      resolveAuthSchemes(basic as ConnectorDefinitionJson)[0],
    {
      kind: 'apiKey',
      key: 'api_key',
      label: 'API key',
      inputLabel: 'API key',
      inputs: [
        {
          key: 'apiKey',
          label: 'API key',
          secret: true,
          required: true,
          pattern: undefined,
          patternMessage: undefined,
          helpText: undefined,
          docsUrl: undefined,
          example: undefined
        }
      ],
      send: [{ in: 'basic', username: '{{credentials.apiKey}}', password: 'X' }]
    }
  )
})

t.test('bad placements and forms are named by path', async (t) => {
  const auth = (over: Record<string, unknown>): unknown => ({ ...pagerDuty(), auth: { kind: 'apiKey', ...over } })
  t.same(
    issuesOf(
      auth({
        name: 'X-Key',
        inputLabel: 'Key',
        input: { label: 'Key', pattern: '(' },
        send: [
          { in: 'header', name: 'bad header', value: '{{credentials.apiKey}}' },
          { in: 'query', value: '{{credentials.other}}', username: 'u' },
          { in: 'body', name: 'a.b', value: '{{metadata.x}}\n' },
          { in: 'basic', name: 'n' }
        ],
        fields: [
          { key: 'apiKey', label: 'Again' },
          { key: 'appKey', label: 'App key', pattern: '[' },
          { key: 'appKey', label: 'Twice' }
        ]
      })
    ),
    [
      {
        path: 'auth.input.pattern',
        message: 'is not a valid regular expression (Invalid regular expression: /^(?:()$/u: Unterminated group)'
      },
      { path: 'auth.inputLabel', message: 'cannot be given with input: say it in input (label, helpText, pattern)' },
      {
        path: 'auth.fields[0].key',
        message: '"apiKey" is the scheme\'s own credential; name the extra field otherwise'
      },
      {
        path: 'auth.fields[1].pattern',
        message:
          'is not a valid regular expression (Invalid regular expression: /^(?:[)$/u: Unterminated character class)'
      },
      { path: 'auth.fields[2].key', message: '"appKey" is declared twice' },
      { path: 'auth.name', message: 'cannot be given with send: list every place the key goes in send' },
      { path: 'auth.send[0].name', message: 'is not a valid header name' },
      { path: 'auth.send[1].name', message: 'is required when it goes in "query"' },
      { path: 'auth.send[1].username', message: 'is only used when it goes in "basic"' },
      {
        path: 'auth.send[1].value',
        message: 'placeholder {{credentials.other}} is not a declared credential this scheme asks for'
      },
      { path: 'auth.send[2].name', message: 'must be a top-level field name of the JSON body' },
      { path: 'auth.send[2].value', message: 'must not contain line breaks' },
      {
        path: 'auth.send[2].value',
        message:
          'placeholder {{metadata.x}} is not available here: metadata values are only known after the connection is made (use it in http.baseUrl or http.headers)'
      },
      { path: 'auth.send[3].username', message: 'is required when it goes in "basic"' },
      { path: 'auth.send[3].name', message: 'is only used when it goes in a header, the query or the body' }
    ]
  )
  t.same(issuesOf(auth({ send: [{ in: 'header', name: 'X-Key', value: 'static' }] })), [
    { path: 'auth.send', message: 'never sends the key: use {{credentials.apiKey}} in one of its values' }
  ])
  t.same(issuesOf(auth({ input: { docsUrl: 'http://docs.example' } })), [
    { path: 'auth.input.docsUrl', message: 'must be an https URL' }
  ])
})

t.test('basic auth: a fixed user name or password is not asked for', async (t) => {
  // Freshdesk: the API key as the user name, "X" as the password. @see https://developers.freshdesk.com/api/#authentication
  const freshdesk = {
    ...pagerDuty(),
    auth: {
      kind: 'basic',
      username: { label: 'API key', docsUrl: 'https://support.freshdesk.com/support/solutions/articles/215517' },
      password: { value: 'X' }
    }
  }
  t.same(issuesOf(freshdesk), [])
  t.match(resolveAuthSchemes(freshdesk as ConnectorDefinitionJson)[0], {
    inputs: [{ key: 'username', label: 'API key', secret: false }],
    send: [{ in: 'basic', username: '{{credentials.username}}', password: 'X' }]
  })
  const resolved = resolveAuthSchemes(freshdesk as ConnectorDefinitionJson)[0]
  t.equal(resolved?.kind === 'basic' && resolved.inputs.length, 1, 'the fixed password is not asked for')
  // Twilio: the account SID (a parameter) as the user name, the auth token typed in.
  const twilio = {
    ...pagerDuty(),
    parameters: [{ key: 'accountSid', label: 'Account SID' }],
    auth: { kind: 'basic', username: { value: '{{parameters.accountSid}}' }, password: { label: 'Auth token' } }
  }
  t.same(issuesOf(twilio), [])
  t.match(resolveAuthSchemes(twilio as ConnectorDefinitionJson)[0], {
    inputs: [{ key: 'password', label: 'Auth token', secret: true, required: true }],
    send: [{ in: 'basic', username: '{{parameters.accountSid}}', password: '{{credentials.password}}' }]
  })
  const empty = { ...pagerDuty(), auth: { kind: 'basic', password: { value: '' } } }
  t.same(issuesOf(empty), [], 'an empty fixed password')
  t.same(
    issuesOf({
      ...pagerDuty(),
      auth: {
        kind: 'basic',
        usernameLabel: 'User',
        username: { value: 'a:b', label: 'Shown?', required: true },
        password: { value: '{{credentials.password}}' }
      }
    }),
    [
      { path: 'auth.usernameLabel', message: 'cannot be given with username: say it in username' },
      { path: 'auth.username.required', message: 'is only for the password: a user name is always needed' },
      { path: 'auth.username.label', message: 'is not used: a fixed value is not asked for' },
      { path: 'auth.username.required', message: 'is not used: a fixed value is not asked for' },
      { path: 'auth.username.value', message: 'must not contain ":" (RFC 7617)' },
      {
        path: 'auth.password.value',
        message: 'placeholder {{credentials.password}} is not a declared credential this scheme asks for'
      }
    ]
  )
})

t.test('http.query and http.headers: credentials and the time allowed, the credential slots kept', async (t) => {
  const definition = {
    ...datadog(),
    parameters: [...(datadog().parameters ?? []), { key: 'org', label: 'Organisation', required: false }],
    http: {
      baseUrl: 'https://{{parameters.site.apiHost}}',
      headers: { 'X-Org': '{{parameters.org}}', 'X-Sent-At': '{{now.iso}}', 'dd-api-key': 'x' },
      query: { 'api-version': '2', org: '{{parameters.org}}', bad: '{{credentials.nothing}}' }
    }
  }
  t.same(issuesOf(definition), [
    {
      path: 'http.query.bad',
      message: 'placeholder {{credentials.nothing}} is not a declared credential of any scheme'
    },
    { path: 'http.headers["dd-api-key"]', message: 'is where the credential goes; Latchkey sets it' }
  ])
  const inUrl = { ...pagerDuty(), http: { baseUrl: 'https://api.example/{{credentials.apiKey}}/{{now.iso}}' } }
  t.same(issuesOf(inUrl), [
    {
      path: 'http.baseUrl',
      message:
        "placeholder {{credentials.apiKey}} is only available in a scheme's send or its fixed user name or password, and http.headers and http.query"
    },
    { path: 'http.baseUrl', message: 'placeholder {{now.iso}} is only available in header, query and body values' }
  ])
  const query = {
    ...pagerDuty(),
    auth: { kind: 'apiKey', in: 'query', name: 'api_key' },
    http: { baseUrl: 'https://api.example', query: { api_key: 'x' } }
  }
  t.same(issuesOf(query), [{ path: 'http.query.api_key', message: 'is where the credential goes; Latchkey sets it' }])
})

t.test('token exchange: the login request and its answer, checked by path', async (t) => {
  const jamf = {
    key: 'jamf-pro',
    name: 'Jamf Pro',
    version: '1.0.0',
    parameters: [{ key: 'host', label: 'Server' }],
    auth: {
      kind: 'tokenExchange',
      fields: [
        { key: 'username', label: 'Username', secret: false },
        { key: 'password', label: 'Password' }
      ],
      request: {
        url: 'https://{{parameters.host}}/api/v1/auth/token',
        headers: { Authorization: 'Basic {{base64(credentials.username, ":", credentials.password)}}' }
      },
      response: { tokenPath: 'token', expiresAtPath: 'expires' }
    },
    http: { baseUrl: 'https://{{parameters.host}}/api' }
  }
  t.same(issuesOf(jamf), [])
  t.match(resolveAuthSchemes(jamf as ConnectorDefinitionJson)[0], {
    kind: 'tokenExchange',
    key: 'token_exchange',
    label: 'Sign in',
    inputs: [
      { key: 'username', secret: false, required: true },
      { key: 'password', secret: true, required: true }
    ],
    request: { method: 'POST', format: 'json', body: {} },
    response: {
      tokenPath: 'token',
      expiry: { inPath: 'expires_in', unit: 'seconds', atPath: 'expires' },
      lifetimeSeconds: undefined
    }
  })
  const bad = {
    ...jamf,
    auth: {
      ...jamf.auth,
      fields: [
        ...jamf.auth.fields,
        { key: 'password', label: 'Again' },
        { key: 'otp', label: 'One-time code', pattern: '(' }
      ],
      request: {
        url: 'https://{{credentials.username}}.example/login',
        method: 'GET',
        format: 'form',
        body: { 'a.b': '{{credentials.password}}', c: '{{credentials.nothing}}' },
        headers: { 'bad header': 'x' }
      },
      response: { tokenPath: 'token', expiresAtPath: 'expires', expiresInPath: 'ttl', lifetimeSeconds: 5 }
    },
    http: { baseUrl: 'https://api.example', headers: { authorization: 'mine' } }
  }
  t.same(issuesOf(bad), [
    { path: 'auth.response.lifetimeSeconds', message: 'must be >= 30' },
    { path: 'auth.fields[2].key', message: '"password" is declared twice' },
    {
      path: 'auth.fields[3].pattern',
      message: 'is not a valid regular expression (Invalid regular expression: /^(?:()$/u: Unterminated group)'
    },
    {
      path: 'auth.request.url',
      message:
        "placeholder {{credentials.username}} is only available in a scheme's send or its fixed user name or password, and http.headers and http.query"
    },
    {
      path: 'auth.request.body.c',
      message: 'placeholder {{credentials.nothing}} is not a declared credential this scheme asks for'
    },
    { path: 'auth.request.headers["bad header"]', message: 'is not a valid header name' },
    { path: 'auth.request.body', message: 'is not sent with method "GET"' },
    { path: 'auth.request.body["a.b"]', message: 'nests JSON: a form body has flat names only' },
    { path: 'auth.fields', message: 'asks for "username" but the login request never sends it' },
    { path: 'auth.fields', message: 'asks for "otp" but the login request never sends it' },
    {
      path: 'auth.response.expiresAtPath',
      message: 'cannot be given with expiresInPath: the answer says one or the other'
    },
    { path: 'http.headers.authorization', message: 'is where the credential goes; Latchkey sets it' }
  ])
  const { request: _request, response: _response, ...bare } = jamf.auth
  t.same(issuesOf({ ...jamf, auth: bare }), [
    { path: 'auth.request', message: 'is required' },
    { path: 'auth.response', message: 'is required' }
  ])
})

t.test('JWT bearer and AWS Signature V4: declared, resolved, and every mistake by path', async (t) => {
  const google = {
    key: 'google-sa',
    name: 'Google (service account)',
    version: '1.0.0',
    auth: {
      kind: 'jwtBearer',
      serviceAccount: true,
      tokenUrl: 'https://oauth2.googleapis.com/token',
      assertion: { issuer: '{{credentials.client_email}}' },
      scopes: { 'https://www.googleapis.com/auth/drive.readonly': 'Read Drive' },
      defaultScopes: ['https://www.googleapis.com/auth/drive.readonly']
    },
    http: { baseUrl: 'https://www.googleapis.com' }
  }
  t.same(issuesOf(google), [])
  t.match(resolveAuthSchemes(google as ConnectorDefinitionJson)[0], {
    kind: 'jwtBearer',
    key: 'jwt_bearer',
    serviceAccount: true,
    inputs: [{ key: 'serviceAccountKey', multiline: true, secret: true }],
    assertion: { issuer: '{{credentials.client_email}}', lifetimeSeconds: 3600, claims: {} },
    scopeIn: 'assertion'
  })
  t.same(
    issuesOf({
      ...google,
      auth: {
        ...google.auth,
        serviceAccount: false,
        fields: [{ key: 'clientId', label: 'Client id' }],
        tokenUrl: 'https://login.example/{{credentials.clientId}}',
        assertion: { issuer: '{{credentials.client_email}}', claims: { aud: 'x', prn: '{{credentials.clientId}}' } },
        defaultScopes: ['drive']
      }
    }),
    [
      {
        path: 'auth.tokenUrl',
        message:
          "placeholder {{credentials.clientId}} is only available in a scheme's send or its fixed user name or password, and http.headers and http.query"
      },
      { path: 'auth.defaultScopes[0]', message: '"drive" is not a declared scope' },
      {
        path: 'auth.fields',
        message: 'needs a field "privateKey" (or serviceAccount: true): the key the assertion is signed with'
      },
      {
        path: 'auth.assertion.issuer',
        message: 'placeholder {{credentials.client_email}} is not a declared credential this scheme asks for'
      },
      { path: 'auth.assertion.claims.aud', message: 'is set by Latchkey itself and cannot be overridden' }
    ]
  )
  const aws = {
    key: 'aws-api',
    name: 'AWS API',
    version: '1.0.0',
    parameters: [{ key: 'region', label: 'Region', type: 'dropdown', options: [{ value: 'eu-west-1' }] }],
    auth: { kind: 'awsSigV4', region: '{{parameters.region}}', service: 'execute-api' },
    http: { baseUrl: 'https://api.example' }
  }
  t.same(issuesOf(aws), [])
  t.match(resolveAuthSchemes(aws as ConnectorDefinitionJson)[0], {
    kind: 'awsSigV4',
    key: 'aws_sigv4',
    region: '{{parameters.region}}',
    inputs: [
      { key: 'accessKeyId', secret: false },
      { key: 'secretAccessKey', secret: true }
    ]
  })
  t.same(
    issuesOf({
      ...aws,
      auth: { ...aws.auth, region: '{{parameters.zone}}', service: 'Execute API', accessKeyId: { pattern: '[' } },
      http: { baseUrl: 'https://api.example', headers: { 'X-Amz-Date': 'now' } }
    }),
    [
      {
        path: 'auth.service',
        message: 'must be a signing name: lower-case letters, digits and dashes (e.g. "execute-api")'
      },
      { path: 'auth.region', message: 'placeholder {{parameters.zone}} is not a declared parameter' },
      {
        path: 'auth.accessKeyId.pattern',
        message:
          'is not a valid regular expression (Invalid regular expression: /^(?:[)$/u: Unterminated character class)'
      },
      { path: 'http.headers["X-Amz-Date"]', message: 'is where the credential goes; Latchkey sets it' }
    ]
  )
})

t.test('verification in steps, and identity paths that select in arrays', async (t) => {
  const sites = {
    sites: [
      { id: 'a', url: 'https://x' },
      { id: 'b', url: 'https://acme.example', n: 2 }
    ]
  }
  t.equal(selectPath(sites, 'sites[url=https://acme.example].id'), 'b')
  t.equal(selectPath(sites, 'sites[n=2].url'), 'https://acme.example', 'numbers compare as text')
  t.equal(selectPath(sites, 'sites.0.id'), 'a', 'indexes as before')
  t.equal(selectPath(sites, 'sites[url=nowhere].id'), undefined)
  t.equal(selectPath(sites, 'sites[id].id'), undefined, 'a selection needs field=value')
  t.equal(selectPath({ a: 1 }, 'a[x=1]'), undefined, 'not an array')
  const base = {
    key: 'atl',
    name: 'Atl',
    version: '1.0.0',
    parameters: [{ key: 'site', label: 'Site' }],
    auth: { kind: 'apiKey' },
    http: { baseUrl: 'https://api.example/ex/{{account.cloudId}}' }
  }
  const steps = [
    { from: 'origin', path: '/resources', identity: { cloudId: '[url=https://{{parameters.site}}.example].id' } },
    {
      from: 'origin',
      method: 'POST',
      path: '/ex/{{account.cloudId}}/me',
      body: '{"query":"{viewer{login}}","site":"{{parameters.site}}"}',
      identity: { user: 'login' }
    }
  ]
  t.same(issuesOf({ ...base, verification: { steps } }), [])
  t.same(
    issuesOf({
      ...base,
      verification: {
        path: '/x',
        steps: [
          { path: '/a/{{account.user}}', identity: { cloudId: 'id' }, body: '{"a":"{{account.nope}}"}' },
          { from: 'origin', path: '/b', query: { q: '{{parameters.nope}}' }, identity: { user: 'login' } }
        ]
      }
    }),
    [
      { path: 'verification.path', message: 'cannot be given with steps: say it in a step' },
      { path: 'verification.steps[0].body', message: 'is only sent with method "POST"' },
      {
        path: 'verification.steps[0].path',
        message: 'placeholder {{account.user}} is not a declared verification.identity field'
      },
      {
        path: 'verification.steps[0].body',
        message: 'placeholder {{account.nope}} is not a declared verification.identity field'
      },
      {
        path: 'verification.steps[0].from',
        message: 'must be "origin": http.baseUrl needs {{account.cloudId}}, which this request finds'
      },
      {
        path: 'verification.steps[1].query.q',
        message: 'placeholder {{parameters.nope}} is not a declared parameter'
      }
    ]
  )
  t.match(issuesOf({ ...base, verification: { from: 'origin' } }), [
    { path: 'http.baseUrl', message: /{{account.cloudId}} is not a declared verification.identity field/ },
    { path: 'verification.path', message: 'is required (or steps)' }
  ])
})

t.test('token exchange: a logout URL ends the session on disconnect; its mistakes by path', async (t) => {
  const definition = (logout: unknown) => ({
    key: 'jamf',
    name: 'Jamf',
    version: '1.0.0',
    parameters: [{ key: 'host', label: 'Host' }],
    auth: {
      kind: 'tokenExchange',
      fields: [{ key: 'password', label: 'Password' }],
      request: { url: 'https://{{parameters.host}}/api/v1/auth/token', body: { password: '{{credentials.password}}' } },
      response: { tokenPath: 'token' },
      logout
    },
    http: { baseUrl: 'https://{{parameters.host}}/api' }
  })
  const good = definition({ url: 'https://{{parameters.host}}/api/v1/auth/invalidate-token' })
  t.same(issuesOf(good), [])
  t.match(resolveAuthSchemes(good as never)[0], {
    logout: { url: 'https://{{parameters.host}}/api/v1/auth/invalidate-token', method: 'POST' }
  })
  t.match(resolveAuthSchemes(definition(undefined) as never)[0], { kind: 'tokenExchange', logout: undefined })
  t.same(issuesOf(definition({ url: 'https://{{credentials.password}}.example/logout', method: 'GET' })), [
    { path: 'auth.logout.method', message: 'must be "POST" or "DELETE"' },
    {
      path: 'auth.logout.url',
      message:
        "placeholder {{credentials.password}} is only available in a scheme's send or its fixed user name or password, and http.headers and http.query"
    }
  ])
  t.same(issuesOf(definition({ url: 'https://a.example/logout', headers: {} })), [
    { path: 'auth.logout.headers', message: 'is not a known field' }
  ])
})
