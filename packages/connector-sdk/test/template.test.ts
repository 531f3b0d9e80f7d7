import t from 'tap'
import { TemplateError, parsePlaceholders, readPath, renderTemplate, renderUrlTemplate } from '../src/index.js'

const values = {
  parameters: { tenant: 'acme', path: 'a b/c?d', email: 'x@y.z' },
  config: { version: 'v2' },
  metadata: { instance_url: 'https://na1.example.com/', team: { id: 'T1' } }
}

t.test('host placeholders accept host labels only', async (t) => {
  t.equal(renderUrlTemplate('https://{{parameters.tenant}}.zendesk.com/api', values), 'https://acme.zendesk.com/api')
  for (const evil of ['evil.com/x', 'evil.com#', 'a@b', 'a:1', '-a', 'a b', '']) {
    t.throws(
      () => renderUrlTemplate('https://{{parameters.tenant}}.zendesk.com', { parameters: { tenant: evil } }),
      TemplateError,
      JSON.stringify(evil)
    )
  }
})

t.test('path, query and fragment values are percent-encoded', async (t) => {
  t.equal(
    renderUrlTemplate(
      'https://api.example.com/v/{{parameters.path}}?who={{parameters.email}}&v={{config.version}}#{{parameters.path}}',
      values
    ),
    'https://api.example.com/v/a%20b%2Fc%3Fd?who=x%40y.z&v=v2#a%20b%2Fc%3Fd'
  )
})

t.test('a leading placeholder stands for a whole origin', async (t) => {
  t.equal(renderUrlTemplate('{{metadata.instance_url}}/services/data', values), 'https://na1.example.com/services/data')
  t.throws(
    () => renderUrlTemplate('{{metadata.instance_url}}/x', { metadata: { instance_url: 'not a url' } }),
    /must be an absolute URL/
  )
  t.throws(
    () => renderUrlTemplate('{{metadata.instance_url}}/x', { metadata: { instance_url: 'javascript:alert(1)' } }),
    /http\(s\) URL/
  )
})

t.test('missing values are errors that name the placeholder', async (t) => {
  const error = t.throws(() => renderUrlTemplate('https://{{parameters.subdomain}}.x.com', values)) as TemplateError
  t.equal(error.code, 'ERR_TEMPLATE')
  t.equal(error.placeholder, 'parameters.subdomain')
  t.match(error.message, '{{parameters.subdomain}} has no value')
  t.match(
    t.throws(() => renderTemplate('{{config.nothing}}', values)),
    { placeholder: 'config.nothing' }
  )
  t.throws(() => renderTemplate('{{metadata.team}}', values), /not a plain value/)
  t.throws(() => renderTemplate('{{other.x}}', values), /unknown namespace/)
  t.throws(() => renderTemplate('{{bad', values), /unbalanced/)
})

t.test('plain templates insert values as they are', async (t) => {
  t.equal(renderTemplate('Token {{parameters.path}} for {{metadata.team.id}}', values), 'Token a b/c?d for T1')
  t.equal(renderTemplate('no placeholders', values), 'no placeholders')
})

t.test('parsePlaceholders reports positions and malformed ones', async (t) => {
  const { placeholders, problems } = parsePlaceholders('a{{ parameters.x }}b{{config.y}}{{weird}}')
  t.match(placeholders, [{ name: 'parameters.x', namespace: 'parameters', key: 'x', start: 1 }, { name: 'config.y' }])
  t.equal(problems.length, 1)
})

t.test('readPath reads dot paths and dotted keys', async (t) => {
  t.equal(readPath({ a: { b: 1 } }, 'a.b'), 1)
  t.equal(readPath({ 'a.b': 2 }, 'a.b'), 2)
  t.equal(readPath({ a: null }, 'a.b'), undefined)
  t.equal(readPath('x', 'a'), undefined)
  t.equal(readPath({ a: {} }, 'a.constructor'), undefined, 'only own properties')
})
