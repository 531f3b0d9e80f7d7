import { defineConnector } from '@latchkey/connector-sdk'

/**
 * Datadog: an API key and an application key in two headers, on the API host of the
 * customer's Datadog site (a lookup table: no host typed by hand).
 *
 * @see https://docs.datadoghq.com/api/latest/authentication/
 */
export const datadog = defineConnector({
  key: 'datadog',
  name: 'Datadog',
  version: '1.0.0',
  description: 'Metrics, monitors, logs and events, with an API key and an application key.',
  docsUrl: 'https://docs.datadoghq.com/api/latest/authentication/',
  parameters: [
    {
      key: 'site',
      label: 'Datadog site',
      type: 'dropdown',
      helpText: 'The site in the address you log in at (app.datadoghq.com is US1).',
      default: 'us1',
      options: [
        { value: 'us1', label: 'US1 (app.datadoghq.com)', values: { apiHost: 'api.datadoghq.com' } },
        { value: 'us3', label: 'US3 (us3.datadoghq.com)', values: { apiHost: 'api.us3.datadoghq.com' } },
        { value: 'us5', label: 'US5 (us5.datadoghq.com)', values: { apiHost: 'api.us5.datadoghq.com' } },
        { value: 'eu1', label: 'EU1 (app.datadoghq.eu)', values: { apiHost: 'api.datadoghq.eu' } },
        { value: 'ap1', label: 'AP1 (ap1.datadoghq.com)', values: { apiHost: 'api.ap1.datadoghq.com' } },
        { value: 'ap2', label: 'AP2 (ap2.datadoghq.com)', values: { apiHost: 'api.ap2.datadoghq.com' } },
        { value: 'uk1', label: 'UK1 (uk1.datadoghq.com)', values: { apiHost: 'api.uk1.datadoghq.com' } },
        { value: 'gov', label: 'US1-FED (app.ddog-gov.com)', values: { apiHost: 'api.ddog-gov.com' } },
        { value: 'gov2', label: 'US2-FED (us2.ddog-gov.com)', values: { apiHost: 'api.us2.ddog-gov.com' } }
      ]
    }
  ],
  auth: {
    kind: 'apiKey',
    input: {
      label: 'API key',
      helpText: 'Organization Settings → API Keys.',
      docsUrl: 'https://docs.datadoghq.com/account_management/api-app-keys/'
    },
    fields: [
      {
        key: 'applicationKey',
        label: 'Application key',
        helpText: 'Organization Settings → Application Keys; reading data needs one.',
        docsUrl: 'https://docs.datadoghq.com/account_management/api-app-keys/'
      }
    ],
    send: [
      { in: 'header', name: 'DD-API-KEY', value: '{{credentials.apiKey}}' },
      { in: 'header', name: 'DD-APPLICATION-KEY', value: '{{credentials.applicationKey}}' }
    ]
  },
  http: { baseUrl: 'https://{{parameters.site.apiHost}}' },
  // Checks both keys at once: `{"status":"ok"}`, or 401/403.
  // @see https://docs.datadoghq.com/api/latest/key-management/validate-api-and-application-keys/
  verification: { path: '/api/v2/validate_keys' }
})
