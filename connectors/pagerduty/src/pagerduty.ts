import { defineConnector } from '@latchkey/connector-sdk'

/**
 * PagerDuty's REST API with a REST API key, sent as `Authorization: Token token=<key>`
 * (not `Bearer`), with the versioned media type PagerDuty asks for.
 *
 * @see https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md
 * @see https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/03-Versioning.md
 */
export const pagerDuty = defineConnector({
  key: 'pagerduty',
  name: 'PagerDuty',
  version: '1.0.0',
  description: 'Incidents, services, schedules and on-call, with a REST API key.',
  docsUrl: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md',
  auth: {
    kind: 'apiKey',
    input: {
      label: 'REST API key',
      helpText:
        'A general access key (Integrations → API Access Keys) or your own user token (My Profile → User Settings).',
      docsUrl: 'https://github.com/PagerDuty/developer-docs/blob/main/docs/REST-API/02-Authentication.md'
    },
    send: [{ in: 'header', name: 'Authorization', value: 'Token token={{credentials.apiKey}}' }]
  },
  http: {
    baseUrl: 'https://api.pagerduty.com',
    // Answers in API v2 whatever version the key defaults to.
    headers: { Accept: 'application/vnd.pagerduty+json;version=2' }
  },
  // Works for account keys and user tokens alike (`/users/me` needs a user token).
  // `GET /abilities` in @see https://raw.githubusercontent.com/PagerDuty/api-schema/main/reference/REST/openapiv3.json
  verification: { path: '/abilities' }
})
