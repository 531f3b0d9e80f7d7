import t from 'tap'
import { datadog } from '@latchkey/connector-datadog'
import { runCredentialScenario } from './scenario.js'

// https://docs.datadoghq.com/api/latest/authentication/
// Two keys in two headers, on the API host of the customer's site, picked from a list.
t.test('Datadog: API key and application key headers on the EU site', async (t) => {
  await runCredentialScenario(t, {
    connector: datadog,
    parameters: { site: 'eu1' },
    // The lookup table names the host; the emulator stands for it under /sites/<host>/.
    site: { template: '{{parameters.site.apiHost}}', expected: 'api.datadoghq.eu' },
    baseUrl: (_provider, root) => `${root}/api`,
    credentials: { apiKey: 'dd-api-CANARY-1', applicationKey: 'dd-app-CANARY-2' },
    provider: {
      apiCredentials: [
        { in: 'header', name: 'DD-API-KEY', value: 'dd-api-CANARY-1' },
        { in: 'header', name: 'DD-APPLICATION-KEY', value: 'dd-app-CANARY-2' }
      ]
    },
    accepts: () => undefined,
    // https://docs.datadoghq.com/api/latest/key-management/validate-api-and-application-keys/
    verification: { path: '/api/api/v2/validate_keys', answer: { status: 'ok' }, account: {} },
    call: { url: '/api/v1/monitor', providerPath: '/api/api/v1/monitor', auth: 'declared' },
    whileConnected: async (t, { system, connectionId }) => {
      const token = await system.api('GET', `/v1/connections/${connectionId}/token`)
      t.same(
        token.body.credentials,
        { apiKey: 'dd-api-CANARY-1', applicationKey: 'dd-app-CANARY-2' },
        'the token endpoint hands out both keys'
      )
    }
  })
})

t.test('Datadog: a missing application key is named before anything is stored', async (t) => {
  const { startSystem } = await import('@latchkey/test-system')
  const system = await startSystem(t)
  const refused = await system.api('POST', '/v1/connections', {
    connector: 'datadog',
    parameters: { site: 'mars' },
    credentials: { apiKey: 'k', appKey: 'a' }
  })
  t.equal(refused.status, 400)
  t.same(refused.body.error.details, [
    {
      path: 'body.parameters.site',
      message: 'Datadog site must be one of "us1", "us3", "us5", "eu1", "ap1", "ap2", "uk1", "gov", "gov2"'
    },
    {
      path: 'body.credentials.appKey',
      message: 'is not used by the "API key" scheme: give apiKey, applicationKey (did you mean "apiKey"?)'
    },
    { path: 'body.credentials.applicationKey', message: 'is required: the Application key' }
  ])
  t.same((await system.api('GET', '/v1/connections')).body.connections, [], 'nothing was stored')
})
