import t from 'tap'
import { mandrill } from '@latchkey/connector-mandrill'
import { runCredentialScenario } from './scenario.js'

// https://mailchimp.com/developer/transactional/api/
// Every call is a POST whose JSON body carries the key as `key`.
t.test('Mandrill: the key merged into every JSON body', async (t) => {
  const key = 'md-CANARY-key'
  await runCredentialScenario(t, {
    connector: mandrill,
    credentials: { apiKey: key },
    provider: { apiCredentials: [{ in: 'body', name: 'key', value: key }] },
    accepts: () => undefined,
    verification: {
      path: '/api/users/info',
      answer: { username: 'acme-mail', reputation: 80 },
      account: { username: 'acme-mail' }
    },
    call: {
      method: 'POST',
      url: '/messages/send',
      body: { message: { text: 'Hi', to: [{ email: 'a@b.example' }] } },
      providerPath: '/api/messages/send',
      auth: 'declared'
    },
    whileConnected: async (t, { system, connectionId }) => {
      const sent = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'POST',
        url: '/templates/list',
        body: { label: 'welcome' }
      })
      t.same(
        JSON.parse(sent.body.body.body as string),
        { label: 'welcome', key },
        "the caller's fields kept, the key added"
      )
      const get = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'GET',
        url: '/users/ping'
      })
      t.match(get.body.error, {
        code: 'invalid_request',
        details: [{ path: 'body.body', message: /cannot be sent with GET/ }]
      })
      const list = await system.api('POST', `/v1/connections/${connectionId}/http`, {
        method: 'POST',
        url: '/x',
        body: '[1,2]',
        headers: { 'content-type': 'application/json' }
      })
      t.match(list.body.error, { details: [{ path: 'body.body', message: /must be a JSON object/ }] })
    }
  })
})
