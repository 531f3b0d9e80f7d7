import t from 'tap'
import { validateConnectorDefinition } from '@latchkey/connector-sdk'
import { testConnector } from '../src/index.js'

const endpoints = {
  authorizeUrl: 'http://127.0.0.1:4000/oauth/authorize',
  tokenUrl: 'http://127.0.0.1:4000/oauth/token',
  revokeUrl: 'http://127.0.0.1:4000/oauth/revoke',
  apiBaseUrl: 'http://127.0.0.1:4000/api'
}

t.test('a definition the SDK accepts, pointed at the test server', async (t) => {
  const definition = testConnector(endpoints)
  const result = validateConnectorDefinition(definition)
  t.same(result.issues, [])
  t.match(definition, {
    key: 'test',
    name: 'Test',
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: endpoints.authorizeUrl,
      tokenUrl: endpoints.tokenUrl,
      revokeUrl: endpoints.revokeUrl,
      defaultScopes: ['read']
    },
    http: { baseUrl: endpoints.apiBaseUrl }
  })
  t.same(Object.keys(definition.auth.scopes ?? {}), ['read', 'write'])
})

t.test('auth fields given replace the defaults, the rest stay; the key names it', async (t) => {
  const definition = testConnector(endpoints, { defaultScopes: ['write'], pkce: true }, 'sandbox')
  t.same(validateConnectorDefinition(definition).issues, [])
  t.match(definition, {
    key: 'sandbox',
    name: 'Sandbox',
    auth: { defaultScopes: ['write'], pkce: true, tokenUrl: endpoints.tokenUrl }
  })
  t.equal(testConnector(endpoints, {}, 'other').name, 'Test')
})
