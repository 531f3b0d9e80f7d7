import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import t from 'tap'
import { repoRoot, run } from './run.js'

const exec = promisify(execFile)

for (const kind of ['oauth2', 'apiKey'] as const) {
  t.test(`init --kind ${kind}: a package that builds, validates and passes its own test as written`, async (t) => {
    // Inside the repository (the test folder is under packages/cli), so it installs against the workspace's SDK.
    const dir = t.testdir({})
    const result = await run(['init', 'acme-crm', '--kind', kind, '--dir', dir])
    t.equal(result.code, 0, result.stderr)
    const pkg = join(dir, 'acme-crm')
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'src/index.ts'])
      t.ok(existsSync(join(pkg, file)), `${file} written`)
    t.match(result.stdout, /wrote .*acme-crm\/src\/acme-crm\.ts/)
    t.notMatch(result.stdout, /tests\/connectors/, 'outside the repository’s connectors/, no scenario')
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'))
    t.equal(manifest.name, '@latchkey/connector-acme-crm')
    t.equal(manifest.dependencies['@latchkey/connector-sdk'], '0.1.0', 'the workspace’s SDK version')
    t.match(JSON.parse(readFileSync(join(pkg, 'tsconfig.json'), 'utf8')), { extends: /tsconfig\.json$/ })
    const definition = readFileSync(join(pkg, 'src', 'acme-crm.ts'), 'utf8')
    t.match(definition, /export const acmeCrm = defineConnector\(\{/)
    t.match(definition, /Never guess a URL/, 'it says what to replace')

    const tsc = join(repoRoot, 'node_modules', '.bin', 'tsc')
    await exec(tsc, ['-p', 'tsconfig.build.json'], { cwd: pkg })
    await exec(tsc, ['--noEmit', '-p', 'tsconfig.json'], { cwd: pkg })
    const validated = await run(['validate', pkg])
    t.equal(validated.code, 0, validated.stderr)
    t.match(
      validated.stdout,
      kind === 'oauth2'
        ? /^ok acme-crm: Acme Crm 1\.0\.0: oauth2 authorization_code, 1 scope \(default user:read\)/
        : /^ok acme-crm: Acme Crm 1\.0\.0: apiKey in header Authorization/
    )
    const tap = join(repoRoot, 'node_modules', '.bin', 'tap')
    const tested = await exec(tap, ['--disable-coverage', '--reporter=tap', `test/acme-crm.test.ts`], {
      cwd: pkg,
      env: { ...process.env, TAP_RCFILE: '/dev/null' }
    })
    // exec rejects on a non-zero exit, so reaching here means tap passed; the file's line says so too.
    t.match(tested.stdout, /^ok 1 - test\/acme-crm\.test\.ts/m, 'its own test passes')
    t.notMatch(tested.stdout, /not ok/)
  })
}

t.test('init in the Latchkey repository’s connectors/ also writes the quirky-provider scenario', async (t) => {
  // A repository of the same layout: workspaces, a root tsconfig, the scenario runner.
  const root = t.testdir({
    'package.json': JSON.stringify({ name: 'latchkey', workspaces: ['connectors/*', 'packages/*', 'tests/*'] }),
    'tsconfig.json': '{}',
    connectors: {},
    packages: { 'connector-sdk': { 'package.json': JSON.stringify({ version: '3.2.1' }) } },
    tests: { connectors: { test: { 'scenario.ts': '' } } }
  })
  const oauth = await run(['init', 'acme', '--name', 'Acme Cloud'], root)
  t.equal(oauth.code, 0, oauth.stderr)
  const scenario = readFileSync(join(root, 'tests', 'connectors', 'test', 'acme.test.ts'), 'utf8')
  t.match(scenario, /import \{ acme \} from '@latchkey\/connector-acme'/)
  t.match(scenario, /import \{ runRedirectScenario \} from '\.\/scenario\.js'/)
  t.match(scenario, /Acme Cloud: connect, call, refresh, disconnect/)
  t.match(oauth.stdout, /add acme to packages\/catalog\/src\/catalog\.ts/)
  t.same(
    JSON.parse(readFileSync(join(root, 'connectors', 'acme', 'tsconfig.json'), 'utf8')).extends,
    '../../tsconfig.json'
  )
  t.equal(
    JSON.parse(readFileSync(join(root, 'connectors', 'acme', 'package.json'), 'utf8')).dependencies[
      '@latchkey/connector-sdk'
    ],
    '3.2.1'
  )
  const key = await run(['init', 'acme-keys', '--kind', 'apiKey'], root)
  t.equal(key.code, 0, key.stderr)
  t.match(
    readFileSync(join(root, 'tests', 'connectors', 'test', 'acme-keys.test.ts'), 'utf8'),
    /import \{ runCredentialScenario \} from '\.\/scenario\.js'[\s\S]*connector: acmeKeys/
  )
  t.match(
    readFileSync(join(root, 'connectors', 'acme-keys', 'README.md'), 'utf8'),
    /tests\/connectors\/test\/acme-keys\.test\.ts/
  )
})

t.test('init outside any workspace: a standalone strict tsconfig', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-init-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  t.equal((await run(['init', 'solo', '--dir', '.'], dir)).code, 0)
  const config = JSON.parse(readFileSync(join(dir, 'solo', 'tsconfig.build.json'), 'utf8'))
  t.equal(config.extends, undefined)
  t.match(config.compilerOptions, { strict: true, module: 'NodeNext', outDir: 'dist' })
  t.equal(
    JSON.parse(readFileSync(join(dir, 'solo', 'package.json'), 'utf8')).dependencies['@latchkey/connector-sdk'],
    '*'
  )
})

t.test('init refuses what it cannot write', async (t) => {
  const dir = t.testdir({ taken: { 'keep.txt': 'mine' } })
  t.match(await run(['init', 'taken', '--dir', '.'], dir), { code: 1, stderr: /exists already; nothing was written/ })
  t.equal(readFileSync(join(dir, 'taken', 'keep.txt'), 'utf8'), 'mine')
  t.match(await run(['init', 'Bad_Key', '--dir', '.'], dir), { code: 1, stderr: /is not a connector key/ })
  t.notOk(existsSync(join(dir, 'Bad_Key')))
  t.match(await run(['init', 'x', '--kind', 'saml'], dir), { code: 2, stderr: /--kind must be one of oauth2, apiKey/ })
  t.match(await run(['init'], dir), { code: 2, stderr: /init needs exactly one connector key/ })
})

t.test('docs: the connectors page is up to date, written when stale, refused without its markers', async (t) => {
  const page = readFileSync(join(repoRoot, 'docs', 'connectors.md'), 'utf8')
  t.match(await run(['docs', '--check']), { code: 0, stdout: /docs\/connectors\.md is up to date \(\d+ connectors\)/ })

  // A copy with one catalog row gone is stale; writing it restores the generated page.
  const firstRow = page.split('\n').find((row) => row.startsWith('| ') && row.includes('airtable'))
  if (firstRow === undefined) throw new Error('the page lists airtable')
  const dir = t.testdir({ 'connectors.md': page.replace(`${firstRow}\n`, '') })
  t.match(await run(['docs', '--file', 'connectors.md', '--check'], dir), {
    code: 1,
    stderr: /is stale: run `latchkey docs`/
  })
  t.match(await run(['docs', '--file', 'connectors.md'], dir), { code: 0, stdout: /connectors\.md: \d+ connectors\n$/ })
  t.equal(readFileSync(join(dir, 'connectors.md'), 'utf8'), page, 'the same page as the generated one')
  t.match(await run(['docs', '--file', 'connectors.md'], dir), { stdout: /unchanged/ })

  writeFileSync(join(dir, 'bare.md'), '# Connectors\n')
  t.match(await run(['docs', '--file', 'bare.md'], dir), { code: 1, stderr: /bare\.md: .*lost its connectors markers/ })
  t.match(await run(['docs', '--file', 'nowhere.md'], dir), { code: 1, stderr: /cannot read nowhere\.md: ENOENT/ })
})
