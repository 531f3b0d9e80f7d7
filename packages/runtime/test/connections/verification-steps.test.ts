import t from 'tap'
import type { ConnectorDefinitionJson } from '@latchkey/connector-sdk'
import type { QuirkyProvider } from '@latchkey/testkit'
import { startRuntime } from '../helpers.js'

// Atlassian-style: list the sites the token reaches, pick the customer's by its URL, then
// read the user on that site, through the site id the first answer gave.
const connectors = (quirky: QuirkyProvider): ConnectorDefinitionJson[] => [
  {
    key: 'multi',
    name: 'Multi',
    version: '1.0.0',
    parameters: [{ key: 'site', label: 'Site' }],
    auth: { kind: 'apiKey', name: 'X-Api-Key' },
    http: { baseUrl: `${quirky.apiBaseUrl}/ex/{{account.cloudId}}` },
    verification: {
      steps: [
        {
          from: 'origin',
          path: '/api/accessible-resources',
          identity: { cloudId: '[url=https://{{parameters.site}}.atlassian.net].id' }
        },
        {
          from: 'origin',
          method: 'POST',
          path: '/api/ex/{{account.cloudId}}/myself',
          query: { expand: 'groups' },
          headers: { 'X-Custom': 'site {{parameters.site}}' },
          body: '{"site":"{{parameters.site}}"}',
          identity: { user: 'body', path: 'path', asked: 'query.expand', header: 'headers.x-custom' }
        }
      ]
    }
  }
]

t.test('a verification in steps: each answer feeds the next, every identity is kept', async (t) => {
  const { runtime, tenantId, stack } = await startRuntime(t, {
    connectors: (s) => connectors(s.quirkyProvider),
    stack: { quirkyProvider: { clientId: 'app', clientSecret: 'secret' } }
  })
  const quirky = stack.quirkyProvider
  quirky.addApiKey('k-1')
  quirky.setApiAnswer('/api/accessible-resources', [
    { id: 'c-other', url: 'https://other.atlassian.net', name: 'Other' },
    { id: 'c-acme', url: 'https://acme "quoted".atlassian.net', name: 'Quoted' },
    { id: 'c-acme-2', url: 'https://acme.atlassian.net', name: 'Acme' }
  ])
  const connection = await runtime.connections.create(tenantId, {
    connector: 'multi',
    parameters: { site: 'acme' },
    credentials: { apiKey: 'k-1' }
  })
  t.match(connection, { status: 'connected', verifiedAt: String }, String(connection.statusReason))
  t.same(connection.account, {
    cloudId: 'c-acme-2',
    user: '{"site":"acme"}',
    path: '/api/ex/c-acme-2/myself',
    asked: 'groups',
    header: 'site acme'
  })
  // The base URL now renders with the kept site id.
  const answer = await runtime.http.call(tenantId, connection.id, { method: 'GET', url: '/rest/api/3/issue' })
  answer.body.resume()
  t.equal(answer.status, 200)

  // A customer whose site is not among them: the first step finds nothing, and says so.
  const lost = await runtime.connections.create(tenantId, {
    connector: 'multi',
    parameters: { site: 'nowhere' },
    credentials: { apiKey: 'k-1' }
  })
  t.equal(lost.verifiedAt, null)
  t.match(
    lost.statusReason,
    /the answer to \/api\/accessible-resources has nothing at \[url=https:\/\/nowhere\.atlassian\.net\]\.id, which the next request needs/
  )

  // A body value is inserted JSON-escaped.
  const quoted = await runtime.connections.create(tenantId, {
    connector: 'multi',
    parameters: { site: 'acme "quoted"' },
    credentials: { apiKey: 'k-1' }
  })
  t.match(quoted.account, { cloudId: 'c-acme', user: '{"site":"acme \\"quoted\\""}' })
})
