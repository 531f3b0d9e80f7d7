import t from 'tap'
import { resolveAuthScheme, resolveEndpoints, validateConnectorDefinition } from '@latchkey/connector-sdk'
import defaultExport, { confluence } from '../src/index.js'

t.test('the Confluence Cloud definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, confluence)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(confluence))).issues, [])
  const scheme = resolveAuthScheme(confluence)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.equal(Object.keys(scheme.scopes).length, 8, 'the classic Confluence scopes read in the scope table')
  t.same(scheme.authorizeParams, { audience: 'api.atlassian.com', prompt: 'consent' })
  t.equal(scheme.offlineScope, 'offline_access')
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.tokenRequestFormat, 'json')
  t.equal(scheme.revokeUrl, undefined, 'no revocation documented for 3LO apps')
})

t.test('the API URL carries the cloud id the accessible-resources call finds', async (t) => {
  t.same(
    resolveEndpoints(confluence, {
      parameters: {},
      config: {},
      metadata: {},
      account: { cloudId: '11223344-a1b2-3b33-c444-def123456789' }
    }),
    {
      authorizeUrl: 'https://auth.atlassian.com/authorize',
      tokenUrl: 'https://auth.atlassian.com/oauth/token',
      refreshUrl: 'https://auth.atlassian.com/oauth/token',
      baseUrl: 'https://api.atlassian.com/ex/confluence/11223344-a1b2-3b33-c444-def123456789/wiki'
    }
  )
  t.match(confluence.verification, {
    from: 'origin',
    path: '/oauth/token/accessible-resources',
    identity: { cloudId: '0.id' }
  })
})
