import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  templateParameters,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { zohoCrm } from '../src/index.js'

const endpoints = (region: string, apiDomain: string) =>
  resolveEndpoints(zohoCrm, {
    parameters: templateParameters(zohoCrm, { region }),
    config: {},
    metadata: { api_domain: apiDomain }
  })

t.test('the Zoho CRM definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, zohoCrm)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(zohoCrm))).issues, [])
  const scheme = resolveAuthScheme(zohoCrm)
  t.ok(scheme?.kind === 'oauth2' && scheme.grant === 'authorization_code')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.equal(scheme.clientAuthMethod, 'client_secret_post', 'client id and secret as form data')
  t.equal(scheme.pkce, false, 'the web-app flow documents no PKCE')
  t.equal(scheme.scopeDelimiter, ',', 'scopes separated by commas')
  t.same(scheme.authorizeParams, { access_type: 'offline', prompt: 'consent' }, 'a refresh token on every consent')
  t.same(scheme.keepFields, ['api_domain'])
  t.same(scheme.callbackParams, ['location', 'accounts-server'])
  t.same(scheme.defaultScopes, ['ZohoCRM.users.READ', 'ZohoCRM.modules.ALL'])
  t.match(scheme.revoke, { format: 'query', token: 'refresh', tokenTypeHint: false }, 'the refresh token in the query')
})

t.test('US: authorized at accounts.zoho.com, tokens there, the API on the answer’s api_domain', async (t) => {
  t.same(endpoints('us', 'https://www.zohoapis.com'), {
    authorizeUrl: 'https://accounts.zoho.com/oauth/v2/auth',
    tokenUrl: 'https://accounts.zoho.com/oauth/v2/token',
    refreshUrl: 'https://accounts.zoho.com/oauth/v2/token',
    revokeUrl: 'https://accounts.zoho.com/oauth/v2/token/revoke',
    baseUrl: 'https://www.zohoapis.com/crm/v8'
  })
})

t.test('EU: authorized at accounts.zoho.com, tokens at accounts.zoho.eu', async (t) => {
  t.same(endpoints('eu', 'https://www.zohoapis.eu'), {
    authorizeUrl: 'https://accounts.zoho.com/oauth/v2/auth',
    tokenUrl: 'https://accounts.zoho.eu/oauth/v2/token',
    refreshUrl: 'https://accounts.zoho.eu/oauth/v2/token',
    revokeUrl: 'https://accounts.zoho.eu/oauth/v2/token/revoke',
    baseUrl: 'https://www.zohoapis.eu/crm/v8'
  })
})

t.test('CN is a separate Zoho: authorized and issued at accounts.zoho.com.cn', async (t) => {
  const cn = endpoints('cn', 'https://www.zohoapis.com.cn')
  t.equal(cn.authorizeUrl, 'https://accounts.zoho.com.cn/oauth/v2/auth')
  t.equal(cn.tokenUrl, 'https://accounts.zoho.com.cn/oauth/v2/token')
})

t.test('every documented data centre has its accounts server', async (t) => {
  const accounts = Object.fromEntries(
    ['us', 'eu', 'in', 'au', 'jp', 'ca', 'sa', 'cn'].map((region) => [
      region,
      templateParameters(zohoCrm, { region })['region.accountsHost']
    ])
  )
  t.same(accounts, {
    us: 'accounts.zoho.com',
    eu: 'accounts.zoho.eu',
    in: 'accounts.zoho.in',
    au: 'accounts.zoho.com.au',
    jp: 'accounts.zoho.jp',
    ca: 'accounts.zohocloud.ca',
    sa: 'accounts.zoho.sa',
    cn: 'accounts.zoho.com.cn'
  })
  t.match(validateParameters(zohoCrm, {}), { ok: true, values: { region: 'us' } }, 'US by default')
  t.match(validateParameters(zohoCrm, { region: 'uk' }).issues, [{ path: 'parameters.region' }])
})

t.test('the API host must be one of the Zoho API domains', async (t) => {
  t.same(zohoCrm.http?.originHosts, [
    'www.zohoapis.com',
    'www.zohoapis.eu',
    'www.zohoapis.in',
    'www.zohoapis.com.au',
    'www.zohoapis.jp',
    'www.zohoapis.ca',
    'www.zohoapis.sa',
    'www.zohoapis.com.cn'
  ])
  t.match(zohoCrm.verification, { path: '/users', query: { type: 'CurrentUser' } })
})
