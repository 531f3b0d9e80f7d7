import t from 'tap'
import { bamboohr } from '@latchkey/connector-bamboohr'
import { checkActions } from './actions.js'
import { runCredentialScenario } from './scenario.js'

// https://documentation.bamboohr.com/docs/getting-started
// https://github.com/BambooHR/bhr-api-python/blob/main/AUTHENTICATION.md
// The API key is the Basic user name, "any random string" the password (`x`, as BambooHR's
// SDK sends), on the company's own host `https://{companyDomain}.bamboohr.com/api/v1`.
t.test("BambooHR: the API key as the Basic user, x as the password, on the company's subdomain", async (t) => {
  await runCredentialScenario(t, {
    connector: bamboohr,
    parameters: { companyDomain: 'mycompany' },
    site: { template: '{{parameters.companyDomain}}', expected: 'mycompany' },
    credentials: { username: 'bhr-key-CANARY' },
    accepts: (provider) => provider.addBasicUser('bhr-key-CANARY', 'x'),
    // Get Employee with ID 0: the employee the API key belongs to.
    // https://github.com/BambooHR/bhr-api-python/blob/main/docs/EmployeesApi.md
    verification: {
      path: '/api/employees/0',
      answer: { id: '123', firstName: 'Ada', lastName: 'Lovelace', workEmail: 'ada@mycompany.example' },
      account: { employeeId: '123', email: 'ada@mycompany.example' }
    },
    call: { url: '/meta/fields', providerPath: '/api/meta/fields', auth: 'basic' },
    whileConnected: (t, context) =>
      checkActions(t, context, [
        {
          action: 'get_employee',
          input: { id: '123', fields: 'firstName,jobTitle' },
          answer: { echo: { method: 'GET', path: '/api/employees/123', query: { fields: 'firstName,jobTitle' } } }
        }
      ])
  })
})
