import { readdirSync, readFileSync } from 'node:fs'
import t from 'tap'
import { resolveAuthSchemes, summarizeConnector, validateConnectorDefinition } from '@latchkey/connector-sdk'
import { CATALOG } from '../src/index.js'

const CONNECTORS_DIR = new URL('../../../connectors/', import.meta.url)

t.test('every package under connectors/ is in the catalog, and every definition validates as JSON', async (t) => {
  const packages = readdirSync(CONNECTORS_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort()
  t.ok(packages.length >= 15, `${packages.length} connectors`)
  t.same([...CATALOG.map((c) => c.key)].sort(), packages, 'one connector per package, named after its folder')
  t.equal(new Set(CATALOG.map((c) => c.key)).size, CATALOG.length, 'keys are unique')
  for (const connector of CATALOG) {
    const manifest = JSON.parse(readFileSync(new URL(`${connector.key}/package.json`, CONNECTORS_DIR), 'utf8')) as {
      name: string
    }
    t.equal(manifest.name, `@latchkey/connector-${connector.key}`)
    t.same(
      validateConnectorDefinition(JSON.parse(JSON.stringify(connector))).issues,
      [],
      `${connector.key} validates as JSON`
    )
    t.ok(connector.docsUrl?.startsWith('https://'), `${connector.key} links its provider's documentation`)
    t.ok(connector.http?.baseUrl, `${connector.key} declares its API`)
    t.match(
      summarizeConnector(connector),
      new RegExp(`^${connector.name.replace(/[()]/g, '.')} ${connector.version.replace(/\./g, '\\.')}: `)
    )
  }
  const kinds = new Set(
    CATALOG.flatMap((c) => resolveAuthSchemes(c).map((s) => (s.kind === 'oauth2' ? `oauth2:${s.grant}` : s.kind)))
  )
  t.same(
    [...kinds].sort(),
    [
      'apiKey',
      'awsSigV4',
      'basic',
      'jwtBearer',
      'oauth1',
      'oauth2:authorization_code',
      'oauth2:client_credentials',
      'tokenExchange'
    ],
    'the catalog exercises every auth shape a definition can say'
  )
})
