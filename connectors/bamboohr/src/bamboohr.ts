import { defineConnector } from '@latchkey/connector-sdk'

/**
 * BambooHR: a company's employee records with a user's API key, on the company's own
 * subdomain.
 *
 * - "At the HTTP level, the API key is sent over HTTP Basic Authentication. Use the secret key
 *   as the username and any random string for the password"; BambooHR's SDK sends `x`.
 * - Requests are "authenticated and permissioned as if a real user were using the software":
 *   the key's user decides which employees and fields are visible.
 * - The API lives on the company's host: `https://{companyDomain}.bamboohr.com/api/v1/…`, where
 *   `companyDomain` is "the text that appears before .bamboohr.com in your company's BambooHR URL"
 *   (the SDK's server `https://{companyDomain}.bamboohr.com`, paths `/api/v1/…`).
 * - "The response format is controlled by the Accept header": JSON is asked for.
 *
 * BambooHR's OAuth (OpenID Connect) flow for partner integrations is not declared here.
 *
 * @see https://documentation.bamboohr.com/docs/getting-started
 * @see https://github.com/BambooHR/bhr-api-python/blob/main/AUTHENTICATION.md
 * @see https://github.com/BambooHR/bhr-api-python/blob/main/docs/EmployeesApi.md
 */
export const bamboohr = defineConnector({
  key: 'bamboohr',
  name: 'BambooHR',
  version: '1.0.0',
  description: "A company's BambooHR employee records, with a user's API key.",
  docsUrl: 'https://documentation.bamboohr.com/docs/getting-started',
  parameters: [
    {
      key: 'companyDomain',
      label: 'BambooHR subdomain',
      helpText: 'If you sign in at https://mycompany.bamboohr.com, this is "mycompany".',
      example: 'mycompany',
      pattern: '[a-z0-9][a-z0-9-]{0,62}',
      patternMessage: 'Only the name before .bamboohr.com, such as "mycompany"',
      docsUrl: 'https://documentation.bamboohr.com/docs/getting-started'
    }
  ],
  auth: {
    kind: 'basic',
    label: 'API key',
    username: {
      label: 'API key',
      helpText: 'Your name (top right) → API Keys → Add New Key. The key acts with your permissions.',
      docsUrl: 'https://documentation.bamboohr.com/docs/getting-started'
    },
    // "any random string for the password": `x`, as BambooHR's SDK sends.
    password: { value: 'x' }
  },
  http: {
    baseUrl: 'https://{{parameters.companyDomain}}.bamboohr.com/api/v1',
    headers: { Accept: 'application/json' }
  },
  /**
   * Get Employee with the special ID 0: "The special employee ID of zero (0) means to use the
   * employee ID associated with the API key (if any)".
   * @see https://documentation.bamboohr.com/reference/get-employee
   */
  verification: {
    path: '/employees/0',
    query: { fields: 'firstName,lastName,workEmail' },
    identity: { employeeId: 'id', email: 'workEmail' }
  },
  actions: [
    {
      key: 'get_employee_directory',
      name: 'Get the employee directory',
      description:
        'The company directory: a fieldset and the employees (current ones unless only_current is false). ' +
        'BambooHR answers 403 when directory sharing is off.',
      method: 'GET',
      // https://documentation.bamboohr.com/reference/get-employees-directory
      path: '/employees/directory',
      query: { onlyCurrent: '{{input.only_current}}' },
      input: {
        type: 'object',
        properties: { only_current: { enum: ['true', 'false'], description: 'Default true' } },
        additionalProperties: false
      },
      output: 'employees'
    },
    {
      key: 'get_employee',
      name: 'Get an employee',
      method: 'GET',
      // https://documentation.bamboohr.com/reference/get-employee (at most 400 fields per request)
      path: '/employees/{{input.id}}',
      query: { fields: '{{input.fields}}' },
      input: {
        type: 'object',
        properties: {
          id: { type: 'string', minLength: 1, description: 'The employee ID; "0" is the API key\'s own employee' },
          fields: {
            type: 'string',
            minLength: 1,
            description: 'Comma-separated field names, e.g. "firstName,jobTitle"'
          }
        },
        required: ['id', 'fields'],
        additionalProperties: false
      }
    }
  ]
})
