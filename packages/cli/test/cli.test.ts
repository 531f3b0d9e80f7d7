import { execFile } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import t from 'tap'
import { repoRoot, run } from './run.js'

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url))

const threeMistakes = {
  key: 'acme',
  name: 'Acme',
  version: '1.0.0',
  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    authorizeUrl: 'https://{{parameters.tenant}}.acme.example/authorize',
    tokenUrl: 'http://acme.example/token',
    scopeDelimiter: ';'
  }
}

t.test('validate: a connector package folder', async (t) => {
  const result = await run(['validate', 'connectors/box'])
  t.equal(result.code, 0)
  t.match(result.stdout, /^ok box: Box 1\.0\.0: oauth2 authorization_code, 9 scopes/)
  t.equal(result.stderr, '')
})

t.test('validate: every connector in the catalog', async (t) => {
  const folders = readdirSync(new URL('connectors/', `file://${repoRoot}`)).map((name) => `connectors/${name}`)
  t.ok(folders.length >= 3)
  const result = await run(['validate', ...folders])
  t.equal(result.code, 0, result.stderr)
  t.equal(result.stdout.split('\n').filter((l) => l.startsWith('ok ')).length, folders.length)
})

t.test('validate: actions are listed with the scopes they need', async (t) => {
  const definition = {
    key: 'forge',
    name: 'Forge',
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: 'https://forge.example/authorize',
      tokenUrl: 'https://forge.example/token',
      scopes: { repo: 'Repositories', read: 'Read' }
    },
    http: { baseUrl: 'https://api.forge.example' },
    actions: [
      {
        key: 'list_issues',
        name: 'List issues',
        method: 'GET',
        path: '/issues',
        scopes: ['repo', 'read'],
        pagination: { style: 'link' }
      },
      { key: 'ping', name: 'Ping', method: 'GET', path: '/ping' }
    ]
  }
  const dir = t.testdir({ 'forge.json': JSON.stringify(definition) })
  const result = await run(['validate', 'forge.json'], dir)
  t.equal(result.code, 0, result.stderr)
  t.same(result.stdout.split('\n').slice(1), [
    '  action list_issues: GET /issues; scopes repo, read; pages by link',
    '  action ping: GET /ping; scopes none',
    ''
  ])
})

t.test('validate: a JSON definition with three mistakes reports all three', async (t) => {
  const dir = t.testdir({ 'acme.json': JSON.stringify(threeMistakes) })
  const result = await run(['validate', 'acme.json'], dir)
  t.equal(result.code, 1)
  t.equal(result.stdout, '')
  t.equal(
    result.stderr,
    [
      'invalid acme.json (3 problems):',
      'auth.scopeDelimiter: must be " " or ","',
      'auth.authorizeUrl: placeholder {{parameters.tenant}} is not a declared parameter',
      'auth.tokenUrl: must be an absolute https URL; plain http is only allowed for loopback hosts (got "http://acme.example/token")',
      ''
    ].join('\n')
  )
})

t.test('validate: modules, and what goes wrong loading them', async (t) => {
  const sdk = JSON.stringify(fileURLToPath(new URL('../../connector-sdk/dist/index.js', import.meta.url)))
  const dir = t.testdir({
    good: {
      'package.json': JSON.stringify({ type: 'module', main: 'def.js' }),
      'def.js': `export const acme = ${JSON.stringify({ ...threeMistakes, auth: { ...threeMistakes.auth, authorizeUrl: 'https://acme.example/a', tokenUrl: 'https://acme.example/t', scopeDelimiter: ' ' } })}`
    },
    throwing: {
      'package.json': JSON.stringify({ type: 'module', exports: { '.': { import: './index.js' } } }),
      'index.js': `import { defineConnector } from ${sdk}\nexport default defineConnector(${JSON.stringify(threeMistakes)})`
    },
    broken: {
      'package.json': JSON.stringify({ type: 'module', exports: './index.js' }),
      'index.js': 'throw new Error("boom")'
    },
    empty: { 'package.json': '{"type":"module"}', 'index.js': 'export const x = 1' },
    unbuilt: { 'package.json': JSON.stringify({ exports: { '.': { import: './dist/index.js' } } }) },
    'source.ts': 'export {}',
    'bad.json': '{nope'
  })
  t.match(await run(['validate', 'good'], dir), { code: 0, stdout: /^ok acme: Acme 1\.0\.0/ })
  const throwing = await run(['validate', 'throwing'], dir)
  t.equal(throwing.code, 1)
  t.equal(throwing.stderr.trim().split('\n').length, 4, 'a defineConnector that throws still shows every problem')
  t.match(await run(['validate', 'broken'], dir), { code: 1, stderr: /the module failed to load: boom/ })
  t.match(await run(['validate', 'empty'], dir), { code: 1, stderr: /exports no connector definition/ })
  t.match(await run(['validate', 'unbuilt'], dir), {
    code: 1,
    stderr: /dist\/index\.js is missing; build the package first/
  })
  t.match(await run(['validate', 'source.ts'], dir), { code: 1, stderr: /TypeScript cannot be loaded directly/ })
  t.match(await run(['validate', 'bad.json'], dir), { code: 1, stderr: /not valid JSON/ })
  t.match(await run(['validate', 'nowhere'], dir), { code: 1, stderr: /nowhere does not exist/ })
})

t.test("import-openapi: the seeds' Box fragment", async (t) => {
  const result = await run(
    ['import-openapi', 'box-openapi-fragment.json', '--key', 'box-imported', '--name', 'Box'],
    fixtures
  )
  t.equal(result.code, 0, result.stderr)
  const definition = JSON.parse(result.stdout)
  t.equal(Object.keys(definition.auth.scopes).length, 9)
  t.equal(definition.auth.authorizeUrl, 'https://account.box.com/api/oauth2/authorize')
  t.equal(definition.auth.tokenUrl, 'https://api.box.com/oauth2/token')
  t.match(result.stderr, /^warning: the document has no "openapi" field/m)
})

t.test('import-openapi: every scheme kind, $refs, what it could not map; the output validates', async (t) => {
  const document = [
    'openapi: 3.1.0',
    'info: { title: Acme, version: 2.1.0 }',
    'servers: [{ url: "https://api.acme.example/v1" }]',
    'components:',
    '  securitySchemes:',
    '    oauth:',
    '      type: oauth2',
    '      flows:',
    '        authorizationCode:',
    '          authorizationUrl: https://auth.acme.example/authorize',
    '          tokenUrl: https://auth.acme.example/token',
    '          scopes: { read: Read }',
    '        clientCredentials: { $ref: "#/x-flows/machine" }',
    '        implicit: { authorizationUrl: https://auth.acme.example/authorize, scopes: {} }',
    '    key: { type: apiKey, in: header, name: X-Acme-Key }',
    '    basic: { type: http, scheme: basic }',
    '    bearer: { type: http, scheme: bearer }',
    '    cert: { type: mutualTLS }',
    'x-flows:',
    '  machine: { tokenUrl: https://auth.acme.example/token, scopes: { admin: Admin } }',
    'paths:',
    '  /contacts:',
    '    get: { operationId: listContacts, security: [{ oauth: [read] }], responses: {} }',
    ''
  ].join('\n')
  const dir = t.testdir({ 'acme.yaml': document })
  const result = await run(['import-openapi', 'acme.yaml', '--key', 'acme', '--name', 'Acme'], dir)
  t.equal(result.code, 0, result.stderr)
  t.match(
    result.stderr,
    /^imported "oauth", "key", "basic", "bearer" as oauth2 authorization_code, oauth2 client_credentials, apiKey, basic, apiKey; 1 action$/m
  )
  t.match(
    result.stderr,
    /^warning: components\.securitySchemes\.oauth\.flows\.implicit: the implicit flow is not imported/m
  )
  t.match(
    result.stderr,
    /^warning: components\.securitySchemes\.cert: client certificates \(mutualTLS\) are not imported/m
  )
  const definition = JSON.parse(result.stdout)
  t.same(
    definition.auth.map((scheme: { key: string; kind: string; grant?: string }) => [
      scheme.key,
      scheme.kind,
      scheme.grant
    ]),
    [
      ['oauth', 'oauth2', 'authorization_code'],
      ['oauth_client_credentials', 'oauth2', 'client_credentials'],
      ['key', 'apiKey', undefined],
      ['basic', 'basic', undefined],
      ['bearer', 'apiKey', undefined]
    ]
  )
  t.same(definition.auth[1].scopes, { admin: 'Admin' }, 'the flow given by reference')
  t.same(definition.actions[0].scopes, ['read'])
  // What it printed is a definition `latchkey validate` accepts as it is.
  const written = t.testdir({ 'acme.json': result.stdout })
  t.match(await run(['validate', 'acme.json'], written), { code: 0, stdout: /^ok acme: Acme 2\.1\.0/ })
})

t.test('import-openapi: failures', async (t) => {
  const dir = t.testdir({
    'cookie.yaml':
      'openapi: 3.0.3\ncomponents:\n  securitySchemes:\n    Session:\n      type: apiKey\n      in: cookie\n      name: sid\n'
  })
  const result = await run(['import-openapi', 'cookie.yaml', '--key', 'k', '--name', 'K'], dir)
  t.equal(result.code, 1)
  t.equal(result.stdout, '')
  t.match(
    result.stderr,
    'components.securitySchemes.Session: an API key in "cookie" is not imported: only a header or the query'
  )
  t.match(await run(['import-openapi', 'missing.json', '--key', 'k', '--name', 'K'], dir), {
    code: 1,
    stderr: /cannot read missing.json: ENOENT/
  })
})

t.test('usage errors exit 2', async (t) => {
  t.match(await run([]), { code: 2, stdout: /Usage: latchkey/ })
  t.match(await run(['help']), { code: 0, stdout: /Usage: latchkey/ })
  t.match(await run(['frobnicate']), { code: 2, stderr: /unknown command "frobnicate"/ })
  t.match(await run(['validate']), { code: 2, stderr: /needs at least one path/ })
  t.match(await run(['import-openapi', 'x.json']), { code: 2, stderr: /needs --key and --name/ })
  t.match(await run(['import-openapi']), { code: 2, stderr: /exactly one file/ })
  t.match(await run(['validate', '--nope', 'x']), { code: 2, stderr: /Unknown option/ })
})

t.test('the installed bin runs as `npx latchkey`', async (t) => {
  const { stdout } = await promisify(execFile)('npx', ['--no-install', 'latchkey', 'validate', 'connectors/box'], {
    cwd: repoRoot
  })
  t.match(stdout, /^ok box: /)
  const failure = await promisify(execFile)('npx', ['--no-install', 'latchkey', 'validate', 'nowhere'], {
    cwd: repoRoot
  }).catch((error: { code: number }) => error)
  t.match(failure, { code: 1 })
})
