import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import defaultExport, { reddit } from '../src/index.js'

const USER_AGENT = 'web:latchkey-connector-reddit:v1.0.0'

t.test('the Reddit definition validates, also as JSON', async (t) => {
  t.equal(defaultExport, reddit)
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(reddit))).issues, [])
  const scheme = resolveAuthScheme(reddit)
  t.equal(scheme?.kind, 'oauth2')
  if (scheme?.kind !== 'oauth2' || scheme.grant !== 'authorization_code') return
  t.equal(scheme.clientAuthMethod, 'client_secret_basic', 'the client in HTTP Basic')
  t.equal(scheme.pkce, false)
  t.same(reddit.auth.kind === 'oauth2' ? reddit.auth.offlineAccess : undefined, {
    authorizeParams: { duration: 'permanent' }
  })
  t.same(scheme.tokenHeaders, { 'User-Agent': USER_AGENT })
  t.same(scheme.refreshHeaders, { 'User-Agent': USER_AGENT })
  t.equal(scheme.scopeDelimiter, ' ')
  t.same(scheme.defaultScopes, ['identity', 'read'])
  t.equal(Object.keys(scheme.scopes).length, 20)
  t.match(scheme.revoke, { method: 'POST', authentication: 'client', format: 'form', tokenTypeHint: true })
})

t.test('its URLs render', async (t) => {
  t.same(resolveEndpoints(reddit, { parameters: {}, config: {}, metadata: {} }), {
    authorizeUrl: 'https://www.reddit.com/api/v1/authorize',
    tokenUrl: 'https://www.reddit.com/api/v1/access_token',
    refreshUrl: 'https://www.reddit.com/api/v1/access_token',
    revokeUrl: 'https://www.reddit.com/api/v1/revoke_token',
    baseUrl: 'https://oauth.reddit.com'
  })
  t.same(reddit.http?.headers, { 'User-Agent': USER_AGENT }, 'a descriptive User-Agent on every call')
  t.same(reddit.http?.rateLimit, { resetHeader: 'x-ratelimit-reset', resetFormat: 'delay_seconds' })
})

t.test('its action pages a listing by `after`', async (t) => {
  const action = findAction(reddit, 'list_my_subreddits')
  t.ok(action)
  if (action === undefined) return
  t.equal(renderActionRequest(action, { input: { where: 'subscriber' } }).path, '/subreddits/mine/subscriber')
  t.match(action.pagination, { style: 'cursor', param: 'after', cursorPath: 'data.after', limit: 100 })
  t.same(scopesForActions(reddit, ['list_my_subreddits']).scopes, ['mysubreddits', 'identity'], 'and who it is')
})
