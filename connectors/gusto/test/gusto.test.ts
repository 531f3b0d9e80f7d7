import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { gusto } from '../src/index.js'

const COMPANY = '5eca5127-6048-43ad-91ee-b56a0c34bc85'

t.test('the Gusto definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, gusto)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(gusto))).issues, [])
  const scheme = resolveAuthScheme(gusto)
  t.equal(scheme?.kind, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  // Gusto's examples: a JSON body with client_id and client_secret.
  t.equal(scheme.tokenRequestFormat, 'json')
  t.equal(scheme.clientAuthMethod, 'client_secret_post')
  t.equal(scheme.pkce, false)
  t.same(scheme.scopes, {}, 'no scope parameter documented on the authorize request')
  t.same(scheme.defaultScopes, [])
  t.equal(scheme.revokeUrl, undefined, 'no revocation endpoint documented')
})

t.test('its URLs render on the production host', async (t) => {
  t.same(resolveEndpoints(gusto, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://api.gusto.com/oauth/authorize',
    tokenUrl: 'https://api.gusto.com/oauth/token',
    refreshUrl: 'https://api.gusto.com/oauth/token',
    baseUrl: 'https://api.gusto.com'
  })
})

t.test('the company comes from /v1/token_info and names the company in get_company', async (t) => {
  t.match(gusto.verification, { path: '/v1/token_info', identity: { companyUuid: 'resource.uuid' } })
  const action = findAction(gusto, 'get_company')
  t.ok(action)
  if (action === undefined) return
  t.equal(
    renderActionRequest(action, { input: {}, account: { companyUuid: COMPANY } }).path,
    `/v1/companies/${COMPANY}`
  )
})
