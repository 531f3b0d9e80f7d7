import t from 'tap'
import {
  TemplateError,
  resolveEndpoints,
  validateConnectorDefinition,
  validateParameters
} from '@latchkey/connector-sdk'
import { zendesk } from '../src/index.js'

t.test('the Zendesk definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(zendesk))).issues, [])
})

t.test('the subdomain goes into every URL', async (t) => {
  t.same(resolveEndpoints(zendesk, { parameters: { subdomain: 'acme' }, config: {}, metadata: {} }), {
    authorizeUrl: 'https://acme.zendesk.com/oauth/authorizations/new',
    tokenUrl: 'https://acme.zendesk.com/oauth/tokens',
    refreshUrl: 'https://acme.zendesk.com/oauth/tokens',
    revokeUrl: undefined,
    baseUrl: 'https://acme.zendesk.com/api/v2'
  })
})

t.test('a bad subdomain is a field error, and can never change the host', async (t) => {
  t.same(validateParameters(zendesk, { subdomain: 'evil.com/x' }).issues, [
    {
      path: 'parameters.subdomain',
      message: 'Use only the part before .zendesk.com: lower-case letters, digits and dashes'
    }
  ])
  t.same(validateParameters(zendesk, {}).issues, [
    { path: 'parameters.subdomain', message: 'Zendesk subdomain is required' }
  ])
  t.throws(() => resolveEndpoints(zendesk, { parameters: { subdomain: 'evil.com/x' }, config: {} }), TemplateError)
})
