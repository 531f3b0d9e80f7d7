import t from 'tap'
import { checkRequestedScopes, joinScopes, resolveScopes, splitScopes } from '../src/index.js'

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
