import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { basecamp } from '../src/index.js'

t.test('the Basecamp definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, basecamp)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(basecamp))).issues, [])
  const scheme = resolveAuthScheme(basecamp)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.same(scheme.scopes, {}, 'Launchpad documents no scopes')
  t.same(scheme.authorizeParams, {}, 'no legacy type=web_server')
  t.equal(scheme.pkce, false)
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.revokeUrl, undefined)
  t.notOk('verification' in basecamp, 'no verification without the tenant’s User-Agent')
})

t.test('its URLs render, the account ID in the API path', async (t) => {
  t.same(resolveEndpoints(basecamp, { parameters: { accountId: '99999999' }, config: {}, metadata: {} }), {
    authorizeUrl: 'https://launchpad.37signals.com/authorization/new',
    tokenUrl: 'https://launchpad.37signals.com/authorization/token',
    refreshUrl: 'https://launchpad.37signals.com/authorization/token',
    baseUrl: 'https://3.basecampapi.com/99999999'
  })
})

t.test('the account ID is a number', async (t) => {
  t.same(validateParameters(basecamp, { accountId: '99999999' }).issues, [])
  t.match(validateParameters(basecamp, { accountId: 'acme' }).issues, [{ path: 'parameters.accountId' }])
  t.match(validateParameters(basecamp, {}).issues, [{ path: 'parameters.accountId' }])
})
