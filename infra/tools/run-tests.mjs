#!/usr/bin/env node
// `npm test`: lint, typecheck and every workspace's tap suite through turbo, then one
// closing line that adds up every suite: "tests: N passed, N failed, N skipped".
// Exits with turbo's exit code.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ensureLocalServices } from '../local/local-services.mjs'

// One PostgreSQL and one Redis for every suite: given by DATABASE_URL / REDIS_URL, or the
// private ones of infra/local. Each test then makes its own database and key prefix.
const { databaseUrl, redisUrl } = await ensureLocalServices()

// The browser tests drive Debian's Chromium (never a downloaded browser): install it when missing.
const chromium = process.env.LATCHKEY_CHROMIUM ?? '/usr/bin/chromium'
if (!existsSync(chromium))
  execFileSync('bash', [new URL('../local/ensure-system.sh', import.meta.url).pathname], { stdio: 'inherit' })

// Two tasks at a time: the suites share one PostgreSQL and one Redis on a 2-core machine.
// Every workspace with a test script must report; fewer closing lines means suites did not run.
const root = new URL('../..', import.meta.url).pathname
const expectedSuites = ['packages', 'services', 'connectors', 'tests']
  .flatMap((folder) =>
    existsSync(join(root, folder))
      ? readdirSync(join(root, folder)).map((name) => join(root, folder, name, 'package.json'))
      : []
  )
  .filter(
    (manifest) => existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test !== undefined
  ).length

// Formatting first: Prettier's check is the one style gate (`npm run format` fixes it).
try {
  execFileSync('npx', ['--no-install', 'prettier', '--check', '--log-level=warn', '.'], { cwd: root, stdio: 'inherit' })
} catch {
  console.log('\nformatting: files differ from Prettier (run `npm run format`)')
  console.log('tests: 0 passed, 1 failed, 0 skipped')
  process.exit(1)
}

// Screenshots of the browser tests land in the run's artifacts folder.
const artifacts = process.env.LATCHKEY_ARTIFACTS_DIR ?? join(root, 'artifacts')
// `--continue`: one failing suite does not stop the others, so a run reports every failure (not a SIGINT in the rest).
const args = ['turbo', 'run', 'lint', 'typecheck', 'test', '--concurrency=2', '--continue', ...process.argv.slice(2)]
const child = spawn('npx', ['--no-install', ...args], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    LATCHKEY_ARTIFACTS_DIR: artifacts,
    FORCE_COLOR: '0'
  }
})

const totals = { pass: 0, fail: 0, skip: 0, todo: 0, suites: 0 }
let buffered = ''
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  buffered += chunk.toString('utf8')
  const lines = buffered.split('\n')
  buffered = lines.pop() ?? ''
  for (const line of lines) count(line)
})

// tap's closing line for one workspace: `# { total: 36, pass: 35, fail: 1, skip: 2 }`
function count(line) {
  const match = /#\s*\{\s*total:\s*\d+(.*)\}\s*$/.exec(line)
  if (match === null) return
  totals.suites += 1
  for (const [, key, value] of match[1].matchAll(/(pass|fail|skip|todo):\s*(\d+)/g)) totals[key] += Number(value)
}

child.on('close', (code, signal) => {
  count(buffered)
  let exitCode = code ?? (signal === null ? 1 : 128)
  // A filtered run (extra turbo arguments) runs fewer suites on purpose; it still needs at least one.
  const needed = process.argv.length > 2 ? 1 : expectedSuites
  if (totals.suites < needed) {
    // Lint or typecheck failed first, or turbo was stopped: never report that as green.
    console.log(`\nonly ${totals.suites} of ${needed} workspace suites reported`)
    if (totals.fail === 0) totals.fail = needed - totals.suites
    if (exitCode === 0) exitCode = 1
  }
  console.log(`\n${totals.suites} of ${expectedSuites} workspace suites; screenshots in ${join(artifacts, 'browser')}`)
  console.log(`tests: ${totals.pass} passed, ${totals.fail} failed, ${totals.skip + totals.todo} skipped`)
  process.exit(exitCode)
})
