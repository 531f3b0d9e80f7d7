import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { discord } from '../src/index.js'

t.test('the Discord definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, discord)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(discord))).issues, [])
  const scheme = resolveAuthScheme(discord)
  t.equal(scheme?.kind === 'oauth2' ? Object.keys(scheme.scopes).length : 0, 11)
  t.same(scheme?.kind === 'oauth2' ? scheme.defaultScopes : undefined, ['identify'])
  t.equal(scheme?.kind === 'oauth2' ? scheme.clientAuthMethod : undefined, 'client_secret_basic')
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(discord, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://discord.com/oauth2/authorize',
    tokenUrl: 'https://discord.com/api/oauth2/token',
    refreshUrl: 'https://discord.com/api/oauth2/token',
    revokeUrl: 'https://discord.com/api/oauth2/token/revoke',
    baseUrl: 'https://discord.com/api/v10'
  })
})
