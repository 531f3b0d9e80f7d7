import t from 'tap'
import { notion } from '@latchkey/connector-notion'
import { checkActions } from './actions.js'
import { runRedirectScenario } from './scenario.js'

// https://developers.notion.com/docs/authorization
// `owner=user` on the authorize URL, no scopes; the token request is JSON with HTTP Basic
// client authentication; the answer names the workspace and the bot; tokens do not expire.

// https://developers.notion.com/reference/intro#pagination: `start_cursor` = the answer's `next_cursor` while
// `has_more`, with `page_size`: in the query of a GET, in the JSON body of a POST. The emulator's cursors are opaque.
const cursorAt = (index: number): string => Buffer.from(`at:${index}`).toString('base64url')
const PAGES = Array.from({ length: 230 }, (_, i) => ({ object: 'page', id: `page-${i}` }))
const ROWS = Array.from({ length: 150 }, (_, i) => ({ object: 'page', id: `row-${i}` }))
const USERS = Array.from({ length: 120 }, (_, i) => ({ object: 'user', id: `user-${i}`, type: 'person' }))
const DATABASE = 'd9824bdc84454327be8b5b47500af6ce'
const ONLY_PAGES = { property: 'object', value: 'page' }
const DONE = { property: 'Done', checkbox: { equals: true } }
const BY_DUE = [{ property: 'Due', direction: 'ascending' }]
const TITLE = { Name: { title: [{ text: { content: 'Launch plan' } }] } }

t.test('Notion: owner=user, JSON token request with Basic auth, workspace kept, long-lived token', async (t) => {
  await runRedirectScenario(t, {
    connector: notion,
    provider: {
      requireJsonBody: true,
      clientAuth: 'client_secret_basic',
      expiresIn: 'absent',
      issueRefreshTokens: false,
      extraTokenFields: { workspace_id: 'ws-1', workspace_name: "Ada's Notion", bot_id: 'bot-1', workspace_icon: null }
    },
    // Created for its actions, which need no scopes: still none asked for.
    actions: ['search', 'query_database', 'create_page', 'list_users'],
    authorize: { scope: undefined, pkce: false, params: { owner: 'user' } },
    metadata: () => ({ workspace_id: 'ws-1', workspace_name: "Ada's Notion", bot_id: 'bot-1' }),
    // https://developers.notion.com/reference/get-self
    verification: {
      path: '/api/users/me',
      answer: { object: 'user', id: 'bot-1', type: 'bot', name: 'Acme Sync' },
      account: { bot: 'Acme Sync' }
    },
    call: { method: 'POST', url: '/search', body: { query: 'Roadmap' }, providerPath: '/api/search', auth: 'bearer' },
    refresh: 'none',
    whileConnected: (t, context) =>
      checkActions(t, context, [
        {
          action: 'search',
          input: { query: 'Roadmap', filter: ONLY_PAGES },
          // https://developers.notion.com/reference/post-search (the cursor and page size in the POSTed body)
          serves: {
            path: '/api/search',
            collection: {
              items: PAGES,
              style: 'cursor',
              param: 'start_cursor',
              cursorIn: 'body',
              cursorPath: 'next_cursor',
              hasMorePath: 'has_more',
              itemsPath: 'results',
              pageSize: 100
            }
          },
          pages: 10,
          requests: [
            { method: 'POST', path: '/api/search', body: { query: 'Roadmap', filter: ONLY_PAGES, page_size: 100 } },
            {
              method: 'POST',
              path: '/api/search',
              body: { query: 'Roadmap', filter: ONLY_PAGES, page_size: 100, start_cursor: cursorAt(100) }
            },
            {
              method: 'POST',
              path: '/api/search',
              body: { query: 'Roadmap', filter: ONLY_PAGES, page_size: 100, start_cursor: cursorAt(200) }
            }
          ],
          answer: { output: PAGES, pages: 3, more: false }
        },
        {
          action: 'query_database',
          input: { database_id: DATABASE, filter: DONE, sorts: BY_DUE },
          // https://developers.notion.com/reference/post-database-query (one page asked for: more are left)
          serves: {
            path: `/api/databases/${DATABASE}/query`,
            collection: {
              items: ROWS,
              style: 'cursor',
              param: 'start_cursor',
              cursorIn: 'body',
              cursorPath: 'next_cursor',
              hasMorePath: 'has_more',
              itemsPath: 'results',
              pageSize: 100
            }
          },
          requests: [
            {
              method: 'POST',
              path: `/api/databases/${DATABASE}/query`,
              body: { filter: DONE, sorts: BY_DUE, page_size: 100 }
            }
          ],
          answer: { output: ROWS.slice(0, 100), pages: 1, more: true }
        },
        {
          action: 'list_users',
          // https://developers.notion.com/reference/get-users (the cursor and page size in the query)
          serves: {
            path: '/api/users',
            collection: {
              items: USERS,
              style: 'cursor',
              param: 'start_cursor',
              cursorPath: 'next_cursor',
              hasMorePath: 'has_more',
              itemsPath: 'results',
              limitParam: 'page_size'
            }
          },
          pages: 10,
          requests: [
            { path: '/api/users', query: { page_size: '100' } },
            { path: '/api/users', query: { page_size: '100', start_cursor: cursorAt(100) } }
          ],
          answer: { output: USERS, pages: 2, more: false }
        },
        {
          action: 'create_page',
          input: { database_id: DATABASE, properties: TITLE },
          // https://developers.notion.com/reference/post-page
          answer: {
            echo: { method: 'POST', path: '/api/pages' },
            sentBody: { parent: { database_id: DATABASE }, properties: TITLE }
          }
        }
      ]),
    revoke: 'none'
  })
})
