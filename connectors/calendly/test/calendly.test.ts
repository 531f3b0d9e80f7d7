import t from 'tap'
import {
  resolveAuthScheme,
  resolveAuthSchemes,
  resolveEndpoints,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { calendly } from '../src/index.js'

t.test('the Calendly definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, calendly)
  t.same(validateConnectorDefinition(calendly).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(calendly))).issues, [])
  t.same(
    resolveAuthSchemes(calendly).map((scheme) => [scheme.key, scheme.kind]),
    [
      ['oauth2', 'oauth2'],
      ['personal_access_token', 'apiKey']
    ],
    'OAuth first (the tenant app belongs to it), then a personal access token'
  )
})

t.test('its URLs render: OAuth on auth.calendly.com, the API on api.calendly.com', async (t) => {
  t.same(resolveEndpoints(calendly, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://auth.calendly.com/oauth/authorize',
    tokenUrl: 'https://auth.calendly.com/oauth/token',
    refreshUrl: 'https://auth.calendly.com/oauth/token',
    revokeUrl: 'https://auth.calendly.com/oauth/revoke',
    baseUrl: 'https://api.calendly.com'
  })
})

t.test('OAuth as Calendly documents it', async (t) => {
  const scheme = resolveAuthScheme(calendly, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') throw new Error('not OAuth 2.0')
  t.equal(scheme.clientAuthMethod, 'client_secret_basic', 'a web client: Basic at the token endpoint')
  t.equal(scheme.pkce, true, 'recommended for all OAuth applications')
  t.equal(scheme.scopeDelimiter, ' ')
  t.same(scheme.defaultScopes, ['users:read'], 'what GET /users/me needs')
  t.equal(Object.keys(scheme.scopes).length, 19, 'the whole scope catalog')
  t.same(scheme.scopeIncludes['scheduled_events:write'], ['scheduled_events:read'], 'write includes read')
  t.same(scheme.scopeIncludes['webhooks:write'], ['webhooks:read'])
  t.equal(scheme.scopeIncludes['shares:write'], undefined, 'no shares:read exists')
  t.same(scheme.keepFields, ['owner', 'organization'], 'the token answer names the user and organization')
  t.match(
    scheme.revoke,
    {
      method: 'POST',
      format: 'form',
      tokenParam: 'token',
      tokenTypeHint: false,
      clientAuthMethod: 'client_secret_post'
    },
    'revocation takes client_id and client_secret in the form body'
  )
})

t.test('a personal access token as Bearer', async (t) => {
  const scheme = resolveAuthScheme(calendly, 'personal_access_token')
  if (scheme?.kind !== 'apiKey') throw new Error('not an API key scheme')
  t.same(scheme.send, [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }])
  t.match(scheme.inputs, [
    {
      key: 'apiKey',
      secret: true,
      docsUrl: 'https://developer.calendly.com/docs/authentication/how-to-authenticate-with-personal-access-tokens'
    }
  ])
})

t.test('rate limits: X-RateLimit-Reset in seconds from now; the user from /users/me', async (t) => {
  t.same(calendly.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'delay_seconds' })
  t.same(calendly.verification, {
    path: '/users/me',
    identity: {
      user: 'resource.uri',
      name: 'resource.name',
      email: 'resource.email',
      organization: 'resource.current_organization'
    }
  })
})
