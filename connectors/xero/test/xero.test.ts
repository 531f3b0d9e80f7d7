import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { xero } from '../src/index.js'

const TENANT = 'fe79f7dd-b6d4-4a92-ba7b-538af6289c58'

t.test('the Xero definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, xero)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(xero))).issues, [])
  const scheme = resolveAuthScheme(xero)
  t.equal(scheme?.kind, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  // https://developer.xero.com/documentation/oauth2/scopes: "you must request the offline_access scope".
  t.equal(scheme.offlineScope, 'offline_access')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic')
  t.equal(scheme.pkce, false, 'the web app flow documents no PKCE')
  t.same(
    scheme.revoke,
    {
      method: 'POST',
      authentication: 'client',
      format: 'form',
      tokenParam: 'token',
      token: 'refresh',
      tokenTypeHint: false,
      params: {}
    },
    'the refresh token first, as `token` without a type hint, the client in Basic'
  )
  t.same(scheme.defaultScopes, ['accounting.settings.read', 'accounting.transactions.read', 'accounting.contacts.read'])
  t.equal(Object.keys(scheme.scopes).length, 15)
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(xero, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://login.xero.com/identity/connect/authorize',
    tokenUrl: 'https://identity.xero.com/connect/token',
    refreshUrl: 'https://identity.xero.com/connect/token',
    revokeUrl: 'https://identity.xero.com/connect/revocation',
    baseUrl: 'https://api.xero.com/api.xro/2.0'
  })
  t.same(
    xero.http?.headers,
    { Accept: 'application/json', 'xero-tenant-id': '{{account.tenantId}}' },
    'JSON instead of the default XML, and the tenant on every call'
  )
})

t.test('the tenant comes from GET /connections at the origin', async (t) => {
  t.match(xero.verification, {
    from: 'origin',
    path: '/connections',
    identity: { tenantId: '0.tenantId', tenantName: '0.tenantName' }
  })
})

t.test('its actions send the tenant as xero-tenant-id and page invoices by page/pageSize', async (t) => {
  const organisation = findAction(xero, 'get_organisation')
  const invoices = findAction(xero, 'list_invoices')
  t.ok(organisation && invoices)
  if (organisation === undefined || invoices === undefined) return
  const values = { parameters: {}, config: {}, metadata: {}, account: { tenantId: TENANT } }
  t.same(renderActionRequest(organisation, { ...values, input: {} }).headers, { 'xero-tenant-id': TENANT })
  t.equal(renderActionRequest(organisation, { ...values, input: {} }).path, '/Organisation')
  const rendered = renderActionRequest(invoices, { ...values, input: { statuses: 'DRAFT,SUBMITTED' } })
  t.same(rendered.headers, { 'xero-tenant-id': TENANT })
  t.same(rendered.query, { Statuses: 'DRAFT,SUBMITTED' })
  t.match(invoices.pagination, { style: 'page', param: 'page', limitParam: 'pageSize', limit: 100 })
  t.same(scopesForActions(xero, ['get_organisation', 'list_invoices']).scopes, [
    'accounting.settings.read',
    'accounting.transactions.read'
  ])
})
