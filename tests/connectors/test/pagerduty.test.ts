import t from 'tap'
import { pagerDuty } from '@latchkey/connector-pagerduty'
import { checkActions } from './actions.js'
import { runCredentialScenario } from './scenario.js'

const INCIDENTS = Array.from({ length: 230 }, (_, i) => ({
  id: `Q${String(i).padStart(6, '0')}`,
  type: 'incident',
  incident_number: 1000 + i,
  title: `Disk ${i} full`,
  status: 'triggered'
}))
const SERVICES = Array.from({ length: 120 }, (_, i) => ({ id: `PS${i}`, type: 'service', name: `Service ${i}` }))
const USERS = Array.from({ length: 45 }, (_, i) => ({ id: `PU${i}`, type: 'user', name: `User ${i}` }))
// https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/09-Pagination.md:
// classic pagination, `offset` and `limit` (at most 100), `more` false on the last page.
const classic = (items: readonly unknown[], itemsPath: string) =>
  ({ items, style: 'offset', param: 'offset', limitParam: 'limit', itemsPath, hasMorePath: 'more' }) as const

// https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md
// The REST API key goes as `Authorization: Token token=<key>`; a Bearer header is refused.
// https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/03-Versioning.md: the
// versioned `Accept` header answers in API v2 whatever the key defaults to; the emulator
// insists on it, for plain calls and actions alike.
t.test('PagerDuty: the REST API key as "Token token=", the versioned media type', async (t) => {
  const key = 'y_NbAkKc66ryYTWUXYEu'
  const credential = { in: 'header', name: 'Authorization', value: `Token token=${key}` } as const
  const versioned = { in: 'header', name: 'Accept', value: 'application/vnd.pagerduty+json;version=2' } as const
  await runCredentialScenario(t, {
    connector: pagerDuty,
    credentials: { apiKey: key },
    provider: { apiCredentials: [credential, versioned] },
    accepts: () => undefined,
    verification: { path: '/api/abilities', answer: { abilities: ['teams', 'read_only_users'] }, account: {} },
    call: { url: '/incidents?statuses[]=triggered', providerPath: '/api/incidents', auth: 'declared' },
    whileConnected: async (t, context) => {
      const { system, provider, connectionId } = context
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
      // https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/15-Incident-Creation-API.md:
      // creating an incident takes `From`, the email address of a user on the account. The
      // emulator accepts the request only with it. (Written first: the emulator serves the lists
      // below on `/api/incidents` for every method once they are set.)
      provider.setModes({
        apiCredentials: [credential, versioned, { in: 'header', name: 'From', value: 'ada@example.com' }]
      })
      await checkActions(t, context, [
        {
          action: 'create_incident',
          input: {
            from: 'ada@example.com',
            title: 'The server is on fire.',
            service_id: 'PWIXJZS',
            urgency: 'high',
            details: 'A disk is getting full on this machine.'
          },
          answer: {
            echo: { method: 'POST', path: '/api/incidents', query: {} },
            sentBody: {
              incident: {
                type: 'incident',
                title: 'The server is on fire.',
                service: { id: 'PWIXJZS', type: 'service_reference' },
                urgency: 'high',
                body: { type: 'incident_body', details: 'A disk is getting full on this machine.' }
              }
            }
          }
        }
      ])
      provider.setModes({ apiCredentials: [credential, versioned] })
      await checkActions(t, context, [
        {
          action: 'list_incidents',
          input: { statuses: ['triggered'], service_ids: ['PIJ90N7'] },
          serves: { path: '/api/incidents', collection: classic(INCIDENTS, 'incidents') },
          pages: 10,
          requests: [
            {
              path: '/api/incidents',
              query: { 'statuses[]': 'triggered', 'service_ids[]': 'PIJ90N7', limit: '100', offset: '0' }
            },
            {
              path: '/api/incidents',
              query: { 'statuses[]': 'triggered', 'service_ids[]': 'PIJ90N7', limit: '100', offset: '100' }
            },
            {
              path: '/api/incidents',
              query: { 'statuses[]': 'triggered', 'service_ids[]': 'PIJ90N7', limit: '100', offset: '200' }
            }
          ],
          answer: { output: INCIDENTS, pages: 3, more: false }
        },
        {
          action: 'list_services',
          input: { query: 'Service' },
          serves: { path: '/api/services', collection: classic(SERVICES, 'services') },
          pages: 10,
          requests: [
            { path: '/api/services', query: { query: 'Service', limit: '100', offset: '0' } },
            { path: '/api/services', query: { query: 'Service', limit: '100', offset: '100' } }
          ],
          answer: { output: SERVICES, pages: 2, more: false }
        },
        {
          action: 'list_users',
          input: { team_ids: ['PQ9K7I8'] },
          serves: { path: '/api/users', collection: classic(USERS, 'users') },
          pages: 10,
          requests: [{ path: '/api/users', query: { 'team_ids[]': 'PQ9K7I8', limit: '100', offset: '0' } }],
          answer: { output: USERS, pages: 1, more: false }
        }
      ])
    }
  })
})
