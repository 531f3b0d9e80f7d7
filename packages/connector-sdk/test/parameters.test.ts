import t from 'tap'
import type { ConfigValueError } from '../src/index.js'
import { defineConnector, resolveConfigValues, validateParameters } from '../src/index.js'
import { validDefinition } from './helpers.js'

const definition = validDefinition()

t.test('valid input is trimmed and defaults fill the gaps', async (t) => {
  const result = validateParameters(definition, { tenant: '  acme-1 ' })
  t.same(result, { ok: true, values: { tenant: 'acme-1', region: 'us' }, issues: [] })
})

t.test('every field error at once, with the field path', async (t) => {
  const result = validateParameters(definition, { tenant: 'Not Valid', region: 'mars', colour: 'red' })
  t.same(result.issues, [
    { path: 'parameters.colour', message: 'is not a parameter of this connector' },
    { path: 'parameters.tenant', message: 'Tenant is lower-case letters, digits and dashes' },
    { path: 'parameters.region', message: 'Region must be one of "us", "eu"' }
  ])
  t.equal(result.ok, false)
})

t.test('required, types, length, and the whole-value pattern', async (t) => {
  t.same(validateParameters(definition, {}).issues, [{ path: 'parameters.tenant', message: 'Tenant is required' }])
  t.same(validateParameters(definition, { tenant: 5 }).issues, [
    { path: 'parameters.tenant', message: 'Tenant must be text' }
  ])
  t.same(validateParameters(definition, { tenant: 'a'.repeat(2000) }).issues, [
    { path: 'parameters.tenant', message: 'Tenant must be at most 1024 characters' }
  ])
  t.same(validateParameters(definition, { tenant: 'ok-then!' }).issues.length, 1, 'pattern must match the whole value')
  t.same(validateParameters(definition, 'x').issues, [
    { path: 'parameters', message: 'must be an object of parameter values' }
  ])
  t.same(validateParameters(definition, { tenant: 'acme' }, 'body.parameters').ok, true)
  t.same(validateParameters({ parameters: [{ key: 'opt', label: 'Optional', required: false }] }, {}), {
    ok: true,
    values: {},
    issues: []
  })
  t.same(validateParameters({}, undefined), { ok: true, values: {}, issues: [] })
  t.same(validateParameters({ parameters: [{ key: 'code', label: 'Code', pattern: '\\d+' }] }, { code: 'x' }).issues, [
    { path: 'parameters.code', message: 'Code does not have the expected format' }
  ])
})

t.test('config values: static and computed from parameters', async (t) => {
  const connector = defineConnector({
    ...validDefinition(),
    configValues: [
      { key: 'apiVersion', label: 'API version', value: 'v2' },
      { key: 'host', label: 'Host', compute: ({ parameters }) => `${parameters.tenant ?? ''}.acme.example` }
    ]
  })
  t.same(resolveConfigValues(connector, { tenant: 'acme' }), { apiVersion: 'v2', host: 'acme.acme.example' })
  const throwing = defineConnector({
    ...validDefinition(),
    configValues: [
      {
        key: 'apiVersion',
        label: 'v',
        compute: () => {
          throw new Error('boom')
        }
      }
    ]
  })
  const error = t.throws(() => resolveConfigValues(throwing, {})) as ConfigValueError
  t.equal(error.code, 'ERR_CONFIG_VALUE')
  t.match(error.message, 'configValues.apiVersion: its compute function failed')
  const wrongType = defineConnector({
    ...validDefinition(),
    configValues: [{ key: 'apiVersion', label: 'v', compute: () => 5 as unknown as string }]
  })
  t.throws(() => resolveConfigValues(wrongType, {}), /returned number, not a string/)
})
