import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  resolveTokenPlacement,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import type { ConnectorDefinition, DeepReadonly } from '@latchkey/connector-sdk'
import defaultExport, { klaviyo } from '../src/index.js'

/** The `http` part as the SDK types it (the literal type knows only the fields set). */
const http: DeepReadonly<ConnectorDefinition>['http'] = klaviyo.http

const values = { parameters: {}, config: {}, metadata: {} }

t.test('the Klaviyo definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, klaviyo)
  t.same(validateConnectorDefinition(klaviyo).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(klaviyo))).issues, [])
  t.same(
    resolveAuthSchemes(klaviyo).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['private_key', 'apiKey'],
      ['oauth2', 'oauth2']
    ],
    'the private API key first, OAuth second'
  )
})

t.test('the private key goes as Authorization: Klaviyo-API-Key, and must start with pk_', async (t) => {
  const scheme = resolveAuthScheme(klaviyo)
  if (scheme?.kind !== 'apiKey') throw new Error('not an API key scheme')
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Klaviyo-API-Key {{credentials.apiKey}}' }])
  const input = scheme.inputs[0]
  const whole = new RegExp(`^(?:${input?.pattern ?? ''})$`, 'u')
  t.ok(whole.test(input?.example ?? ''), 'the example has the shape of a private key')
  t.ok(whole.test('pk_abc123DEF456'))
  t.notOk(whole.test('AbC123'), 'a 6-character public key (site ID) is not a private key')
  t.notOk(whole.test('Klaviyo-API-Key pk_abc123'), 'the header prefix is not part of the key')
})

t.test('every call carries the revision header, whichever scheme', async (t) => {
  t.same(klaviyo.http?.headers, { revision: '2026-07-15' })
  t.equal(klaviyo.http?.baseUrl, 'https://a.klaviyo.com/api')
  t.same(resolveTokenPlacement(http?.tokenPlacement), {
    in: 'header',
    name: 'Authorization',
    prefix: 'Bearer '
  })
})

// https://developers.klaviyo.com/en/docs/set_up_oauth: token and revoke traffic on a.klaviyo.com only.
t.test('OAuth: authorize on www.klaviyo.com, token and revoke on a.klaviyo.com', async (t) => {
  const scheme = resolveAuthScheme(klaviyo, 'oauth2')
  t.same(resolveEndpoints(klaviyo, values, {}, scheme), {
    authorizeUrl: 'https://www.klaviyo.com/oauth/authorize',
    tokenUrl: 'https://a.klaviyo.com/oauth/token',
    refreshUrl: 'https://a.klaviyo.com/oauth/token',
    revokeUrl: 'https://a.klaviyo.com/oauth/revoke',
    baseUrl: 'https://a.klaviyo.com/api'
  })
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not authorization code')
  t.equal(scheme.pkce, true, 'PKCE (S256)')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic')
  t.equal(scheme.scopeDelimiter, ' ')
  t.match(scheme.revoke, { method: 'POST', authentication: 'client', format: 'form', token: 'refresh' })
  t.same(scheme.defaultScopes, ['accounts:read'], 'what GET /api/accounts needs')
  t.equal(Object.keys(scheme.scopes).length, 46, 'every x-klaviyo-scopes name of the stable OpenAPI document')
  t.ok('data-privacy:write' in scheme.scopes && !('data-privacy:read' in scheme.scopes))
  t.ok('coupon-codes:read' in scheme.scopes && 'tracking-settings:write' in scheme.scopes)
})

t.test('the verification reads the account of GET /api/accounts', async (t) => {
  t.same(klaviyo.verification, {
    path: '/accounts',
    identity: { account: 'data.0.id', organization: 'data.0.attributes.contact_information.organization_name' }
  })
  t.equal(http?.rateLimit, undefined, 'a 429 says Retry-After, which is always read')
})
