import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { line } from './io.js'
import type { CommandIo } from './io.js'

/** The auth shapes `latchkey init` can start from. */
export const INIT_KINDS = ['oauth2', 'apiKey'] as const
export type InitKind = (typeof INIT_KINDS)[number]

/** Options of `latchkey init`. */
export interface InitOptions {
  readonly key: string
  readonly name?: string | undefined
  readonly kind: InitKind
  /** Where the package folder goes. @defaultValue `connectors` */
  readonly dir?: string | undefined
}

const KEY = /^[a-z][a-z0-9-]{0,62}$/

/** `help-scout` → `helpScout`: the definition's export name. */
function exportNameOf(key: string): string {
  return key.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())
}

/** `help-scout` → `Help Scout`. */
function displayNameOf(key: string): string {
  return key
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ')
}

/** The nearest folder above `from` that is an npm workspace root with a `tsconfig.json` (its packages extend it). */
function workspaceRoot(from: string): string | undefined {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'tsconfig.json')
    if (existsSync(candidate) && existsSync(join(dir, 'package.json'))) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { workspaces?: unknown }
      if (manifest.workspaces !== undefined) return dir
    }
    if (dirname(dir) === dir) return undefined
  }
}

/** The SDK version the workspace has, so the new package installs against it. */
function sdkVersion(root: string | undefined): string {
  const manifest = root === undefined ? undefined : join(root, 'packages', 'connector-sdk', 'package.json')
  if (manifest !== undefined && existsSync(manifest))
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version
  return '*'
}

function definitionSource(key: string, name: string, exportName: string, kind: InitKind): string {
  const header = `import { defineConnector } from '@latchkey/connector-sdk'

/**
 * ${name}: what flows do with it, in one sentence.
 *
 * Every URL below is an example.com placeholder: replace each with the one ${name}'s own
 * documentation gives, quote that documentation beside each field that is not obvious, and
 * link the page with @see. Never guess a URL. docs/connector-authoring.md lists every field.
 *
 * @see https://example.com/docs/api
 */
export const ${exportName} = defineConnector({
  key: '${key}',
  name: '${name}',
  version: '1.0.0',
  description: '${name}, on behalf of the end customer.',
  docsUrl: 'https://example.com/docs/api',
`
  const auth =
    kind === 'oauth2'
      ? `  auth: {
    kind: 'oauth2',
    grant: 'authorization_code',
    // Where the end customer approves access, and where the code is exchanged and refreshed.
    authorizeUrl: 'https://example.com/oauth/authorize',
    tokenUrl: 'https://example.com/oauth/token',
    // RFC 7009 revocation, called on disconnect: remove it when the provider documents none.
    revokeUrl: 'https://example.com/oauth/revoke',
    // Every scope the provider offers, with what it grants; the default is what verification needs.
    scopes: { 'user:read': 'Read your profile' },
    defaultScopes: ['user:read'],
    scopeDelimiter: ' ',
    // S256 PKCE (keep it unless the provider refuses it), and how the client authenticates
    // at the token endpoint (client_secret_basic, client_secret_post or private_key_jwt).
    pkce: true,
    clientAuthMethod: 'client_secret_basic'
  },
`
      : `  auth: {
    kind: 'apiKey',
    // The form the end customer fills in: where to find the key, and its shape.
    input: {
      label: 'API key',
      helpText: 'Settings → API keys in your ${name} account.',
      docsUrl: 'https://example.com/docs/api/authentication'
    },
    // Where the key goes on every call: a header (with a template), the query, a JSON body
    // field or the basic-auth user name; several at once when the API wants two keys.
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  },
`
  return `${header}${auth}  http: { baseUrl: 'https://api.example.com/v1' },
  // A cheap request that proves the credential works and says whose account it is.
  verification: { path: '/me', identity: { id: 'id', name: 'name', email: 'email' } }
})
`
}

function packageTestSource(exportName: string, name: string, kind: InitKind): string {
  const scheme =
    kind === 'oauth2'
      ? `t.test('the OAuth 2.0 scheme as ${name} documents it', async (t) => {
  const scheme = resolveAuthScheme(${exportName})
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not OAuth 2.0')
  t.equal(scheme.pkce, true)
  t.equal(scheme.clientAuthMethod, 'client_secret_basic')
  t.same(scheme.defaultScopes, ['user:read'], 'what the verification request needs')
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(${exportName}, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://example.com/oauth/authorize',
    tokenUrl: 'https://example.com/oauth/token',
    refreshUrl: 'https://example.com/oauth/token',
    revokeUrl: 'https://example.com/oauth/revoke',
    baseUrl: 'https://api.example.com/v1'
  })
})
`
      : `t.test('the API key goes where ${name} documents it', async (t) => {
  t.match(resolveAuthScheme(${exportName}), {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  })
})

t.test('its URLs render', async (t) => {
  t.equal(resolveEndpoints(${exportName}, { parameters: {}, config: {}, metadata: {} }).baseUrl, 'https://api.example.com/v1')
})
`
  return `import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { ${exportName} } from '../src/index.js'

t.test('the ${name} definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, ${exportName})
  t.same(validateConnectorDefinition(${exportName}).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(${exportName}))).issues, [])
})

${scheme}`
}

/** The scenario against the quirky provider, for connectors inside the Latchkey repository. */
function scenarioSource(key: string, exportName: string, name: string, kind: InitKind): string {
  const common = `    // The verification request as the provider documents its answer, and the identity kept.
    verification: {
      path: '/api/me',
      answer: { id: '42', name: 'Ada Lovelace', email: 'ada@example.com' },
      account: { id: '42', name: 'Ada Lovelace', email: 'ada@example.com' }
    },
    call: { url: '/things', providerPath: '/api/things', auth: ${kind === 'oauth2' ? "'bearer'" : "'declared'"} },`
  const body =
    kind === 'oauth2'
      ? `  await runRedirectScenario(t, {
    connector: ${exportName},
    authorize: { scope: 'user:read', pkce: true },
${common}
    refresh: 'reusable',
    revoke: [
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'refresh' },
      { method: 'POST', contentType: 'application/x-www-form-urlencoded', authorization: 'basic', token: 'access' }
    ]
  })`
      : `  await runCredentialScenario(t, {
    connector: ${exportName},
    // The emulator accepts the key only where the definition sends it.
    provider: { apiCredentials: [{ in: 'header', name: 'Authorization', value: 'Bearer key_CANARY' }] },
    accepts: () => undefined,
    credentials: { apiKey: 'key_CANARY' },
${common}
  })`
  return `import t from 'tap'
import { ${exportName} } from '@latchkey/connector-${key}'
import { ${kind === 'oauth2' ? 'runRedirectScenario' : 'runCredentialScenario'} } from './scenario.js'

// Link the provider's pages each expectation comes from, and set the emulator's modes
// (packages/testkit, QuirkyModes) to behave as those pages say.
t.test('${name}: connect, call, ${kind === 'oauth2' ? 'refresh, ' : ''}disconnect against the quirky provider', async (t) => {
${body}
})
`
}

function readmeSource(key: string, name: string, kind: InitKind, scenario: boolean): string {
  return `# @latchkey/connector-${key}

The Latchkey connector for ${name} (${kind === 'oauth2' ? 'OAuth 2.0 authorization code' : 'an API key'}).

- \`src/${key}.ts\`: the definition. Replace every example.com URL with the provider's
  documented one and link the page with \`@see\`.
- \`test/${key}.test.ts\`: what the definition says, checked with the SDK.${
    scenario
      ? `
- \`tests/connectors/test/${key}.test.ts\`: connect, call${kind === 'oauth2' ? ', refresh' : ''} and disconnect through the real
  API and workers against the quirky provider.`
      : ''
  }

\`\`\`console
$ npm run build -w @latchkey/connector-${key} && npx latchkey validate connectors/${key}
$ npm test -w @latchkey/connector-${key}
$ npx latchkey try connectors/${key}     # against the real provider
\`\`\`
`
}

/**
 * `latchkey init <key> [--name <name>] [--kind oauth2|apiKey] [--dir connectors]`: writes a
 * connector package that validates and passes its own test as written, with comments saying
 * what to replace; inside the Latchkey repository also its quirky-provider scenario.
 * @returns 0, or 1 when the key is not a connector key or the folder exists.
 */
export function initCommand(options: InitOptions, io: CommandIo): number {
  if (!KEY.test(options.key)) {
    line(io.stderr, `"${options.key}" is not a connector key: lower-case letters, digits and dashes, a letter first`)
    return 1
  }
  const name = options.name ?? displayNameOf(options.key)
  const exportName = exportNameOf(options.key)
  const target = resolve(io.cwd, options.dir ?? 'connectors', options.key)
  if (existsSync(target)) {
    line(io.stderr, `${relative(io.cwd, target) || target} exists already; nothing was written`)
    return 1
  }
  const root = workspaceRoot(target)
  const base = root === undefined ? undefined : relative(target, join(root, 'tsconfig.json'))
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify(
      {
        name: `@latchkey/connector-${options.key}`,
        version: '1.0.0',
        description: `Latchkey connector for ${name}.`,
        type: 'module',
        license: 'Apache-2.0',
        engines: { node: '>=20.19.0 <21 || >=22' },
        exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } },
        files: ['dist'],
        scripts: {
          build: 'tsc -p tsconfig.build.json',
          typecheck: 'tsc -p tsconfig.json --noEmit',
          lint: 'eslint src test',
          test: 'tap'
        },
        dependencies: { '@latchkey/connector-sdk': sdkVersion(root) },
        tap: { 'allow-incomplete-coverage': true, include: ['test/**/*.test.ts'], timeout: 240 }
      },
      null,
      2
    )}\n`,
    'tsconfig.json': `${JSON.stringify({
      ...(base === undefined ? {} : { extends: base }),
      compilerOptions: { rootDir: '.', noEmit: true, ...(base === undefined ? STANDALONE : {}) },
      include: ['src', 'test']
    })}\n`,
    'tsconfig.build.json': `${JSON.stringify({
      ...(base === undefined ? {} : { extends: base }),
      compilerOptions: { rootDir: 'src', outDir: 'dist', ...(base === undefined ? STANDALONE : {}) },
      include: ['src']
    })}\n`,
    [join('src', 'index.ts')]:
      `export { ${exportName} } from './${options.key}.js'\nexport { ${exportName} as default } from './${options.key}.js'\n`,
    [join('src', `${options.key}.ts`)]: definitionSource(options.key, name, exportName, options.kind),
    [join('test', `${options.key}.test.ts`)]: packageTestSource(exportName, name, options.kind)
  }
  // A package in the Latchkey repository's connectors/ gets its scenario beside the others.
  const scenarios = root === undefined ? undefined : join(root, 'tests', 'connectors', 'test')
  const scenario =
    root !== undefined &&
    scenarios !== undefined &&
    dirname(target) === join(root, 'connectors') &&
    existsSync(join(scenarios, 'scenario.ts')) &&
    !existsSync(join(scenarios, `${options.key}.test.ts`))
  files['README.md'] = readmeSource(options.key, name, options.kind, scenario)
  const written: string[] = []
  for (const [file, text] of Object.entries(files)) {
    const path = join(target, file)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
    written.push(path)
  }
  if (scenario && scenarios !== undefined) {
    const path = join(scenarios, `${options.key}.test.ts`)
    writeFileSync(path, scenarioSource(options.key, exportName, name, options.kind))
    written.push(path)
  }
  for (const path of written) line(io.stdout, `wrote ${relative(io.cwd, path)}`)
  line(io.stdout, '')
  line(io.stdout, 'Next:')
  line(io.stdout, `  replace the example.com URLs in ${relative(io.cwd, join(target, 'src', `${options.key}.ts`))}`)
  if (scenario) {
    line(io.stdout, `  add ${exportName} to packages/catalog/src/catalog.ts and @latchkey/connector-${options.key} to`)
    line(io.stdout, '  packages/catalog and tests/connectors package.json, then npm install')
  }
  line(
    io.stdout,
    `  npm run build -w @latchkey/connector-${options.key} && npm test -w @latchkey/connector-${options.key}`
  )
  return 0
}

/** Compiler options for a package outside a workspace (the workspace's otherwise). */
const STANDALONE = {
  target: 'ES2022',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  strict: true,
  declaration: true,
  skipLibCheck: true
}
