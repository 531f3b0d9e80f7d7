import t from 'tap'
import { mailgun } from '@latchkey/connector-mailgun'
import { runCredentialScenario } from './scenario.js'

const KEY = '0123456789abcdef0123456789abcdef-CANARY'

// https://documentation.mailgun.com/docs/mailgun/api-reference/authentication
// HTTP Basic with the user name `api` and the API key as the password: the emulator accepts
// exactly that pair, so a key sent under another user name is refused.
// https://documentation.mailgun.com/docs/mailgun/api-reference (Base URL): an EU domain's
// calls go to api.eu.mailgun.net, each path carrying its own version.
t.test('Mailgun: api:<key> as HTTP Basic, on the EU host, the newest domain kept', async (t) => {
  await runCredentialScenario(t, {
    connector: mailgun,
    parameters: { region: 'eu' },
    // The lookup table names the host; the emulator stands for it under /sites/<host>/.
    site: { template: '{{parameters.region.apiHost}}', expected: 'api.eu.mailgun.net' },
    credentials: { password: KEY },
    accepts: (provider) => provider.addBasicUser('api', KEY),
    // https://documentation.mailgun.com/docs/mailgun/api-reference/send/mailgun/domains/get-v4-domains
    verification: {
      path: '/api/v4/domains',
      answer: {
        total_count: 2,
        items: [
          {
            created_at: 'Mon, 02 Jan 2006 15:04:05 MST',
            id: '1',
            name: 'mg.acme.example',
            state: 'active',
            type: 'custom',
            web_prefix: 'email'
          }
        ]
      },
      account: { domain: 'mg.acme.example', domainCount: 2 }
    },
    // GET /v3/{domain_name}/bounces, "Paginate over a list of bounces for a domain" (Mailgun's OpenAPI document).
    call: {
      url: '/v3/mg.acme.example/bounces?limit=100',
      providerPath: '/api/v3/mg.acme.example/bounces',
      auth: 'basic'
    },
    whileConnected: async (t, { system, connectionId }) => {
      const token = await system.api('GET', `/v1/connections/${connectionId}/token`)
      t.same(token.body.credentials, { password: KEY }, 'only the key is kept: the user name is the definition’s')
    }
  })
})
