import t from 'tap'
import {
  checkRequestedScopes,
  coveredScopes,
  joinScopes,
  missingScopes,
  resolveOAuth2,
  resolveScopes,
  splitScopes,
  validateConnectorDefinition,
  widestScopes
} from '../src/index.js'
import { validDefinition } from './helpers.js'

t.test('join and split', async (t) => {
  t.equal(joinScopes(['repo', 'user'], ','), 'repo,user')
  t.equal(joinScopes(['a', 'b']), 'a b')
  t.same(splitScopes('repo,user'), ['repo', 'user'])
  t.same(splitScopes('a  b\tc'), ['a', 'b', 'c'])
  t.same(splitScopes(' a, b ,a '), ['a', 'b'])
  t.same(splitScopes(undefined), [])
  t.same(splitScopes(''), [])
})

t.test('requested scopes are checked against declared ones', async (t) => {
  const declared = { read: 'r', write: 'w' }
  t.same(checkRequestedScopes(['read'], declared), [])
  t.same(checkRequestedScopes(['read', 'wirte', 'admin'], declared), [
    { path: 'scopes[1]', message: '"wirte" is not a scope this connector offers; did you mean "write"?' },
    { path: 'scopes[2]', message: '"admin" is not a scope this connector offers' }
  ])
  t.same(checkRequestedScopes(['anything'], {}), [], 'no declared scopes: anything goes')
})

t.test('defaults: request, then app, then connector; offline scope added once', async (t) => {
  t.same(resolveScopes({ requested: ['a'], appDefaults: ['b'], connectorDefaults: ['c'] }), ['a'])
  t.same(resolveScopes({ appDefaults: ['b'], connectorDefaults: ['c'] }), ['b'])
  t.same(resolveScopes({ connectorDefaults: ['c'], offlineScope: 'offline_access' }), ['c', 'offline_access'])
  t.same(resolveScopes({ requested: ['offline_access', 'a'], connectorDefaults: [], offlineScope: 'offline_access' }), [
    'offline_access',
    'a'
  ])
  t.same(resolveScopes({ requested: [], connectorDefaults: ['c'] }), [], 'an explicit empty request is kept')
})

t.test('scopes that include others: covered, missing and widest', async (t) => {
  const includes = { admin: ['write'], write: ['read'] }
  t.same([...coveredScopes(['admin'], includes)].sort(), ['admin', 'read', 'write'], 'transitively')
  t.same(missingScopes(['read', 'write', 'delete'], ['write'], includes), ['delete'], 'write covers read')
  t.same(missingScopes(['write'], ['read'], includes), ['write'], 'read does not cover write')
  t.same(widestScopes(['read', 'write', 'delete', 'read'], includes), ['write', 'delete'], 'the narrower one dropped')
  t.same(widestScopes(['read', 'delete'], {}), ['read', 'delete'], 'nothing included: unchanged')
})

t.test('a definition may say which scopes include others and that consent is incremental', async (t) => {
  const definition = validDefinition()
  definition.auth.scopeIncludes = { admin: ['write'], write: ['read'] }
  definition.auth.incrementalConsent = { authorizeParams: { include_granted_scopes: 'true' } }
  t.equal(validateConnectorDefinition(definition).ok, true)
  const resolved = resolveOAuth2(definition.auth)
  t.same(resolved.scopeIncludes, { admin: ['write'], write: ['read'] })
  t.same(resolved.incrementalConsent, { authorizeParams: { include_granted_scopes: 'true' } })
  t.equal(resolveOAuth2(validDefinition().auth).incrementalConsent, undefined, 'not unless declared')

  const bad = validDefinition()
  bad.auth.scopeIncludes = { admin: ['writ'], write: ['read', 'write'], owner: ['read'] }
  bad.auth.incrementalConsent = { authorizeParams: { state: 'x' } }
  const result = validateConnectorDefinition(bad)
  t.equal(result.ok, false)
  t.match(
    result.issues,
    [
      { path: 'auth.scopeIncludes.admin[0]', message: '"writ" is not a declared scope; did you mean "write"?' },
      { path: 'auth.scopeIncludes.write', message: '"write" cannot include itself, directly or through others' },
      { path: 'auth.scopeIncludes.owner', message: '"owner" is not a declared scope' },
      { path: 'auth.incrementalConsent.authorizeParams.state', message: /set by Latchkey itself/ }
    ],
    JSON.stringify(result.issues)
  )
  t.equal(result.issues.length, 4, JSON.stringify(result.issues))
})
