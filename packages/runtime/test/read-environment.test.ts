import t from 'tap'
import { Type } from 'typebox'
import { ConfigError, RUNTIME_VARIABLES, readEnvironment, runtimeConfigOf } from '../src/index.js'

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

t.test('the runtime variables both services read, and the settings they become', async (t) => {
  const runtimeSchema = Type.Object(RUNTIME_VARIABLES)
  t.same(runtimeConfigOf(readEnvironment(runtimeSchema, {}, new Set()), 'https://l.example'), {
    publicUrl: 'https://l.example',
    allowPrivateNetwork: false,
    refreshLockTtlMs: 30_000,
    tokenCacheSize: 10_000,
    connectionCache: { max: 10_000 }
  })
  const env = {
    LATCHKEY_ALLOW_PRIVATE_NETWORK: 'true',
    LATCHKEY_REFRESH_LOCK_TTL_MS: '5000',
    LATCHKEY_CACHE_SIZE: '250'
  }
  t.same(runtimeConfigOf(readEnvironment(runtimeSchema, env, new Set()), 'https://l.example'), {
    publicUrl: 'https://l.example',
    allowPrivateNetwork: true,
    refreshLockTtlMs: 5000,
    tokenCacheSize: 250,
    connectionCache: { max: 250 }
  })
})
