import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { googleCloud } from '../src/index.js'

t.test('the Google Cloud definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, googleCloud)
  t.same(validateConnectorDefinition(googleCloud).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(googleCloud))).issues, [])
})

t.test("a service account key signs assertions for Google's token endpoint", async (t) => {
  t.match(resolveAuthScheme(googleCloud), {
    kind: 'jwtBearer',
    serviceAccount: true,
    tokenUrl: 'https://oauth2.googleapis.com/token',
    assertion: { issuer: '{{credentials.client_email}}' },
    defaultScopes: ['https://www.googleapis.com/auth/cloud-platform']
  })
})

t.test('calls go to Cloud Resource Manager', async (t) => {
  t.equal(
    resolveEndpoints(googleCloud, { parameters: {}, config: {}, metadata: {} }).baseUrl,
    'https://cloudresourcemanager.googleapis.com'
  )
  t.same(googleCloud.verification, { path: '/v3/projects:search' })
})
