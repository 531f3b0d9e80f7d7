import t from 'tap'
import { freshdesk } from '@latchkey/connector-freshdesk'
import { runCredentialScenario } from './scenario.js'

// https://developers.freshdesk.com/api/
// The agent's API key is the basic-auth user name; the password is a placeholder ("X").
t.test('Freshdesk: the API key as the basic user, X as the password, the agent kept', async (t) => {
  await runCredentialScenario(t, {
    connector: freshdesk,
    parameters: { domain: 'acme' },
    site: { template: '{{parameters.domain}}', expected: 'acme' },
    credentials: { username: 'fd-key-CANARY' },
    accepts: (provider) => provider.addBasicUser('fd-key-CANARY', 'X'),
    verification: {
      path: '/api/agents/me',
      answer: { id: 7, contact: { name: 'Ada Agent', email: 'ada@acme.example' } },
      account: { email: 'ada@acme.example', name: 'Ada Agent' }
    },
    call: { url: '/tickets', providerPath: '/api/tickets', auth: 'basic' }
  })
})
