import { readFileSync } from 'node:fs'
import t from 'tap'
import {
  OpenApiImportError,
  actionKeyOf,
  fromOpenApi,
  parseOpenApiDocument,
  validateConnectorDefinition
} from '../src/index.js'

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')

function importError(
  document: unknown,
  options: { key: string; name: string; scheme?: string } = { key: 'x', name: 'X' }
): OpenApiImportError {
  try {
    fromOpenApi(document, options)
  } catch (error) {
    if (error instanceof OpenApiImportError) return error
    throw error
  }
  throw new Error('expected the import to fail')
}

t.test("the seeds' Box fragment imports with nine scopes and both URLs", async (t) => {
  const { definition, scheme, warnings } = fromOpenApi(fixture('box-openapi-fragment.json'), {
    key: 'box-imported',
    name: 'Box'
  })
  t.equal(scheme, 'OAuth2Security')
  t.equal(definition.auth.authorizeUrl, 'https://account.box.com/api/oauth2/authorize')
  t.equal(definition.auth.tokenUrl, 'https://api.box.com/oauth2/token')
  t.equal(Object.keys(definition.auth.scopes ?? {}).length, 9)
  t.equal(definition.auth.scopes?.root_readwrite, 'Read and write all files and folders stored in Box')
  t.equal(definition.version, '1.0.0')
  t.equal(definition.http, undefined)
  t.match(warnings, [/no "openapi" field/, /no servers\[\] entry/])
  t.equal(validateConnectorDefinition(definition).ok, true, 'the result is a valid definition')
  t.same(JSON.parse(JSON.stringify(definition)), definition, 'it is plain JSON')
})

t.test('YAML, server variables as parameters, relative URLs, refresh URL, named scheme', async (t) => {
  const { definition, warnings } = fromOpenApi(fixture('zendesk-openapi.yaml'), {
    key: 'zendesk-imported',
    name: 'Zendesk'
  })
  t.same(warnings, [])
  t.equal(definition.version, '2.0.0')
  t.equal(definition.http?.baseUrl, 'https://{{parameters.subdomain}}.zendesk.com/api/v2')
  t.match(definition.parameters, [
    { key: 'subdomain', type: 'text', default: 'example', helpText: 'Your Zendesk subdomain' }
  ])
  t.equal(
    definition.auth.authorizeUrl,
    'https://{{parameters.subdomain}}.zendesk.com/oauth/authorizations/new',
    'relative URLs resolve against the server, variables kept'
  )
  t.equal(definition.auth.refreshUrl, 'https://example.zendesk.com/oauth/tokens')
  t.same(definition.auth.scopes, { read: 'Read access', write: 'Write access' })
})

t.test('a relative authorize URL is refused when there is no absolute server URL', async (t) => {
  const doc = parseOpenApiDocument(fixture('zendesk-openapi.yaml')) as { servers: { url: string }[] }
  const error = importError({ ...doc, servers: [{ url: '/api/v2' }] })
  t.match(error.issues, [
    { path: 'components.securitySchemes.oauth.flows.authorizationCode.authorizationUrl', message: /absolute https URL/ }
  ])
  const absolute = { ...doc, servers: [{ url: 'https://acme.zendesk.com/api/v2' }] }
  t.equal(
    fromOpenApi(absolute, { key: 'z', name: 'Z' }).definition.auth.authorizeUrl,
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
  const resolved = fromOpenApi(relativePath, { key: 'z', name: 'Z' }).definition.auth
  t.equal(resolved.authorizeUrl, 'https://acme.zendesk.com/api/v2/oauth/authorize')
  t.equal(resolved.tokenUrl, 'https://acme.zendesk.com/api/v2/oauth/token')
  t.same(
    fromOpenApi(relativePath, { key: 'z', name: 'Z', baseUrl: 'https://other.example/v1' }).definition.http,
    { baseUrl: 'https://other.example/v1' },
    'the baseUrl option wins'
  )
})

t.test('a document whose only scheme is an API key fails clearly', async (t) => {
  const error = importError({
    openapi: '3.0.3',
    components: { securitySchemes: { ApiKeyAuth: { type: 'apiKey', in: 'header', name: 'X-API-Key' } } }
  })
  t.equal(error.code, 'ERR_OPENAPI_IMPORT')
  t.same(error.issues, [
    {
      path: 'components.securitySchemes',
      message: 'no oauth2 scheme with an authorizationCode flow was found (found: ApiKeyAuth (apiKey))'
    }
  ])
  t.match(error.message, /no oauth2 scheme with an authorizationCode flow was found/)
})

t.test('named schemes: missing, wrong type, missing flow', async (t) => {
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
  t.match(importError(doc, { key: 'x', name: 'X', scheme: 'nope' }).issues, [
    {
      path: 'components.securitySchemes.nope',
      message: /no such security scheme \(found: key \(apiKey\), machine \(oauth2\)/
    }
  ])
  t.match(importError(doc, { key: 'x', name: 'X', scheme: 'key' }).issues, [
    { path: 'components.securitySchemes.key.type', message: 'must be "oauth2" to import (got "apiKey")' }
  ])
  t.match(importError(doc, { key: 'x', name: 'X', scheme: 'machine' }).issues, [
    { path: 'components.securitySchemes.machine.flows.authorizationCode', message: /is missing.*clientCredentials/ }
  ])
  t.match(importError(doc).issues, [{ path: 'components.securitySchemes', message: /several .* \(a, b\)/ }])
  t.equal(fromOpenApi(doc, { key: 'x', name: 'X', scheme: 'b' }).definition.auth.tokenUrl, 'https://b.example/t')
})

t.test('invalid URLs, bad documents, bad options', async (t) => {
  const flow = (f: object): object => ({
    openapi: '3.1.0',
    components: { securitySchemes: { o: { type: 'oauth2', flows: { authorizationCode: f } } } }
  })
  t.match(importError(flow({ authorizationUrl: 'http://a.example/a', tokenUrl: 'nope', scopes: {} })).issues, [
    { path: 'components.securitySchemes.o.flows.authorizationCode.authorizationUrl', message: /https/ },
    { path: 'components.securitySchemes.o.flows.authorizationCode.tokenUrl', message: /https/ }
  ])
  t.match(importError(flow({ authorizationUrl: 'https://a.example/a', scopes: 'x' })).issues, [
    { path: 'components.securitySchemes.o.flows.authorizationCode.tokenUrl', message: 'is required and must be a URL' },
    { path: 'components.securitySchemes.o.flows.authorizationCode.scopes' }
  ])
  t.match(importError('{ not: [json').issues, [{ path: '', message: /neither JSON nor YAML/ }])
  const deep = importError('['.repeat(50_000)).issues
  t.match(
    deep,
    [{ path: '', message: 'the document is neither JSON nor YAML (it is nested too deeply)' }],
    'a document that exhausts the parser says so in words'
  )
  t.notMatch(JSON.stringify(deep), /call stack/i)
  t.match(importError({ swagger: '2.0' }).issues, [
    { path: 'swagger', message: /Swagger 2.0 documents are not supported/ }
  ])
  t.match(importError({ openapi: '2.5' }).issues, [{ path: 'openapi', message: /3.0.x or 3.1.x/ }])
  t.match(importError({ openapi: '3.0.0' }).issues, [
    { path: 'components.securitySchemes', message: /declares no security schemes/ }
  ])
  t.match(importError([]).issues, [{ path: '', message: /must be an object/ }])
  const ok = flow({ authorizationUrl: 'https://a.example/a', tokenUrl: 'https://a.example/t', scopes: {} })
  t.match(importError(ok, { key: 'Bad Key', name: 'X' }).issues, [{ path: 'key', message: /lower-case/ }])
})

t.test('operations become actions: parameters as input, the JSON body, each operation’s scopes', async (t) => {
  const { definition, warnings } = fromOpenApi(fixture('box-openapi-operations.yaml'), { key: 'box2', name: 'Box' })
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

  const { definition: only } = fromOpenApi(fixture('box-openapi-operations.yaml'), {
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
