import fc from 'fast-check'
import t from 'tap'
import { duplicateJsonMembers } from '../src/duplicate-json-members.js'

const TOKEN_PATHS = ['access_token', 'refresh_token', 'scope', 'authed_user.access_token']

t.test('a member repeated on a watched path is found, whatever the spelling of its name', async (t) => {
  t.same(duplicateJsonMembers('{"access_token":"a","access_token":"b"}', TOKEN_PATHS), ['access_token'])
  t.same(
    duplicateJsonMembers('{ "access_token" : "a" ,\n\t"acc\\u0065ss_token": "b" }', TOKEN_PATHS),
    ['access_token'],
    'an escaped name is the same name'
  )
  t.same(duplicateJsonMembers('{"scope":"a","refresh_token":"r","scope":"b","refresh_token":"s"}', TOKEN_PATHS), [
    'scope',
    'refresh_token'
  ])
  t.same(duplicateJsonMembers('{"access_token":"a","scope":"read"}', TOKEN_PATHS), [])
  t.same(duplicateJsonMembers('{}', TOKEN_PATHS), [])
})

t.test('nested token paths: the member and every object on the way to it', async (t) => {
  t.same(
    duplicateJsonMembers('{"ok":true,"authed_user":{"id":"U1","access_token":"a","access_token":"b"}}', TOKEN_PATHS),
    ['authed_user.access_token']
  )
  t.same(duplicateJsonMembers('{"authed_user":{"access_token":"a"},"authed_user":{"access_token":"b"}}', TOKEN_PATHS), [
    'authed_user'
  ])
  t.same(
    duplicateJsonMembers('{"a":[{"b":1},{"b":1,"b":2}]}', ['a.1.b']),
    ['a.1.b'],
    'array elements by index, as readPath reads them'
  )
  t.same(
    duplicateJsonMembers('{"a.b":1,"a.b":2}', ['a.b']),
    ['a.b'],
    'a literal dotted name, which readPath reads first'
  )
  t.same(
    duplicateJsonMembers('{"a":[ ],"authed_user":{ },"b":[[1,2],{"c":1,"c":2}]}', [
      'a.0.b',
      'authed_user.access_token',
      'b.1.c'
    ]),
    ['b.1.c'],
    'empty containers on the way'
  )
})

t.test('repeats nobody reads are left alone, and strings never confuse the scan', async (t) => {
  t.same(duplicateJsonMembers('{"x":1,"x":2,"access_token":"a"}', TOKEN_PATHS), [])
  t.same(
    duplicateJsonMembers('{"other":{"access_token":1,"access_token":2},"access_token":"a"}', TOKEN_PATHS),
    [],
    'the same name elsewhere is another member'
  )
  t.same(
    duplicateJsonMembers(
      '{"a":"}\\"{,\\\\","access_token":"x","b":["{\\"access_token\\":1",{"access_token":1,"access_token":2}],"n":-1.5e+10,"t":true,"f":false,"z":null,"access_token":"y"}',
      TOKEN_PATHS
    ),
    ['access_token']
  )
  t.same(duplicateJsonMembers('{"authed_user":"not an object","authed_user":null}', TOKEN_PATHS), ['authed_user'])
  t.same(
    duplicateJsonMembers('{"authed_user":[1,{"access_token":1,"access_token":2}]}', TOKEN_PATHS),
    [],
    'an array where an object was expected is not walked by name'
  )
})

t.test('deep nesting off the watched paths is skipped without recursion', async (t) => {
  const deep = `{"x":${'['.repeat(200_000)}${']'.repeat(200_000)},"y":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)},"access_token":"a","access_token":"b"}`
  JSON.parse(deep)
  t.same(duplicateJsonMembers(deep, TOKEN_PATHS), ['access_token'])
})

type Entries = [string, unknown][]
/** A nested object given as its members, so that names may repeat. */
class Nested {
  constructor(readonly entries: Entries) {}
}
const value = fc.jsonValue({ maxDepth: 2 })
const nested = fc.array(fc.tuple(fc.constantFrom('access_token', 'id', 'scope'), value), { maxLength: 5 })
const top = fc.array(
  fc.oneof(
    fc.tuple(fc.constantFrom('access_token', 'refresh_token', 'scope', 'x', 'y'), value),
    fc.tuple(
      fc.constant('authed_user'),
      nested.map((e): unknown => new Nested(e))
    )
  ),
  { maxLength: 8 }
)
const space = fc.constantFrom('', ' ', '\n', '\t ', '\r\n')

function render(entries: Entries, ws: string): string {
  const members = entries.map(([key, v]) => {
    const inner = v instanceof Nested ? render(v.entries, ws) : JSON.stringify(v)
    return `${ws}${JSON.stringify(key)}${ws}:${ws}${inner}${ws}`
  })
  return `{${members.join(',')}${ws}}`
}

function repeated(entries: Entries): string[] {
  const counts = new Map<string, number>()
  for (const [key] of entries) counts.set(key, (counts.get(key) ?? 0) + 1)
  return [...counts].filter(([, n]) => n > 1).map(([key]) => key)
}

t.test('over generated objects: exactly the watched names that repeat, as JSON.parse reads the text', async (t) => {
  fc.assert(
    fc.property(top, space, (entries, ws) => {
      const text = render(entries, ws)
      JSON.parse(text)
      const expected = new Set(repeated(entries).filter((key) => TOKEN_PATHS.includes(key) || key === 'authed_user'))
      for (const [, v] of entries) {
        if (v instanceof Nested && repeated(v.entries).includes('access_token'))
          expected.add('authed_user.access_token')
      }
      const found = duplicateJsonMembers(text, TOKEN_PATHS)
      return (
        found.length === new Set(found).size && found.length === expected.size && found.every((p) => expected.has(p))
      )
    }),
    { numRuns: 2000 }
  )
  t.pass('held')
})
