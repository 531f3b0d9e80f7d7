import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthSchemes,
  resolveEndpoints,
  scopesForActions,
  validateActionInput,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { atlassian } from '../src/index.js'

t.test('the Atlassian (Jira Cloud) definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(atlassian))).issues, [])
  t.equal(atlassian.key, 'atlassian')
  t.ok(resolveAuthSchemes(atlassian).length > 0)
})

t.test('the API URL carries the cloud id the verification request finds', async (t) => {
  t.equal(
    resolveEndpoints(atlassian, {
      parameters: {},
      config: {},
      metadata: {},
      account: { cloudId: '1324a887-45db-1bf4-1e99-ef0ff456d421' }
    }).baseUrl,
    'https://api.atlassian.com/ex/jira/1324a887-45db-1bf4-1e99-ef0ff456d421/rest/api/3'
  )
  t.equal(atlassian.verification?.from, 'origin')
})

t.test('its actions: JQL search by nextPageToken, projects by startAt, writes needing write:jira-work', async (t) => {
  t.same(
    (atlassian.actions ?? []).map((action) => action.key),
    ['search_issues', 'get_issue', 'create_issue', 'list_projects']
  )
  t.same(scopesForActions(atlassian, ['search_issues', 'get_issue', 'list_projects']).scopes, ['read:jira-work'])
  t.same(scopesForActions(atlassian, ['create_issue']).scopes, ['write:jira-work'])
  t.match(findAction(atlassian, 'search_issues')?.pagination, {
    style: 'cursor',
    param: 'nextPageToken',
    cursorPath: 'nextPageToken',
    limitParam: 'maxResults'
  })
  t.match(findAction(atlassian, 'list_projects')?.pagination, {
    style: 'offset',
    param: 'startAt',
    limitParam: 'maxResults',
    limit: 50
  })

  const search = findAction(atlassian, 'search_issues')
  t.ok(search)
  if (search === undefined) return
  t.same(renderActionRequest(search, { input: { jql: 'assignee = currentUser()' } }).query, {
    jql: 'assignee = currentUser()'
  })
  t.match(validateActionInput(search, {}), [{ path: 'input' }], 'a JQL query is required')

  const create = findAction(atlassian, 'create_issue')
  t.ok(create)
  if (create === undefined) return
  t.same(
    renderActionRequest(create, { input: { project_key: 'ACME', issue_type: 'Bug', summary: 'Login fails' } }).body,
    { fields: { project: { key: 'ACME' }, issuetype: { name: 'Bug' }, summary: 'Login fails' } }
  )
})
