import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import type { Test } from 'tap'
import { startAuthorizationServer, testConnector } from '@latchkey/testkit'
import type { AuthorizationServer } from '@latchkey/testkit'
import { main } from '../src/index.js'
import { tryCommand } from '../src/try-command.js'
import type { TryOptions } from '../src/try-command.js'

const SECRET = 'try-secret-CANARY'

/** A free loopback port, so the redirect URI can be registered before the command listens on it. */
async function freePort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const { port } = probe.address() as AddressInfo
  await new Promise((resolve) => probe.close(resolve))
  return port
}

async function setUp(t: Test) {
  const port = await freePort()
  const server = await startAuthorizationServer({
    clients: [{ clientId: 'try-app', clientSecret: SECRET, redirectUris: [`http://127.0.0.1:${port}/callback`] }]
  })
  t.teardown(() => server.close())
  const dir = mkdtempSync(join(tmpdir(), 'latchkey-try-'))
  t.teardown(() => rmSync(dir, { recursive: true, force: true }))
  const definition = {
    ...testConnector(server, { scopes: { read: 'Read', write: 'Write' }, defaultScopes: ['read'] }, 'trial'),
    verification: { path: '/me', identity: { user: 'sub' } },
    actions: [{ key: 'who_am_i', name: 'Who am I', method: 'GET', path: '/me', output: 'sub', scopes: ['read'] }]
  }
  writeFileSync(join(dir, 'trial.json'), JSON.stringify(definition))
  return { port, server, dir }
}

async function run(
  dir: string,
  server: AuthorizationServer,
  options: Partial<TryOptions> & { port: number },
  approve: { deny?: boolean } = {}
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await tryCommand(
    {
      path: 'trial.json',
      params: [],
      refresh: false,
      timeoutSeconds: 30,
      showTokens: false,
      // The browser: the provider's page approves, then its redirect lands on the loopback callback.
      onAuthorizeUrl: (url) =>
        void server.approve(url, approve).then((callback) => fetch(callback).then((r) => r.text())),
      ...options
    },
    {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
      cwd: dir,
      env: { LATCHKEY_TRY_CLIENT_ID: 'try-app', LATCHKEY_TRY_CLIENT_SECRET: SECRET }
    }
  )
  return { code, stdout, stderr }
}

t.test('try: connects through a loopback callback, verifies, runs an action, refreshes', async (t) => {
  const { port, server, dir } = await setUp(t)
  const result = await run(dir, server, { port, action: 'who_am_i', refresh: true })
  t.equal(result.code, 0, result.stderr)
  t.match(result.stdout, new RegExp(`register http://127\\.0\\.0\\.1:${port}/callback as a redirect URI`))
  t.match(result.stdout, /connected: scopes read; access token expires in \d+ s; refresh token: yes/)
  t.match(result.stdout, /verification: GET \/me answered 200; account user=alice/)
  t.match(result.stdout, /action who_am_i: GET \/me answered 200\n"alice"/)
  t.match(result.stdout, /refreshed: access token expires in \d+ s; a new refresh token \(rotated\)/)
  t.same(server.counters.tokenRequests, { authorization_code: 1, refresh_token: 1 })
  t.notMatch(result.stdout + result.stderr, /access token: |CANARY/, 'no token and no secret printed')
})

t.test('try: a denied consent is a readable failure; bad input stops before anything is sent', async (t) => {
  const { port, server, dir } = await setUp(t)
  const denied = await run(dir, server, { port }, { deny: true })
  t.equal(denied.code, 1)
  t.match(denied.stderr, /^Test: .+/m, 'the provider’s refusal, in words')
  t.same(server.counters.tokenRequests, {}, 'nothing exchanged')

  const unknown = await run(dir, server, { port, action: 'nope' })
  t.equal(unknown.code, 2)
  t.match(unknown.stderr, /has no action "nope"/)
  const noClient = await main(['try', 'trial.json'], {
    stdout: { write: () => true },
    stderr: { write: () => true },
    cwd: dir,
    env: {}
  })
  t.equal(noClient, 2, 'no client id: a usage error')
})
