import t from 'tap'
import {
  findAction,
  joinScopes,
  missingScopes,
  renderActionRequest,
  resolveAuthScheme,
  resolveEndpoints,
  scopesForActions,
  validateActionInput,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { github } from '../src/index.js'

/** The OAuth 2.0 scheme with its defaults applied. */
function oauth() {
  const scheme = resolveAuthScheme(github)
  if (scheme?.kind !== 'oauth2') throw new Error('GitHub signs in with OAuth 2.0')
  return scheme
}

t.test('the GitHub definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(github))).issues, [])
  t.equal(oauth().scopeDelimiter, ',')
  t.equal(oauth().tokenHeaders.Accept, 'application/json')
  t.equal(joinScopes(oauth().defaultScopes, oauth().scopeDelimiter), 'read:user,user:email')
})

t.test('its URLs render', async (t) => {
  t.match(
    resolveEndpoints(github, { parameters: {}, config: {}, metadata: {}, client: { id: 'Iv1.8a61f9b3a7aba766' } }),
    {
      authorizeUrl: 'https://github.com/login/oauth/authorize',
      tokenUrl: 'https://github.com/login/oauth/access_token',
      revokeUrl: 'https://api.github.com/applications/Iv1.8a61f9b3a7aba766/token',
      baseUrl: 'https://api.github.com'
    }
  )
})

t.test('its actions: Link-header lists of 100, writes as JSON, all needing `repo`', async (t) => {
  t.same(
    (github.actions ?? []).map((action) => action.key),
    ['list_issues', 'create_issue', 'list_repos', 'get_repo']
  )
  t.same(scopesForActions(github, ['list_issues', 'create_issue', 'list_repos', 'get_repo']).scopes, ['repo'])
  // `repo` covers `public_repo` and `repo:status`; the profile scopes cover none of the actions.
  t.same(missingScopes(['public_repo', 'repo:status'], ['repo'], oauth().scopeIncludes), [])
  t.same(missingScopes(['repo'], ['read:user', 'user:email'], oauth().scopeIncludes), ['repo'])

  const listIssues = findAction(github, 'list_issues')
  t.ok(listIssues)
  if (listIssues === undefined) return
  t.match(listIssues.pagination, { style: 'link' })
  t.same(renderActionRequest(listIssues, { input: { owner: 'octo cat', repo: 'hello-world', state: 'closed' } }), {
    method: 'GET',
    path: '/repos/octo%20cat/hello-world/issues',
    query: { state: 'closed', per_page: '100' },
    headers: {},
    bodyFormat: 'json'
  })
  t.match(validateActionInput(listIssues, { owner: 'octocat', state: 'stale' }), [
    { path: 'input' },
    { path: 'input.state' }
  ])

  const createIssue = findAction(github, 'create_issue')
  t.ok(createIssue)
  if (createIssue === undefined) return
  t.same(
    renderActionRequest(createIssue, {
      input: { owner: 'octocat', repo: 'hello-world', title: 'Found a bug', labels: ['bug', 'ui'] }
    }).body,
    { title: 'Found a bug', labels: ['bug', 'ui'] }
  )
  t.match(validateActionInput(createIssue, { owner: 'octocat', repo: 'hello-world' }), [{ path: 'input' }])
})
