import t from 'tap'
import {
  resolveAuthScheme,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { vercel } from '../src/index.js'

t.test('the Vercel definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, vercel)
  t.same(validateConnectorDefinition(vercel).issues, [])
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(vercel))).issues, [])
})

t.test('the access token as a Bearer header, the team as `teamId`', async (t) => {
  t.match(resolveAuthScheme(vercel), {
    kind: 'apiKey',
    send: [{ in: 'header', name: 'Authorization', value: 'Bearer {{credentials.apiKey}}' }]
  })
  t.same(vercel.http?.query, { teamId: '{{parameters.teamId}}' })
  t.match(vercel.verification, { path: '/v2/user', identity: { user: 'user.username', email: 'user.email' } })
})

t.test('the team is optional', async (t) => {
  t.match(validateParameters(vercel, {}), { ok: true })
  t.match(validateParameters(vercel, { teamId: 'team_nllPyCtREAqxxdyFKbbMDlxd' }), { ok: true })
  t.match(validateParameters(vercel, { teamId: 'team id?' }), { ok: false })
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(vercel, { parameters: {}, config: {}, metadata: {} }), { baseUrl: 'https://api.vercel.com' })
})
