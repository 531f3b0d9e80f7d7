import t from 'tap'
import { openStore } from '@latchkey/store'
import { createTestDatabase, testEncryptionKeys } from '@latchkey/testkit'
import { main } from '../src/index.js'

async function run(
  args: string[],
  env: Record<string, string | undefined>
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const code = await main(args, {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    cwd: process.cwd(),
    env
  })
  return { code, stdout, stderr }
}

t.test('rotate-keys re-encrypts under the first key and shows progress', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const oldKey = testEncryptionKeys('old')
  const store = await openStore({ connectionString: database.url, encryptionKeys: oldKey })
  const { tenant } = await store.tenants.create('A')
  await store.apps.upsert(tenant.id, 'box', { clientId: 'c', clientSecret: 'the-secret', scopes: null, overrides: {} })
  await store.close()

  const newKey = testEncryptionKeys('new')
  const result = await run(['rotate-keys'], {
    DATABASE_URL: database.url,
    LATCHKEY_ENCRYPTION_KEYS: `${newKey},${oldKey}`
  })
  t.equal(result.code, 0, result.stderr)
  t.match(result.stdout, /re-encrypting under key "new"/)
  t.match(result.stdout, /connector_apps\.client_secret_enc: 1\/1/)
  t.match(result.stdout, /done: 1 values re-encrypted/)
  const again = await run(['rotate-keys'], {
    DATABASE_URL: database.url,
    LATCHKEY_ENCRYPTION_KEYS: `${newKey},${oldKey}`
  })
  t.match(again.stdout, /done: 0 values re-encrypted/, 'a second run has nothing left to do')

  const onlyNew = await openStore({ connectionString: database.url, encryptionKeys: newKey })
  t.equal((await onlyNew.apps.get(tenant.id, 'box'))?.client?.clientSecret, 'the-secret')
  await onlyNew.close()
  t.match(await run(['rotate-keys'], { DATABASE_URL: database.url, LATCHKEY_ENCRYPTION_KEYS: oldKey }), {
    code: 1,
    stderr: /encrypted under key "new"/
  })
  t.match(await run(['rotate-keys'], {}), { code: 2, stderr: /DATABASE_URL is not set/ })
})

t.test('migrate applies pending migrations once, checks the keys, and says so', async (t) => {
  const database = await createTestDatabase()
  t.teardown(() => database.drop())
  const keys = testEncryptionKeys('only')
  const first = await run(['migrate'], { DATABASE_URL: database.url, LATCHKEY_ENCRYPTION_KEYS: keys })
  t.equal(first.code, 0, first.stderr)
  t.match(first.stdout, /applied: 2026-11-22-initial-schema, .*2026-12-03-webhooks/)
  const again = await run(['migrate'], { DATABASE_URL: database.url, LATCHKEY_ENCRYPTION_KEYS: keys })
  t.match(again, { code: 0, stdout: /up to date/ })
  const store = await openStore({ connectionString: database.url, encryptionKeys: keys, migrate: false })
  await store.tenants.create('A')
  await store.close()
  const wrongKey = await run(['migrate'], {
    DATABASE_URL: database.url,
    LATCHKEY_ENCRYPTION_KEYS: testEncryptionKeys('other')
  })
  t.equal(wrongKey.code, 1, 'a key that does not match the data is refused before anything runs')
  t.match(await run(['migrate'], {}), { code: 2, stderr: /DATABASE_URL is not set/ })
})
