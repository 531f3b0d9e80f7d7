import t from 'tap'
import { Type } from 'typebox'
import { ConfigError, readEnvironment } from '../src/index.js'

const schema = Type.Object({
  PUBLIC_URL: Type.String({ minLength: 1 }),
  PORT: Type.Integer({ minimum: 1, maximum: 65535, default: 3000 }),
  RATIO: Type.Number({ default: 0.5 }),
  ADMIN_TOKEN: Type.String({ minLength: 16 }),
  MODE: Type.Optional(Type.Enum(['a', 'b']))
})
const secrets = new Set(['ADMIN_TOKEN'])

t.test('numbers are parsed, defaults applied, empty values count as unset, unknown variables ignored', async (t) => {
  const config = readEnvironment(
    schema,
    {
      PUBLIC_URL: 'https://l.example',
      PORT: '8080',
      RATIO: '-1.25',
      ADMIN_TOKEN: 'x'.repeat(16),
      MODE: '',
      OTHER: '1'
    },
    secrets
  )
  t.same(config, { PUBLIC_URL: 'https://l.example', PORT: 8080, RATIO: -1.25, ADMIN_TOKEN: 'x'.repeat(16) })
  t.equal(readEnvironment(schema, { PUBLIC_URL: 'u', ADMIN_TOKEN: 'y'.repeat(16) }, secrets).PORT, 3000)
})

t.test('every problem is listed at once, and a secret is never quoted', async (t) => {
  let error: unknown
  try {
    readEnvironment(schema, { PORT: '80x', ADMIN_TOKEN: 'short-SECRET', MODE: 'c' }, secrets)
  } catch (e) {
    error = e
  }
  t.ok(error instanceof ConfigError)
  const config = error as ConfigError
  t.equal(config.code, 'ERR_CONFIG')
  t.equal(config.name, 'ConfigError')
  t.ok(config.problems.includes('PUBLIC_URL: is required'), 'the missing variable')
  t.ok(
    config.problems.some((p) => /^PORT: .*\(got "80x"\)$/.test(p)),
    'a bad value quoted'
  )
  t.ok(config.problems.some((p) => /^MODE: .*\(got "c"\)$/.test(p)))
  t.ok(
    config.problems.some((p) => /^ADMIN_TOKEN: /.test(p)),
    'the secret named'
  )
  t.notMatch(config.message, /short-SECRET/, 'but not quoted')
  t.match(config.message, /^invalid configuration:\n {2}/)
  t.equal(config.message.split('\n').length, config.problems.length + 1, 'one line each')
})
