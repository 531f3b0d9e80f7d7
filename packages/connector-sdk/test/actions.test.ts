import t from 'tap'
import type { Test } from 'tap'
import Type from 'typebox'
import {
  TemplateError,
  actionsByScope,
  defineConnector,
  findAction,
  renderActionRequest,
  scopesForActions,
  validateActionInput,
  validateConnectorDefinition
} from '../src/index.js'
import type { ConnectorDefinitionInput } from '../src/index.js'

type Mutable = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any -- tests bend definitions freely

/** GitHub-like: issues listed with Link pages, created with a JSON body. */
function definition(): ConnectorDefinitionInput {
  return {
    key: 'forge',
    name: 'Forge',
    version: '1.0.0',
    auth: {
      kind: 'oauth2',
      grant: 'authorization_code',
      authorizeUrl: 'https://forge.example/login/oauth/authorize',
      tokenUrl: 'https://forge.example/login/oauth/access_token',
      scopes: { repo: 'Repositories', 'read:user': 'Profile' },
      defaultScopes: ['read:user']
    },
    http: { baseUrl: 'https://api.forge.example' },
    actions: [
      {
        key: 'list_issues',
        name: 'List issues',
        method: 'GET',
        path: '/repos/{{input.owner}}/{{input.repo}}/issues',
        query: { state: '{{input.state}}', labels: '{{input.labels}}' },
        input: Type.Object({
          owner: Type.String({ minLength: 1 }),
          repo: Type.String({ minLength: 1 }),
          state: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed')])),
          labels: Type.Optional(Type.Array(Type.String()))
        }),
        scopes: ['repo'],
        pagination: { style: 'link' }
      },
      {
        key: 'create_issue',
        name: 'Create an issue',
        method: 'POST',
        path: '/repos/{{input.owner}}/{{input.repo}}/issues',
        headers: { 'x-request-note': 'created for {{input.owner}}' },
        body: { title: '{{input.title}}', body: '{{input.body}}', labels: '{{input.labels}}', source: 'latchkey' },
        input: Type.Object({
          owner: Type.String(),
          repo: Type.String(),
          title: Type.String({ minLength: 1 }),
          body: Type.Optional(Type.String()),
          labels: Type.Optional(Type.Array(Type.String()))
        }),
        scopes: ['repo']
      },
      {
        key: 'me',
        name: 'Who am I',
        method: 'GET',
        path: '/user',
        output: 'login',
        scopes: ['read:user']
      }
    ]
  }
}

function issuesOf(input: unknown): { path: string; message: string }[] {
  const result = validateConnectorDefinition(JSON.parse(JSON.stringify(input)))
  return result.ok ? [] : [...result.issues]
}

function exactly(t: Test, issues: readonly { path: string; message: string }[], expected: object[]): void {
  t.match(issues, expected, JSON.stringify(issues))
  t.equal(issues.length, expected.length, 'no other issues')
}

t.test('actions written with typebox survive JSON and validate', async (t) => {
  t.same(issuesOf(definition()), [])
  const connector = defineConnector(definition())
  t.equal(findAction(connector, 'create_issue')?.name, 'Create an issue')
  t.equal(findAction(connector, 'nope'), undefined)
})

t.test('every problem of every action is reported by its path', async (t) => {
  const d = definition() as Mutable
  const [list, create, me] = d.actions
  list.path = '/repos/{{input.owner}}/{{input.rpo}}/issues?state=open'
  list.query.state = '{{input.state}}'
  list.query.sort = '{{credentials.apiKey}}'
  list.pagination = { style: 'cursor', cursorPath: 'next', firstPage: 1 }
  create.method = 'GET'
  create.headers = { Authorization: 'Bearer {{input.title}}' }
  create.input.required.push('milestone')
  create.scopes = ['repos']
  me.key = 'list_issues'
  delete me.output
  me.pagination = { style: 'page', param: 'page', limitParam: 'per_page' }
  exactly(t, issuesOf(d), [
    {
      path: 'actions[0].path',
      message: 'must be a relative path without white space, backslashes, "?" or "#" (put the query in query)'
    },
    {
      path: 'actions[0].path',
      message:
        "placeholder {{input.rpo}} is not a declared property of the action's input; did you mean {{input.repo}}?"
    },
    {
      path: 'actions[0].query.sort',
      message:
        "placeholder {{credentials.apiKey}} is only available in a scheme's send or its fixed user name or password, and http.headers and http.query"
    },
    { path: 'actions[0].pagination.param', message: /is required/ },
    { path: 'actions[0].pagination.firstPage', message: 'is not used by the "cursor" style' },
    { path: 'actions[1].input.required[3]', message: '"milestone" is not one of the input\'s properties' },
    { path: 'actions[1].headers.Authorization', message: 'is set by Latchkey itself and cannot be overridden' },
    { path: 'actions[1].body', message: 'is not sent with GET' },
    { path: 'actions[1].scopes[0]', message: '"repos" is not a declared scope; did you mean "repo"?' },
    { path: 'actions[2].key', message: 'repeats the key of actions[0]' },
    { path: 'actions[2].pagination.limit', message: 'is required with limitParam: the page size to ask for' }
  ])
})

t.test('shape errors of an action name the field', async (t) => {
  const d = definition() as Mutable
  d.actions[0].methd = 'GET'
  d.actions[1].key = 'Create-Issue'
  d.actions[2].pagination = { style: 'scroll' }
  exactly(t, issuesOf(d), [
    { path: 'actions[0].methd', message: 'is not a known field; did you mean "method"?' },
    { path: 'actions[1].key', message: /lower-case letters, digits and underscores/ },
    { path: 'actions[2].pagination.style', message: 'must be "cursor", "link", "offset" or "page"' }
  ])
})

t.test('a path value must be a required input, and input placeholders are only for actions', async (t) => {
  const d = definition() as Mutable
  d.actions[2].path = '/users/{{input.login}}'
  d.actions[2].input = { type: 'object', properties: { login: { type: 'string' } } }
  d.http.headers = { 'x-owner': '{{input.owner}}' }
  exactly(t, issuesOf(d), [
    {
      path: 'http.headers["x-owner"]',
      message: "placeholder {{input.owner}} is only available in an action's path, query, headers and body"
    },
    {
      path: 'actions[2].path',
      message:
        '{{input.login}} must be a required input ("login" in input.required): the path cannot be built without it'
    }
  ])
})

t.test('scopes need an OAuth 2.0 scheme; actions need an API', async (t) => {
  const d = definition() as Mutable
  d.auth = { kind: 'apiKey' }
  delete d.http
  const issues = issuesOf(d)
  t.match(issues, [
    { path: 'actions', message: "needs http.baseUrl: actions are requests on the connector's API" },
    { path: 'actions[0].scopes[0]', message: 'no auth scheme of this connector uses OAuth 2.0 scopes' }
  ])
})

t.test('cursor pagination needs one source of its cursor', async (t) => {
  const d = definition() as Mutable
  d.actions[0].pagination = { style: 'cursor', param: 'after', cursorPath: 'next', cursorHeader: 'x-next' }
  d.actions[1].pagination = { style: 'cursor', param: 'marker', cursorFromLastItem: 'id' }
  d.actions[2].pagination = { style: 'cursor', param: 'c', cursorHeader: 'bad header', cursorIn: 'body' }
  exactly(t, issuesOf(d), [
    { path: 'actions[0].pagination', message: /exactly one of cursorPath, cursorHeader or cursorFromLastItem/ },
    { path: 'actions[1].pagination.cursorFromLastItem', message: /needs the action's output/ },
    { path: 'actions[2].pagination.cursorIn', message: 'cannot be "body" with GET' },
    { path: 'actions[2].pagination.cursorHeader', message: 'is not a valid header name' }
  ])
})

t.test('a page size with Link paging, and page numbers over a body that is the list', async (t) => {
  const d = definition() as Mutable
  d.actions[0].pagination = { style: 'link', limitParam: 'per_page', limit: 100 }
  delete d.actions[2].output
  d.actions[2].pagination = { style: 'page', param: 'page', limitParam: 'per_page', limit: 100 }
  exactly(t, issuesOf(d), [])
  d.actions[1].pagination = { style: 'link', linkPath: '@odata.nextLink' }
  exactly(t, issuesOf(d), []) // the next link in the body (Microsoft Graph)
  d.actions[0].pagination = { style: 'link', param: 'page' }
  d.actions[1].pagination = { style: 'offset', param: 'skip', linkPath: '@odata.nextLink' }
  exactly(t, issuesOf(d), [
    { path: 'actions[0].pagination.param', message: 'is not used by the "link" style' },
    { path: 'actions[1].pagination.linkPath', message: 'is not used by the "offset" style' }
  ])
})

t.test('input is checked against the action schema, every field at once', async (t) => {
  const connector = defineConnector(definition())
  const list = findAction(connector, 'list_issues')!
  t.same(validateActionInput(list, { owner: 'octo', repo: 'hello' }), [])
  t.same(validateActionInput(list, { owner: '', state: 'all', labels: ['a', 3] }, 'body.input'), [
    { path: 'body.input.repo', message: 'is required' },
    { path: 'body.input.owner', message: 'must not be empty' },
    { path: 'body.input.state', message: 'must be "open" or "closed"' },
    { path: 'body.input.labels[1]', message: 'must be a string' }
  ])
  const me = findAction(connector, 'me')!
  t.same(validateActionInput(me, undefined), [])
  t.same(validateActionInput(me, [1]), [{ path: 'input', message: 'must be an object' }])
})

t.test('requests are built from the input: encoded path, lists kept, missing fields left out', async (t) => {
  const connector = defineConnector(definition())
  const list = renderActionRequest(findAction(connector, 'list_issues')!, {
    input: { owner: 'octo cat', repo: 'a/b', labels: ['bug', 'p1'] }
  })
  t.same(list, {
    method: 'GET',
    path: '/repos/octo%20cat/a%2Fb/issues',
    query: { labels: ['bug', 'p1'] },
    headers: {},
    bodyFormat: 'json'
  })
  const create = renderActionRequest(findAction(connector, 'create_issue')!, {
    input: { owner: 'octo', repo: 'hello', title: 'Broken', labels: ['bug'] }
  })
  t.same(create.body, { title: 'Broken', labels: ['bug'], source: 'latchkey' })
  t.same(create.headers, { 'x-request-note': 'created for octo' })
  t.throws(
    () =>
      renderActionRequest(findAction(connector, 'create_issue')!, { input: { owner: ['x'], repo: 'r', title: 't' } }),
    TemplateError
  )
})

t.test('scopes come from the actions used; each scope knows its actions', async (t) => {
  const connector = defineConnector(definition())
  t.same(scopesForActions(connector, ['me', 'list_issues', 'create_issue']), {
    scopes: ['read:user', 'repo'],
    issues: []
  })
  t.same(scopesForActions(connector, ['list_issue'], 'body.actions').issues, [
    { path: 'body.actions[0]', message: '"list_issue" is not an action of Forge; did you mean "list_issues"?' }
  ])
  t.same(actionsByScope(connector), {
    repo: [
      { key: 'list_issues', name: 'List issues' },
      { key: 'create_issue', name: 'Create an issue' }
    ],
    'read:user': [{ key: 'me', name: 'Who am I' }]
  })
})

t.test('a connection made for actions also asks for what the verification request needs', async (t) => {
  const d = definition() as Mutable
  d.verification = { path: '/user', identity: { user: 'login' }, scopes: ['read:user'] }
  exactly(t, issuesOf(d), [])
  t.same(scopesForActions(d as ConnectorDefinitionInput, ['create_issue']).scopes, ['repo', 'read:user'])
  t.same(scopesForActions(d as ConnectorDefinitionInput, []).scopes, [], 'no actions, nothing added')
  d.verification.scopes = ['read:usr']
  exactly(t, issuesOf(d), [
    { path: 'verification.scopes[0]', message: '"read:usr" is not a declared scope; did you mean "read:user"?' }
  ])
})
