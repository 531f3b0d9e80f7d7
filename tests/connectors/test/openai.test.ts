import t from 'tap'
import { openai } from '@latchkey/connector-openai'
import { runCredentialScenario } from './scenario.js'

// https://platform.openai.com/docs/api-reference/authentication
// A project or user key as a bearer credential.
t.test('OpenAI: an API key as a bearer credential, verified on /models', async (t) => {
  await runCredentialScenario(t, {
    connector: openai,
    credentials: { apiKey: 'sk-proj-CANARYabc123' },
    verification: {
      path: '/api/models',
      answer: { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] },
      account: {}
    },
    call: {
      method: 'POST',
      url: '/chat/completions',
      body: { model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] },
      providerPath: '/api/chat/completions',
      auth: 'api_key'
    }
  })
})

// "you can pass a header to specify which organization and project is used for an API request"
t.test('OpenAI: the optional organization header, sent only when the customer gives one', async (t) => {
  await runCredentialScenario(t, {
    connector: openai,
    parameters: { organization: 'org-Acme42' },
    credentials: { apiKey: 'sk-proj-CANARYdef456' },
    provider: {
      apiCredentials: [
        { in: 'header', name: 'Authorization', value: 'Bearer sk-proj-CANARYdef456' },
        { in: 'header', name: 'OpenAI-Organization', value: 'org-Acme42' }
      ]
    },
    accepts: () => undefined,
    verification: { path: '/api/models', answer: { object: 'list', data: [] }, account: {} },
    call: { url: '/files', providerPath: '/api/files', auth: 'declared' }
  })
})
