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
  // Keys that reach several organizations or projects name the one a request is for.
  parameters: [
    {
      key: 'organization',
      label: 'Organization ID',
      required: false,
      pattern: 'org-[A-Za-z0-9]+',
      patternMessage: 'An organization ID starts with "org-"',
      helpText: 'Only when your key belongs to several organizations (Settings → Organization).'
    },
    {
      key: 'project',
      label: 'Project ID',
      required: false,
      pattern: 'proj_[A-Za-z0-9]+',
      patternMessage: 'A project ID starts with "proj_"',
      helpText: 'Only for a legacy user key used with one project.'
    }
  ],
  auth: {
    kind: 'apiKey',
    inputLabel: 'API key',
    pattern: 'sk-[A-Za-z0-9_-]+',
    helpText: 'API keys page of the OpenAI platform.'
  },
  http: {
    baseUrl: 'https://api.openai.com/v1',
    // Sent only when given.
    headers: { 'OpenAI-Organization': '{{parameters.organization}}', 'OpenAI-Project': '{{parameters.project}}' }
  },
  verification: { path: '/models' }
})
