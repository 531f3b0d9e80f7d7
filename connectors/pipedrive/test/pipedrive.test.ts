import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { pipedrive } from '../src/index.js'

t.test('the Pipedrive definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, pipedrive)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(pipedrive))).issues, [])
  const scheme = resolveAuthScheme(pipedrive)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 27)
  t.same(scheme?.kind === 'oauth2' ? scheme.defaultScopes : undefined, [], 'scopes are set on the registered app')
  t.equal(scheme?.kind === 'oauth2' ? scheme.clientAuthMethod : undefined, 'client_secret_basic')
})

t.test('its URLs render, the API on the company domain the token answer names', async (t) => {
  t.same(
    resolveEndpoints(pipedrive, {
      parameters: {},
      config: {},
      metadata: { api_domain: 'https://acme.pipedrive.com' }
    }),
    {
      authorizeUrl: 'https://oauth.pipedrive.com/oauth/authorize',
      tokenUrl: 'https://oauth.pipedrive.com/oauth/token',
      refreshUrl: 'https://oauth.pipedrive.com/oauth/token',
      revokeUrl: 'https://oauth.pipedrive.com/oauth/revoke',
      baseUrl: 'https://acme.pipedrive.com/api/v1'
    }
  )
})
