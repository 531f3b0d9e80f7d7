import { readFile } from 'node:fs/promises'
import t from 'tap'
import { openApiDocument } from '@latchkey/api'
import { startSystem } from '@latchkey/test-system'
import { SCHEMA_FILE, schemaText } from '../scripts/generate.mjs'

t.test('the committed types are what openapi-typescript makes of the document the API serves', async (t) => {
  const committed = await readFile(SCHEMA_FILE, 'utf8')
  const fresh = await schemaText()
  t.ok(
    committed === fresh,
    'src/schema.ts is current (if not: npm run generate -w @latchkey/client, and commit the result)'
  )
})

t.test('the document generated offline is the one a running API serves', async (t) => {
  const system = await startSystem(t)
  const served = await fetch(`${system.url}/docs/json`)
  t.equal(served.status, 200)
  t.same(await served.json(), await openApiDocument())
})
