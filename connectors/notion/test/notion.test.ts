import t from 'tap'
import {
  findAction,
  renderActionRequest,
  resolveAuthSchemes,
  scopesForActions,
  validateConnectorDefinition
} from '@latchkey/connector-sdk'
import { notion } from '../src/index.js'

t.test('the Notion definition validates, also as JSON', async (t) => {
  t.same(validateConnectorDefinition(JSON.parse(JSON.stringify(notion))).issues, [])
  t.equal(notion.key, 'notion')
  t.ok(resolveAuthSchemes(notion).length > 0)
})

t.test('the actions need no scopes; POSTed lists carry the cursor and page size in the body', async (t) => {
  t.same(scopesForActions(notion, ['search', 'query_database', 'create_page', 'list_users']).scopes, [])
  for (const key of ['search', 'query_database']) {
    const action = findAction(notion, key)
    t.match(action?.pagination, { style: 'cursor', param: 'start_cursor', cursorIn: 'body', cursorPath: 'next_cursor' })
    t.match(action?.body, { page_size: 100 })
  }
  t.match(findAction(notion, 'list_users')?.pagination, { cursorIn: undefined, limitParam: 'page_size', limit: 100 })
})

t.test('query_database puts the database in the path, and leaves out a filter it was not given', async (t) => {
  const action = findAction(notion, 'query_database')
  if (action === undefined) throw new Error('no query_database')
  const request = renderActionRequest(action, { input: { database_id: 'd9824bdc84454327be8b5b47500af6ce' } })
  t.equal(request.path, '/databases/d9824bdc84454327be8b5b47500af6ce/query')
  t.same(request.body, { page_size: 100 })
})
