import t from 'tap'
import { pagerDuty } from '@latchkey/connector-pagerduty'
import { runCredentialScenario } from './scenario.js'

// https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md
// The REST API key goes as `Authorization: Token token=<key>`; a Bearer header is refused.
t.test('PagerDuty: the REST API key as "Token token=", the versioned media type', async (t) => {
  const key = 'y_NbAkKc66ryYTWUXYEu'
  await runCredentialScenario(t, {
    connector: pagerDuty,
    credentials: { apiKey: key },
    provider: { apiCredentials: [{ in: 'header', name: 'Authorization', value: `Token token=${key}` }] },
    accepts: () => undefined,
    verification: { path: '/api/abilities', answer: { abilities: ['teams', 'read_only_users'] }, account: {} },
    call: { url: '/incidents?statuses[]=triggered', providerPath: '/api/incidents', auth: 'declared' },
    whileConnected: async (t, { system, connectionId }) => {
      const answer = await system.api('POST', `/v1/connections/${connectionId}/http`, { method: 'GET', url: '/users' })
      t.equal(answer.body.status, 200)
      const bearer = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'GET',
        url: '/users',
        headers: { Authorization: `Bearer ${key}` }
      })
      t.match(bearer.body.error, {
        code: 'invalid_request',
        details: [{ path: 'body.headers.Authorization', message: /where Latchkey puts the credential/ }]
      })
    }
  })
})
