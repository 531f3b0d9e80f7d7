import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import t from 'tap'
import { openStore } from '@latchkey/store'
import { startStack, testEncryptionKeys } from '@latchkey/testkit'

const server = fileURLToPath(new URL('../dist/server.js', import.meta.url))

function boot(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [server], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, stderr })
    })
  })
}

t.test('boot with a wrong encryption key fails with a clear message and changes nothing', async (t) => {
  const stack = await startStack(t, { encryptionKeyId: 'k1' })
  const store = await openStore({ connectionString: stack.databaseUrl, encryptionKeys: stack.encryptionKeys })
  stack.defer(() => store.close(), 'close the store')
  const { tenant } = await store.tenants.create('A')
  await store.apps.upsert(tenant.id, 'box', { clientId: 'c', clientSecret: 'secret', scopes: null, overrides: {} })
  const snapshot = async () =>
    JSON.stringify([
      await store.db.selectFrom('connector_apps').selectAll().execute(),
      await store.db.selectFrom('encryption_key_checks').selectAll().execute()
    ])
  const before = await snapshot()
  const env = {
    DATABASE_URL: stack.databaseUrl,
    REDIS_URL: stack.redisUrl,
    LATCHKEY_ADMIN_TOKEN: 'x'.repeat(32),
    PORT: '0'
  }

  const wrong = await boot({ ...env, LATCHKEY_ENCRYPTION_KEYS: testEncryptionKeys('k1') })
  t.equal(wrong.code, 1)
  t.match(
    wrong.stderr,
    /latchkey-api: key "k1" in LATCHKEY_ENCRYPTION_KEYS is not the key the stored secrets were encrypted with/
  )
  t.notMatch(wrong.stderr, /\n\s+at /, 'a sentence, not a stack trace')
  const missing = await boot({ ...env, LATCHKEY_ENCRYPTION_KEYS: testEncryptionKeys('k2') })
  t.match(missing.stderr, /encrypted under key "k1", which LATCHKEY_ENCRYPTION_KEYS does not hold/)
  t.equal(await snapshot(), before, 'nothing changed')
})

t.test('bad configuration lists every problem without quoting secrets', async (t) => {
  const result = await boot({ PORT: 'abc', DATABASE_URL: 'mysql://user:hunter2@x/db', LATCHKEY_ADMIN_TOKEN: 'short' })
  t.equal(result.code, 1)
  t.match(result.stderr, /invalid configuration/)
  for (const name of ['PORT', 'DATABASE_URL', 'REDIS_URL', 'LATCHKEY_ENCRYPTION_KEYS', 'LATCHKEY_ADMIN_TOKEN'])
    t.match(result.stderr, new RegExp(`${name}: `), name)
  t.notMatch(result.stderr, /hunter2/)
})
