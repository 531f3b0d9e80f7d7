import { readFileSync } from 'node:fs'
import t from 'tap'
import { defineConnector } from '@latchkey/connector-sdk'
import { CATALOG, GENERATED, actionsTable, connectorsTable, renderConnectorsDoc } from '../src/index.js'

const DOC = new URL('../../../docs/connectors.md', import.meta.url)

t.test(
  'docs/connectors.md is the catalog as it is (run npm run docs:connectors after changing a connector)',
  async (t) => {
    const text = readFileSync(DOC, 'utf8')
    t.equal(text, renderConnectorsDoc(text, CATALOG), 'the generated tables are current')
    for (const connector of CATALOG) t.ok(text.includes(`[${connector.name}](`), `${connector.name} has a row`)
  }
)

t.test(
  'each row says the auth kinds, what is declared, refresh, revocation, parameters and verification',
  async (t) => {
    const example = defineConnector({
      key: 'example',
      name: 'Example',
      version: '1.0.0',
      docsUrl: 'https://example.com/docs',
      parameters: [{ key: 'subdomain', label: 'Subdomain' }],
      auth: [
        {
          key: 'oauth',
          label: 'OAuth',
          kind: 'oauth2',
          grant: 'authorization_code',
          authorizeUrl: 'https://{{parameters.subdomain}}.example.com/authorize',
          tokenUrl: 'https://{{parameters.subdomain}}.example.com/token',
          revokeUrl: 'https://{{parameters.subdomain}}.example.com/revoke',
          scopes: { read: 'Read', write: 'Write' },
          scopeDelimiter: ',',
          pkce: true,
          clientAuthMethod: 'client_secret_basic'
        },
        { key: 'key', label: 'API key', kind: 'apiKey', inputLabel: 'API key' }
      ],
      http: { baseUrl: 'https://{{parameters.subdomain}}.example.com/api' },
      verification: { path: '/me', identity: { email: 'email' } },
      actions: [
        {
          key: 'list_things',
          name: 'List things',
          method: 'GET',
          path: '/things',
          pagination: { style: 'cursor', param: 'cursor', cursorPath: 'next' }
        }
      ]
    })
    const table = connectorsTable([example])
    const row = table.split('\n')[2] ?? ''
    t.match(row, /^\| \[Example\]\(https:\/\/example\.com\/docs\) \| OAuth 2\.0 code, or API key \| /)
    t.match(row, /OAuth: 2 scopes \(","-separated\), PKCE, Basic client auth; API key: header `Authorization`/)
    t.match(row, /OAuth: refresh token, when issued; API key: —/)
    t.match(
      row,
      /OAuth: POST `https:\/\/\{\{parameters\.subdomain\}\}\.example\.com\/revoke` \(refresh token, form\); API key: deleted here only/
    )
    t.match(row, /\| `subdomain` \| `\/me` \(email\) \| 1 \|$/)
    t.equal(actionsTable([example]), '| Connector | Actions |\n|---|---|\n| Example | `list_things` (cursor) |')
    t.throws(() => renderConnectorsDoc('no markers here', [example]), /lost its connectors markers/)
    const doc = `a\n${GENERATED.connectors[0]}\nold\n${GENERATED.connectors[1]}\nb\n${GENERATED.actions[0]}\n${GENERATED.actions[1]}\n`
    t.equal(
      renderConnectorsDoc(doc, [example]),
      `a\n${GENERATED.connectors[0]}\n${table}\n${GENERATED.connectors[1]}\nb\n${GENERATED.actions[0]}\n${actionsTable([example])}\n${GENERATED.actions[1]}\n`
    )
  }
)
