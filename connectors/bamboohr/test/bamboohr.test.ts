import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import defaultExport, { bamboohr } from '../src/index.js'

t.test('the BambooHR definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, bamboohr)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(bamboohr))).issues, [])
  // The API key is the Basic user name; the password is a fixed placeholder.
  t.match(bamboohr.auth, { kind: 'basic', username: { label: 'API key' }, password: { value: 'x' } })
})

t.test('its URL names the company subdomain', async (t) => {
  t.equal(
    resolveEndpoints(bamboohr, { parameters: { companyDomain: 'mycompany' }, config: {}, metadata: {} }).baseUrl,
    'https://mycompany.bamboohr.com/api/v1'
  )
  t.match(validateParameters(bamboohr, { companyDomain: 'mycompany' }), { ok: true, issues: [] })
  t.match(validateParameters(bamboohr, { companyDomain: 'https://mycompany.bamboohr.com' }), {
    ok: false,
    issues: [{ path: 'parameters.companyDomain' }]
  })
  t.same(bamboohr.http?.headers, { Accept: 'application/json' }, 'JSON, not the default XML')
})

t.test('the verification reads the key\u2019s own employee (ID 0)', async (t) => {
  t.match(bamboohr.verification, {
    path: '/employees/0',
    query: { fields: 'firstName,lastName,workEmail' },
    identity: { employeeId: 'id', email: 'workEmail' }
  })
})

t.test('its actions', async (t) => {
  const employee = findAction(bamboohr, 'get_employee')
  t.ok(employee)
  if (employee === undefined) return
  const rendered = renderActionRequest(employee, { input: { id: '123', fields: 'firstName,jobTitle' } })
  t.equal(rendered.path, '/employees/123')
  t.same(rendered.query, { fields: 'firstName,jobTitle' })
  const directory = findAction(bamboohr, 'get_employee_directory')
  t.ok(directory)
  if (directory === undefined) return
  t.same(renderActionRequest(directory, { input: {} }).query, {}, 'onlyCurrent left out unless given')
})
