import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { sentry } from '../src/index.js'

t.test('the Sentry definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, sentry)
  t.same(validateConnectorDefinition(sentry).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(sentry))).issues, [])
})

t.test('the auth token goes as a Bearer header', async (t) => {
  const scheme = resolveAuthScheme(sentry)
  t.match(scheme, {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  })
  t.same(sentry.http?.rateLimit, { resetHeader: 'x-sentry-rate-limit-reset', resetFormat: 'epoch_seconds' })
  t.match(sentry.verification, { path: '/organizations/', identity: { organization: '0.slug' } })
})

t.test('its URLs render for sentry.io, a region and a self-hosted host', async (t) => {
  const render = (parameters: Record<string, string>) =>
    resolveEndpoints(sentry, { parameters, config: {}, metadata: {} }).baseUrl
  t.equal(render({ host: 'sentry.io' }), 'https://sentry.io/api/0')
  t.equal(render({ host: 'de.sentry.io' }), 'https://de.sentry.io/api/0')
  t.equal(render({ host: 'us.sentry.io' }), 'https://us.sentry.io/api/0')
  t.equal(render({ host: 'sentry.acme.example' }), 'https://sentry.acme.example/api/0')
})

t.test('the host defaults to sentry.io and must be a host name', async (t) => {
  t.equal(sentry.parameters?.[0]?.default, 'sentry.io')
  t.match(validateParameters(sentry, {}), { ok: true, values: { host: 'sentry.io' } })
  t.match(validateParameters(sentry, { host: 'de.sentry.io' }), { ok: true, values: { host: 'de.sentry.io' } })
  t.match(validateParameters(sentry, { host: 'https://sentry.io/' }), { ok: false })
})
