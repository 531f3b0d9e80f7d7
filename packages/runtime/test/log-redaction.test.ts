import t from 'tap'
import { LOG_CENSOR, loggedMessage, loggedPath, redactedLogOptions } from '../src/index.js'

t.test('log redaction: paths without queries, start tokens redacted, one option set for both services', async (t) => {
  t.equal(loggedPath('/oauth/start/abc123?x=1'), `/oauth/start/${LOG_CENSOR}`)
  t.equal(loggedPath('/v1/connections/1?code=secret'), '/v1/connections/1')
  t.equal(
    loggedMessage('Route GET:/oauth/start/tok?code=c not found'),
    `Route GET:/oauth/start/${LOG_CENSOR} not found`
  )
  t.equal(loggedMessage('retrying /oauth/start/tok now'), `retrying /oauth/start/${LOG_CENSOR} now`)
  const options = redactedLogOptions('warn')
  t.equal(options.level, 'warn')
  t.ok(options.redact.paths.includes('*.apiKey') && options.redact.paths.includes('*.secret'))
  const seen: unknown[][] = []
  options.hooks.logMethod.call(undefined, ['at /oauth/start/tok', { n: 1 }], (...args) => void seen.push(args))
  t.same(seen, [[`at /oauth/start/${LOG_CENSOR}`, { n: 1 }]], 'strings are filtered, objects left to redaction')
})
