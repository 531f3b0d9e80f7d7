import { defineConnector } from '@latchkey/connector-sdk'

/**
 * OpenAI: The OpenAI API with a project API key.
 *
 * @see https://platform.openai.com/docs/api-reference/authentication
 */
export const openai = defineConnector({
  key: 'openai',
  name: 'OpenAI',
  version: '1.0.0',
  description: 'The OpenAI API with a project API key.',
  docsUrl: 'https://platform.openai.com/docs/api-reference/authentication',
  auth: {
    kind: 'apiKey',
    inputLabel: 'API key',
    pattern: 'sk-[A-Za-z0-9_-]+',
    helpText: 'API keys page of the OpenAI platform.'
  },
  http: { baseUrl: 'https://api.openai.com/v1' },
  verification: { path: '/models' }
})
