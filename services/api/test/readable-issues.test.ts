import t from 'tap'
import { readableIssues } from '../src/http-errors.js'
import { startHarness } from './harness.js'

t.test('schema failures become one sentence per field, never the validator’s own words', async (t) => {
  t.same(
    readableIssues('body', [
      {
        keyword: 'minLength',
        instancePath: '/connector',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 characters'
      },
      { keyword: 'type', instancePath: '/label', params: { type: 'string' }, message: 'must be string' },
      { keyword: 'type', instancePath: '/label', params: { type: 'null' }, message: 'must be null' },
      { keyword: 'anyOf', instancePath: '/label', params: {}, message: 'must match a schema in anyOf' },
      { keyword: 'anyOf', instancePath: '/document', params: {}, message: 'must match a schema in anyOf' },
      {
        keyword: 'required',
        instancePath: '',
        params: { missingProperty: 'externalId' },
        message: "must have required property 'externalId'"
      },
      {
        keyword: 'additionalProperties',
        instancePath: '',
        params: { additionalProperty: 'extra' },
        message: 'must NOT have additional properties'
      },
      {
        keyword: 'maxItems',
        instancePath: '/scopes',
        params: { limit: 50 },
        message: 'must NOT have more than 50 items'
      },
      {
        keyword: 'enum',
        instancePath: '/status',
        params: { allowedValues: ['a', 'b'] },
        message: 'must be equal to one of the allowed values'
      },
      { keyword: 'format', instancePath: '/url', params: { format: 'uri' }, message: 'must match format "uri"' },
      { keyword: 'minimum', instancePath: '/limit', params: { comparison: '>=', limit: 1 }, message: 'must be >= 1' }
    ]),
    [
      { path: 'body.connector', message: 'must not be empty' },
      { path: 'body.label', message: 'must be text or null' },
      { path: 'body.document', message: 'is not in any accepted form' },
      { path: 'body.externalId', message: 'is required' },
      { path: 'body.extra', message: 'is not a known field' },
      { path: 'body.scopes', message: 'must have at most 50 items' },
      { path: 'body.status', message: 'must be one of "a", "b"' },
      { path: 'body.url', message: 'must be an absolute URL' },
      { path: 'body.limit', message: 'must be >= 1' }
    ]
  )
})

t.test('a union says what its matching branch found; query fields are named as the query', async (t) => {
  t.same(
    readableIssues('body', [
      { keyword: 'type', instancePath: '/label', params: { type: 'null' }, message: 'must be null' },
      { keyword: 'maxLength', instancePath: '/label', params: { limit: 100 }, message: 'must NOT have more than 100' },
      { keyword: 'anyOf', instancePath: '/label', params: {}, message: 'must match a schema in anyOf' }
    ]),
    [{ path: 'body.label', message: 'must be at most 100 characters long' }],
    'a text too long is not told it must be null'
  )
  t.same(
    readableIssues('querystring', [
      { keyword: 'minimum', instancePath: '/limit', params: { comparison: '>=', limit: 1 }, message: 'must be >= 1' },
      {
        keyword: 'additionalProperties',
        instancePath: '',
        params: { additionalProperty: 'sort' },
        message: 'must NOT have additional properties'
      }
    ]),
    [
      { path: 'query.limit', message: 'must be >= 1' },
      { path: 'query.sort', message: 'is not a known field' }
    ]
  )
  t.same(
    readableIssues('body', [
      {
        keyword: 'minProperties',
        instancePath: '',
        params: { limit: 1 },
        message: 'must NOT have fewer than 1 properties'
      }
    ]),
    [{ path: 'body', message: 'must have at least one field' }]
  )
})

t.test('through the API: every problem at once, each a sentence', async (t) => {
  const h = await startHarness(t)
  const tenant = await h.createTenant()
  const answer = await h.call('POST', '/v1/connect-sessions', {
    apiKey: tenant.apiKey,
    body: { externalId: '', connectors: [{}], extra: 1 }
  })
  t.equal(answer.statusCode, 400)
  const error = answer.json().error as { message: string; details: { path: string; message: string }[] }
  t.match(error.message, /^3 fields need a change: /)
  t.notMatch(JSON.stringify(error), /must NOT|must match a schema|must be string|must have required property/)
  t.same(error.details.map((d) => d.path).sort(), ['body.connectors[0]', 'body.externalId', 'body.extra'].sort())
})
