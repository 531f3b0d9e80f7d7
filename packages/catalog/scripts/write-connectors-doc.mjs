// Writes the generated tables of docs/connectors.md from the catalog's definitions (build first).
import { readFileSync, writeFileSync } from 'node:fs'
import { CATALOG, renderConnectorsDoc } from '../dist/index.js'

const path = new URL('../../../docs/connectors.md', import.meta.url)
writeFileSync(path, renderConnectorsDoc(readFileSync(path, 'utf8'), CATALOG))
process.stdout.write(`docs/connectors.md: ${CATALOG.length} connectors\n`)
