// Writes src/schema.ts: the TypeScript types of the OpenAPI document the API serves
// (openapi-typescript), so the client's types are what the API really accepts and answers.
// Run `npm run generate -w @latchkey/client` after changing a route; the client's test fails
// while the committed file differs from what this writes.
import { writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import openapiTS, { astToString } from 'openapi-typescript'
import { openApiDocument } from '@latchkey/api'

const HEADER = `/**
 * The Latchkey API's paths and schemas, generated from the OpenAPI document it serves
 * (\`/docs/json\`) by openapi-typescript. Do not edit: run \`npm run generate -w @latchkey/client\`.
 */
/* eslint-disable */
`

/** The text of src/schema.ts for the document the API serves now. */
export async function schemaText() {
  const document = await openApiDocument()
  const ast = await openapiTS(document, { alphabetize: true, defaultNonNullable: false })
  return `${HEADER}\n${astToString(ast)}`
}

export const SCHEMA_FILE = fileURLToPath(new URL('../src/schema.ts', import.meta.url))

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await writeFile(SCHEMA_FILE, await schemaText())
  console.log(`wrote ${SCHEMA_FILE}`)
}
