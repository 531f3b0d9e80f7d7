import { readFileSync } from 'node:fs'
import t from 'tap'
import {
  OpenApiImportError,
  actionKeyOf,
  fromOpenApi,
  parseOpenApiDocument,
  validateConnectorDefinition
} from '../src/index.js'
import type { ConnectorDefinitionJson, OAuth2AuthorizationCodeAuth } from '../src/index.js'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

async function importError(
  document: unknown,
  options: { key: string; name: string; scheme?: string } = { key: 'x', name: 'X' }
): Promise<OpenApiImportError> {
  try {
    await fromOpenApi(document, options)
  } catch (error) {
    if (error instanceof OpenApiImportError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

/** The definition's one scheme, which must be an OAuth 2.0 authorization code scheme. */
function codeFlow(definition: ConnectorDefinitionJson): OAuth2AuthorizationCodeAuth {
  const { auth } = definition
  if (Array.isArray(auth) || auth.kind !== 'oauth2' || auth.grant !== 'authorization_code')
    throw new Error(`expected one authorization code scheme, got ${JSON.stringify(auth)}`)
  return auth
}

t.test("the seeds' Box fragment imports with nine scopes and both URLs", async (t) => {
  const { definition, schemes, warnings } = await fromOpenApi(fixture('box-openapi-fragment.json'), {
    key: 'box-imported',
    name: 'Box'
  })
  t.same(schemes, ['OAuth2Security'])
  const auth = codeFlow(definition)
  t.equal(auth.authorizeUrl, 'https://account.box.com/api/oauth2/authorize')
  t.equal(auth.tokenUrl, 'https://api.box.com/oauth2/token')
  t.equal(Object.keys(auth.scopes ?? {}).length, 9)
  t.equal(auth.scopes?.root_readwrite, 'Read and write all files and folders stored in Box')
  t.equal(definition.version, '1.0.0')
  t.equal(definition.http, undefined)
  t.match(warnings, [/no "openapi" field/, /no servers\[\] entry/])
  t.equal(validateConnectorDefinition(definition).ok, true, 'the result is a valid definition')
  t.same(JSON.parse(JSON.stringify(definition)), definition, 'it is plain JSON')
})

t.test('YAML, server variables as parameters, relative URLs, refresh URL, named scheme', async (t) => {
  const both = await fromOpenApi(fixture('zendesk-openapi.yaml'), { key: 'zendesk-imported', name: 'Zendesk' })
  t.same(both.schemes, ['basicAuth', 'oauth'], 'unnamed, every scheme the document has')
  t.same(Array.isArray(both.definition.auth) ? both.definition.auth.map((s) => s.kind) : [], ['basic', 'oauth2'])
  const { definition, warnings } = await fromOpenApi(fixture('zendesk-openapi.yaml'), {
    key: 'zendesk-imported',
    name: 'Zendesk',
    scheme: 'oauth'
  })
  t.same(warnings, [])
  t.equal(definition.version, '2.0.0')
  t.equal(definition.http?.baseUrl, 'https://{{parameters.subdomain}}.zendesk.com/api/v2')
  t.match(definition.parameters, [
    { key: 'subdomain', type: 'text', default: 'example', helpText: 'Your Zendesk subdomain' }
  ])
  const auth = codeFlow(definition)
  t.equal(
    auth.authorizeUrl,
    'https://{{parameters.subdomain}}.zendesk.com/oauth/authorizations/new',
    'relative URLs resolve against the server, variables kept'
  )
  t.equal(auth.refreshUrl, 'https://example.zendesk.com/oauth/tokens')
  t.same(auth.scopes, { read: 'Read access', write: 'Write access' })
})

t.test('a relative authorize URL is refused when there is no absolute server URL', async (t) => {
  const doc = parseOpenApiDocument(fixture('zendesk-openapi.yaml')) as { servers: { url: string }[] }
  const error = await importError({ ...doc, servers: [{ url: '/api/v2' }] })
  t.match(error.issues, [
    { path: 'components.securitySchemes.oauth.flows.authorizationCode.authorizationUrl', message: /absolute https URL/ }
  ])
  const absolute = { ...doc, servers: [{ url: 'https://acme.zendesk.com/api/v2' }] }
  t.equal(
    codeFlow((await fromOpenApi(absolute, { key: 'z', name: 'Z', scheme: 'oauth' })).definition).authorizeUrl,
    'https://acme.zendesk.com/oauth/authorizations/new'
  )
  const relativePath = {
    ...absolute,
    components: {
      securitySchemes: {
        o: {
          type: 'oauth2',
          flows: { authorizationCode: { authorizationUrl: 'oauth/authorize', tokenUrl: './oauth/token', scopes: {} } }
        }
      }
    }
  }
  const resolved = codeFlow((await fromOpenApi(relativePath, { key: 'z', name: 'Z' })).definition)
  t.equal(resolved.authorizeUrl, 'https://acme.zendesk.com/api/v2/oauth/authorize')
  t.equal(resolved.tokenUrl, 'https://acme.zendesk.com/api/v2/oauth/token')
  t.same(
    (await fromOpenApi(relativePath, { key: 'z', name: 'Z', baseUrl: 'https://other.example/v1' })).definition.http,
    { baseUrl: 'https://other.example/v1' },
    'the baseUrl option wins'
  )
})

t.test('a document whose only scheme is an API key imports it; one no scheme can say fails clearly', async (t) => {
  const { definition, schemes } = await fromOpenApi(
    {
      openapi: '3.0.3',
      components: { securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } }
    },
    { key: 'x', name: 'X' }
  )
  t.same(schemes, ['ApiKeyAuth'])
  t.same(definition.auth, {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'X-API-Key', value: '{{credentials.apiKey}}' }]
  })
  const error = await importError({
    openapi: '3.0.3',
    components: { securitySchemes: { Cookie: { type: 'apiKey', in: 'cookie', name: 'session' } } }
  })
  t.equal(error.code, 'ERR_OPENAPI_IMPORT')
  t.same(error.issues, [
    {
      path: 'components.securitySchemes.Cookie',
      message: 'an API key in "cookie" is not imported: only a header or the query'
    }
  ])
})

t.test('every kind of security scheme the definition can say, and what it cannot', async (t) => {
  const doc = {
    openapi: '3.1.0',
    servers: [{ url: 'https://api.acme.example/v1' }],
    components: {
      securitySchemes: {
        PartnerOAuth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: '/oauth/authorize',
              tokenUrl: 'https://auth.acme.example/token',
              refreshUrl: 'https://auth.acme.example/refresh',
              scopes: { 'contacts.read': 'Read contacts' }
            },
            clientCredentials: { tokenUrl: 'https://auth.acme.example/token', scopes: { admin: 'Everything' } },
            implicit: { authorizationUrl: 'https://auth.acme.example/authorize', scopes: {} },
            password: { tokenUrl: 'https://auth.acme.example/token', scopes: {} }
          }
        },
        oidc: {
          type: 'openIdConnect',
          openIdConnectUrl: 'https://login.acme.example/.well-known/openid-configuration'
        },
        queryKey: { type: 'apiKey', in: 'query', name: 'api_key', description: 'Settings > API' },
        basicAuth: { type: 'http', scheme: 'Basic' },
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        digest: { type: 'http', scheme: 'digest' },
        cookieKey: { type: 'apiKey', in: 'cookie', name: 'sid' },
        certificate: { type: 'mutualTLS' }
      }
    }
  }
  const { definition, schemes, warnings } = await fromOpenApi(doc, { key: 'acme', name: 'Acme' })
  t.same(schemes, ['PartnerOAuth', 'oidc', 'queryKey', 'basicAuth', 'bearerAuth'])
  t.same(definition.auth, [
    {
      key: 'partner_oauth',
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: 'https://api.acme.example/oauth/authorize',
      tokenUrl: 'https://auth.acme.example/token',
      refreshUrl: 'https://auth.acme.example/refresh',
      scopes: { 'contacts.read': 'Read contacts' },
      scopeDelimiter: ' ',
      label: 'PartnerOAuth'
    },
    {
      key: 'partner_oauth_client_credentials',
      kind: 'oauth2',
      grant: 'client_credentials',
      tokenUrl: 'https://auth.acme.example/token',
      scopes: { admin: 'Everything' },
      scopeDelimiter: ' '
    },
    {
      key: 'oidc',
      kind: 'oauth2',
      grant: 'authorization_code',
      issuer: 'https://login.acme.example',
      scopes: { openid: 'Sign in with OpenID Connect' },
      defaultScopes: ['openid'],
      scopeDelimiter: ' ',
      label: 'oidc'
    },
    {
      key: 'query_key',
      kind: 'apiKey',
      label: 'queryKey',
      input: { helpText: 'Settings > API' },
      send: [{ in: 'query', name: 'api_key', value: '{{credentials.apiKey}}' }]
    },
    { key: 'basic_auth', kind: 'basic' },
    {
      key: 'bearer_auth',
      kind: 'apiKey',
      label: 'Token',
      input: { label: 'Token' },
      send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
    }
  ])
  t.equal(validateConnectorDefinition(definition).ok, true, 'a valid definition with six schemes')
  t.same(JSON.parse(JSON.stringify(definition)), definition, 'plain JSON')
  t.same(warnings, [
    'components.securitySchemes.PartnerOAuth.flows.implicit: the implicit flow is not imported: it hands tokens to the browser (RFC 9700 says not to use it) (left out)',
    "components.securitySchemes.PartnerOAuth.flows.password: the password flow is not imported: it asks for the customer's password (RFC 9700 says not to use it) (left out)",
    'components.securitySchemes.digest: the HTTP scheme "digest" is not imported: only basic and bearer (left out)',
    'components.securitySchemes.cookieKey: an API key in "cookie" is not imported: only a header or the query (left out)',
    'components.securitySchemes.certificate: client certificates (mutualTLS) are not imported (left out)'
  ])

  // One scheme by name is the definition's only scheme, written without a key.
  t.same((await fromOpenApi(doc, { key: 'acme', name: 'Acme', scheme: 'basicAuth' })).definition.auth, {
    kind: 'basic'
  })
  t.same((await fromOpenApi(doc, { key: 'acme', name: 'Acme', scheme: 'oidc' })).definition.auth, {
    kind: 'oauth2',
    grant: 'authorization_code',
    issuer: 'https://login.acme.example',
    scopes: { openid: 'Sign in with OpenID Connect' },
    defaultScopes: ['openid'],
    scopeDelimiter: ' '
  })
  t.match((await importError(doc, { key: 'acme', name: 'Acme', scheme: 'certificate' })).issues, [
    { path: 'components.securitySchemes.certificate', message: 'client certificates (mutualTLS) are not imported' }
  ])
  t.match((await importError(doc, { key: 'acme', name: 'Acme', scheme: 'digest' })).issues, [
    { path: 'components.securitySchemes.digest', message: /only basic and bearer/ }
  ])
  const many = {
    ...doc,
    components: {
      securitySchemes: Object.fromEntries(
        Array.from({ length: 7 }, (_, i) => [`k${i}`, { type: 'apiKey', in: 'header', name: `X-Key-${i}` }])
      )
    }
  }
  t.match((await importError(many)).issues, [
    { path: 'components.securitySchemes', message: /has 7 schemes .* more than 6; name the one to import/ }
  ])
  const noIssuer = {
    openapi: '3.1.0',
    components: { securitySchemes: { o: { type: 'openIdConnect', openIdConnectUrl: 'https://login.example/x' } } }
  }
  t.match((await importError(noIssuer)).issues, [
    { path: 'components.securitySchemes.o', message: /must end with \/\.well-known\/openid-configuration/ }
  ])
})

t.test('references are resolved inside the document, never outside it', async (t) => {
  const doc = {
    openapi: '3.1.0',
    servers: [{ $ref: '#/x-servers/production' }],
    'x-servers': { production: { url: 'https://api.acme.example' } },
    components: {
      securitySchemes: {
        key: { $ref: '#/components/securitySchemes/shared' },
        shared: { type: 'apiKey', in: 'header', name: 'X-Key' }
      },
      parameters: { id: { name: 'id', in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } } },
      schemas: { Id: { type: 'string', pattern: '^[0-9]+$' } }
    },
    paths: {
      '/things/{id}': {
        get: { operationId: 'getThing', parameters: [{ $ref: '#/components/parameters/id' }], responses: {} }
      },
      '/other/{id}': {
        get: { operationId: 'getOther', parameters: [{ $ref: '#/components/parameters/missing' }], responses: {} }
      },
      '/files': {
        get: { operationId: 'getFiles', parameters: [{ $ref: '/etc/hostname' }], responses: {} }
      }
    }
  }
  const { definition, schemes, warnings } = await fromOpenApi(doc, { key: 'acme', name: 'Acme', scheme: 'key' })
  t.same(schemes, ['key'])
  t.same(definition.auth, { kind: 'apiKey', send: [{ in: 'header', name: 'X-Key', value: '{{credentials.apiKey}}' }] })
  t.same(definition.http, { baseUrl: 'https://api.acme.example' }, 'servers[0] by reference')
  const thing = definition.actions?.find((a) => a.key === 'get_thing')
  t.equal(thing?.path, '/things/{{input.id}}')
  t.same(
    thing?.input?.properties.id,
    { type: 'string', pattern: '^[0-9]+$' },
    'a parameter and its schema by reference'
  )
  t.match(warnings, [
    /^paths.*other.*get\.parameters\[0\]: Missing \$ref pointer "#\/components\/parameters\/missing".*left as it is/
  ])
  const files = definition.actions?.find((a) => a.key === 'get_files')
  t.same(files?.input?.properties, {}, 'a reference to a file is not followed: the operation has no such parameter')
})

t.test('named schemes: missing, unusable, client credentials; several of a kind labelled', async (t) => {
  const doc = {
    openapi: '3.0.0',
    components: {
      securitySchemes: {
        key: { type: 'apiKey' },
        machine: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: 'https://a.example/t', scopes: {} } } },
        a: {
          type: 'oauth2',
          flows: {
            authorizationCode: { authorizationUrl: 'https://a.example/a', tokenUrl: 'https://a.example/t', scopes: {} }
          }
        },
        b: {
          type: 'oauth2',
          flows: {
            authorizationCode: { authorizationUrl: 'https://b.example/a', tokenUrl: 'https://b.example/t', scopes: {} }
          }
        }
      }
    }
  }
  t.match((await importError(doc, { key: 'x', name: 'X', scheme: 'nope' })).issues, [
    {
      path: 'components.securitySchemes.nope',
      message: /no such security scheme \(found: key \(apiKey\), machine \(oauth2\)/
    }
  ])
  t.match((await importError(doc, { key: 'x', name: 'X', scheme: 'key' })).issues, [
    {
      path: 'components.securitySchemes.key',
      message: 'an API key in undefined is not imported: only a header or the query'
    }
  ])
  t.same((await fromOpenApi(doc, { key: 'x', name: 'X', scheme: 'machine' })).definition.auth, {
    kind: 'oauth2',
    grant: 'client_credentials',
    tokenUrl: 'https://a.example/t',
    scopes: {},
    scopeDelimiter: ' '
  })
  const all = await fromOpenApi(doc, { key: 'x', name: 'X' })
  t.same(all.schemes, ['machine', 'a', 'b'])
  t.same(
    Array.isArray(all.definition.auth) ? all.definition.auth.map((s) => [s.key, s.label]) : [],
    [
      ['machine', undefined],
      ['a', 'a'],
      ['b', 'b']
    ],
    'two authorization code schemes are told apart by their names'
  )
  t.match(all.warnings, [/components\.securitySchemes\.key: an API key in undefined is not imported.*\(left out\)/])
  t.equal(
    codeFlow((await fromOpenApi(doc, { key: 'x', name: 'X', scheme: 'b' })).definition).tokenUrl,
    'https://b.example/t'
  )
})

t.test('invalid URLs, bad documents, bad options', async (t) => {
  const flow = (f: object): object => ({
    openapi: '3.1.0',
    components: { securitySchemes: { o: { type: 'oauth2', flows: { authorizationCode: f } } } }
  })
  t.match((await importError(flow({ authorizationUrl: 'http://a.example/a', tokenUrl: 'nope', scopes: {} }))).issues, [
    { path: 'components.securitySchemes.o.flows.authorizationCode.authorizationUrl', message: /https/ },
    { path: 'components.securitySchemes.o.flows.authorizationCode.tokenUrl', message: /https/ }
  ])
  t.match((await importError(flow({ authorizationUrl: 'https://a.example/a', scopes: 'x' }))).issues, [
    { path: 'components.securitySchemes.o.flows.authorizationCode.tokenUrl', message: 'is required and must be a URL' },
    { path: 'components.securitySchemes.o.flows.authorizationCode.scopes' }
  ])
  t.match((await importError('{ not: [json')).issues, [{ path: '', message: /neither JSON nor YAML/ }])
  const deep = (await importError('['.repeat(50_000))).issues
  t.match(
    deep,
    [{ path: '', message: 'the document is neither JSON nor YAML (it is nested too deeply)' }],
    'a document that exhausts the parser says so in words'
  )
  t.notMatch(JSON.stringify(deep), /call stack/i)
  t.match((await importError({ swagger: '2.0' })).issues, [
    { path: 'swagger', message: /Swagger 2.0 documents are not supported/ }
  ])
  t.match((await importError({ openapi: '2.5' })).issues, [{ path: 'openapi', message: /3.0.x or 3.1.x/ }])
  t.match((await importError({ openapi: '3.0.0' })).issues, [
    { path: 'components.securitySchemes', message: /declares no security schemes/ }
  ])
  t.match((await importError([])).issues, [{ path: '', message: /must be an object/ }])
  const ok = flow({ authorizationUrl: 'https://a.example/a', tokenUrl: 'https://a.example/t', scopes: {} })
  t.match((await importError(ok, { key: 'Bad Key', name: 'X' })).issues, [{ path: 'key', message: /lower-case/ }])
})

t.test('operations become actions: parameters as input, the JSON body, each operation’s scopes', async (t) => {
  const { definition, warnings } = await fromOpenApi(fixture('box-openapi-operations.yaml'), {
    key: 'box2',
    name: 'Box'
  })
  t.equal(validateConnectorDefinition(definition).ok, true, 'a valid definition, actions included')
  t.same(
    definition.actions?.map((a) => [a.key, a.method, a.path, a.scopes ?? []]),
    [
      ['get_folders_id_items', 'GET', '/folders/{{input.folder_id}}/items', ['root_readonly']],
      ['post_folders', 'POST', '/folders', ['root_readwrite']],
      ['delete_files_id', 'DELETE', '/files/{{input.file_id}}', ['root_readwrite']],
      ['get_events', 'GET', '/events', []]
    ]
  )
  const [list, create, remove, events] = definition.actions ?? []
  t.same(list?.query, {
    fields: '{{input.fields}}',
    usemarker: '{{input.usemarker}}',
    marker: '{{input.marker}}',
    limit: '{{input.limit}}'
  })
  t.same(list?.headers, { boxapi: '{{input.boxapi}}' }, 'header parameters too; cookies never')
  t.same(list?.input?.required, ['folder_id'], 'the path-level parameter, by reference, is required')
  t.same(
    list?.input?.properties.folder_id,
    { type: 'string', description: 'The unique identifier that represent a folder; the root folder is always "0".' },
    'examples dropped, descriptions kept'
  )
  t.equal(list?.name, 'List items in folder')
  t.same(create?.body, '{{input.body}}', 'the JSON body is the input’s body, whole')
  t.same(create?.input?.required, ['body'])
  const body = create?.input?.properties.body as { required: string[]; properties: Record<string, unknown> }
  t.same(body.required, ['name', 'parent'], 'the referenced schema is inlined')
  t.same(
    body.properties.folder_upload_email,
    {
      anyOf: [
        { type: 'object', properties: { access: { type: 'string', enum: ['open', 'collaborators'] } } },
        { type: 'null' }
      ]
    },
    'nullable becomes a union with null'
  )
  t.same(body.properties.parent_folder, {}, 'a cycle stops at "anything"')
  t.same(remove?.headers, { 'if-match': '{{input.if_match}}' }, 'names that are not placeholders are made so')
  t.equal(events?.name, 'List user and enterprise events', 'no operationId: keyed by method and path')
  t.match(warnings, [/GET \/files\/\{file_id\}\/thumbnail\.\{extension\}: a path parameter is not described; left out/])

  const { definition: only } = await fromOpenApi(fixture('box-openapi-operations.yaml'), {
    key: 'box2',
    name: 'Box',
    actions: false
  })
  t.equal(only.actions, undefined, 'actions: false imports the auth only')
})

t.test('action keys from operation ids', async (t) => {
  t.equal(actionKeyOf('listFolderItems'), 'list_folder_items')
  t.equal(actionKeyOf('GET /repos/{owner}/{repo}'), 'get_repos_owner_repo')
  t.equal(actionKeyOf('2fa-enable'), 'op_2fa_enable')
  t.ok(actionKeyOf('x'.repeat(100)).length <= 63)
})
