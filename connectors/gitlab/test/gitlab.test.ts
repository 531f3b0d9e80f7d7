import t from 'tap'
import {
  findAction,
  missingScopes,
  renderActionRequest,
  resolveAuthScheme,
  resolveAuthSchemes,
  scopesForActions,
  validateActionInput,
  validateConnectorDefinition,
  widestScopes
} from '@latchkey/connector-sdk'
import { gitlab } from '../src/index.js'

/** The OAuth 2.0 scheme with its defaults applied. */
function oauth() {
  const scheme = resolveAuthScheme(gitlab)
  if (scheme?.kind !== 'oauth2') throw new Error('GitLab signs in with OAuth 2.0')
  return scheme
}

t.test('the GitLab definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(gitlab))).issues, [])
  t.equal(gitlab.key, 'gitlab')
  t.ok(resolveAuthSchemes(gitlab).length > 0)
})

t.test('its actions: Link-header lists of 100, project paths percent-encoded, writes needing `api`', async (t) => {
  t.same(
    (gitlab.actions ?? []).map((action) => action.key),
    ['list_projects', 'get_project', 'list_issues', 'create_issue']
  )
  const includes = oauth().scopeIncludes
  const all = scopesForActions(gitlab, ['list_projects', 'get_project', 'list_issues', 'create_issue']).scopes
  t.same(all, ['read_api', 'api'])
  t.same(widestScopes(all, includes), ['api'], '`api` covers `read_api`')
  t.same(missingScopes(['api'], oauth().defaultScopes, includes), ['api'], 'the defaults only read')

  const listIssues = findAction(gitlab, 'list_issues')
  t.ok(listIssues)
  if (listIssues === undefined) return
  t.match(listIssues.pagination, { style: 'link' })
  t.same(renderActionRequest(listIssues, { input: { project: 'acme/widgets', state: 'closed' } }), {
    method: 'GET',
    path: '/projects/acme%2Fwidgets/issues',
    query: { state: 'closed', per_page: '100' },
    headers: {},
    bodyFormat: 'json'
  })
  t.match(validateActionInput(listIssues, { project: 'acme/widgets', state: 'open' }), [{ path: 'input.state' }])

  const createIssue = findAction(gitlab, 'create_issue')
  t.ok(createIssue)
  if (createIssue === undefined) return
  t.same(
    renderActionRequest(createIssue, { input: { project: '42', title: 'Broken build', assignee_ids: [7, 9] } }).body,
    { title: 'Broken build', assignee_ids: [7, 9] }
  )
})
